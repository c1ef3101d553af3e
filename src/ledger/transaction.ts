/**
 * An explicit write transaction held across awaits (better-sqlite3's `db.transaction` cannot span
 * one): BEGIN IMMEDIATE takes the write lock at once; COMMIT; ROLLBACK when one is still open.
 */
import type { Db } from './open.js';

export function beginImmediate(db: Db): void {
  db.exec('BEGIN IMMEDIATE');
}

export function commit(db: Db): void {
  db.exec('COMMIT');
}

export function rollbackIfOpen(db: Db): void {
  if (db.inTransaction) db.exec('ROLLBACK');
}
