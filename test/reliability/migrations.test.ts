import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSha, logicalHash } from '../../src/bench/inspect.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/ledger/migrations/index.js';
import { PAGE_SIZE, openLedger } from '../../src/ledger/open.js';
import { searchCondition } from '../../src/ledger/search.js';
import { useSearchIndex } from '../../src/ledger/search-store.js';
import { largestSpending } from '../../src/ledger/report-queries.js';
import { batchUserData, listBatches } from '../../src/ledger/batches.js';
import { PocketbookError } from '../../src/core/errors.js';
import { linkByHand, unlinkByHand } from '../../src/app/import/transfers.js';
import { BAD_STDERR, available, cliEnv, mode, pb, tempDir } from './helpers.js';

const dir = tempDir('pb-migr-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A ledger at schema version `k` (migrations 1..k applied as shipped) holding sample data. */
function fixtureAt(k: number, file: string): void {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  for (const m of MIGRATIONS.filter((m) => m.version <= k)) {
    if (m.sql) db.exec(m.sql);
    m.up?.(db);
  }
  db.pragma(`user_version = ${k}`);
  const now = '2026-01-01T00:00:00Z';
  db.prepare(`INSERT INTO accounts (id, name, type, currency, number_suffix, created_at) VALUES (1, 'CMB Card', 'credit', 'CNY', '8842', ?)`).run(now);
  db.prepare(`INSERT INTO batches (id, file, sha256, account_id, format, rows, new, duplicates, skipped, imported_at) VALUES (1, 'cmb.csv', 'abc', 1, 'csv', 2, 2, 0, 0, ?)`).run(now);
  const tx = db.prepare(
    `INSERT INTO transactions (id, account_id, batch_id, source_line, date, amount, currency, description, dedup_key, occurrence, kind, created_at)
     VALUES (?, 1, 1, ?, ?, ?, 'CNY', ?, ?, 1, ?, ?)`,
  );
  tx.run(1, 2, '2026-01-02', -3550, '星巴克(静安嘉里店)', 'k1', 'expense', now);
  tx.run(2, 3, '2026-01-25', 2500000, 'SALARY ACME', 'k2', 'income', now);
  // From migration 12 an import records the ids its batch took.
  if (k >= 12) db.prepare('UPDATE batches SET first_id = 1, last_id = 2 WHERE id = 1').run();
  db.prepare(`INSERT INTO notes (tx_id, text, created_at, updated_at) VALUES (1, 'with Li Wei', ?, ?)`).run(now, now);
  db.prepare(`INSERT INTO tags (tx_id, tag) VALUES (1, 'coffee')`).run();
  db.prepare(`INSERT INTO meta (key, value) VALUES ('sample', 'yes')`).run();
  db.close();
}

/** Every row of every ordinary table (not virtual/shadow), as sorted JSON lines; restricted to `like`'s tables and columns. */
function snapshot(file: string, like?: Record<string, string[]>): Record<string, string[]> {
  const db = new BetterSqlite3(file, { readonly: true });
  const out: Record<string, string[]> = {};
  const tables = like
    ? Object.keys(like)
    : (db.prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[]);
  for (const t of tables) {
    const first = like?.[t]?.[0];
    const cols = first ? Object.keys(JSON.parse(first) as object) : [];
    const list = cols.length > 0 ? cols.map((c) => `"${c}"`).join(', ') : '*';
    out[t] = (db.prepare(`SELECT ${list} FROM "${t}"`).all() as object[]).map((r) => JSON.stringify(r)).sort();
  }
  db.close();
  return out;
}

/** Every row of `before` is still there, unchanged (migrations may add rows and columns). */
function expectIntact(after: Record<string, string[]>, before: Record<string, string[]>): void {
  // Index watermarks (how far the search index and report cache have got) and the months the
  // report cache has still to recompute are bookkeeping, not data.
  // The shipped category tree is remapped by migration 18 (ids kept, positions and parents of
  // income categories changed): test/reliability/taxonomy-migration.test.ts checks it.
  const bookkeeping = (table: string, row: string) =>
    table === 'report_dirty' || table === 'categories' || (table === 'meta' && /"key":"\w+_upto"/.test(row));
  for (const [table, allRows] of Object.entries(before)) {
    const rows = allRows.filter((r) => !bookkeeping(table, r));
    const have = new Set(after[table] ?? []);
    expect(rows.filter((r) => !have.has(r)), `rows of ${table} lost or changed`).toEqual([]);
  }
}

/** Every schema object (type, name, table, SQL), sorted. */
function schemaOf(db: BetterSqlite3.Database): string[] {
  return (db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as object[]).map((r) => JSON.stringify(r));
}

let fresh: string[] | undefined;
function freshSchema(): string[] {
  if (!fresh) {
    const db = openLedger(path.join(dir, 'fresh.db'));
    fresh = schemaOf(db);
    db.close();
  }
  return fresh;
}

describe('migrations', () => {
  it.each(MIGRATIONS.map((m) => m.version))('a ledger at schema version %i upgrades with its data intact (backup first when behind)', (k) => {
    const file = path.join(dir, `v${k}.db`);
    fixtureAt(k, file);
    const before = snapshot(file);
    expect(before.transactions).toHaveLength(2);
    const backups: string[] = [];
    const db = openLedger(file, { onBackup: (p) => backups.push(p) });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    // The fixture was made with SQLite's default 4 KiB pages: an existing ledger keeps them.
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    for (const q of ['星', '巴克', '静安嘉里', 'acme', 'Li Wei']) {
      const c = searchCondition(db, q);
      expect(db.prepare(`SELECT t.id FROM transactions t WHERE ${c.sql}`).pluck().all(...c.params), q).toEqual([q === 'acme' ? 2 : 1]);
    }
    // The same schema as a new ledger (migration 8 rebuilt transactions with its indexes and triggers).
    expect(schemaOf(db)).toEqual(freshSchema());
    expect(() => db.prepare("UPDATE transactions SET kind = 'gift' WHERE id = 1").run()).toThrow(/CHECK/);
    // Migration 14: the search index is in a file of its own, built once the migrations are
    // committed (an older ledger's entries, all of them); none is left in the ledger.
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'tx_search%' AND type = 'table'").pluck().get()).toBe(0);
    if (k < 14) {
      expect(useSearchIndex(db)).toBe(true);
      expect(db.prepare("SELECT value FROM meta WHERE key = 'search_indexed_upto'").pluck().get()).toBe('2');
      // Migrations 9 and 10: its write buffer; no size row per entry.
      expect(db.prepare("SELECT v FROM search.tx_search_config WHERE k = 'hashsize'").pluck().get()).toBe(16777216);
      expect(db.prepare("SELECT count(*) FROM search.sqlite_master WHERE name = 'tx_search_docsize'").pluck().get()).toBe(0);
      expect(mode(`${file}-search`)).toBe('0600');
    }
    // Migration 11: no amount index; the largest spends come from the report cache, filled by the next report.
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'report_tx_spend'").pluck().get()).toBe(0);
    expect(largestSpending(db, { currency: 'CNY' }, { from: '2026-01-01', to: '2026-01-31' }, 5).map((r) => r.txId)).toEqual([1]);
    expect(db.prepare('SELECT month, tx_id, amount FROM report_top').all()).toEqual([{ month: '2026-01', tx_id: 1, amount: -3550 }]);
    // Migration 12: no batch_id index; a batch knows its id range, and finds its entries by it.
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'tx_batch'").pluck().get()).toBe(0);
    expect(listBatches(db).map((b) => [b.id, b.entries])).toEqual([[1, 2]]);
    expect(batchUserData(db, 1)).toEqual({ notes: 1, attachments: 0, tags: 1, splits: 0 });
    // Migration 13: the index holds descriptions only; a merchant's change queues nothing.
    db.prepare("UPDATE transactions SET merchant = 'Starbucks' WHERE id = 1").run();
    expect(db.prepare('SELECT count(*) FROM search_dirty').pluck().get()).toBe(0);
    const c = searchCondition(db, 'starbucks');
    expect(db.prepare(`SELECT t.id FROM transactions t WHERE ${c.sql}`).pluck().all(...c.params)).toEqual([1]);
    db.prepare("UPDATE transactions SET merchant = NULL WHERE id = 1").run();
    // Migration 15: every entry has room for the kind it had before a transfer link; none is linked yet.
    expect(db.prepare('SELECT id, kind_before_link, kind_source_before_link FROM transactions ORDER BY id').all()).toEqual([
      { id: 1, kind_before_link: null, kind_source_before_link: null },
      { id: 2, kind_before_link: null, kind_source_before_link: null },
    ]);
    // ...and link_hints, filled by the next import's linking from the first entry on.
    expect(db.prepare('SELECT count(*) FROM link_hints').pluck().get()).toBe(0);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'link_hints_upto'").pluck().get()).toBe('0');
    // Migration 20: hand entries and account aliases, empty until tx add and account alias.
    expect([db.prepare('SELECT count(*) FROM hand_entries').pluck().get(), db.prepare('SELECT count(*) FROM account_aliases').pluck().get()]).toEqual([0, 0]);
    db.close();
    expectIntact(snapshot(file, before), before);
    if (k < LATEST_VERSION) {
      expect(backups).toHaveLength(1);
      const bak = backups[0] as string;
      expect(mode(bak)).toBe('0600');
      expect(snapshot(bak)).toEqual(before);
      expect(new BetterSqlite3(bak, { readonly: true }).pragma('user_version', { simple: true })).toBe(k);
    } else {
      expect(backups).toEqual([]);
    }
  });

  it('migration 14 is frozen: its index build runs its own SQL (not the search code), from every entry, once', () => {
    const m14 = MIGRATIONS.find((m) => m.version === 14)!;
    const source = fs.readFileSync(new URL('../../src/ledger/migrations/014-search-file.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from '\.\.\/(?!\.\.\/core\/)/); // imports no ledger module (search, search-store, ...)
    const file = path.join(dir, 'frozen-14.db');
    fixtureAt(13, file);
    fs.writeFileSync(`${file}-search`, 'not an index file'); // a stale file in the way is replaced
    const db = openLedger(file);
    const token = db.prepare("SELECT value FROM meta WHERE key = 'search_token'").pluck().get();
    expect(typeof token).toBe('string');
    expect(db.prepare("SELECT value FROM meta WHERE key = 'search_indexed_upto'").pluck().get()).toBe('2');
    expect(useSearchIndex(db)).toBe(true);
    expect(db.prepare("SELECT value FROM search.search_meta WHERE key = 'token'").pluck().get()).toBe(token);
    expect(db.prepare("SELECT rowid FROM search.tx_search WHERE tx_search MATCH '\"巴克(\"' ORDER BY rowid").pluck().all()).toEqual([1]);
    expect(db.prepare("SELECT rowid FROM search.tx_search WHERE tx_search MATCH '\"acm\"' ORDER BY rowid").pluck().all()).toEqual([2]);
    expect(fs.existsSync(`${file}-search.tmp`)).toBe(false);
    // Run again with the index in place (another process got there first): nothing changes.
    db.exec('DETACH search');
    m14.afterCommit!(db);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'search_token'").pluck().get()).toBe(token);
    db.close();
  });

  it(`a new ledger is made with ${PAGE_SIZE}-byte pages, in WAL mode`, () => {
    const file = path.join(dir, 'fresh-pages.db');
    openLedger(file).close();
    const db = new BetterSqlite3(file, { readonly: true });
    expect(db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('a mapped connection reads the ledger file through a memory map; others do not', () => {
    const file = path.join(dir, 'mapped.db');
    openLedger(file).close();
    const mapped = openLedger(file, { mapped: true });
    const plain = openLedger(file);
    expect(mapped.pragma('mmap_size', { simple: true })).toBe(1 << 30);
    expect(plain.pragma('mmap_size', { simple: true })).toBe(0);
    mapped.close();
    plain.close();
  });

  it('migration 15: a pair linked before it still unlinks (kinds of their sign, by hand); one linked after gives back what each was', () => {
    const file = path.join(dir, 'v14-linked.db');
    fixtureAt(14, file);
    const raw = new BetterSqlite3(file);
    raw.prepare(`INSERT INTO accounts (id, name, type, currency, created_at) VALUES (2, 'Wallet', 'wallet', 'CNY', 'x')`).run();
    raw.prepare(`INSERT INTO transactions (id, account_id, date, amount, currency, description, dedup_key, occurrence, kind, kind_source, created_at)
      VALUES (3, 2, '2026-01-02', 3550, 'CNY', '充值', 'k3', 1, 'transfer', 'import', 'x')`).run();
    raw.prepare("UPDATE transactions SET transfer_peer_id = 3, kind = 'transfer', kind_source = 'link' WHERE id = 1").run();
    raw.prepare("UPDATE transactions SET transfer_peer_id = 1, kind_source = 'link' WHERE id = 3").run();
    raw.close();
    const db = openLedger(file);
    const kinds = () => db.prepare('SELECT id, kind, kind_source AS source, transfer_peer_id AS peer FROM transactions WHERE id IN (1, 3) ORDER BY id').all();
    expect(unlinkByHand(db, 1)).toEqual({ peer: 3, mirrors: [] });
    expect(kinds()).toEqual([{ id: 1, kind: 'expense', source: 'manual', peer: null }, { id: 3, kind: 'income', source: 'manual', peer: null }]);
    db.prepare("UPDATE transactions SET kind = 'transfer', kind_source = 'import' WHERE id = 3").run();
    db.prepare('UPDATE transactions SET kind = ?, kind_source = NULL WHERE id = 1').run('expense');
    linkByHand(db, 1, 3);
    expect(kinds()).toEqual([{ id: 1, kind: 'transfer', source: 'manual', peer: 3 }, { id: 3, kind: 'transfer', source: 'manual', peer: 1 }]);
    unlinkByHand(db, 3);
    expect(kinds()).toEqual([{ id: 1, kind: 'expense', source: null, peer: null }, { id: 3, kind: 'transfer', source: 'import', peer: null }]);
    db.close();
  });

  function newerLedger(name: string): { file: string; sha: string; logical: string } {
    const file = path.join(dir, name);
    fixtureAt(LATEST_VERSION, file);
    const db = new BetterSqlite3(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return { file, sha: fileSha(file), logical: logicalHash(file) };
  }

  it('a ledger from a newer pocketbook is refused (LEDGER_NEWER) and left byte-for-byte untouched', () => {
    const { file, sha } = newerLedger('newer.db');
    let caught: unknown;
    try {
      openLedger(file).close();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PocketbookError);
    expect((caught as PocketbookError).code).toBe('LEDGER_NEWER');
    expect((caught as PocketbookError).message).toMatch(/newer/);
    expect(fileSha(file)).toBe(sha);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('newer.db.'))).toEqual([]);
  });

  it.skipIf(!available('import'))('through the CLI: one clear line, exit 1, ledger untouched', () => {
    const { file, sha, logical } = newerLedger('newer-cli.db');
    const csv = path.join(dir, 'x.csv');
    fs.writeFileSync(csv, 'Date,Description,Amount\n2026-01-05,Tea,-2.00\n');
    const r = pb(['--ledger', file, 'import', csv, '--account', 'CMB Card'], { env: cliEnv(path.join(dir, 'config')) });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(BAD_STDERR);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/newer/);
    expect(fileSha(file)).toBe(sha);
    expect(logicalHash(file)).toBe(logical);
  });
});
