/**
 * `rules apply` on a big ledger splits the work with a worker thread (dist/app/workers/rules-apply-worker.js).
 * Forced on a small ledger here: two copies of one ledger, one applied in a single thread and
 * one on two threads, must end up identical, hand-set fields untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempLedger } from './helpers.js';
import { rulesYaml, writeStatement } from '../../src/bench/gen.js';

const t = tempLedger();
afterAll(() => t.cleanup());

/** The built modules: the worker exists only as compiled JavaScript. */
async function built() {
  const dist = (p: string) => import(path.join(REPO_ROOT, 'dist', p));
  return {
    open: (await dist('ledger/open.js')) as typeof import('../../src/ledger/open.js'),
    engine: (await dist('app/rules/rules-engine.js')) as typeof import('../../src/app/rules/rules-engine.js'),
    apply: (await dist('app/rules/rules-apply.js')) as typeof import('../../src/app/rules/rules-apply.js'),
  };
}

function state(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true });
  const rows = db
    .prepare(`SELECT t.id, t.merchant, t.merchant_source, t.category_id, t.category_source, t.kind, t.kind_source, t.channel, t.channel_source,
                (SELECT group_concat(tag) FROM (SELECT tag FROM tags WHERE tx_id = t.id ORDER BY tag)) AS tags
              FROM transactions t ORDER BY t.id`)
    .all();
  db.close();
  return rows.map((r) => JSON.stringify(r));
}

describe('rules apply on two threads', () => {
  it('gives exactly what one thread gives, and leaves hand-set fields alone', async () => {
    const csv = t.file('statement.csv');
    writeStatement(csv, { rows: 3000, seed: 7, years: 1 });
    expect(t.run(['import', csv, '--account', 'Card']).code).toBe(0);
    // Rules arrive after the import, so applying them changes entries.
    fs.writeFileSync(t.file('rules.yaml'), rulesYaml(40));
    expect(t.run(['rules', 'import', t.file('rules.yaml')]).code).toBe(0);
    expect(t.run(['tx', 'edit', '10', '--category', 'Gifts']).code).toBe(0);
    expect(t.run(['tx', 'edit', '2999', '--category', 'Gifts']).code).toBe(0);
    const { open, engine, apply } = await built();
    const one = t.file('one.db');
    const two = t.file('two.db');
    const src = open.openLedger(t.ledger);
    src.pragma('wal_checkpoint(TRUNCATE)');
    src.close();
    fs.copyFileSync(t.ledger, one);
    fs.copyFileSync(t.ledger, two);

    const a = open.openLedger(one);
    const single = apply.applyRules(a, engine.loadEngine(a), true);
    a.close();
    const b = open.openLedger(two);
    const parallel = await apply.applyRulesParallel(b, two, engine.loadEngine(b), true, 2);
    b.close();

    expect(single.examined).toBe(3000);
    expect(single.changed).toBeGreaterThan(100);
    expect(parallel).toEqual({ ...single, threads: 2 });
    expect(state(two)).toEqual(state(one));
    const manual = new BetterSqlite3(two, { readonly: true }).prepare("SELECT id FROM transactions WHERE category_source = 'manual' ORDER BY id").pluck().all();
    expect(manual).toEqual([10, 2999]);
  });

  it('through the built CLI on two threads: the same ledger as one thread', () => {
    const one = t.file('cli-one.db');
    const two = t.file('cli-two.db');
    // The ledger as imported (checkpointed above), before any apply.
    fs.copyFileSync(t.ledger, one);
    fs.copyFileSync(t.ledger, two);
    const env = (min: string) => ({ env: { POCKETBOOK_CONFIG_DIR: t.configDir, POCKETBOOK_THREADS_MIN_ROWS: min } });
    const a = runCli(['--ledger', one, '--debug', 'rules', 'apply', '--all', '--json'], env('1000000000'));
    const b = runCli(['--ledger', two, '--debug', 'rules', 'apply', '--all', '--json'], env('2'));
    expect(a.stderr).toMatch(/decided on 1 thread\b/);
    expect(b.stderr).toMatch(/decided on 2 threads/);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(JSON.parse(a.stdout).changed).toBeGreaterThan(100);
    expect(state(two)).toEqual(state(one));
  });

  it('through the CLI, a second apply changes nothing', () => {
    const r = t.run(['rules', 'apply', '--all', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ examined: 3000 });
    expect(JSON.parse(t.run(['rules', 'apply', '--all', '--json']).stdout)).toEqual({ examined: 3000, changed: 0 });
  });
});
