/**
 * Where the search index lives: a file of its own beside the ledger, `<ledger>-search` (as
 * SQLite's -wal and -shm are), attached to a connection as the schema `search` (migration 14).
 *
 * The index is derived data: everything in it can be computed again from the ledger. In a file
 * of its own it can be built on a second thread from the entries a big import has committed,
 * while the importing connection builds the ledger's own indexes: SQLite writes a file from one
 * connection at a time, so in one file the two waited for each other.
 *
 * The two files are kept in step by a token. Every change to the index writes a new random token
 * into both, in one transaction. SQLite commits attached files one after the other, so a crash
 * between the two commits, a ledger copied back from a backup, and a missing, damaged or foreign
 * index file all leave tokens that differ; and an index whose token differs is never used.
 * Searches then test every entry (exact, only slower) and the next import builds the file again.
 */
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { sqliteBinding } from './sqlite.js';
import { memoryLedgerFile } from './read-only.js';

/** The FTS document of one entry `t` (migration 13 indexed the same). */
export const DOC = 't.description || char(10) || char(10)';

/** An index file's tables: the trigram index of descriptions (as migration 13 made it) and its token. */
const INDEX_SQL = `
CREATE VIRTUAL TABLE tx_search USING fts5(doc, tokenize = 'trigram', content = '', columnsize = 0, detail = none);
INSERT INTO tx_search (tx_search, rank) VALUES ('hashsize', 16777216);
CREATE TABLE search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;`;

/** The index file of a ledger file. */
export const searchFileOf = (ledgerPath: string): string => `${ledgerPath}-search`;

/** The ledger file of a connection (undefined in memory: such a ledger has no index file). */
export function ledgerFileOf(db: Database): string | undefined {
  return db.name && db.name !== ':memory:' ? db.name : memoryLedgerFile(db);
}

const isAttached = (db: Database): boolean => db.prepare("SELECT 1 FROM pragma_database_list WHERE name = 'search'").get() !== undefined;

/**
 * Attach the ledger's index file as `search` (when it exists and no transaction is open: SQLite
 * attaches only outside one) and say whether it is the ledger's own: the same token in both.
 */
export function useSearchIndex(db: Database): boolean {
  if (!isAttached(db)) {
    const file = ledgerFileOf(db);
    if (!file || db.inTransaction || !fs.existsSync(searchFileOf(file))) return false;
    try {
      db.prepare('ATTACH ? AS search').run(searchFileOf(file));
    } catch {
      return false; // not a file SQLite can open
    }
    // A connection that maps the ledger (searches, listings) maps its index too.
    const mapped = db.pragma('main.mmap_size', { simple: true }) as number;
    if (mapped > 0) db.pragma(`search.mmap_size = ${mapped}`);
  }
  return tokensMatch(db);
}

/** Whether the attached index file holds the ledger's token. */
export function tokensMatch(db: Database): boolean {
  try {
    const ours = db.prepare("SELECT value FROM main.meta WHERE key = 'search_token'").pluck().get();
    const its = db.prepare("SELECT value FROM search.search_meta WHERE key = 'token'").pluck().get();
    return typeof ours === 'string' && ours === its;
  } catch {
    return false; // empty, damaged or not an index file
  }
}

/** Detach the index file (outside a transaction), so that the next use attaches the file now in place. */
export function detachSearchIndex(db: Database): void {
  if (isAttached(db)) db.exec('DETACH search');
}

/** Write a new token into the ledger and, when `inIndex`, into the attached index file (one transaction). */
export function turnToken(db: Database, token: string, inIndex: boolean): void {
  db.prepare("INSERT INTO main.meta (key, value) VALUES ('search_token', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(token);
  if (inIndex) db.prepare("UPDATE search.search_meta SET value = ? WHERE key = 'token'").run(token);
}

/** A random token (Web Crypto's: node:crypto is not loaded for it at every search's start-up). */
export const newToken = (): string => globalThis.crypto.randomUUID();

/** The highest entry id the index holds (the watermark: entries above it are tested directly). */
export function indexedUpto(db: Database): number {
  return Number((db.prepare("SELECT value FROM main.meta WHERE key = 'search_indexed_upto'").pluck().get() as string | undefined) ?? 0);
}

export function setIndexedUpto(db: Database, upto: number): void {
  db.prepare("INSERT INTO main.meta (key, value) VALUES ('search_indexed_upto', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(upto));
}

/** A fresh index file, built but not yet the ledger's (see publishSearchIndex). */
export interface BuiltSearchIndex {
  file: string;
  token: string;
  /** The highest id it holds, and how many entries. */
  upto: number;
  indexed: number;
}

/**
 * Build a fresh index file of every entry the ledger has committed, beside the one in use, on a
 * connection of its own (a worker thread can do it while the ledger's connection works). Its
 * caller holds the ledger's write lock from before this starts until it publishes the file, so
 * that no entry changes in between. No journal: until it is published nothing refers to it, and
 * it reaches the disk before it is renamed into place.
 */
export function buildSearchIndex(ledgerPath: string): BuiltSearchIndex {
  const file = `${searchFileOf(ledgerPath)}.tmp`;
  fs.rmSync(file, { force: true });
  fs.closeSync(fs.openSync(file, 'w', 0o600));
  const token = newToken();
  const db = new BetterSqlite3(file, sqliteBinding());
  let upto: number;
  let indexed: number;
  try {
    db.pragma('busy_timeout = 15000');
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.prepare('ATTACH ? AS ledger').run(ledgerPath);
    db.exec('BEGIN');
    db.exec(INDEX_SQL);
    // One read transaction: the highest id and the entries are of the same moment.
    upto = (db.prepare('SELECT ifnull(max(id), 0) FROM ledger.transactions').pluck().get() as number);
    indexed = db.prepare(`INSERT INTO tx_search (rowid, doc) SELECT t.id, ${DOC} FROM ledger.transactions t WHERE t.id <= ?`).run(upto).changes;
    db.prepare("INSERT INTO search_meta (key, value) VALUES ('token', ?)").run(token);
    db.exec('COMMIT');
  } finally {
    db.close();
  }
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { file, token, upto, indexed };
}

/**
 * Make a built index file the ledger's: rename it into place, then record its token and
 * watermark and forget the queued changes (it was built from the entries as they are). Inside
 * the ledger's write transaction that has been held since before the build began, with the
 * index file detached from this connection.
 */
export function publishSearchIndex(db: Database, built: BuiltSearchIndex): void {
  fs.renameSync(built.file, searchFileOf(ledgerFileOf(db)!));
  turnToken(db, built.token, false);
  setIndexedUpto(db, built.upto);
  db.prepare('DELETE FROM main.search_dirty').run();
}
