/**
 * Opening the ledger: owner-only permissions, WAL, busy timeout, numbered migrations
 * with a backup copy taken before an existing ledger is migrated.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { PocketbookError } from '../core/errors.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.js';
import { sqliteBinding } from './sqlite.js';
import { catchUpDeferredIndexes } from './deferred-indexes.js';
import { openWithoutCreating } from './read-only.js';
import { backupBeforeMigrating } from './migration-backup.js';
import { ensurePrivateDir, ensurePrivateFile, noLedger } from './private-files.js';
import { tErrorsLedger as tL } from '../core/messages/errors-ledger.js';

export { ensurePrivateDir, ensurePrivateFile, makeDirs, noLedger } from './private-files.js';

export type Db = Database;

/**
 * Page size of a new ledger. Entries are wide (about 200 bytes with their index keys): 16 KiB pages
 * make a bulk import and its index builds cheaper than SQLite's default 4 KiB (about 0.9 s of a
 * million rows). Reading scattered entries through bigger pages costs more system time, which
 * the memory map of `mapped` connections avoids. An existing ledger keeps the size it was made with.
 */
export const PAGE_SIZE = 16384;

export interface OpenOptions {
  /** Open read-only: no migrations, nothing created (fails with NOT_FOUND when the ledger does not exist). */
  readonly?: boolean;
  /** A command that writes: a ledger that cannot be written is an error, not a read-only connection. */
  mustWrite?: boolean;
  /** Called with the backup path when an existing ledger is migrated. */
  onBackup?: (backupPath: string) => void;
  /**
   * Read the ledger file through a memory map (for commands that look entries up here and there:
   * listings, searches, reports). Reading a scattered page is then a memory access instead of a
   * system call, which is most of the cost of such a query. Not for bulk work, whose every page
   * would count towards the process's resident memory.
   */
  mapped?: boolean;
}

/** The most of the ledger file a mapped connection maps (SQLite's own ceiling is 2 GB). */
const MMAP_BYTES = 1 << 30;

function ioError(err: unknown, file: string): PocketbookError {
  const e = err as NodeJS.ErrnoException;
  const message =
    e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS'
      ? tL('notWritable')
      : e.code === 'ENOSPC'
        ? tL('ledgerDiskFull')
        : tL('cannotOpen', { why: e.code ?? e.message });
  return new PocketbookError('LEDGER_IO', message, { location: { file } });
}

/** How long a connection waits for another one's lock (README: "up to 15 s"). */
export const BUSY_MS = 15_000;

/** Whether this process may write the ledger file and create its -wal/-shm beside it. */
function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Open the ledger. To write (the default), missing folders and the file are created (0700/0600);
 * an existing ledger that cannot be written (read-only media, a 0444 file) is opened for reading
 * instead, unless `mustWrite`: commands that only read still work, and a write is refused by
 * SQLite (SQLITE_READONLY, reported as such). A read-only open creates nothing at all.
 */
export function openLedger(file: string, opts: OpenOptions = {}): Db {
  if (opts.readonly || (!opts.mustWrite && fs.existsSync(file) && !writable(file))) return openReading(file, opts);
  let db: Db;
  let created = false;
  try {
    ensurePrivateDir(path.dirname(file));
    created = ensurePrivateFile(file);
    db = new BetterSqlite3(file, sqliteBinding());
  } catch (err) {
    if (created) fs.rmSync(file, { force: true });
    throw ioError(err, file);
  }
  // Opening waits at most BUSY_MS in all for a command writing the ledger, not that much per step.
  const deadline = Date.now() + BUSY_MS;
  const rest = () => db.pragma(`busy_timeout = ${Math.max(1, deadline - Date.now())}`);
  try {
    db.pragma(`busy_timeout = ${BUSY_MS}`);
    // Only an empty file takes a page size; it must come before WAL mode.
    if (db.pragma('page_count', { simple: true }) === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    rest();
    migrate(db, file, opts);
    rest();
    catchUpDeferredIndexes(db);
    if (opts.mapped) db.pragma(`mmap_size = ${MMAP_BYTES}`);
    db.pragma(`busy_timeout = ${BUSY_MS}`);
  } catch (err) {
    db.close();
    throw openError(err, file);
  }
  return db;
}

/** A read-only connection that creates nothing beside the ledger (see openWithoutCreating). */
function openReading(file: string, opts: OpenOptions): Db {
  if (!fs.existsSync(file)) throw noLedger(file);
  let db: Db;
  try {
    db = openWithoutCreating(file);
  } catch (err) {
    throw openError(err, file);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_MS}`);
    db.pragma('foreign_keys = ON');
    migrate(db, file, { ...opts, readonly: true });
    if (opts.mapped) db.pragma(`mmap_size = ${MMAP_BYTES}`);
  } catch (err) {
    db.close();
    throw openError(err, file);
  }
  return db;
}

function openError(err: unknown, file: string): Error {
  if (err instanceof PocketbookError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new PocketbookError('LEDGER_IO', tL('notALedger'), { location: { file } });
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) {
    return ioError({ code: code === 'SQLITE_FULL' ? 'ENOSPC' : 'EROFS', message: code }, file);
  }
  if (/^E[A-Z]+$/.test(code)) return ioError(err, file);
  return err as Error;
}

/** The schema version of an open ledger. */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, file: string, opts: OpenOptions): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new PocketbookError(
      'LEDGER_NEWER',
      tL('newer', { version: current, latest: LATEST_VERSION }),
      { location: { file }, hint: tL('newerHint') },
    );
  }
  if (current === LATEST_VERSION) return;
  if (opts.readonly) {
    throw new PocketbookError('LEDGER_IO', tL('needsUpgrade', { version: current, latest: LATEST_VERSION }), {
      location: { file },
      hint: tL('needsUpgradeHint'),
    });
  }
  if (current > 0) {
    const backup = backupBeforeMigrating(db, file, current);
    opts.onBackup?.(backup);
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    // PRAGMA foreign_keys is a no-op inside a transaction: switch it around the whole step.
    if (migration.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        // Another process may have migrated while we waited for the write lock.
        if (schemaVersion(db) >= migration.version) return;
        if (migration.sql) db.exec(migration.sql);
        migration.up?.(db);
        if (migration.foreignKeysOff && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new Error(`migration ${migration.version} would leave broken references`);
        }
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } finally {
      if (migration.foreignKeysOff) db.pragma('foreign_keys = ON');
    }
  }
  for (const migration of MIGRATIONS) {
    if (current === 0 || migration.version <= current || !migration.afterCommit) continue;
    try {
      migration.afterCommit(db);
    } catch {
      // Derived data only (a search index): the ledger is migrated, and the next import builds it.
    }
  }
}

/** Let this connection wait at most `ms` more for a lock (a command's share of its time budget). */
export function waitForLocksAtMost(db: Db, ms: number): void {
  db.pragma(`busy_timeout = ${Math.max(1, Math.round(ms))}`);
}
