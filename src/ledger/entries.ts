/**
 * Writing imported entries with counted-fingerprint dedup (SPEC "Import"): each entry is inserted
 * unless (account, dedup key, occurrence) is in the ledger already (occurrence-counter.ts counts
 * the occurrence). Entries come as batches of columns (entry-batch.ts), each row of a shape
 * inserted by that shape's statement (entry-shapes.ts).
 */
import type { Db } from './open.js';
import type { EntryDraft } from '../core/types.js';
import { PocketbookError } from '../core/errors.js';
import { ShapeInserts, EntryShapes } from './entry-shapes.js';
import type { InsertedRows } from './report-cache.js';
import { type EntryBatch, NO_CATEGORY, OPTIONAL_TEXTS, clearEntryBatch, newEntryBatch, packEntry } from './entry-batch.js';
import { BLOOM_BITS, MEMORY_KEYS, OccurrenceCounter } from './occurrence-counter.js';
import type { RowWatch } from './bulk-write.js';
import { tErrorsLedger as tL } from '../core/messages/errors-ledger.js';

export { dedupKey, normalizeDescription } from './entry-batch.js';

export interface EntryWriter {
  /** Forget the counters (call at the start of each file). */
  reset(): void;
  /** Insert the draft unless it is a duplicate (see dedupKey); true when inserted. */
  write(draft: EntryDraft, batchId: number, now: string): boolean;
  /** Take the shapes a batch packed by packEntry uses first (the file's batches in order, each before its entries). */
  defineShapes(batch: EntryBatch): void;
  /** The same as write for entry `i` of that batch. */
  writeFromBatch(batch: EntryBatch, i: number, batchId: number, now: string): boolean;
  /**
   * Check that every account and category the entries written since reset() refer to exists,
   * and throw if one does not. The import writes with SQLite's foreign-key checks off (three
   * look-ups per row) and checks each distinct reference once here instead, before COMMIT.
   */
  checkReferences(): void;
  /**
   * The lowest and highest id inserted since reset() (a batch's id range: migration 12) and the
   * months of those rows (for the report cache: markNewRows), if any.
   */
  inserted(): InsertedRows | undefined;
  /** Show `watch` each row's account and date before it is written, until reset() (a bulk write: BulkWrite.wrote). */
  watchOrder(watch: RowWatch): void;
}

/**
 * `memoryKeys`: counters held in memory before spilling; `bloomBits`: the filter's size, a power
 * of two (tests make both tiny, so that counters spill and the filter answers "maybe" falsely).
 */
export function createEntryWriter(db: Db, memoryKeys = MEMORY_KEYS, bloomBits = BLOOM_BITS): EntryWriter {
  const counter = new OccurrenceCounter(db, Math.max(1, memoryKeys), Math.max(32, bloomBits));
  const packed = new ShapeInserts(db);
  // write() packs its drafts the way the reading thread does, into shapes of its own.
  const own = { shapes: new EntryShapes(), inserts: new ShapeInserts(db), batch: newEntryBatch(1) };
  const addTag = db.prepare('INSERT OR IGNORE INTO tags (tx_id, tag) VALUES (?, ?)');
  const references = referenceCheck(db);
  let inserted: { first: number; last: number; months: Set<string> } | undefined;
  let month = '\u0000'; // the month of the row inserted last (rows mostly come in date order)
  let watch: RowWatch | undefined;
  const args: unknown[] = [];
  const insert = (inserts: ShapeInserts, b: EntryBatch, i: number, batchId: number, now: string): boolean => {
    const { shape, insert: stmt, bound } = inserts.get(b.shape[i]!, batchId, now);
    const key = b.dedupKey[i]!;
    const date = b.date[i]!;
    const occurrence = counter.next(shape.accountId, key, b.keyHash1[i]!, b.keyHash2[i]!, batchId);
    watch?.(shape.accountId, date);
    args.length = 0;
    for (let k = 0; k < bound.length; k++) args.push(bound[k]);
    args.push(b.line[i], date, b.amount[i], b.description[i], key, occurrence);
    for (let k = i * OPTIONAL_TEXTS; k < (i + 1) * OPTIONAL_TEXTS; k++) {
      const text = b.texts[k];
      if (text !== null) args.push(text);
    }
    const categoryId = b.categoryId[i] === NO_CATEGORY ? null : b.categoryId[i]!;
    if (categoryId !== null) args.push(categoryId);
    const info = stmt.run(...args);
    references.saw(shape.accountId, categoryId);
    if (info.changes === 0) {
      counter.duplicate();
      return false;
    }
    const id = Number(info.lastInsertRowid);
    if (!inserted) inserted = { first: id, last: id, months: new Set() };
    else if (id > inserted.last) inserted.last = id;
    else if (id < inserted.first) inserted.first = id;
    if (!date.startsWith(month)) inserted.months.add((month = date.slice(0, 7)));
    const tags = b.tags[i];
    if (tags) {
      for (const tag of tags) addTag.run(id, tag);
    }
    return true;
  };
  return {
    reset() {
      counter.reset();
      references.reset();
      packed.reset();
      own.shapes = new EntryShapes();
      own.inserts.reset();
      inserted = undefined;
      month = '\u0000';
      watch = undefined;
    },
    watchOrder(w) {
      watch = w;
    },
    checkReferences: () => references.check(),
    inserted: () => inserted,
    write(d, batchId, now) {
      clearEntryBatch(own.batch);
      packEntry(d, own.batch, own.shapes);
      own.inserts.define(own.batch.newShapes);
      return insert(own.inserts, own.batch, 0, batchId, now);
    },
    defineShapes: (b) => packed.define(b.newShapes),
    writeFromBatch: (b, i, batchId, now) => insert(packed, b, i, batchId, now),
  };
}

/** The distinct accounts and categories written since the last reset, and their check. */
function referenceCheck(db: Db): { saw(accountId: number, categoryId: number | null): void; check(): void; reset(): void } {
  const accounts = new Set<number>();
  const categories = new Set<number>();
  const account = db.prepare('SELECT 1 FROM accounts WHERE id = ?').pluck();
  const category = db.prepare('SELECT 1 FROM categories WHERE id = ?').pluck();
  return {
    saw(accountId, categoryId) {
      accounts.add(accountId);
      if (categoryId !== null) categories.add(categoryId);
    },
    check() {
      for (const id of accounts) {
        if (account.get(id) === undefined) throw new PocketbookError('CONFLICT', tL('accountGone', { id }));
      }
      for (const id of categories) {
        if (category.get(id) === undefined) {
          throw new PocketbookError('CONFLICT', tL('categoryGone', { id }), {
            hint: tL('categoryGoneHint'),
          });
        }
      }
    },
    reset() {
      accounts.clear();
      categories.clear();
    },
  };
}
