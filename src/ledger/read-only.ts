/**
 * Reading a ledger without creating anything beside it. A read-only SQLite connection to a ledger
 * in WAL mode creates its -wal and -shm files when they are missing (and cannot remove them after),
 * and cannot open it at all where they cannot be made (read-only media). So only when both are
 * there (the ledger is in use, or was not closed) does a read-only connection read it in place;
 * otherwise the ledger is read into memory: the file alone, or, with a -wal but no -shm, a private
 * copy of the pair, opened in a temporary folder of our own that is removed at once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { sqliteBinding } from './sqlite.js';

/** The ledger file an in-memory connection was read from (its search index file lives beside it). */
const readFrom = new WeakMap<Database, string>();
export const memoryLedgerFile = (db: Database): string | undefined => readFrom.get(db);

export function openWithoutCreating(file: string): Database {
  const wal = fs.existsSync(`${file}-wal`);
  if (wal && fs.existsSync(`${file}-shm`)) return new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...sqliteBinding() });
  const db = new BetterSqlite3(rollbackImage(wal ? withWal(file) : fs.readFileSync(file)), { readonly: true, ...sqliteBinding() });
  readFrom.set(db, path.resolve(file));
  return db;
}

/** The ledger with its WAL's committed pages, read through a private copy of both files. */
function withWal(file: string): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketbook-read-'));
  try {
    const copy = path.join(dir, 'ledger.db');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    const db = new BetterSqlite3(copy, { readonly: true, fileMustExist: true, ...sqliteBinding() });
    try {
      return db.serialize();
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** An in-memory database cannot use a WAL: clear the header's WAL flags (bytes 18 and 19) in the copy. */
function rollbackImage(data: Buffer): Buffer {
  if (data.length >= 20 && data.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') {
    data[18] = 1;
    data[19] = 1;
  }
  return data;
}
