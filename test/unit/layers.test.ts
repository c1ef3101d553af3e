import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Layers one way (STYLE.md, issue 29 point 2): `cli → app → (import, rules, reports, ledger) → core`,
 * `render` reads report types only. This test reads every static `import`/`export … from` and every
 * dynamic `import()` under src/ and fails on an arrow that points the wrong way, on SQL text outside
 * src/ledger, and on a migration that imports live code (a frozen migration must not change when
 * the code it calls does).
 */

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
const SRC = path.join(ROOT, 'src');

/** Which top-level folders under src/ each folder may import (itself always). */
const ALLOWED: Record<string, readonly string[]> = {
  cli: ['app', 'core', 'render'],
  app: ['import', 'rules', 'reports', 'ledger', 'core'],
  import: ['core'],
  rules: ['core'],
  ledger: ['core'],
  reports: ['core'],
  render: ['reports', 'core'], // reports: `import type` only (checked below)
  core: [],
};
/** Dev tools (benchmarks, the bundler) may import anything. */
const DEV_TOOLS = new Set(['bench', 'build']);
/** Imports from these layers must be type-only. */
const TYPE_ONLY: Record<string, readonly string[]> = { render: ['reports'] };

/**
 * Violations that remain, each with its reason. The test fails on a new one and on an entry that no
 * longer happens (delete it then), so this list only shrinks.
 * Keys: `file -> layer` (wrong arrow), `file: sql` (SQL outside ledger), `file -> import` (migration).
 */
/** Known exceptions, each with its reason (none left: keep it that way). */
const ALLOWLIST: Record<string, string> = {};



function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

const STATIC = /\b(import|export)\s+(type\s+)?(?:[\w$*{},\s]*?\s+from\s+)?['"]([^'"\n]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"`]([^'"`\n]+)['"`]\s*\)/g;

/** Relative imports of one file, with whether each is type-only. */
function importsOf(text: string): { spec: string; typeOnly: boolean }[] {
  const code = stripComments(text);
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of code.matchAll(STATIC)) {
    const typeOnly = m[2] !== undefined || /^\s*(?:import|export)\s+\{\s*(?:type\s+[\w$]+(?:\s+as\s+[\w$]+)?\s*,?\s*)+\}/.test(m[0]);
    out.push({ spec: m[3]!, typeOnly });
  }
  for (const m of code.matchAll(DYNAMIC)) out.push({ spec: m[1]!, typeOnly: false });
  return out.filter((i) => i.spec.startsWith('.'));
}

const SQL = [/\.prepare\(\s*[^)\s]/, /\.pragma\(/, /\.exec\(\s*['"`]/, /\b(?:db|conn|ledger|database)\.exec\(/];

function hasSql(text: string): boolean {
  const code = stripComments(text);
  return SQL.some((re) => re.test(code));
}

const layerOf = (rel: string): string => rel.split('/')[1] ?? '';

/** All violations of a source tree given as `src/…` path → text. */
function violations(files: ReadonlyMap<string, string>): string[] {
  const found = new Set<string>();
  for (const [rel, text] of files) {
    const from = layerOf(rel);
    if (DEV_TOOLS.has(from)) continue;
    const migration = rel.startsWith('src/ledger/migrations/');
    for (const { spec, typeOnly } of importsOf(text)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
      const to = layerOf(target);
      if (migration && !target.startsWith('src/ledger/migrations/') && to !== 'core') {
        found.add(`${rel} -> ${target.replace(/\.js$/, '.ts')}`);
      }
      if (to === from) continue;
      const allowed = ALLOWED[from];
      if (allowed === undefined || !allowed.includes(to)) found.add(`${rel} -> ${to}`);
      else if (TYPE_ONLY[from]?.includes(to) && !typeOnly) found.add(`${rel} -> ${to}`);
    }
    if (from !== 'ledger' && hasSql(text)) found.add(`${rel}: sql`);
  }
  return [...found].sort();
}

function readTree(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) readTree(full, out);
    else if (/\.(?:ts|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
      out.set(path.relative(ROOT, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
    }
  }
  return out;
}

describe('layers point one way', () => {
  const tree = readTree(SRC);
  const found = violations(tree);

  it('has no wrong arrow, SQL outside ledger or live-code migration beyond the allowlist', () => {
    expect(found.filter((v) => !(v in ALLOWLIST))).toEqual([]);
  });

  it('has no stale allowlist entry (delete an entry once its violation is gone)', () => {
    expect(Object.keys(ALLOWLIST).filter((k) => !found.includes(k))).toEqual([]);
  });

  it('sees every layer folder (a renamed folder must not silently escape the check)', () => {
    const layers = new Set([...tree.keys()].map(layerOf));
    for (const layer of [...Object.keys(ALLOWED), ...DEV_TOOLS]) expect(layers.has(layer)).toBe(true);
    for (const layer of layers) expect(layer in ALLOWED || DEV_TOOLS.has(layer)).toBe(true);
  });

  it('catches a wrong arrow, a value import of reports in render, SQL in app and a live migration', () => {
    const fake = new Map<string, string>([
      ['src/ledger/x.ts', "import { a } from '../rules/model.js';"],
      ['src/core/y.ts', "export { b } from '../ledger/open.js';"],
      ['src/reports/z.ts', "const m = await import('../app/setup/config.js');"],
      ['src/render/v.ts', "import type { T } from '../reports/model.js';\nimport { f } from '../reports/month.js';"],
      ['src/render/w.ts', "import { type T, type U as V } from '../reports/model.js';"],
      ['src/app/s.ts', "const n = db.prepare('SELECT 1').get();\nconst m = /x/.exec(s);\nenricher.prepare();"],
      ['src/ledger/migrations/099-x.ts', "import { s } from '../search.js';\nimport { t } from './index.js';\nimport { u } from '../../core/dates.js';"],
      ['src/cli/ok.ts', "import { a } from '../app/a.js';\n// import { b } from '../ledger/open.js';"],
      ['src/bench/ok.ts', "import { a } from '../ledger/open.js';"],
    ]);
    expect(violations(fake)).toEqual([
      'src/app/s.ts: sql',
      'src/core/y.ts -> ledger',
      'src/ledger/migrations/099-x.ts -> src/ledger/search.ts',
      'src/ledger/x.ts -> rules',
      'src/render/v.ts -> reports',
      'src/reports/z.ts -> app',
    ]);
  });
});
