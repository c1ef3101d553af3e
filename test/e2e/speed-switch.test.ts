/**
 * POCKETBOOK_SPEED (src/core/speed.ts) switches the import's speed mechanisms off for measuring.
 * They must only ever change the time: the same files imported with every mechanism off and with
 * every one on give the same entries, the same duplicates, the same indexes and the same search.
 */
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempLedger } from './helpers.js';
import { writeStatement } from '../../src/bench/gen.js';
import { ledgerState } from '../../src/bench/inspect.js';
import { SPEED_MECHANISMS } from '../../src/core/speed.js';

const t = tempLedger('pb-speed-');
afterAll(() => t.cleanup());

const ROWS = 60_000; // past the bulk threshold, and read on the second thread (≥ 2 MB, threshold lowered below)

function indexes(ledger: string): string[] {
  const db = new BetterSqlite3(ledger, { readonly: true });
  try {
    return db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transactions' ORDER BY name").pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('POCKETBOOK_SPEED', () => {
  const big = t.file('history.csv');
  writeStatement(big, { rows: ROWS, seed: 7, end: '2026-10-31', years: 2 });
  // The same rows again inside one file: their keys repeat, so the occurrence counter has work.
  const lines = fs.readFileSync(big, 'utf8').trimEnd().split('\n');
  const repeated = t.file('repeated.csv');
  fs.writeFileSync(repeated, `${[lines[0], ...lines.slice(1, 3001), ...lines.slice(1, 1001)].join('\n')}\n`);

  function importAll(speed: string): { exported: string; searched: string; indexes: string[]; entries: number; summaries: string[]; debug: string } {
    const ledger = t.file(`ledger${speed.replace(/[^a-z]/g, '') || 'on'}.db`);
    const env = { POCKETBOOK_SPEED: speed, POCKETBOOK_THREADS_MIN_BYTES: '1000' };
    expect(t.run(['--ledger', ledger, 'account', 'add', 'History Card', '--type', 'credit'], { env }).code).toBe(0);
    const summaries: string[] = [];
    let debug = '';
    for (const file of [big, big, repeated]) {
      const r = t.run(['--ledger', ledger, ...(debug ? [] : ['--debug']), 'import', file, '--account', 'History Card'], { env });
      expect(r.code, r.stderr).toBe(0);
      debug ||= r.stderr;
      summaries.push(r.stdout.replace(/\d+\.\d+ s/g, ''));
    }
    const exported = t.run(['--ledger', ledger, 'export', '--format', 'csv']);
    const searched = t.run(['--ledger', ledger, 'tx', 'list', '--search', '瑞幸', '--format', 'ndjson']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(searched.code, searched.stderr).toBe(0);
    const state = ledgerState(ledger);
    expect(state).toMatchObject({ integrity: 'ok', duplicates: 0, brokenReferences: 0, unindexed: 0 });
    return { exported: exported.stdout, searched: searched.stdout, indexes: indexes(ledger), entries: state.entries, summaries, debug };
  }

  it('every mechanism off gives the same ledger as every one on', () => {
    const on = importAll('');
    const off = importAll(SPEED_MECHANISMS.map((m) => `-${m}`).join(','));
    expect(on.entries).toBe(ROWS + 1000); // the file's own 1,000 repeated rows are its 2nd occurrences
    // The switches took effect: the threads ran with every mechanism on, none with every one off.
    for (const said of ['on a second thread', '(the search index alongside)', 'WAL copied into the ledger file alongside']) {
      expect(on.debug).toContain(said);
      expect(off.debug).not.toContain(said);
    }
    expect(off.entries).toBe(on.entries);
    expect(off.summaries).toEqual(on.summaries);
    expect(off.indexes).toEqual(on.indexes);
    expect(off.searched.length).toBeGreaterThan(0);
    expect(off.searched).toBe(on.searched);
    expect(off.exported).toBe(on.exported);
  }, 240_000);
});
