import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The CLI speaks the locale's language: tests that spawn it with process.env get English
    // whatever the machine's LANG (test/e2e/helpers.ts pins the same for its runs).
    // Compiled code the CLI keeps (src/cli/code-cache.ts) goes to a temp folder, not the home's cache.
    env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', POCKETBOOK_CODE_CACHE: path.join(os.tmpdir(), 'pocketbook-test-code-cache') },
  },
});
