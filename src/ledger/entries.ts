/**
 * Writing imported entries with counted-fingerprint dedup (SPEC "Import"): the i-th row of a file
 * with key K is inserted only when (account, K, i) is not in the ledger yet.
 *
 * The per-file counters live in a bounded in-memory map; when it fills up it is spilled to a TEMP
 * table, and a fixed-size Bloom filter of the spilled keys says which misses must ask that table.
 * So memory does not grow with the file, and a file of mostly distinct keys costs no SQL for
 * counting at all.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';
import type { EntryDraft } from '../core/types.js';

export interface EntryWriter {
  /** Forget the counters (call at the start of each file). */
  reset(): void;
  /** Insert the draft unless it is a duplicate; true when inserted. */
  write(draft: EntryDraft, dedupKey: string, batchId: number, now: string): boolean;
}

/** Counters kept in memory before spilling (≈ 150 bytes each). */
const MEMORY_KEYS = 100_000;
/** Bloom filter over spilled keys: 2^25 bits = 4 MB, 3 probes (< 0.1% false hits at 1M keys). */
const BLOOM_BITS = 1 << 25;

/** Two independent 32-bit FNV-1a style hashes of a string (for the Bloom filter). */
function hashes(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}

/** The per-file occurrence counter of (account, key). */
class OccurrenceCounter {
  private readonly memory = new Map<string, number>();
  private bloom: Uint32Array | undefined;
  private spilled = false;
  private readonly load: Statement;
  private readonly save: Statement;
  private readonly clear: Statement;

  constructor(
    db: Db,
    private readonly capacity: number,
  ) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS import_counts (key TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID');
    this.load = db.prepare('SELECT n FROM temp.import_counts WHERE key = ?').pluck();
    this.save = db.prepare('INSERT INTO temp.import_counts (key, n) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET n = excluded.n');
    this.clear = db.prepare('DELETE FROM temp.import_counts');
  }

  reset(): void {
    this.memory.clear();
    if (this.spilled) this.clear.run();
    this.bloom?.fill(0);
    this.spilled = false;
  }

  /** Count one more row with this key; returns its occurrence (1 for the first). */
  next(accountId: number, key: string): number {
    const k = `${accountId}\u0000${key}`;
    let n = this.memory.get(k);
    if (n === undefined) {
      n = this.spilled && this.maybeSpilled(k) ? ((this.load.get(k) as number | undefined) ?? 0) : 0;
      if (this.memory.size >= this.capacity) this.spill();
    }
    n += 1;
    this.memory.set(k, n);
    return n;
  }

  private maybeSpilled(k: string): boolean {
    const bloom = this.bloom!;
    const [h1, h2] = hashes(k);
    for (let i = 0; i < 3; i++) {
      const bit = (h1 + Math.imul(i, h2)) & (BLOOM_BITS - 1);
      if ((bloom[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  private spill(): void {
    this.bloom ??= new Uint32Array(BLOOM_BITS >>> 5);
    const bloom = this.bloom;
    for (const [k, n] of this.memory) {
      this.save.run(k, n);
      const [h1, h2] = hashes(k);
      for (let i = 0; i < 3; i++) {
        const bit = (h1 + Math.imul(i, h2)) & (BLOOM_BITS - 1);
        bloom[bit >>> 5]! |= 1 << (bit & 31);
      }
    }
    this.memory.clear();
    this.spilled = true;
  }
}

/** `memoryKeys`: counters held in memory before spilling (tests make it tiny). */
export function createEntryWriter(db: Db, memoryKeys = MEMORY_KEYS): EntryWriter {
  const counter = new OccurrenceCounter(db, Math.max(1, memoryKeys));
  const insert: Statement = db.prepare(
    `INSERT INTO transactions (account_id, batch_id, source_line, date, time, amount, currency, description,
       dedup_key, occurrence, external_id, counterparty, source_category, funding, merchant, merchant_source,
       category_id, category_source, kind, kind_source, channel, channel_source, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, dedup_key, occurrence) DO NOTHING`,
  );
  const addTag = db.prepare('INSERT OR IGNORE INTO tags (tx_id, tag) VALUES (?, ?)');
  return {
    reset: () => counter.reset(),
    write(d, dedupKey, batchId, now) {
      const occurrence = counter.next(d.accountId, dedupKey);
      const info = insert.run(
        d.accountId, batchId, d.line, d.date, d.time ?? null, d.amount, d.currency, d.description,
        dedupKey, occurrence, d.externalId ?? null, d.counterparty ?? null, d.sourceCategory ?? null, d.funding ?? null,
        d.merchant ?? null, d.merchantSource ?? null, d.categoryId ?? null, d.categorySource ?? null,
        d.kind, d.kindSource ?? null, d.channel, d.channelSource ?? null, now,
      );
      if (info.changes === 0) return false;
      if (d.tags && d.tags.length > 0) {
        const id = info.lastInsertRowid;
        for (const tag of d.tags) addTag.run(id, tag);
      }
      return true;
    },
  };
}

/** The largest transaction id: a cheap upper bound of how many entries the ledger holds. */
export function entryCountBound(db: Db): number {
  return (db.prepare('SELECT max(id) FROM transactions').pluck().get() as number | null) ?? 0;
}

/**
 * For a bulk import into a small ledger (inside its transaction): drop the secondary indexes of
 * `transactions` (not the unique ones: dedupe relies on them) and return the function that builds
 * them again from their own SQL. Building an index once over all rows costs a fraction of updating
 * it row by row. A ROLLBACK brings them back by itself.
 */
export function suspendSecondaryIndexes(db: Db): () => void {
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transactions' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  const secondary = indexes.filter((i) => !/^\s*CREATE\s+UNIQUE\b/i.test(i.sql));
  for (const i of secondary) db.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
  return () => {
    for (const i of secondary) db.exec(i.sql);
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
  return row.externalId ? `id:${row.externalId}` : `fp:${row.date}|${row.amount}|${normalizeDescription(row.description)}`;
}
