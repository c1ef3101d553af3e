/**
 * Secondary indexes of `transactions` that a big import builds after it has committed its entries
 * (see import-files.ts: meanwhile a second thread builds the search index from those entries).
 * The import records the indexes it dropped in `meta`, in the transaction that commits its
 * entries, and removes the record in the one that builds them. Should the process stop in
 * between, the next connection that can write builds them as it opens the ledger. Until then
 * every query gives the same answers, only without the help of those indexes.
 */
import os from 'node:os';
import type { Database } from 'better-sqlite3';
import { unlessBusy } from './sqlite.js';

const KEY = 'deferred_indexes';

export interface IndexDef {
  name: string;
  sql: string;
}

/** SQLite's sorter threads for building an index with every core free: one per core, at most 4. */
export const INDEX_BUILD_THREADS = Math.max(1, Math.min(4, os.availableParallelism()));

function deferred(db: Database): IndexDef[] {
  const value = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(KEY) as string | undefined;
  return value ? (JSON.parse(value) as IndexDef[]) : [];
}

/** Inside the transaction that drops them: record indexes to build once it has committed. */
export function deferIndexes(db: Database, indexes: readonly IndexDef[]): void {
  if (indexes.length === 0) return;
  const all = new Map(deferred(db).map((i) => [i.name, i]));
  for (const i of indexes) all.set(i.name, i);
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify([...all.values()]));
}

/**
 * Inside a write transaction: build the deferred indexes (those not there yet) and clear the
 * record; how many were built. `threads`: SQLite's sorter threads (a big index is sorted in runs
 * handed to them); 0 when the other core is busy with something else.
 */
export function buildDeferredIndexes(db: Database, threads = INDEX_BUILD_THREADS): number {
  const indexes = deferred(db);
  if (indexes.length === 0) return 0;
  const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[]);
  const missing = indexes.filter((i) => !present.has(i.name));
  db.pragma(`threads = ${threads}`);
  try {
    for (const i of missing) db.exec(i.sql);
  } finally {
    db.pragma('threads = 0');
  }
  db.prepare('DELETE FROM meta WHERE key = ?').run(KEY);
  return missing.length;
}

/**
 * On opening the ledger to write (outside a transaction): build indexes an import left deferred
 * when it stopped. Not while another connection writes: that may be the import building them.
 */
export function catchUpDeferredIndexes(db: Database): void {
  if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(KEY) === undefined) return;
  if (!unlessBusy(db, () => db.exec('BEGIN IMMEDIATE'))) return;
  try {
    buildDeferredIndexes(db);
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
