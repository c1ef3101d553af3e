/**
 * The per-file occurrence counter of counted-fingerprint dedup (SPEC "Import"): the i-th row of a
 * file with key K is inserted only when (account, K, i) is not in the ledger yet.
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
import { speedOn } from '../core/speed.js';

/** Counters kept in memory before spilling (≈ 150 bytes each). */
export const MEMORY_KEYS = 100_000;
/** Bloom filter over the file's keys: 2^25 bits = 4 MB, 3 probes (< 0.1% false hits at 1M keys). */
export const BLOOM_BITS = 1 << 25;

/** The per-file occurrence counter of (account, key). */
export class OccurrenceCounter {
  /** Keys needing an exact counter: count × 2, plus 1 when the latest row with that key was a duplicate. */
  private readonly memory = new Map<string, number>();
  /** Every (account, key) counted in this file; allocated on first use. */
  private bloom: Uint32Array | undefined;
  /** Without the filter (POCKETBOOK_SPEED=-bloom) every key is counted exactly. */
  private readonly useBloom = speedOn('bloom');
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
    this.clear.run(); // an earlier writer on this connection may have left counters behind
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

  /** Count one more row with this key (of `batchId`; h1, h2: the key's hashes, entry-batch.ts); returns its occurrence (1 for the first). */
  next(accountId: number, key: string, h1: number, h2: number, batchId: number): number {
    let n = 1;
    if (!this.useBloom || this.seenBefore(h1, h2)) {
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

  /** Whether the filter may hold the (account, key) whose hashes are h1, h2; adds it either way. */
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
