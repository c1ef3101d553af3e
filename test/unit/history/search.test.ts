import fs, { mkdtempSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Db } from '../../../src/ledger/open.js';
import { matchExpression, prefixTerms, queryTrigrams, searchCondition, syncSearchIndex } from '../../../src/ledger/search.js';
import { searchFileOf } from '../../../src/ledger/search-store.js';

describe('query trigrams', () => {
  it('covers the text with non-overlapping trigrams plus the last one', () => {
    expect(queryTrigrams('ab')).toEqual([]);
    expect(queryTrigrams('星巴克')).toEqual(['星巴克']);
    expect(queryTrigrams('Starbucks')).toEqual(['sta', 'rbu', 'cks']);
    expect(queryTrigrams('abcd')).toEqual(['abc', 'bcd']);
    expect(queryTrigrams('a'.repeat(40)).length).toBe(1);
    expect(queryTrigrams('abcdefghijklmnopqrstuvwxyz').length).toBeLessThanOrEqual(6);
    expect(queryTrigrams('😀😀😀x')).toEqual(['😀😀😀', '😀😀x']);
  });
  it('quotes each trigram as its own phrase', () => {
    expect(matchExpression(['a"b', 'cde'])).toBe('"a""b" AND "cde"');
  });
});

const DESCRIPTIONS = [
  'POS 1234 STARBUCKS #0042 SHANGHAI', '星巴克(南京西路店)', '美团外卖 / 午餐外卖', '瑞幸咖啡 / 生椰拿铁', 'Amazon.com*2K4 AMZN',
  '100% juice_bar', 'back\\slash', 'ÉCOLE café', '滴滴出行 快车', 'RENT JINQIAO APARTMENTS', 'a"quote"b', 'x',
];
const MERCHANTS = [null, 'Starbucks', '美团', 'Luckin', 'Amazon', null, null, 'École', '滴滴', null, null, null];
const QUERIES = ['星巴克', 'bucks', 'BUCKS', '外卖', 'x', '%', '_', '\\', '100%', 'juice_', 'café', 'é', 'amzn', 'luckin', '快车',
  '南京西路', 'apartments', 'quote"b', '"', 'zzz', 'bucks #00', '李伟', 'dinner', 'pos 1234 starbucks #0042 shanghai', 'a',
  // 1–2 characters, found through the term dictionary: first, last and only characters of a field included
  '星', '店', ')', 'ks', 'KS', 'Lu', 'in', '滴', '车', 'é', 'É', 'cO', 'z', 'b"', 'x\n'];

function expected(db: Db, q: string): number[] {
  const rows = db.prepare('SELECT id, description, merchant FROM transactions').all() as { id: number; description: string; merchant: string | null }[];
  const notes = db.prepare('SELECT tx_id, text FROM notes').all() as { tx_id: number; text: string }[];
  // LIKE semantics: case-insensitive for ASCII letters only.
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const has = (s: string | null) => s !== null && fold(s).includes(fold(q));
  return rows.filter((r) => has(r.description) || has(r.merchant) || notes.some((n) => n.tx_id === r.id && has(n.text))).map((r) => r.id).sort((a, b) => a - b);
}

function actual(db: Db, q: string, extra = ''): number[] {
  const c = searchCondition(db, q);
  return (db.prepare(`SELECT t.id FROM transactions t WHERE ${c.sql} ${extra} ORDER BY t.id`).pluck().all(...c.params) as number[]);
}

describe('searchCondition on a ledger', () => {
  let dir: string;
  let db: Db;
  let insert: (i: number) => void;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pb-search-'));
    db = openLedger(path.join(dir, 'l.db'));
    db.prepare("INSERT INTO accounts (id, name, type, currency, created_at) VALUES (1, 'A', 'checking', 'CNY', 'now')").run();
    let n = 0;
    const stmt = db.prepare(`INSERT INTO transactions (account_id, date, amount, currency, description, dedup_key, occurrence, merchant, kind, created_at)
      VALUES (1, '2026-09-01', -100, 'CNY', ?, ?, 1, ?, 'expense', 'now')`);
    insert = (i) => void stmt.run(DESCRIPTIONS[i % DESCRIPTIONS.length], `k${n++}`, MERCHANTS[i % MERCHANTS.length] ?? null);
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const checkAll = () => {
    for (const q of QUERIES) expect(actual(db, q), q).toEqual(expected(db, q));
  };

  it('is exact before any sync (unindexed rows are scanned)', () => {
    for (let i = 0; i < 36; i++) insert(i);
    checkAll();
  });
  it('is exact after sync, and after new rows arrive above the watermark', () => {
    expect(syncSearchIndex(db).indexed).toBe(36);
    checkAll();
    for (let i = 0; i < 5; i++) insert(i);
    checkAll();
    expect(syncSearchIndex(db).indexed).toBe(5);
    checkAll();
  });
  it('follows merchant changes, notes, and deleted ids that get reused', () => {
    db.prepare("UPDATE transactions SET merchant = '李伟的店' WHERE id = 3").run();
    db.prepare("UPDATE transactions SET merchant = NULL WHERE id = 2").run();
    db.prepare("INSERT INTO notes (tx_id, text, created_at, updated_at) VALUES (5, 'dinner with 李伟', 'now', 'now')").run();
    checkAll();
    const max = db.prepare('SELECT max(id) FROM transactions').pluck().get() as number;
    db.prepare('DELETE FROM transactions WHERE id > ?').run(max - 4);
    for (let i = 3; i < 7; i++) insert(i); // the same ids again, other texts
    checkAll();
    syncSearchIndex(db);
    checkAll();
    expect(db.prepare('SELECT count(*) FROM search_dirty').pluck().get()).toBe(0);
  });
  it('takes changed and deleted entries out of the index with the text they were indexed with', () => {
    syncSearchIndex(db);
    // Changed twice before the next sync: the first change saves the indexed text, the second must not.
    db.prepare("UPDATE transactions SET description = 'quixotic zebra' WHERE id = 1").run();
    db.prepare("UPDATE transactions SET description = 'plain again' WHERE id = 1").run();
    db.prepare("UPDATE transactions SET merchant = 'Öl & Co' WHERE id = 4").run();
    db.prepare("UPDATE transactions SET merchant = NULL, description = '新的描述' WHERE id = 7").run();
    db.prepare('DELETE FROM transactions WHERE id = 6').run();
    // A merchant is not in the index (migration 13): changing one alone queues nothing.
    expect(db.prepare('SELECT id FROM search_dirty ORDER BY id').pluck().all()).toEqual([1, 6, 7]);
    checkAll();
    syncSearchIndex(db);
    checkAll();
    // The index now holds exactly what one built from scratch over the same entries holds.
    db.exec(`CREATE VIRTUAL TABLE temp.fresh USING fts5(doc, tokenize = 'trigram', content = '', columnsize = 0, detail = none);
      INSERT INTO temp.fresh (rowid, doc) SELECT id, description || char(10) || char(10) FROM transactions;
      CREATE VIRTUAL TABLE temp.fresh_terms USING fts5vocab(temp, 'fresh', 'row');
      CREATE VIRTUAL TABLE temp.live_terms USING fts5vocab(search, 'tx_search', 'row');`);
    const terms = (table: string) => db.prepare(`SELECT term || ' ' || doc FROM temp.${table} ORDER BY term`).pluck().all();
    expect(terms('live_terms')).toEqual(terms('fresh_terms'));
    expect(terms('live_terms').some((t) => String(t).startsWith('qui'))).toBe(false);
    db.exec("INSERT INTO search.tx_search (tx_search, rank) VALUES ('integrity-check', 0)");
    db.exec('DROP TABLE temp.live_terms; DROP TABLE temp.fresh_terms; DROP TABLE temp.fresh');
  });
  it('combines with other conditions', () => {
    const all = actual(db, 'bucks');
    expect(all.length).toBeGreaterThan(2);
    expect(actual(db, 'bucks', `AND t.id <= ${all[1]}`)).toEqual(all.slice(0, 2));
  });
  it('uses the index for 1–2 characters too, and scans only when a prefix starts too many trigrams', () => {
    syncSearchIndex(db);
    for (const q of ['店', 'ks', 'x']) {
      const c = searchCondition(db, q);
      expect(c.sql, q).toMatch(/tx_search MATCH/);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT t.id FROM transactions t WHERE ${c.sql}`).all(...c.params) as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(plan, q).toMatch(/VIRTUAL TABLE INDEX/);
    }
    expect(prefixTerms(db, 'ks')).toEqual(['ks ']); // 'STARBUCKS #0042' (the merchant 'Starbucks' is not indexed)
    expect(prefixTerms(db, 'qq')).toEqual([]);
    expect(searchCondition(db, 'qq').sql).not.toMatch(/MATCH/);
    for (let i = 0; i < 500; i++) {
      db.prepare(`INSERT INTO transactions (account_id, date, amount, currency, description, dedup_key, occurrence, kind, created_at)
        VALUES (1, '2026-09-02', -1, 'CNY', ?, ?, 1, 'expense', 'now')`).run(`q${String.fromCharCode(0x4e00 + i)}${i}`, `many${i}`);
    }
    syncSearchIndex(db);
    expect(prefixTerms(db, 'q')).toBeUndefined();
    expect(searchCondition(db, 'q').sql).not.toMatch(/MATCH/);
    checkAll();
  });
  it('finds merchants through the merchant index, one look-up per name, not by reading every entry', () => {
    syncSearchIndex(db);
    for (const q of ['luckin', 'Lu', '李伟']) {
      const c = searchCondition(db, q);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT t.id FROM transactions t WHERE ${c.sql}`).all(...c.params) as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(plan, q).toMatch(/tx_merchant \(merchant=\?\)/);
      expect(plan, q).toMatch(/tx_merchant \(merchant>\?\)/);
      expect(plan, q).not.toMatch(/^SCAN (t|transactions)$/m);
    }
    checkAll();
  });
  it('uses the index for 3+ characters', () => {
    const c = searchCondition(db, '星巴克');
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT t.id FROM transactions t WHERE ${c.sql}`).all(...c.params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plan).not.toMatch(/^SCAN t$/m);
  });
});

describe('the search index file beside the ledger', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pb-search-file-'));
    file = path.join(dir, 'l.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const open = () => openLedger(file);
  const add = (db: Db, from: number, count: number) => {
    const stmt = db.prepare(`INSERT INTO transactions (account_id, date, amount, currency, description, dedup_key, occurrence, merchant, kind, created_at)
      VALUES (1, '2026-09-01', -100, 'CNY', ?, ?, 1, ?, 'expense', 'now')`);
    for (let i = from; i < from + count; i++) stmt.run(DESCRIPTIONS[i % DESCRIPTIONS.length], `f${i}`, MERCHANTS[i % MERCHANTS.length] ?? null);
  };
  const exact = (db: Db) => {
    for (const q of QUERIES) expect(actual(db, q), q).toEqual(expected(db, q));
  };
  const usesIndex = (db: Db) => /tx_search MATCH/.test(searchCondition(db, '星巴克').sql);

  it('is built by the first sync, private to the owner, and used from then on', () => {
    const db = open();
    db.prepare("INSERT INTO accounts (id, name, type, currency, created_at) VALUES (1, 'A', 'checking', 'CNY', 'now')").run();
    add(db, 0, 24);
    expect(fs.existsSync(searchFileOf(file))).toBe(false);
    expect(usesIndex(db)).toBe(false); // no file: every entry is tested
    exact(db);
    expect(syncSearchIndex(db)).toEqual({ indexed: 24, reindexed: 0 });
    expect(fs.statSync(searchFileOf(file)).mode & 0o777).toBe(0o600);
    expect(usesIndex(db)).toBe(true);
    exact(db);
    db.close();
    // A connection that maps the ledger maps the index file too; others read it as usual.
    const mapped = openLedger(file, { mapped: true });
    expect(usesIndex(mapped)).toBe(true);
    expect(mapped.pragma('search.mmap_size', { simple: true })).toBe(mapped.pragma('main.mmap_size', { simple: true }));
    expect(mapped.pragma('search.mmap_size', { simple: true })).toBeGreaterThan(0);
    mapped.close();
  });

  it('is not used once the ledger is copied back from before its last change, and the next sync builds it again', () => {
    const db = open();
    db.pragma('wal_checkpoint(TRUNCATE)');
    fs.copyFileSync(file, `${file}.copy`);
    add(db, 24, 12);
    expect(syncSearchIndex(db).indexed).toBe(12);
    db.close();
    // The older ledger comes back: its entries 25-36 are gone, the index still holds them.
    fs.copyFileSync(`${file}.copy`, file);
    const back = open();
    expect(back.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(24);
    add(back, 100, 12); // ids 25-36 again, other texts
    expect(usesIndex(back)).toBe(false);
    exact(back);
    expect(syncSearchIndex(back)).toEqual({ indexed: 36, reindexed: 0 }); // a fresh file, of every entry
    expect(usesIndex(back)).toBe(true);
    exact(back);
    back.close();
  });

  it('is not used when missing, damaged, or left behind by a crash between the two commits', () => {
    const cases: [string, () => void][] = [
      ['missing', () => fs.rmSync(searchFileOf(file))],
      ['damaged', () => fs.writeFileSync(searchFileOf(file), 'not a database, no tables at all'.repeat(200))],
      ['ledger committed, index not', () => {
        const db = new BetterSqlite3(file);
        db.prepare("UPDATE meta SET value = 'from a commit the index never saw' WHERE key = 'search_token'").run();
        db.close();
      }],
    ];
    for (const [what, breakIt] of cases) {
      breakIt();
      const db = open();
      expect(usesIndex(db), what).toBe(false);
      exact(db);
      db.close();
      const again = open();
      expect(syncSearchIndex(again).indexed, what).toBe(36);
      expect(usesIndex(again), what).toBe(true);
      exact(again);
      again.close();
    }
  });

  it('takes changes in place, turning the token of both files together', () => {
    const db = open();
    const token = () => db.prepare("SELECT value FROM meta WHERE key = 'search_token'").pluck().get();
    const before = token();
    expect(syncSearchIndex(db)).toEqual({ indexed: 0, reindexed: 0 }); // nothing to do: nothing written
    expect(token()).toBe(before);
    db.prepare("UPDATE transactions SET description = 'brand new words' WHERE id = 3").run();
    expect(syncSearchIndex(db)).toEqual({ indexed: 0, reindexed: 1 });
    expect(token()).not.toBe(before);
    expect(usesIndex(db)).toBe(true);
    expect(actual(db, 'new words')).toEqual([3]);
    exact(db);
    db.close();
  });

  it('is not used by a read-only connection without it, nor attached inside a transaction; both stay exact', () => {
    const reader = openLedger(file, { readonly: true });
    expect(usesIndex(reader)).toBe(true);
    reader.close();
    fs.renameSync(searchFileOf(file), `${searchFileOf(file)}.away`);
    const blind = openLedger(file, { readonly: true });
    expect(usesIndex(blind)).toBe(false);
    exact(blind);
    blind.close();
    fs.renameSync(`${searchFileOf(file)}.away`, searchFileOf(file));
    const db = open();
    db.exec('BEGIN');
    expect(usesIndex(db)).toBe(false);
    exact(db);
    db.exec('COMMIT');
    expect(usesIndex(db)).toBe(true);
    expect(() => db.transaction(() => syncSearchIndex(db))()).toThrow(/outside a transaction/);
    db.close();
  });
});
