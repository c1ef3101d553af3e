/**
 * Compiled code kept between runs (src/cli/code-cache.ts): on a made-up bundle of two CommonJS
 * files, then on the built CLI. Each run is a child process: the cache hooks Node's loader.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempLedger, type TempLedger } from './helpers.js';

const BUNDLE = path.join(REPO_ROOT, 'dist', 'bundle');
const CODE_CACHE = path.join(BUNDLE, 'code-cache.js');

interface Use {
  kept: string[];
  compiled: string[];
}

let dir: string;
let bundle: string;
let cache: string;

function writeBundle(b: string, twice = 'n * 2'): void {
  fs.mkdirSync(b, { recursive: true });
  const files: Record<string, string> = {
    'package.json': '{ "type": "commonjs" }\n',
    'a.js': '"use strict";\nconst { twice } = require("./b.js");\nexports.answer = () => twice(21);\n',
    'b.js': `"use strict";\nexports.twice = (n) => ${twice};\n`,
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(b, name), text);
  // The build names each file by its content; a test that edits a file gives it a new name.
  const id = (name: string) => Buffer.from(files[name]!).toString('hex').slice(-32).padStart(32, '0');
  fs.writeFileSync(path.join(b, 'code-ids.json'), JSON.stringify({ 'a.js': id('a.js'), 'b.js': id('b.js') }));
}

/** One process: install the cache for `bundle`, load a.js, print its answer and what the cache did. */
function runBundle(env: Record<string, string> = {}): { answer: number; use: Use | null; stderr: string; code: number | null } {
  const script =
    `const use = require(${JSON.stringify(CODE_CACHE)}).installCodeCache(${JSON.stringify(bundle)}, process.env);` +
    `const answer = require(${JSON.stringify(path.join(bundle, 'a.js'))}).answer();` +
    `process.stdout.write(JSON.stringify({ answer, use: use ?? null }));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, POCKETBOOK_CODE_CACHE: cache, ...env } });
  const out = r.status === 0 ? (JSON.parse(r.stdout) as { answer: number; use: Use | null }) : { answer: NaN, use: null };
  return { ...out, stderr: r.stderr, code: r.status };
}

const keptFiles = (): string[] => (fs.existsSync(cache) ? fs.readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.bin')) : []);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-code-cache-'));
  bundle = path.join(dir, 'bundle');
  cache = path.join(dir, 'cache');
  writeBundle(bundle);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('code cache on a made-up bundle', () => {
  it('compiles afresh the first time, keeps the code, and starts from it the next time', () => {
    const first = runBundle();
    expect(first.answer).toBe(42);
    expect(first.use).toEqual({ kept: [], compiled: ['a.js', 'b.js'] });
    expect(keptFiles()).toHaveLength(2);
    const second = runBundle();
    expect(second.answer).toBe(42);
    expect(second.use).toEqual({ kept: ['a.js', 'b.js'], compiled: [] });
  });

  it('never runs old code for a changed file: the new content has a new name', () => {
    runBundle();
    writeBundle(bundle, 'n * 3');
    const r = runBundle();
    expect(r.answer).toBe(63);
    expect(r.use?.compiled).toContain('b.js');
    expect(runBundle().use).toEqual({ kept: ['a.js', 'b.js'], compiled: [] });
  });

  it('compiles as usual over a damaged cache file, and writes it again', () => {
    runBundle();
    for (const f of keptFiles()) fs.writeFileSync(path.join(cache, f), 'not code');
    const r = runBundle();
    expect(r.answer).toBe(42);
    expect(r.use).toEqual({ kept: [], compiled: ['a.js', 'b.js'] });
    expect(runBundle().use).toEqual({ kept: ['a.js', 'b.js'], compiled: [] });
  });

  it('never hands V8 code with a flipped byte (its checksum no longer matches)', () => {
    runBundle();
    for (const f of keptFiles()) {
      const bytes = fs.readFileSync(path.join(cache, f));
      bytes[Math.floor(bytes.length / 2)]! ^= 0x10;
      fs.writeFileSync(path.join(cache, f), bytes);
    }
    const r = runBundle();
    expect(r.answer).toBe(42);
    expect(r.use).toEqual({ kept: [], compiled: ['a.js', 'b.js'] });
  });

  it('runs as usual when the cache cannot be written', () => {
    fs.writeFileSync(path.join(dir, 'a-file'), '');
    const r = runBundle({ POCKETBOOK_CODE_CACHE: path.join(dir, 'a-file', 'cache') });
    expect(r.code).toBe(0);
    expect(r.answer).toBe(42);
    expect(r.stderr).toBe('');
  });

  it('POCKETBOOK_CODE_CACHE=off leaves the loader alone and writes nothing', () => {
    const r = runBundle({ POCKETBOOK_CODE_CACHE: 'off' });
    expect(r.answer).toBe(42);
    expect(r.use).toBeNull();
    expect(fs.existsSync(cache)).toBe(false);
  });

  it('keeps its files private to the user', () => {
    runBundle();
    const [f] = keptFiles();
    expect(fs.statSync(path.join(cache, f!)).mode & 0o077).toBe(0);
    expect(fs.statSync(path.dirname(path.join(cache, f!))).mode & 0o077).toBe(0);
  });
});

describe('the built CLI with and without kept code', () => {
  let t: TempLedger;
  beforeEach(() => {
    t = tempLedger('pb-code-cache-cli-');
    fs.writeFileSync(t.file('card.csv'), 'Date,Description,Amount\n2026-10-03,Blue Bottle Coffee,-32.50\n2026-10-09,Salary,5000.00\n2026-10-21,Metro card,-100.00\n');
    expect(t.run(['import', t.file('card.csv'), '--account', 'Card']).code).toBe(0);
  });
  afterEach(() => t.cleanup());

  it('prints the same report from fresh, kept and no kept code', () => {
    const args = ['report', 'month', '2026-10', '--json'];
    const fresh = t.run(args, { env: { POCKETBOOK_CODE_CACHE: cache } });
    const kept = t.run(args, { env: { POCKETBOOK_CODE_CACHE: cache } });
    const off = t.run(args, { env: { POCKETBOOK_CODE_CACHE: 'off' } });
    expect(fresh.code).toBe(0);
    expect(JSON.parse(fresh.stdout).spending).toBe('132.50');
    expect(kept.stdout).toBe(fresh.stdout);
    expect(off.stdout).toBe(fresh.stdout);
    expect(keptFiles().length).toBeGreaterThan(3);
  });

  it('the build lists every file of the bundle it loads through the cache, none with an import()', () => {
    const ids = JSON.parse(fs.readFileSync(path.join(BUNDLE, 'code-ids.json'), 'utf8')) as Record<string, string>;
    const outside = ['code-cache.js', 'import-esm.js', 'code-ids.json', 'package.json'];
    const files = fs.readdirSync(BUNDLE).filter((f) => !outside.includes(f));
    expect(Object.keys(ids).sort()).toEqual(files.sort());
    for (const f of files) expect(fs.readFileSync(path.join(BUNDLE, f), 'utf8'), f).not.toMatch(/\bimport\(/);
  });
});
