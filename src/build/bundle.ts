/**
 * `npm run build`, second step: bundle the compiled CLI (dist/cli/main.js) into dist/bundle/.
 * Node's ESM loader spends about a millisecond per module on resolving, reading and linking,
 * and a report touches some seventy of ours; bundled, a command loads a handful of files.
 * Every dynamic import stays lazy (code splitting), most packages stay external (node_modules), and
 * the worker entries sit beside the chunks that start them (`new URL('./x-worker.js', import.meta.url)`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(dist, 'bundle');
fs.rmSync(outdir, { recursive: true, force: true }); // chunk names change with their content

await build({
  entryPoints: ['cli/main.js', 'app/workers/read-worker.js', 'app/workers/rules-apply-worker.js', 'app/workers/page-flusher-worker.js', 'app/workers/search-worker.js'].map((p) => path.join(dist, p)),
  outdir,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // commander and better-sqlite3's JavaScript are loaded by every command: bundled too (their
  // CommonJS `require` of Node built-ins goes through the banner's require). The addon itself
  // stays in node_modules (src/ledger/open.ts passes its path). Other packages load lazily.
  external: ['@inquirer/prompts', 'asciichart', 'chalk', 'conf', 'csv-parse', 'iconv-lite', 'yaml', 'esbuild', '*.node'],
  banner: { js: "import { createRequire as __pbCreateRequire } from 'node:module'; const require = __pbCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
