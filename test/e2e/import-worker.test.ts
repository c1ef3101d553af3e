/**
 * Big files are parsed on a second thread (dist/app/workers/read-worker.js). Forced on small files here:
 * the same files imported in-thread and through the worker must give identical ledgers and
 * results, and a reader's error must arrive located, with nothing written.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempLedger } from './helpers.js';
import { writeStatement } from '../../src/bench/gen.js';
import type { Context } from '../../src/core/context.js';

const t = tempLedger();
afterAll(() => t.cleanup());

async function importer() {
  return (await import(path.join(REPO_ROOT, 'dist', 'app', 'import', 'import-files.js'))) as typeof import('../../src/app/import/import-files.js');
}

function context(ledgerPath: string, errors: string[]): Context {
  return {
    ledgerPath, today: '2026-11-15', interactive: false, debug: false,
    settings: { currency: 'CNY', locale: 'en', color: false },
    io: { out: () => {}, err: (line) => errors.push(line) },
  };
}

function rows(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true });
  const out = db
    .prepare(
      `SELECT id, account_id, source_line, date, time, amount, currency, description, dedup_key, occurrence, merchant, merchant_source,
         category_id, category_source, kind, kind_source, channel, channel_source, (SELECT group_concat(tag) FROM tags WHERE tx_id = t.id) AS tags
       FROM transactions t ORDER BY id`,
    )
    .all()
    .map((r) => JSON.stringify(r));
  db.close();
  return out;
}

describe('import on two threads', () => {
  it('gives exactly what one thread gives (CSV with repeated rows, a re-import, an OFX file)', async () => {
    const csv = t.file('statement.csv');
    writeStatement(csv, { rows: 5000, seed: 3, years: 2 });
    // Identical same-day purchases must keep their counted occurrences.
    fs.appendFileSync(csv, '2026-10-31,星巴克(国贸店),-35.00\n2026-10-31,星巴克(国贸店),-35.00\n');
    const ofx = path.join(REPO_ROOT, 'examples', fs.readdirSync(path.join(REPO_ROOT, 'examples')).find((f) => f.endsWith('.ofx'))!);
    const { importFiles } = await importer();
    const { readsInWorker } = (await import(path.join(REPO_ROOT, 'dist', 'app', 'import', 'read-in-worker.js'))) as typeof import('../../src/app/import/read-in-worker.js');
    expect(readsInWorker(1, 1)).toBe(true);
    expect(readsInWorker(1, 2)).toBe(false);
    const results = [];
    for (const minWorkerBytes of [Number.MAX_SAFE_INTEGER, 1]) {
      const ledger = t.file(`l-${minWorkerBytes}.db`);
      const errors: string[] = [];
      const run = await importFiles(context(ledger, errors), [csv], { account: 'Card', minWorkerBytes });
      const again = [
        // The account exists now (the worker knows it from the first row); named in another case.
        ...(await importFiles(context(ledger, errors), [csv], { account: 'CARD', minWorkerBytes })).files,
        ...(await importFiles(context(ledger, errors), [ofx], { minWorkerBytes })).files,
      ];
      expect(errors.filter((e) => e.startsWith('pocketbook:'))).toEqual([]);
      results.push({ run: run.files[0], again: again.map((f) => ({ ...f, file: path.basename(f.file) })), rows: rows(ledger) });
    }
    const [single, worker] = results;
    expect(single!.run.new).toBe(5002);
    expect(single!.again[0]!.duplicates).toBe(5002);
    expect(single!.again[0]!.account).toBe('Card');
    expect(worker).toEqual(single);
  }, 60_000);

  it('through the built CLI: the same ledger with and without the reading thread, rules run on it too', () => {
    // Longer than what the worker may read ahead (16 batches of 500).
    const csv = t.file('longer.csv');
    writeStatement(csv, { rows: 30_000, seed: 5, years: 3 });
    // User rules that name a new category, an account and tags: the reading thread must decide as this one does.
    const rulesFile = t.file('worker-rules.yaml');
    fs.writeFileSync(
      rulesFile,
      [
        'rules:',
        '  - name: Coffee on the card',
        '    match:',
        '      description: "starbucks"',
        '      account: Card',
        '    set:',
        '      category: "Treats:Coffee beans"',
        '      merchant: Starbucks',
        '      tags: [caffeine, card]',
        '  - name: Not this account',
        '    match:',
        '      description: "kfc"',
        '      account: Other',
        '    set:',
        '      category: "Treats:Never"',
        '',
      ].join('\n'),
    );
    const env = (min: string) => ({ env: { POCKETBOOK_CONFIG_DIR: t.configDir, POCKETBOOK_THREADS_MIN_BYTES: min } });
    const out: string[][] = [];
    for (const min of ['1000000000', '1']) {
      const ledger = t.file(`cli-${min}.db`);
      expect(runCli(['--ledger', ledger, 'rules', 'import', rulesFile], env(min)).code).toBe(0);
      const r = runCli(['--ledger', ledger, '--debug', 'import', csv, '--account', 'Card', '--json'], env(min));
      expect(r.code, r.stderr).toBe(0);
      // A file big enough (here: any) is read on a second thread, started once the file is identified.
      expect(r.stderr.includes('parsing and categorizing on a second thread\n')).toBe(min === '1');
      // Where the time went, step by step.
      expect(r.stderr).toMatch(/: read and written \d+\.\d\d s · transfers linked, counts kept \d+\.\d\d s · report cache updated \d+\.\d\d s · committed \d+\.\d\d s · search index updated \d+\.\d\d s\n/);
      const shared = /(\d+) of 30000 rows categorized on the second thread/.exec(r.stderr);
      // The account is new: the worker shows this thread the first row, is told the account it
      // created from it, and categorizes every row itself, that one included.
      if (min === '1') expect(Number(shared?.[1])).toBe(30_000);
      else expect(shared).toBeNull();
      out.push(rows(ledger));
      // The batch's sha256 is the whole file's (read in 1 MiB pieces: this file is bigger).
      const db = new BetterSqlite3(ledger, { readonly: true });
      expect(db.prepare('SELECT sha256 FROM batches').pluck().get()).toBe(createHash('sha256').update(fs.readFileSync(csv)).digest('hex'));
      db.close();
    }
    expect(fs.statSync(csv).size).toBeGreaterThan(1 << 20);
    expect(out[0]!.length).toBe(30_000);
    expect(out[0]!.filter((r) => r.includes('"tags":"caffeine,card"')).length).toBeGreaterThan(10);
    expect(out[1]).toEqual(out[0]);
    const bad = t.file('bad-cli.csv');
    fs.writeFileSync(bad, 'Date,Description,Amount\n2026-01-02,Coffee,-3.50\n2026-13-01,Broken,-1.00\n');
    const r = runCli(['--ledger', t.file('cli-bad.db'), 'import', bad, '--account', 'Card'], env('1'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(/bad-cli\.csv:3: /);
    expect(rows(t.file('cli-bad.db'))).toEqual([]);
    // A malformed quote far into a file read on the second thread: its line, exit 1, nothing written.
    const quote = t.file('bad-quote.csv');
    fs.writeFileSync(quote, `Date,Description,Amount\n${'2026-01-02,Coffee,-3.50\n'.repeat(20_000)}2026-01-03,"Shop"x,-1.00\n${'2026-01-04,Tea,-2.00\n'.repeat(5000)}`);
    const q = runCli(['--ledger', t.file('cli-quote.db'), 'import', quote, '--account', 'Card'], env('1'));
    expect(q.code).toBe(1);
    expect(q.stderr.trim().split('\n')).toHaveLength(1);
    expect(q.stderr.trim()).toMatch(/bad-quote\.csv:20002: /);
    expect(rows(t.file('cli-quote.db'))).toEqual([]);
  }, 60_000);

  it('each big CSV file gets its own reading thread; a file read in-thread starts none', () => {
    const env = { env: { POCKETBOOK_CONFIG_DIR: t.configDir, POCKETBOOK_THREADS_MIN_BYTES: '1' } };
    const a = t.file('thread-a.csv');
    const b = t.file('thread-b.csv');
    writeStatement(a, { rows: 800, seed: 5, years: 1 });
    writeStatement(b, { rows: 700, seed: 6, years: 1 });
    const ofx = path.join(REPO_ROOT, 'examples', fs.readdirSync(path.join(REPO_ROOT, 'examples')).find((f) => f.endsWith('.ofx'))!);
    const ledger = t.file('threads.db');
    // An OFX file first (read in-thread), then two CSV files, each on a thread of its own.
    const r = runCli(['--ledger', ledger, '--debug', 'import', ofx, a, b, '--account', 'Card'], env);
    expect(r.code, r.stderr).toBe(0);
    const threads = r.stderr.split('\n').filter((l) => l.includes('on a second thread'));
    expect(threads).toEqual([`${a}: parsing and categorizing on a second thread`, `${b}: parsing and categorizing on a second thread`]);
    const db = new BetterSqlite3(ledger, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(3);
    db.close();
    const o = runCli(['--ledger', t.file('threads-ofx.db'), '--debug', 'import', ofx], env);
    expect(o.code, o.stderr).toBe(0);
    expect(o.stderr).not.toMatch(/second thread/);
  }, 60_000);

  it('reports a reader error at its file and line, and writes nothing', async () => {
    const bad = t.file('bad.csv');
    fs.writeFileSync(bad, `Date,Description,Amount\n${'2026-01-02,Coffee,-3.50\n'.repeat(3000)}2026-02-30,Broken,-1.00\n`);
    const { importFiles } = await importer();
    const ledger = t.file('bad.db');
    const errors: string[] = [];
    const run = await importFiles(context(ledger, errors), [bad], { account: 'Card', minWorkerBytes: 1 });
    expect(run.failed).toBe(1);
    expect(errors.join('\n')).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3002: .*2026-02-30`));
    const db = new BetterSqlite3(ledger, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(0);
    db.close();
  });
});
