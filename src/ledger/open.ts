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
import { sqliteBinding, unlessBusy } from './sqlite.js';
import { catchUpDeferredIndexes } from './deferred-indexes.js';

export type Db = Database;

/**
 * Page size of a new ledger. Entries are wide (about 200 bytes with their index keys): 16 KiB pages
 * make a bulk import and its index builds cheaper than SQLite's default 4 KiB (about 0.9 s of a
 * million rows). Reading scattered entries through bigger pages costs more system time, which
 * the memory map of `mapped` connections avoids. An existing ledger keeps the size it was made with.
 */
export const PAGE_SIZE = 16384;

export interface OpenOptions {
  /** Open read-only: no migrations, no file creation (fails when the ledger does not exist). */
  readonly?: boolean;
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

/** Make a folder (and parents) and force 0700 on the last one, whatever the umask. */
export function ensurePrivateDir(dir: string): void {
  makeDirs(dir, 0o700);
  fs.chmodSync(dir, 0o700);
}

/**
 * `mkdir -p`, one level at a time. Node's own recursive mkdir loops forever where a folder's
 * parent exists but the folder cannot be made in it for want of the parent (under /proc, it
 * retries the pair without end); one level at a time, that error reaches the caller.
 */
export function makeDirs(dir: string, mode?: number): void {
  if (fs.existsSync(dir)) return;
  const parent = path.dirname(dir);
  if (parent !== dir) makeDirs(parent, mode);
  try {
    fs.mkdirSync(dir, mode === undefined ? {} : { mode });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/** Create (if needed) a file readable by its owner only. */
export function ensurePrivateFile(file: string): void {
  const fd = fs.openSync(file, 'a', 0o600);
  fs.closeSync(fd);
  fs.chmodSync(file, 0o600);
}

function ioError(err: unknown, file: string): PocketbookError {
  const e = err as NodeJS.ErrnoException;
  const why =
    e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS'
      ? 'is not writable (permission denied or read-only file system)'
      : e.code === 'ENOSPC'
        ? 'cannot be written: the disk is full'
        : `cannot be opened (${e.code ?? e.message})`;
  return new PocketbookError('LEDGER_IO', `ledger ${why}`, { location: { file } });
}

/** How long a connection waits for another one's lock (README: "up to 15 s"). */
export const BUSY_MS = 15_000;

export function openLedger(file: string, opts: OpenOptions = {}): Db {
  let db: Db;
  try {
    if (opts.readonly) {
      db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...sqliteBinding() });
    } else {
      ensurePrivateDir(path.dirname(file));
      ensurePrivateFile(file);
      db = new BetterSqlite3(file, sqliteBinding());
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CANTOPEN' && opts.readonly) {
      throw new PocketbookError('NOT_FOUND', 'no ledger here yet', { location: { file }, hint: 'import a statement first' });
    }
    throw ioError(err, file);
  }
  // Opening waits at most BUSY_MS in all for a command writing the ledger, not that much per step.
  const deadline = Date.now() + BUSY_MS;
  const rest = () => db.pragma(`busy_timeout = ${Math.max(1, deadline - Date.now())}`);
  try {
    db.pragma(`busy_timeout = ${BUSY_MS}`);
    if (!opts.readonly) {
      // Only an empty file takes a page size; it must come before WAL mode.
      if (db.pragma('page_count', { simple: true }) === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
      // A big import elsewhere may hold the ledger in rollback-journal mode (leaveWal): it puts it
      // back in WAL mode itself; meanwhile this connection waits on its locks instead of failing.
      unlessBusy(db, () => db.pragma('journal_mode = WAL'));
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    rest();
    migrate(db, file, opts);
    rest();
    if (!opts.readonly) catchUpDeferredIndexes(db);
    if (opts.mapped) db.pragma(`mmap_size = ${MMAP_BYTES}`);
    db.pragma(`busy_timeout = ${BUSY_MS}`);
  } catch (err) {
    db.close();
    if (err instanceof PocketbookError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR') {
      throw ioError({ code: code === 'SQLITE_FULL' ? 'ENOSPC' : 'EROFS', message: code }, file);
    }
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new PocketbookError('LEDGER_IO', 'is not a pocketbook ledger (not an SQLite database)', { location: { file } });
    }
    throw err;
  }
  return db;
}

/**
 * For a big import into a small ledger, before its transaction: write that transaction with a
 * rollback journal instead of the WAL. Its pages then go into the ledger file once, where through
 * the WAL each went twice (into the WAL, then copied into the file) and the COMMIT rewrote the
 * checksum of every frame: for a million entries, about 0.9 s less in all, and the 400 MB WAL never
 * exists. The journal holds only the pages the ledger had before, few in a small ledger.
 *
 * SQLite leaves WAL mode only when no other connection has the ledger open: false, at once, when
 * one has (the import then writes through the WAL as usual). While such a transaction writes,
 * other connections wait for it (their busy timeout) instead of reading alongside, so it is only
 * for imports that outweigh the ledger. synchronous = FULL meanwhile: with a rollback journal that
 * is what survives a power loss. backToWal afterwards, outside the transaction.
 */
export function leaveWal(db: Db): boolean {
  if (db.inTransaction || db.pragma('journal_mode', { simple: true }) !== 'wal') return false;
  let mode: unknown;
  if (!unlessBusy(db, () => (mode = db.pragma('journal_mode = DELETE', { simple: true }))) || mode !== 'delete') return false;
  db.pragma('synchronous = FULL');
  return true;
}

/**
 * The ledger's own journal again, after leaveWal (outside a transaction); true when it is in WAL
 * mode. Should that fail (another connection keeping the ledger busy past the busy timeout), the
 * ledger stays in rollback mode until the next connection that opens it to write (openLedger)
 * switches it back: what was committed stays committed either way.
 */
export function backToWal(db: Db): boolean {
  db.pragma('synchronous = NORMAL');
  try {
    return db.pragma('journal_mode = WAL', { simple: true }) === 'wal';
  } catch {
    return false;
  }
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
      `ledger has schema version ${current}, newer than this pocketbook understands (${LATEST_VERSION})`,
      { location: { file }, hint: 'upgrade pocketbook; the ledger was left untouched' },
    );
  }
  if (current === LATEST_VERSION) return;
  if (opts.readonly) {
    throw new PocketbookError('LEDGER_IO', `ledger needs an upgrade (schema ${current} → ${LATEST_VERSION})`, {
      location: { file },
      hint: 'run any writing command once, e.g. `pocketbook account list`',
    });
  }
  if (current > 0) {
    const backup = `${file}.v${current}-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
    db.pragma('wal_checkpoint(TRUNCATE)');
    fs.copyFileSync(file, backup);
    fs.chmodSync(backup, 0o600);
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
