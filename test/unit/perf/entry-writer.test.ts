/**
 * Counted dedupe in the entry writer (SPEC "Import"), including the path where the in-memory
 * counters spill to the TEMP table (capacity forced tiny), and the report cache watermark that
 * replaced the per-row insert trigger (migration 6).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger, type Db } from '../../../src/ledger/open.js';
import { createEntryWriter, dedupKey, normalizeDescription } from '../../../src/ledger/entries.js';
import { startBulkWrite, suspendSecondaryIndexes } from '../../../src/ledger/bulk-write.js';
import { newEntryBatch, packEntry } from '../../../src/ledger/entry-batch.js';
import { EntryShapes } from '../../../src/ledger/entry-shapes.js';
import { markNewRows, refreshReportCache } from '../../../src/ledger/report-cache.js';
import { buildDeferredIndexes, catchUpDeferredIndexes, deferIndexes } from '../../../src/ledger/deferred-indexes.js';
import type { EntryDraft } from '../../../src/core/types.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function ledger(): Db {
  const dir = mkdtempSync(path.join(tmpdir(), 'pb-writer-'));
  dirs.push(dir);
  const db = openLedger(path.join(dir, 'l.db'));
  db.prepare("INSERT INTO accounts (id, name, type, currency, created_at) VALUES (1, 'A', 'checking', 'CNY', 'x'), (2, 'B', 'checking', 'CNY', 'x')").run();
  return db;
}

function batch(db: Db): number {
  return Number(
    db.prepare("INSERT INTO batches (file, sha256, format, rows, new, duplicates, skipped, imported_at) VALUES ('f', 's', 'csv', 0, 0, 0, 0, 'x')").run().lastInsertRowid,
  );
}

const draft = (accountId: number, date: string, amount: number, description: string, line: number): EntryDraft => ({
  line, date, amount, currency: 'CNY', description, accountId, accountName: accountId === 1 ? 'A' : 'B', kind: 'expense', channel: 'unknown',
});

/** A file: keys repeat, interleaved, across two accounts, long enough to spill several times. */
function file(): EntryDraft[] {
  const rows: EntryDraft[] = [];
  for (let i = 0; i < 60; i++) rows.push(draft(1 + (i % 2), '2026-01-0' + (1 + (i % 3)), -100 - (Math.floor(i / 2) % 2), i % 3 === 0 ? 'Coffee  Shop' : 'coffee shop', i + 2));
  return rows;
}

function importRows(db: Db, rows: EntryDraft[], memoryKeys: number, bloomBits?: number): { inserted: number; duplicates: number } {
  const writer = createEntryWriter(db, memoryKeys, bloomBits);
  const b = batch(db);
  db.exec('BEGIN');
  writer.reset();
  let inserted = 0;
  for (const r of rows) if (writer.write(r, b, 'now')) inserted++;
  db.exec('COMMIT');
  return { inserted, duplicates: rows.length - inserted };
}

function occurrences(db: Db): string[] {
  return (db.prepare('SELECT account_id, dedup_key, occurrence FROM transactions ORDER BY 1, 2, 3').all() as { account_id: number; dedup_key: string; occurrence: number }[]).map(
    (r) => `${r.account_id}|${r.dedup_key}|${r.occurrence}`,
  );
}

describe('entry writer: counted dedupe', () => {
  it('numbers the i-th row of a key i, the same whether counters stay in memory or spill', () => {
    const rows = file();
    const inMemory = ledger();
    const spilling = ledger();
    expect(importRows(inMemory, rows, 100_000)).toEqual({ inserted: 60, duplicates: 0 });
    expect(importRows(spilling, rows, 2)).toEqual({ inserted: 60, duplicates: 0 });
    expect(occurrences(spilling)).toEqual(occurrences(inMemory));
    // A filter of 32 bits answers "maybe seen" for nearly every key: each is then counted exactly.
    const saturated = ledger();
    expect(importRows(saturated, rows, 2, 32)).toEqual({ inserted: 60, duplicates: 0 });
    expect(occurrences(saturated)).toEqual(occurrences(inMemory));
    // Every (account, key) is numbered 1..n without gaps.
    const gaps = inMemory
      .prepare('SELECT account_id, dedup_key FROM transactions GROUP BY 1, 2 HAVING min(occurrence) <> 1 OR max(occurrence) <> count(*)')
      .all();
    expect(gaps).toEqual([]);
    expect(inMemory.prepare('SELECT max(occurrence) FROM transactions').pluck().get()).toBeGreaterThan(2);
  });

  it('re-import adds nothing; a file holding three where the ledger holds two adds one', () => {
    const db = ledger();
    const row = (line: number) => draft(1, '2026-02-01', -500, 'Taxi', line);
    expect(importRows(db, [row(2), row(3)], 1)).toEqual({ inserted: 2, duplicates: 0 });
    expect(importRows(db, [row(2), row(3), row(4)], 1)).toEqual({ inserted: 1, duplicates: 2 });
    expect(importRows(db, [row(2), row(3), row(4)], 1)).toEqual({ inserted: 0, duplicates: 3 });
    expect(importRows(db, file(), 3).inserted).toBe(60);
    expect(importRows(db, file(), 3)).toEqual({ inserted: 0, duplicates: 60 });
  });
});

describe('entry writer: forgetting counters is exact', () => {
  /** The rule itself, with every counter kept: the i-th row of key K is new unless (account, K, i) is held. */
  function reference(files: EntryDraft[][]): { results: { inserted: number; duplicates: number }[]; held: string[] } {
    const held = new Set<string>();
    const results = files.map((rows) => {
      const counts = new Map<string, number>();
      let inserted = 0;
      for (const r of rows) {
        const k = `${r.accountId}|${dedupKey(r)}`;
        const n = (counts.get(k) ?? 0) + 1;
        counts.set(k, n);
        if (!held.has(`${k}|${n}`)) {
          held.add(`${k}|${n}`);
          inserted++;
        }
      }
      return { inserted, duplicates: rows.length - inserted };
    });
    return { results, held: [...held].sort() };
  }

  it('overlapping files of repeated keys, with the latest row of a key a duplicate when it is forgotten, match the rule', () => {
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    // Few distinct keys, many repeats, two accounts: each file re-covers part of what the ledger holds.
    const files = Array.from({ length: 6 }, () =>
      Array.from({ length: 40 + rand(40) }, (_, i) => draft(1 + rand(2), `2026-01-0${1 + rand(3)}`, -100 - rand(3), 'shop', i + 2)),
    );
    const want = reference(files);
    expect(want.results.some((r) => r.duplicates > 0 && r.inserted > 0)).toBe(true);
    for (const memoryKeys of [1, 2, 3, 5, 100_000]) {
      for (const bloomBits of [32, 256, undefined]) {
        const db = ledger();
        const got = files.map((rows) => importRows(db, rows, memoryKeys, bloomBits));
        expect(got, `memoryKeys ${memoryKeys}, bloomBits ${bloomBits}`).toEqual(want.results);
        expect(occurrences(db).sort(), `memoryKeys ${memoryKeys}, bloomBits ${bloomBits}`).toEqual(want.held);
      }
    }
  });
});

describe('bulk import: secondary indexes suspended and built again', () => {
  const indexes = (db: Db) =>
    db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transactions' AND sql IS NOT NULL ORDER BY name").all() as { name: string; sql: string }[];

  it('drops the indexes new rows enter, keeps the unique one and those over columns the INSERT leaves NULL, and restores the same set', () => {
    const db = ledger();
    const before = indexes(db);
    db.exec('BEGIN');
    const suspended = suspendSecondaryIndexes(db);
    expect(indexes(db).map((i) => i.name)).toEqual(['tx_account_date', 'tx_date', 'tx_dedup', 'tx_mirror_of', 'tx_transfer_peer']);
    const b = batch(db);
    const writer = createEntryWriter(db);
    writer.reset();
    writer.watchOrder(suspended.wrote);
    for (const r of file()) writer.write(r, b, 'now'); // two accounts, interleaved: not in order
    expect(indexes(db).map((i) => i.name)).toEqual(['tx_dedup', 'tx_mirror_of', 'tx_transfer_peer']);
    deferIndexes(db, suspended.dropped());
    expect(buildDeferredIndexes(db)).toBe(4);
    // A transfer link set after the rows went in lands in the kept partial indexes.
    db.exec('UPDATE transactions SET transfer_peer_id = 2, mirror_of = 2 WHERE id = 1');
    db.exec('COMMIT');
    expect(indexes(db)).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT id FROM transactions INDEXED BY tx_mirror_of WHERE mirror_of = 2').pluck().all()).toEqual([1]);
  });

  it('a bulk write defers the indexes and builds them afterwards; a rollback brings them back', () => {
    const db = ledger();
    const before = indexes(db);
    db.exec('BEGIN');
    const bulk = startBulkWrite(db);
    expect(indexes(db).map((i) => i.name)).toEqual(['tx_account_date', 'tx_date', 'tx_dedup', 'tx_mirror_of', 'tx_transfer_peer']);
    const b = batch(db);
    const writer = createEntryWriter(db);
    writer.reset();
    for (const r of file()) writer.write(r, b, 'now');
    bulk.deferIndexes();
    db.exec('COMMIT');
    // Committed without them (those led by the date stayed: no rows were watched); the next write transaction builds them.
    expect(indexes(db).map((i) => i.name)).toEqual(['tx_account_date', 'tx_date', 'tx_dedup', 'tx_mirror_of', 'tx_transfer_peer']);
    db.exec('BEGIN IMMEDIATE');
    expect(buildDeferredIndexes(db)).toBe(2);
    db.exec('COMMIT');
    expect(indexes(db)).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM meta WHERE key = 'deferred_indexes'").pluck().get()).toBe(0);
    db.exec('BEGIN');
    startBulkWrite(db);
    db.exec('ROLLBACK');
    expect(indexes(db)).toEqual(before);
  });
});

const names = (db: Db) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transactions' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[];
const DATE_LED = ['tx_account_date', 'tx_date'];

/**
 * Writes `rows` in a bulk write, then the deferred indexes unless `build` is false; returns
 * whether the date-led indexes were there after each row.
 */
function bulkImport(db: Db, rows: EntryDraft[], end: 'COMMIT' | 'ROLLBACK' = 'COMMIT', build = true): boolean[] {
  const writer = createEntryWriter(db);
  const b = batch(db);
  db.exec('BEGIN');
  writer.reset();
  const bulk = startBulkWrite(db);
  writer.watchOrder(bulk.wrote);
  const live = rows.map((r) => {
    writer.write(r, b, 'now');
    return DATE_LED.every((n) => names(db).includes(n));
  });
  if (end === 'COMMIT') bulk.deferIndexes();
  db.exec(end);
  if (end === 'COMMIT' && build) db.transaction(() => buildDeferredIndexes(db)).immediate();
  return live;
}

describe('bulk import: indexes deferred past the COMMIT', () => {
  /** A bulk write of file() committed with its indexes deferred and not yet built (as if the process stopped there). */
  const stopAfterCommit = (db: Db) => void bulkImport(db, file(), 'COMMIT', false);

  it('are built when the ledger is next opened to write, and the record goes', () => {
    const db = ledger();
    const before = names(db);
    const file = db.name;
    stopAfterCommit(db);
    expect(names(db)).toEqual(['tx_dedup', 'tx_mirror_of', 'tx_transfer_peer']);
    db.close();
    // Read-only: nothing is built (nor can be); the answers are the same.
    const reader = openLedger(file, { readonly: true });
    expect(names(reader)).toEqual(['tx_dedup', 'tx_mirror_of', 'tx_transfer_peer']);
    reader.close();
    const again = openLedger(file);
    expect(names(again)).toEqual(before);
    expect(again.prepare("SELECT count(*) FROM meta WHERE key = 'deferred_indexes'").pluck().get()).toBe(0);
    expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(again.prepare('SELECT count(*) FROM transactions INDEXED BY tx_merchant').pluck().get()).toBeGreaterThan(0);
    again.close();
  });

  it('are left to the connection holding the write lock (the import building them), without waiting for it', () => {
    const db = ledger();
    const before = names(db);
    stopAfterCommit(db);
    db.exec('BEGIN IMMEDIATE');
    const other = openLedger(db.name);
    expect(names(other)).toEqual(['tx_dedup', 'tx_mirror_of', 'tx_transfer_peer']);
    expect(other.pragma('busy_timeout', { simple: true })).toBe(15000);
    expect(buildDeferredIndexes(db)).toBe(4);
    db.exec('COMMIT');
    catchUpDeferredIndexes(other); // nothing left to do
    expect(names(other)).toEqual(before);
    other.close();
  });

  it('merge with indexes still deferred from before, and skip those already there', () => {
    const db = ledger();
    const before = names(db);
    db.exec('BEGIN');
    deferIndexes(db, [{ name: 'tx_merchant', sql: 'CREATE INDEX tx_merchant ON transactions(merchant, date)' }]);
    db.exec('DROP INDEX tx_category');
    deferIndexes(db, [{ name: 'tx_category', sql: 'CREATE INDEX tx_category ON transactions(category_id, date)' }]);
    expect(buildDeferredIndexes(db)).toBe(1); // tx_merchant was there all along
    db.exec('COMMIT');
    expect(names(db)).toEqual(before);
  });
});

describe('bulk import: indexes led by the date stay while rows come in date order', () => {
  const dated = (accountId: number, days: number[]) => days.map((d, i) => draft(accountId, `2026-04-${String(d).padStart(2, '0')}`, -100 - i, `shop ${i}`, i + 2));

  it('keeps them through a file of one account in date order (same dates included)', () => {
    const db = ledger();
    const before = names(db);
    const live = bulkImport(db, dated(1, [1, 1, 2, 5, 5, 9]));
    expect(live).toEqual(Array(6).fill(true));
    expect(names(db)).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM transactions INDEXED BY tx_date WHERE date >= ?').pluck().get('2026-04-05')).toBe(3);
  });

  it('drops them at the first row out of order (an earlier date, or another account) and builds them at the end', () => {
    const cases: [EntryDraft[], boolean[]][] = [
      [dated(1, [1, 2, 9, 3, 4]), [true, true, true, false, false]],
      [[...dated(2, [1, 2]), ...dated(1, [5, 6, 7])], [true, true, false, false, false]],
    ];
    for (const [rows, expected] of cases) {
      const db = ledger();
      const before = names(db);
      expect(bulkImport(db, rows)).toEqual(expected);
      expect(names(db)).toEqual(before);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM transactions INDEXED BY tx_account_date WHERE account_id = 1').pluck().get()).toBe(rows.filter((r) => r.accountId === 1).length);
    }
  });

  it('a rollback after dropping them brings every index back', () => {
    const db = ledger();
    const before = names(db);
    bulkImport(db, dated(1, [3, 2, 1]), 'ROLLBACK');
    expect(names(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(0);
  });
});

describe('report cache: inserted rows are found by the watermark', () => {
  const total = (db: Db) =>
    (db.prepare("SELECT ifnull(sum(amount), 0) FROM report_agg WHERE dim = 'h'").pluck().get() as number);
  const truth = (db: Db) => (db.prepare('SELECT ifnull(sum(amount), 0) FROM report_lines').pluck().get() as number);

  it('counts rows inserted by any path, and ids reused after a deletion', () => {
    const db = ledger();
    expect(db.prepare('SELECT name FROM sqlite_master WHERE name = ?').get('report_tx_insert')).toBeUndefined();
    importRows(db, [draft(1, '2026-03-05', -1000, 'a', 2), draft(1, '2026-04-05', -2000, 'b', 3)], 10);
    refreshReportCache(db);
    expect(total(db)).toBe(-3000);
    // Delete the newest row: its id is handed out again, to a row in another month.
    db.prepare("DELETE FROM transactions WHERE description = 'b'").run();
    importRows(db, [draft(1, '2026-05-05', -7000, 'c', 2)], 10);
    refreshReportCache(db);
    expect(total(db)).toBe(truth(db));
    expect(total(db)).toBe(-8000);
    // A direct insert (no writer) is seen as well.
    db.prepare(
      "INSERT INTO transactions (account_id, date, amount, currency, description, dedup_key, occurrence, kind, channel, created_at) VALUES (1, '2026-06-01', -5, 'CNY', 'd', 'k', 1, 'expense', 'unknown', 'x')",
    ).run();
    refreshReportCache(db);
    expect(total(db)).toBe(-8005);
  });

  it("marks the months of the writer's rows from what it kept, and still reads rows inserted otherwise", () => {
    const db = ledger();
    const months = () => (db.prepare('SELECT month FROM report_dirty ORDER BY month').pluck().all() as string[]);
    const direct = (date: string) =>
      db.prepare(
        "INSERT INTO transactions (account_id, date, amount, currency, description, dedup_key, occurrence, kind, channel, created_at) VALUES (1, ?, -5, 'CNY', 'd', ?, 1, 'expense', 'unknown', 'x')",
      ).run(date, `k${date}`);
    refreshReportCache(db);
    direct('2025-01-15'); // below the writer's rows, above the watermark
    const writer = createEntryWriter(db);
    const b = batch(db);
    db.exec('BEGIN');
    writer.reset();
    expect(writer.inserted()).toBeUndefined();
    // Out of date order, and a month more than once.
    for (const [date, line] of [['2026-03-05', 2], ['2026-03-31', 3], ['2026-01-02', 4], ['2026-03-05', 5]] as const) {
      writer.write(draft(1, date, -100, `row ${line}`, line), b, 'now');
    }
    const first = writer.inserted()!;
    expect([...first.months].sort()).toEqual(['2026-01', '2026-03']);
    expect(first.last - first.first).toBe(3);
    // A file of only duplicates inserts nothing and keeps no months.
    writer.reset();
    expect(writer.write(draft(1, '2026-03-05', -100, 'row 2', 2), b, 'now')).toBe(false);
    expect(writer.inserted()).toBeUndefined();
    direct('2027-07-07'); // above the writer's rows
    markNewRows(db, first);
    expect(months()).toEqual(['2025-01', '2026-01', '2026-03', '2027-07']);
    db.exec('COMMIT');
    refreshReportCache(db);
    expect(total(db)).toBe(truth(db));
  });
});

describe('normalizeDescription fast paths', () => {
  /** The earlier implementation, kept as the reference the fast paths must agree with. */
  const reference = (text: string): string => {
    let t = text;
    if (/[^\x00-\x7f]/.test(t)) {
      t = t.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[\u3000\u00A0\u2007\u202F]/g, ' ');
    }
    return t.toLowerCase().replace(/\s+/g, ' ').trim();
  };
  it('agrees with the reference on mixed text', () => {
    const alphabet = ['a', 'B', ' ', '  ', '\t', '\u3000', '\u00A0', '\u2007', '\u202F', 'Ｃ', 'ｆ', '１', '星', '巴', 'É', '-', '\n'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x80000000);
    for (let n = 0; n < 2000; n++) {
      let s = '';
      const len = Math.floor(rand() * 12);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      expect(normalizeDescription(s), JSON.stringify(s)).toBe(reference(s));
    }
  });
});

describe('entry writer: optional columns and references', () => {
  const full = (line: number): EntryDraft => ({
    ...draft(1, '2026-02-01', -500, `Full ${line}`, line),
    time: '12:30:00', externalId: `X${line}`, counterparty: 'Shop', sourceCategory: '餐饮', funding: 'Card 8842',
    merchant: 'Shop', merchantSource: 'rule:shop', categoryId: 1, categorySource: 'rule:shop', kindSource: 'import', channelSource: 'import',
  });
  const COLUMNS = 'time, external_id, counterparty, source_category, funding, merchant, merchant_source, category_id, category_source, kind_source, channel_source';

  it('stores every optional column a row has, and NULL for those it lacks, whatever the mix of shapes', () => {
    const db = ledger();
    const writer = createEntryWriter(db);
    const b = batch(db);
    const rows = [full(2), draft(1, '2026-02-01', -1, 'bare', 3), { ...full(4), time: undefined, merchant: undefined, categoryId: undefined }, full(5)];
    db.exec('BEGIN');
    writer.reset();
    for (const r of rows) writer.write(r, b, 'now');
    writer.checkReferences();
    db.exec('COMMIT');
    const stored = db.prepare(`SELECT source_line, ${COLUMNS} FROM transactions ORDER BY id`).all() as Record<string, unknown>[];
    expect(stored).toHaveLength(4);
    expect(stored[0]).toEqual({
      source_line: 2, time: '12:30:00', external_id: 'X2', counterparty: 'Shop', source_category: '餐饮', funding: 'Card 8842',
      merchant: 'Shop', merchant_source: 'rule:shop', category_id: 1, category_source: 'rule:shop', kind_source: 'import', channel_source: 'import',
    });
    expect(Object.values(stored[1]!).filter((v) => v !== null)).toEqual([3]);
    expect(stored[2]).toMatchObject({ time: null, merchant: null, category_id: null, external_id: 'X4', funding: 'Card 8842' });
    expect(stored[3]).toMatchObject({ source_line: 5, time: '12:30:00', category_id: 1 });
  });

  it('with foreign-key checks off, checkReferences still refuses a category or an account that does not exist', () => {
    const db = ledger();
    db.pragma('foreign_keys = OFF');
    const writer = createEntryWriter(db);
    const b = batch(db);
    db.exec('BEGIN');
    writer.reset();
    writer.write({ ...full(2), categoryId: 99_999 }, b, 'now');
    expect(() => writer.checkReferences()).toThrow(/category 99999/);
    writer.reset();
    writer.write({ ...draft(77, '2026-02-01', -1, 'nowhere', 3) }, b, 'now');
    expect(() => writer.checkReferences()).toThrow(/account 77/);
    writer.reset();
    writer.write(full(4), b, 'now');
    expect(() => writer.checkReferences()).not.toThrow();
    db.exec('ROLLBACK');
  });
});

describe('entry shapes: rows insert with their shape\'s values', () => {
  /** 150 rows, 100 shapes, values with quotes and NUL in them. */
  const odd = (i: number): EntryDraft => ({
    ...draft(1 + (i % 2), '2026-03-01', -100 - i, `row ${i}`, i + 2),
    currency: i % 3 === 0 ? 'CNY' : `X'${i % 50}`,
    kind: i % 5 === 0 ? 'income' : 'expense',
    channel: i % 7 === 0 ? 'card' : 'unknown',
    merchantSource: i % 4 === 0 ? `rule:it's ${i % 50}` : undefined,
    categorySource: i % 6 === 0 ? 'rule:nul\u0000inside' : undefined,
    kindSource: i % 9 === 0 ? 'import' : undefined,
    time: i % 2 === 0 ? '10:00:00' : undefined,
    merchant: i % 3 === 1 ? "O'Brien's" : undefined,
  });
  const rows = Array.from({ length: 150 }, (_, i) => odd(i));
  const COLUMNS = 'account_id, batch_id, source_line, date, amount, currency, description, kind, channel, created_at, time, merchant, merchant_source, category_source, kind_source, channel_source';
  const stored = (db: Db) => db.prepare(`SELECT ${COLUMNS} FROM transactions ORDER BY source_line`).all();
  const expected = (b: number) =>
    rows.map((r) => ({
      account_id: r.accountId, batch_id: b, source_line: r.line, date: r.date, amount: r.amount, currency: r.currency, description: r.description,
      kind: r.kind, channel: r.channel, created_at: "now's", time: r.time ?? null, merchant: r.merchant ?? null, merchant_source: r.merchantSource ?? null,
      category_source: r.categorySource ?? null, kind_source: r.kindSource ?? null, channel_source: null,
    }));

  it('write() stores every value exactly, with quotes and NUL in them', () => {
    const db = ledger();
    const writer = createEntryWriter(db);
    const b = batch(db);
    db.exec('BEGIN');
    writer.reset();
    for (const r of rows) expect(writer.write(r, b, "now's")).toBe(true);
    db.exec('COMMIT');
    expect(stored(db)).toEqual(expected(b));
  });

  it('packed entries with shapes defined by the packing side store the same; a new file numbers shapes afresh', () => {
    const db = ledger();
    const writer = createEntryWriter(db);
    for (const round of [0, 1]) {
      db.exec('DELETE FROM transactions');
      const b = batch(db);
      const shapes = new EntryShapes();
      let made = 0;
      db.exec('BEGIN');
      writer.reset();
      const ordered = round === 0 ? rows : [...rows].reverse();
      // Batches of a few entries (the first starts too small, so its columns grow).
      for (let from = 0; from < ordered.length; from += 7) {
        const entries = newEntryBatch(2);
        for (const r of ordered.slice(from, from + 7)) packEntry(r, entries, shapes);
        made += entries.newShapes.length;
        expect(entries.count).toBe(Math.min(7, ordered.length - from));
        writer.defineShapes(entries);
        for (let i = 0; i < entries.count; i++) expect(writer.writeFromBatch(entries, i, b, "now's")).toBe(true);
      }
      db.exec('COMMIT');
      expect(made).toBeGreaterThan(64); // many shapes, each defined once
      expect(stored(db)).toEqual(expected(b));
    }
  });
});
