/**
 * A bulk import's way of writing (a big file into a small ledger: see isBulkImport): the
 * secondary indexes of `transactions` suspended while its rows go in, and built once afterwards
 * (deferred-indexes.ts), with a small page cache meanwhile.
 */
import type { Db } from './open.js';
import { type IndexDef, deferIndexes } from './deferred-indexes.js';
import { speedOn } from '../core/speed.js';

/** Sees each row's account and date, in the order they are written. */
export type RowWatch = (accountId: number, date: string) => void;

/** Files of about this many rows or more (and more than the ledger holds) are written the bulk way. */
const BULK_ROWS = 50_000;
/** A statement's bytes per row, about (to estimate its rows from its size). */
const BYTES_PER_ROW = 40;

/** Whether a file of `bytes` goes into `db` the bulk way: at least BULK_ROWS rows, and more than the ledger holds. */
export function isBulkImport(db: Db, bytes: number): boolean {
  return bytes / BYTES_PER_ROW >= Math.max(BULK_ROWS, entryCountBound(db));
}

/** The largest transaction id: a cheap upper bound of how many entries the ledger holds. */
export function entryCountBound(db: Db): number {
  return (db.prepare('SELECT max(id) FROM transactions').pluck().get() as number | null) ?? 0;
}

/**
 * Partial indexes over columns the import's INSERT leaves NULL (transfer links set them later, on
 * a few rows). New rows never enter them, so they cost nothing to keep, while building one again
 * would scan the whole table.
 */
const UNTOUCHED_BY_INSERT = /\bWHERE\s+(?:mirror_of|transfer_peer_id)\s+IS\s+NOT\s+NULL\s*$/i;

/** A bulk import's way of writing: secondary indexes suspended. */
export interface BulkWrite {
  /** Each row as it is written, in file order (give it to the writer: EntryWriter.watchOrder). */
  wrote: RowWatch;
  /**
   * Before COMMIT: record the suspended indexes as deferred, for the import to build once its
   * entries are committed (buildDeferredIndexes). A ROLLBACK brings them back by itself.
   */
  deferIndexes(): void;
}

/** For a bulk import into a small ledger (inside its transaction): suspend the secondary indexes (suspendSecondaryIndexes). */
export function startBulkWrite(db: Db): BulkWrite {
  const { wrote, dropped } = speedOn('deferred-indexes') ? suspendSecondaryIndexes(db) : { wrote: () => undefined, dropped: () => [] };
  return { wrote, deferIndexes: () => deferIndexes(db, dropped()) };
}

/** Indexes led by the date (alone, or after the account): rows in date order only append to them. */
const DATE_LED = /\(\s*(?:account_id\s*,\s*)?date\s*\)\s*$/i;

/**
 * For a bulk import into a small ledger (inside its transaction): drop the secondary indexes of
 * `transactions` (not the unique ones: dedupe relies on them, nor those new rows never enter), to
 * be built again from their own SQL once all rows are in (`dropped`: deferred-indexes.ts).
 * Building an index once over all rows costs a fraction of updating it row by row. A ROLLBACK
 * brings them back by itself.
 *
 * Those led by the date stay while the rows come in date order, all of one account (a statement
 * sorted by date): each row then only appends to them, which costs less than sorting them at the
 * end, where the import waits on one core. At the first row out of that order (`wrote`: an
 * earlier date, or another account) they are dropped too, and built at the end with the others.
 */
export function suspendSecondaryIndexes(db: Db): { wrote: RowWatch; dropped(): IndexDef[] } {
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transactions' AND sql IS NOT NULL")
    .all() as IndexDef[];
  const secondary = indexes.filter((i) => !/^\s*CREATE\s+UNIQUE\b/i.test(i.sql) && !UNTOUCHED_BY_INSERT.test(i.sql));
  const drop = (i: { name: string }) => db.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
  const dateLed = secondary.filter((i) => DATE_LED.test(i.sql));
  const dropped = secondary.filter((i) => !DATE_LED.test(i.sql));
  for (const i of dropped) drop(i);
  let inOrder = dateLed.length > 0;
  let lastAccount: number | undefined;
  let lastDate = '';
  return {
    wrote(accountId, date) {
      if (!inOrder) return;
      if ((lastAccount === undefined || accountId === lastAccount) && date >= lastDate) {
        lastAccount = accountId;
        lastDate = date;
        return;
      }
      inOrder = false;
      for (const i of dateLed) drop(i);
      dropped.push(...dateLed);
    },
    dropped: () => dropped,
  };
}

