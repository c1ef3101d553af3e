/**
 * A big file into a small ledger takes the bulk path: the file's entries committed without their
 * secondary indexes (through the WAL, while a helper copies the committed pages into the ledger
 * file; a kill meanwhile: test/reliability/journal.test.ts),
 * then, in a transaction of its own, those indexes built while a second thread builds a fresh
 * search index file from the committed entries (src/app/import/search-build.ts). Whatever the path, the
 * ledger must end the same: complete, indexed, searchable, one file and its search index.
 */
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempLedger } from './helpers.js';
import { writeStatement } from '../../src/bench/gen.js';
import { ledgerState, logicalHash } from '../../src/bench/inspect.js';
import { useSearchIndex } from '../../src/ledger/search-store.js';

const t = tempLedger('pb-bulk-');
afterAll(() => t.cleanup());

const ROWS = 60_000; // ≥ 2 MB: past the bulk threshold (50,000 rows' worth of bytes)

/** How many entries `tx list --search` finds for `text` in `ledger`, and how many a plain scan finds. */
function searchCounts(ledger: string, text: string): { found: number; scanned: number } {
  const db = new BetterSqlite3(ledger, { readonly: true });
  const scanned = db.prepare("SELECT count(*) FROM transactions WHERE description LIKE ? OR merchant LIKE ?").pluck().get(`%${text}%`, `%${text}%`) as number;
  db.close();
  const r = t.run(['--ledger', ledger, 'tx', 'list', '--search', text, '--format', 'ndjson']);
  expect(r.code, r.stderr).toBe(0);
  return { found: r.stdout.trim().split('\n').filter(Boolean).length, scanned };
}

/** Break the search index on purpose: a folder where its file goes cannot be opened or replaced. */
function blockSearchFile(ledger: string): void {
  fs.mkdirSync(`${ledger}-search`);
  fs.writeFileSync(`${ledger}-search/x`, '');
}

/** A new ledger holding the account the big file goes to. */
function cardLedger(ledger: string): void {
  expect(t.run(['--ledger', ledger, 'account', 'add', 'History Card', '--type', 'credit']).code).toBe(0);
}

function journalMode(ledger: string): unknown {
  const db = new BetterSqlite3(ledger, { readonly: true });
  try {
    return db.pragma('journal_mode', { simple: true });
  } finally {
    db.close();
  }
}

function searchIndex(ledger: string): { inUse: boolean; upto: number; max: number; indexes: string[] } {
  const db = new BetterSqlite3(ledger, { readonly: true });
  try {
    const one = (sql: string) => Number(db.prepare(sql).pluck().get() ?? 0);
    return {
      inUse: useSearchIndex(db),
      upto: one("SELECT value FROM meta WHERE key = 'search_indexed_upto'"),
      max: one('SELECT max(id) FROM transactions'),
      indexes: (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transactions' ORDER BY name").pluck().all() as string[]),
    };
  } finally {
    db.close();
  }
}

describe('bulk import (e2e)', () => {
  const big = t.file('history.csv');
  writeStatement(big, { rows: ROWS, seed: 31, end: '2026-10-31', years: 3 });

  it('commits the entries through the WAL, then builds their indexes and the search index side by side', () => {
    expect(fs.statSync(big).size).toBeGreaterThan(2_000_000);
    const r = t.run(['--debug', 'import', big, '--account', 'History Card']);
    expect(r.code, r.stderr).toBe(0);
    const phases = /: read and written .* s\n/.exec(r.stderr)?.[0] ?? '';
    expect(phases).toMatch(
      /read and written \d+\.\d\d s · transfers linked, counts kept \d+\.\d\d s · report cache updated \d+\.\d\d s · committed \d+\.\d\d s · secondary indexes built \(the search index alongside\) \d+\.\d\d s · search index updated \d+\.\d\d s · WAL copied into the ledger file alongside \(\d+ of \d+ pages\) \d+\.\d\d s\n/,
    );

    // One file again once the command is done (no journal, the last connection's checkpoint
    // emptied the WAL), in WAL mode, and its search index, private to its owner; no build left behind.
    expect(fs.existsSync(`${t.ledger}-journal`)).toBe(false);
    expect(fs.existsSync(`${t.ledger}-wal`)).toBe(false);
    expect(journalMode(t.ledger)).toBe('wal');
    expect(fs.statSync(`${t.ledger}-search`).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${t.ledger}-search.tmp`)).toBe(false);
    expect(ledgerState(t.ledger)).toMatchObject({ integrity: 'ok', entries: ROWS, batches: 1, duplicates: 0, brokenReferences: 0, unindexed: 0 });
    const index = searchIndex(t.ledger);
    expect(index.inUse).toBe(true);
    expect(index.upto).toBe(index.max);
    expect(index.indexes).toEqual([
      'tx_account_date', 'tx_category', 'tx_date', 'tx_dedup', 'tx_merchant', 'tx_mirror_of', 'tx_transfer_peer',
    ]);

    // The search answers through the index exactly what a scan finds.
    const { found, scanned } = searchCounts(t.ledger, '瑞幸');
    expect(scanned).toBeGreaterThan(100);
    expect(found).toBe(scanned);

    // Again: nothing new, nothing left behind.
    const again = t.run(['import', big, '--account', 'History Card']);
    expect(again.code, again.stderr).toBe(0);
    expect(ledgerState(t.ledger)).toMatchObject({ integrity: 'ok', entries: ROWS, duplicates: 0, unindexed: 0 });
  }, 120_000);

  it('writes through the WAL while another connection has the ledger open, and ends the same', () => {
    const ledger = t.file('shared.db');
    cardLedger(ledger);
    const reader = new BetterSqlite3(ledger, { readonly: true });
    try {
      reader.prepare('SELECT count(*) FROM accounts').get();
      const r = t.run(['--ledger', ledger, '--debug', 'import', big, '--account', 'History Card']);
      expect(r.code, r.stderr).toBe(0);
      const phases = /: read and written .* s\n/.exec(r.stderr)?.[0] ?? '';
      expect(phases).toMatch(
        /committed \d+\.\d\d s · secondary indexes built \(the search index alongside\) \d+\.\d\d s · search index updated \d+\.\d\d s · WAL copied into the ledger file alongside \((\d+) of \1 pages\) \d+\.\d\d s/,
      );
      expect(Number(/\((\d+) of/.exec(phases)?.[1])).toBeGreaterThan(1000);
      // The reader saw the entries as soon as they were committed.
      expect(reader.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(ROWS);
    } finally {
      reader.close();
    }
    expect(ledgerState(ledger)).toMatchObject({ integrity: 'ok', entries: ROWS, batches: 1, duplicates: 0, brokenReferences: 0, unindexed: 0 });
    expect(searchIndex(ledger)).toMatchObject({ inUse: true, indexes: searchIndex(t.ledger).indexes });
  }, 120_000);

  it('a big file that fails at its last row writes nothing: one line, exit 1, the same content, WAL mode again', () => {
    const ledger = t.file('refused.db');
    cardLedger(ledger);
    const bad = t.file('bad-end.csv');
    fs.writeFileSync(bad, `${fs.readFileSync(big, 'utf8').trimEnd()}\n2026-13-45,a date that does not exist,-1.00\n`);
    const before = logicalHash(ledger);
    const r = t.run(['--ledger', ledger, '--debug', 'import', bad, '--account', 'History Card']);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('pocketbook:'));
    expect(lines).toEqual([`pocketbook: ${bad}:${ROWS + 2}: date: "2026-13-45" is not a real date (set date_format in the profile)`]);
    // Rolled back: the same content, no journal, and the ledger is in WAL mode.
    expect(logicalHash(ledger)).toBe(before);
    expect(fs.existsSync(`${ledger}-journal`)).toBe(false);
    expect(journalMode(ledger)).toBe('wal');
    expect(ledgerState(ledger)).toMatchObject({ integrity: 'ok', entries: 0, batches: 0 });
  }, 120_000);

  it('under --dry-run writes nothing: every index is back, no search index file, nothing deferred', () => {
    const ledger = t.file('dry.db');
    cardLedger(ledger);
    const r = t.run(['--ledger', ledger, 'import', big, '--account', 'History Card', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(ledgerState(ledger)).toMatchObject({ integrity: 'ok', entries: 0, batches: 0 });
    expect(fs.existsSync(`${ledger}-search`)).toBe(false);
    expect(fs.existsSync(`${ledger}-search.tmp`)).toBe(false);
    const db = new BetterSqlite3(ledger, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM meta WHERE key = 'deferred_indexes'").pluck().get()).toBe(0);
    db.close();
    expect(searchIndex(ledger).indexes).toEqual([
      'tx_account_date', 'tx_category', 'tx_date', 'tx_dedup', 'tx_merchant', 'tx_mirror_of', 'tx_transfer_peer',
    ]);
  }, 120_000);

  it('a file sorted newest first (the date-led indexes go at its second date) ends with the same indexes and entries', () => {
    const ledger = t.file('newest-first.db');
    const [header, ...rows] = fs.readFileSync(big, 'utf8').trimEnd().split('\n');
    const reversed = t.file('newest-first.csv');
    fs.writeFileSync(reversed, `${[header, ...rows.reverse()].join('\n')}\n`);
    const r = t.run(['--ledger', ledger, 'import', reversed, '--account', 'History Card']);
    expect(r.code, r.stderr).toBe(0);
    expect(ledgerState(ledger)).toMatchObject({ integrity: 'ok', entries: ROWS, batches: 1, duplicates: 0, brokenReferences: 0, unindexed: 0 });
    expect(searchIndex(ledger).indexes).toEqual([
      'tx_account_date', 'tx_category', 'tx_date', 'tx_dedup', 'tx_merchant', 'tx_mirror_of', 'tx_transfer_peer',
    ]);
    // The same month through the date index in both ledgers.
    const month = (file: string) => t.run(['--ledger', file, 'tx', 'list', '--month', '2025-06', '--format', 'ndjson']).stdout.trim().split('\n').length;
    expect(month(ledger)).toBe(month(t.ledger));
    expect(month(ledger)).toBeGreaterThan(100);
  }, 120_000);

  it('keeps a big file and its indexes when the search index file built alongside cannot be put in place, and says so', () => {
    const ledger = t.file('blocked-search.db');
    cardLedger(ledger);
    blockSearchFile(ledger);
    const r = t.run(['--ledger', ledger, 'import', big, '--account', 'History Card']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/history\.csv: imported, but the search index could not take the new entries \(.+\); searches still find them/);
    expect(ledgerState(ledger)).toMatchObject({ integrity: 'ok', entries: ROWS, batches: 1, unindexed: ROWS });
    expect(searchIndex(ledger)).toMatchObject({ inUse: false, indexes: searchIndex(t.ledger).indexes });
    // Searches test every entry instead: the same answer.
    const { found, scanned } = searchCounts(ledger, '瑞幸');
    expect(found).toBe(scanned);
  }, 120_000);

  it('keeps an imported file when its search index cannot be updated, and says so', () => {
    const ledger = t.file('broken-search.db');
    const small = t.file('small.csv');
    writeStatement(small, { rows: 30, seed: 32, end: '2026-10-31', years: 1 });
    expect(t.run(['--ledger', ledger, 'account', 'add', 'Card', '--type', 'checking']).code).toBe(0);
    blockSearchFile(ledger);
    const r = t.run(['--ledger', ledger, 'import', small, '--account', 'Card']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/small\.csv: imported, but the search index could not take the new entries \(.+\); searches still find them/);
    const s = ledgerState(ledger);
    expect(s).toMatchObject({ integrity: 'ok', entries: 30, batches: 1, unindexed: 30 });
  });
});
