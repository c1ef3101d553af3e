/**
 * The one write transaction of an imported file, and everything the import changes about the
 * connection meanwhile, undone in one place (`dispose`, whatever happened):
 *
 * - BEGIN IMMEDIATE with SQLite's foreign-key checks off (the entry writer checks each distinct
 *   reference once instead: EntryWriter.checkReferences), on again afterwards;
 * - for a bulk import (bulk-write.ts), secondary indexes suspended; they are recorded as deferred
 *   at COMMIT, to be built after it (`indexCommitted`).
 */
import type { Db } from './open.js';
import { type BulkWrite, startBulkWrite } from './bulk-write.js';
import { buildDeferredIndexes } from './deferred-indexes.js';

export class ImportTransaction {
  private open = false;
  private done = false;
  private bulkWrite: BulkWrite | undefined;

  private constructor(readonly db: Db) {}

  /** Take the write lock (BEGIN IMMEDIATE); `bulk`: write the bulk way (bulk-write.ts). */
  static begin(db: Db, opts: { bulk: boolean }): ImportTransaction {
    db.pragma('foreign_keys = OFF'); // takes effect only outside a transaction
    const tx = new ImportTransaction(db);
    try {
      db.exec('BEGIN IMMEDIATE');
      tx.open = true;
      if (opts.bulk) tx.bulkWrite = startBulkWrite(db);
    } catch (err) {
      tx.rollback();
      db.pragma('foreign_keys = ON');
      throw err;
    }
    return tx;
  }

  /** Set for a bulk import: give its `wrote` to the entry writer (EntryWriter.watchOrder). */
  get bulk(): BulkWrite | undefined {
    return this.bulkWrite;
  }

  /** Whether COMMIT succeeded (a busy ledger before then may be retried whole). */
  get committed(): boolean {
    return this.done;
  }

  /** Record the deferred indexes of a bulk write (a ROLLBACK brings them back by itself) and COMMIT. */
  commit(): void {
    this.bulkWrite?.deferIndexes();
    this.db.exec('COMMIT');
    this.open = false;
    this.done = true;
  }

  rollback(): void {
    if (this.open && this.db.inTransaction) this.db.exec('ROLLBACK');
    this.open = false;
  }

  /**
   * After COMMIT, in a transaction of its own that holds the write lock throughout: start
   * `alongside` (the search index, on another thread when it can), build the indexes the bulk write deferred (`sorterThreads`: SQLite's sorter
   * threads, 0 when the other core is busy), then wait for `alongside`. ROLLBACK if any fails.
   */
  async indexCommitted(sorterThreads: number, alongside?: { start(): void; finish(): Promise<void> }): Promise<void> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      alongside?.start();
      buildDeferredIndexes(this.db, sorterThreads);
      await alongside?.finish();
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  /** Undo it all: ROLLBACK unless committed, foreign keys on. */
  async dispose(): Promise<void> {
    try {
      this.rollback();
    } finally {
      this.db.pragma('foreign_keys = ON');
    }
  }
}
