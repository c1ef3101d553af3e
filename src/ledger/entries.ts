/**
 * Writing imported entries with counted-fingerprint dedup (SPEC "Import"): the i-th row of a file
 * with key K is inserted only when (account, K, i) is not in the ledger yet.
 *
 * Counting the i costs almost nothing for the common row, whose key the file has not held yet:
 * every key counted goes into a fixed-size Bloom filter, and a key the filter has never seen is
 * the file's first (occurrence 1), with nothing else kept. Only a key the filter may have seen
 * needs its exact count: from a bounded in-memory map when it is there, else from the ledger
 * (its highest occurrence inserted by this batch). That is the count unless the file's latest row
 * with that key was a duplicate (not inserted), so such counters are kept in the map and, when the
 * map fills up, written down to a TEMP table. Memory does not grow with the file, and a first
 * import of distinct rows asks SQL nothing for counting.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';
import type { EntryDraft } from '../core/types.js';
import { PocketbookError } from '../core/errors.js';
import { type EntryShape, EntryShapes, OWN_OPTIONAL, ShapeInserts } from './entry-shapes.js';
import type { InsertedRows } from './report-cache.js';
import { type IndexDef, deferIndexes } from './deferred-indexes.js';

export interface EntryWriter {
  /** Forget the counters (call at the start of each file). */
  reset(): void;
  /** Insert the draft unless it is a duplicate (see dedupKey); true when inserted. */
  write(draft: EntryDraft, batchId: number, now: string): boolean;
  /** Shapes packed entries from now on refer to (those packEntry made for them, in order). */
  defineShapes(fresh: readonly EntryShape[]): void;
  /** The same as write for the packed entry at `values[at]` (see packEntry). */
  writePacked(values: readonly unknown[], at: number, batchId: number, now: string): boolean;
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

/** Sees each row's account and date, in the order they are written. */
export type RowWatch = (accountId: number, date: string) => void;

/** Values per packed entry (see packEntry). */
export const PACKED_WIDTH = 16;
/** Where a packed entry holds the first of its OWN_OPTIONAL columns. */
const OWN_AT = 5;
/** Where a packed entry holds its source line. */
export const PACKED_LINE = 1;

/**
 * An entry as a run of PACKED_WIDTH plain values, appended to `out`: its shape's id (see
 * entry-shapes.ts; a shape met for the first time is appended to `fresh`), then what is its own.
 * Batches of these cross from the reading thread for a fraction of what objects cost (no
 * property names to write and read back). The last three are the dedup key and its two hashes
 * for the occurrence counter's filter, derived on the reading thread.
 */
export function packEntry(d: EntryDraft, out: unknown[], shapes: EntryShapes, fresh: EntryShape[]): void {
  const key = keyOf(d.externalId, d.date, d.amount, d.description);
  hashKey(d.accountId, key);
  const time = d.time ?? null;
  const externalId = d.externalId ?? null;
  const counterparty = d.counterparty ?? null;
  const sourceCategory = d.sourceCategory ?? null;
  const funding = d.funding ?? null;
  const merchant = d.merchant ?? null;
  const categoryId = d.categoryId ?? null;
  // Bit i: OWN_OPTIONAL[i] holds a value (packed at OWN_AT + i).
  const present =
    (time === null ? 0 : 1) | (externalId === null ? 0 : 2) | (counterparty === null ? 0 : 4) | (sourceCategory === null ? 0 : 8) |
    (funding === null ? 0 : 16) | (merchant === null ? 0 : 32) | (categoryId === null ? 0 : 64);
  out.push(
    shapes.idOf(d, present, fresh), d.line, d.date, d.amount, d.description,
    time, externalId, counterparty, sourceCategory, funding, merchant, categoryId,
    d.tags && d.tags.length > 0 ? d.tags : null, key, hashA, hashB,
  );
}

/** hashKey's result (no array per entry). */
let hashA = 0;
let hashB = 0;

/** Two independent 32-bit FNV-1a style hashes of (account, key), into hashA and hashB (odd: a probe step). */
function hashKey(accountId: number, key: string): void {
  let h1 = Math.imul(0x811c9dc5 ^ accountId, 0x01000193);
  let h2 = Math.imul(0x01000193 ^ key.length, 0x5bd1e995) ^ accountId;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  hashA = h1;
  hashB = h2 | 1;
}

/** Counters kept in memory before spilling (≈ 150 bytes each). */
const MEMORY_KEYS = 100_000;
/** Bloom filter over the file's keys: 2^25 bits = 4 MB, 3 probes (< 0.1% false hits at 1M keys). */
const BLOOM_BITS = 1 << 25;

/** The per-file occurrence counter of (account, key). */
class OccurrenceCounter {
  /** Keys needing an exact counter: count × 2, plus 1 when the latest row with that key was a duplicate. */
  private readonly memory = new Map<string, number>();
  /** Every (account, key) counted in this file; allocated on first use. */
  private bloom: Uint32Array | undefined;
  private used = false;
  /** Some duplicate counters are in the TEMP table. */
  private spilled = false;
  private readonly load: Statement;
  private readonly save: Statement;
  private readonly clear: Statement;
  private readonly batchMax: Statement;
  /** The row `next` counted last (`duplicate` refers to it). */
  private lastAccount = 0;
  private lastKey = '';
  private lastCount = 0;

  constructor(
    db: Db,
    private readonly capacity: number,
    private readonly bloomBits: number,
  ) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS import_counts (key TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID');
    this.load = db.prepare('SELECT n FROM temp.import_counts WHERE key = ?').pluck();
    this.save = db.prepare('INSERT INTO temp.import_counts (key, n) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET n = excluded.n');
    this.clear = db.prepare('DELETE FROM temp.import_counts');
    this.batchMax = db
      .prepare('SELECT max(occurrence) FROM main.transactions WHERE account_id = ? AND dedup_key = ? AND batch_id = ?')
      .pluck();
  }

  reset(): void {
    this.memory.clear();
    if (this.spilled) this.clear.run();
    if (this.used) this.bloom!.fill(0);
    this.spilled = false;
    this.used = false;
  }

  /** Count one more row with this key (of `batchId`; h1, h2: hashKey's); returns its occurrence (1 for the first). */
  next(accountId: number, key: string, h1: number, h2: number, batchId: number): number {
    let n = 1;
    if (this.seenBefore(h1, h2)) {
      const k = mapKey(accountId, key);
      let v = this.memory.get(k);
      if (v === undefined) {
        v = this.recount(k, accountId, key, batchId) * 2;
        if (this.memory.size >= this.capacity) this.spill();
      }
      n = (v >> 1) + 1;
      if (n > 1) this.memory.set(k, n * 2); // a false hit of the filter (n = 1) needs no counter
    }
    this.lastAccount = accountId;
    this.lastKey = key;
    this.lastCount = n;
    return n;
  }

  /** The row `next` just counted was a duplicate (not inserted). */
  duplicate(): void {
    const k = mapKey(this.lastAccount, this.lastKey);
    if (!this.memory.has(k) && this.memory.size >= this.capacity) this.spill();
    this.memory.set(k, this.lastCount * 2 + 1);
  }

  /**
   * How many rows with this key the file had before, for a key the map does not hold: the highest
   * occurrence this batch inserted, or a duplicate's counter written down (0 for a false hit).
   */
  private recount(k: string, accountId: number, key: string, batchId: number): number {
    const inserted = (this.batchMax.get(accountId, key, batchId) as number | null) ?? 0;
    const latestDuplicate = this.spilled ? ((this.load.get(k) as number | undefined) ?? 0) : 0;
    return Math.max(inserted, latestDuplicate);
  }

  /** Whether the filter may hold the (account, key) hashKey hashed to h1, h2; adds it either way. */
  private seenBefore(h1: number, h2: number): boolean {
    const bits = this.bloomBits;
    const bloom = (this.bloom ??= new Uint32Array(bits >>> 5));
    this.used = true;
    // Probes by double hashing.
    let seen = true;
    for (let i = 0; i < 3; i++) {
      const bit = (h1 + Math.imul(i, h2)) & (bits - 1);
      const word = bit >>> 5;
      const mask = 1 << (bit & 31);
      if ((bloom[word]! & mask) === 0) {
        seen = false;
        bloom[word]! |= mask;
      }
    }
    return seen;
  }

  /** Empty the map; duplicates' counters are written down first (the ledger knows the others). */
  private spill(): void {
    for (const [k, v] of this.memory) {
      if (v & 1) {
        this.save.run(k, v >> 1);
        this.spilled = true;
      }
    }
    this.memory.clear();
  }
}

const mapKey = (accountId: number, key: string): string => `${accountId}\u0000${key}`;

/**
 * `memoryKeys`: counters held in memory before spilling; `bloomBits`: the filter's size, a power
 * of two (tests make both tiny, so that counters spill and the filter answers "maybe" falsely).
 */
export function createEntryWriter(db: Db, memoryKeys = MEMORY_KEYS, bloomBits = BLOOM_BITS): EntryWriter {
  const counter = new OccurrenceCounter(db, Math.max(1, memoryKeys), Math.max(32, bloomBits));
  const packed = new ShapeInserts(db);
  // write() packs its drafts the way the reading thread does, into shapes of its own.
  const own = { shapes: new EntryShapes(), inserts: new ShapeInserts(db), fresh: [] as EntryShape[] };
  const addTag = db.prepare('INSERT OR IGNORE INTO tags (tx_id, tag) VALUES (?, ?)');
  const references = referenceCheck(db);
  let inserted: { first: number; last: number; months: Set<string> } | undefined;
  let month = '\u0000'; // the month of the row inserted last (rows mostly come in date order)
  let watch: RowWatch | undefined;
  const args: unknown[] = [];
  const insert = (inserts: ShapeInserts, v: readonly unknown[], at: number, batchId: number, now: string): boolean => {
    const { shape, insert: stmt, bound } = inserts.get(v[at] as number, batchId, now);
    const key = v[at + 13] as string;
    const occurrence = counter.next(shape.accountId, key, v[at + 14] as number, v[at + 15] as number, batchId);
    watch?.(shape.accountId, v[at + 2] as string);
    args.length = 0;
    for (let i = 0; i < bound.length; i++) args.push(bound[i]);
    args.push(v[at + 1], v[at + 2], v[at + 3], v[at + 4], key, occurrence);
    for (let i = at + OWN_AT; i < at + OWN_AT + OWN_OPTIONAL.length; i++) {
      if (v[i] !== null) args.push(v[i]);
    }
    const info = stmt.run(...args);
    references.saw(shape.accountId, v[at + 11] as number | null);
    if (info.changes === 0) {
      counter.duplicate();
      return false;
    }
    const id = Number(info.lastInsertRowid);
    if (!inserted) inserted = { first: id, last: id, months: new Set() };
    else if (id > inserted.last) inserted.last = id;
    else if (id < inserted.first) inserted.first = id;
    const date = v[at + 2] as string;
    if (!date.startsWith(month)) inserted.months.add((month = date.slice(0, 7)));
    const tags = v[at + 12] as string[] | null;
    if (tags) {
      for (const tag of tags) addTag.run(id, tag);
    }
    return true;
  };
  const scratch: unknown[] = [];
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
      scratch.length = 0;
      own.fresh.length = 0;
      packEntry(d, scratch, own.shapes, own.fresh);
      own.inserts.define(own.fresh);
      return insert(own.inserts, scratch, 0, batchId, now);
    },
    defineShapes: (fresh) => packed.define(fresh),
    writePacked: (v, at, batchId, now) => insert(packed, v, at, batchId, now),
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
        if (account.get(id) === undefined) throw new PocketbookError('CONFLICT', `account ${id} no longer exists`);
      }
      for (const id of categories) {
        if (category.get(id) === undefined) {
          throw new PocketbookError('CONFLICT', `category ${id}, which a rule sets, no longer exists`, {
            hint: 'run the import again: the rules are read afresh',
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

/** The page cache of a bulk write, in KiB (see startBulkWrite). */
const BULK_CACHE_KIB = 2048;

/** A bulk import's way of writing: secondary indexes suspended, a small page cache. */
export interface BulkWrite {
  /** Each row as it is written, in file order (give it to the writer: EntryWriter.watchOrder). */
  wrote: RowWatch;
  /**
   * Before COMMIT: record the suspended indexes as deferred, for the import to build once its
   * entries are committed (buildDeferredIndexes). A ROLLBACK brings them back by itself.
   */
  deferIndexes(): void;
  /** Give the connection its own page cache back (always, committed or not). */
  end(): void;
}

/**
 * For a bulk import into a small ledger (inside its transaction): suspend the secondary indexes
 * (suspendSecondaryIndexes) and write with a 2 MB page cache until `end`. SQLite sorts an index
 * in runs the size of the page cache (4 MB at the least), each handed to a helper thread, so
 * small runs keep both cores busy: a million-row build takes 1.1-1.3 s with 2 MB, 1.9 s with
 * better-sqlite3's 16 MB, and the rows' own writes do not notice.
 */
export function startBulkWrite(db: Db): BulkWrite {
  const { wrote, dropped } = suspendSecondaryIndexes(db);
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  return { wrote, deferIndexes: () => deferIndexes(db, dropped()), end: () => db.pragma(`cache_size = ${cacheSize}`) };
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

const FULL_WIDTH = /[\uFF01-\uFF5E]/;
const FULL_WIDTH_ALL = /[\uFF01-\uFF5E]/g;
/** A run of white space, or any white space but U+0020 (ideographic and no-break spaces included). */
const ODD_SPACE = /\s\s|[^\S ]/;

/** Half-width, lower-case, single-spaced: the description part of a fingerprint. */
export function normalizeDescription(text: string): string {
  // Fast paths: most descriptions hold no full-width form and no odd spacing.
  let t = FULL_WIDTH.test(text) ? text.replace(FULL_WIDTH_ALL, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)) : text;
  t = t.toLowerCase();
  if (ODD_SPACE.test(t)) t = t.replace(/\s+/g, ' ');
  return t.trim();
}

/** The dedup key: the source's transaction id when there is one, else date|amount|description. */
export function dedupKey(row: { externalId?: string; date: string; amount: number; description: string }): string {
  return keyOf(row.externalId, row.date, row.amount, row.description);
}

/** dedupKey from the values themselves (the packed path: no object per row). */
function keyOf(externalId: string | null | undefined, date: string, amount: number, description: string): string {
  return externalId ? `id:${externalId}` : `fp:${date}|${amount}|${normalizeDescription(description)}`;
}
