/**
 * The one write transaction of an imported file, and everything the import changes about the
 * connection meanwhile, undone in one place (`dispose`, whatever happened):
 *
 * - BEGIN IMMEDIATE with SQLite's foreign-key checks off (the entry writer checks each distinct
 *   reference once instead: EntryWriter.checkReferences), on again afterwards;
 * - for a bulk import (bulk-write.ts), secondary indexes suspended; they are recorded as deferred
 *   at COMMIT, to be built after it (`indexCommitted`);
 * - a page flusher (app/import/page-flusher.ts): a helper thread that writes the WAL out during
 *   the import and copies the committed pages into the ledger file after COMMIT; this
 *   connection's automatic checkpoint is held off while it works.
 */
import type { Db } from './open.js';
import { type BulkWrite, startBulkWrite } from './bulk-write.js';
import { buildDeferredIndexes } from './deferred-indexes.js';

export interface CheckpointResult {
  /** Frames in the WAL, and how many of them are in the ledger file now. */
  frames: number;
  copied: number;
}

/** The helper thread that writes the WAL out alongside the import (app/import/page-flusher.ts). */
export interface PageFlusher {
  /** The import committed: copy what is committed into the ledger file (the helper then ends). */
  copyCommitted(): void;
  /** Wait for the copy (undefined when it did not run or failed: a later checkpoint does it then). */
  finish(): Promise<CheckpointResult | undefined>;
}

export class ImportTransaction {
  private open = false;
  private done = false;
  private flusher: { flusher: PageFlusher; autoCheckpointPages: number; finished?: Promise<CheckpointResult | undefined> } | undefined;

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

  /** Whether a page flusher works alongside (usePageFlusher). */
  get flushesPages(): boolean {
    return this.flusher !== undefined;
  }

  /** Whether COMMIT succeeded (a busy ledger before then may be retried whole). */
  get committed(): boolean {
    return this.done;
  }

  /** Hold this connection's automatic checkpoint off while `flusher` works (until finishPageFlush). */
  usePageFlusher(flusher: PageFlusher): void {
    const autoCheckpointPages = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    this.db.pragma('wal_autocheckpoint = 0');
    this.flusher = { flusher, autoCheckpointPages };
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
   * `alongside` (the search index, on another thread when it can), let the page flusher copy the
   * committed pages, build the indexes the bulk write deferred (`sorterThreads`: SQLite's sorter
   * threads, 0 when the other core is busy), then wait for `alongside`. ROLLBACK if any fails.
   */
  async indexCommitted(sorterThreads: number, alongside?: { start(): void; finish(): Promise<void> }): Promise<void> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      alongside?.start();
      // The helper opens the ledger now: with the lock held, it leaves the deferred indexes to us.
      this.flusher?.flusher.copyCommitted();
      buildDeferredIndexes(this.db, sorterThreads);
      await alongside?.finish();
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  /** Wait for the page flusher, if any, and give the connection its automatic checkpoint back. */
  finishPageFlush(): Promise<CheckpointResult | undefined> {
    const f = this.flusher;
    if (!f) return Promise.resolve(undefined);
    f.finished ??= f.flusher.finish().finally(() => this.db.pragma(`wal_autocheckpoint = ${f.autoCheckpointPages}`));
    return f.finished;
  }

  /** Undo it all: ROLLBACK unless committed, foreign keys on, the page flusher stopped. */
  async dispose(): Promise<void> {
    try {
      this.rollback();
    } finally {
      this.db.pragma('foreign_keys = ON');
      await this.finishPageFlush();
    }
  }
}

/** On a connection of its own (a helper thread's): copy the WAL's committed pages into the ledger file, never blocking a writer. */
export function copyCommittedPages(db: Db): CheckpointResult {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
  return { frames: row!.log, copied: row!.checkpointed };
}
