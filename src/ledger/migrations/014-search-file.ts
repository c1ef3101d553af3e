/**
 * Migration 14: the search index moves out of the ledger into a file of its own beside it
 * (`<ledger>-search`, src/ledger/search-store.ts), so that a big import can build it on a second
 * thread while the ledger's own indexes are built. The table goes; the queue of changed entries
 * (search_dirty), its triggers and the watermark stay in the ledger. With no token in the ledger
 * yet, no index file is used until one is built: right after the migrations (afterCommit), and
 * again by any import that finds the file missing or not the ledger's own.
 *
 * afterCommit is frozen here as it shipped (the build and publish steps of search-store.ts at
 * version 14: the same file, SQL and token), not a call into the search code: a migration must
 * not change when search does. A later change to the index format gets a migration of its own.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Database } from 'better-sqlite3';

export const version = 14;
export const name = 'search index in its own file';

export const sql = `
DROP TABLE tx_search;
DELETE FROM search_dirty;
UPDATE meta SET value = '0' WHERE key = 'search_indexed_upto';
DELETE FROM meta WHERE key = 'search_token';
`;

/** The FTS document of one entry `t` (as migration 13 indexed it). */
const DOC = 't.description || char(10) || char(10)';

/** The index file's tables: the trigram index of descriptions (as migration 13 made it) and its token. */
const INDEX_SQL = `
CREATE VIRTUAL TABLE tx_search USING fts5(doc, tokenize = 'trigram', content = '', columnsize = 0, detail = none);
INSERT INTO tx_search (tx_search, rank) VALUES ('hashsize', 16777216);
CREATE TABLE search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;`;

type Sqlite = new (file: string, opts?: { nativeBinding?: string }) => Database;

/** The addon the ledger's own connection loaded (its usual place), for the build's connection. */
function binding(): { nativeBinding?: string } {
  try {
    return { nativeBinding: createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node') };
  } catch {
    return {};
  }
}

/**
 * Build the index file of every committed entry beside the ledger, on a connection of its own,
 * while the caller holds the ledger's write lock. No journal: nothing refers to it yet, and it
 * reaches the disk before it is renamed into place.
 */
function buildIndexFile(db: Database, ledgerPath: string): { file: string; token: string; upto: number } {
  const file = `${ledgerPath}-search.tmp`;
  fs.rmSync(file, { force: true });
  fs.closeSync(fs.openSync(file, 'w', 0o600));
  const token = globalThis.crypto.randomUUID();
  const build = new (db.constructor as Sqlite)(file, binding());
  let upto: number;
  try {
    build.pragma('busy_timeout = 15000');
    build.pragma('journal_mode = OFF');
    build.pragma('synchronous = OFF');
    build.prepare('ATTACH ? AS ledger').run(ledgerPath);
    build.exec('BEGIN');
    build.exec(INDEX_SQL);
    upto = build.prepare('SELECT ifnull(max(id), 0) FROM ledger.transactions').pluck().get() as number;
    build.prepare(`INSERT INTO tx_search (rowid, doc) SELECT t.id, ${DOC} FROM ledger.transactions t WHERE t.id <= ?`).run(upto);
    build.prepare("INSERT INTO search_meta (key, value) VALUES ('token', ?)").run(token);
    build.exec('COMMIT');
  } finally {
    build.close();
  }
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { file, token, upto };
}

/**
 * Build the new index file from every entry and make it the ledger's (rename into place, then its
 * token and watermark in the ledger, the queue emptied), in one write transaction of the ledger.
 * A ledger in memory has no index file. Should another process migrating the same ledger have
 * published one meanwhile (a token is there), it is left to the search code to keep up to date.
 */
export function afterCommit(db: Database): void {
  if (db.inTransaction) throw new Error('the search index is brought up to date outside a transaction');
  const ledgerPath = db.name && db.name !== ':memory:' ? db.name : undefined;
  if (!ledgerPath) return;
  if (db.prepare("SELECT 1 FROM pragma_database_list WHERE name = 'search'").get() !== undefined) db.exec('DETACH search');
  db.transaction(() => {
    if (db.prepare("SELECT 1 FROM main.meta WHERE key = 'search_token'").get() !== undefined) return;
    const built = buildIndexFile(db, ledgerPath);
    fs.renameSync(built.file, `${ledgerPath}-search`);
    db.prepare("INSERT INTO main.meta (key, value) VALUES ('search_token', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(built.token);
    db.prepare("INSERT INTO main.meta (key, value) VALUES ('search_indexed_upto', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(built.upto));
    db.prepare('DELETE FROM main.search_dirty').run();
  }).immediate();
}
