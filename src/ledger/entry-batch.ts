/**
 * Entries on their way to the writer, as a batch of columns (struct of arrays): what crosses from
 * the reading thread (read-worker.ts), and what the writer inserts from (entries.ts). Numbers go
 * in typed arrays, texts in plain ones, and an entry's values sit at the same index in each, so a
 * batch of hundreds of entries is a dozen arrays to copy between threads, not hundreds of objects
 * with their property names. An entry carries the id of its shape (entry-shapes.ts) instead of
 * the values it shares with most rows of its file.
 *
 * Each entry also carries its dedup key and the key's two hashes (for the occurrence counter's
 * filter: occurrence-counter.ts), computed where it is packed: on the reading thread when there is one.
 */
import type { EntryDraft } from '../core/types.js';
import { type EntryShape, EntryShapes } from './entry-shapes.js';

/** An entry's optional texts of its own, in the order of OWN_OPTIONAL (entry-shapes.ts) before category_id. */
export const OPTIONAL_TEXTS = 6;

export interface EntryBatch {
  /** Entries held (the arrays may be longer). */
  count: number;
  /** Shapes first used in this batch, in id order (ids follow on from those of earlier batches of the file). */
  newShapes: EntryShape[];
  shape: Int32Array;
  line: Int32Array;
  /** Minor units (integers; a double holds them exactly). */
  amount: Float64Array;
  /** NO_CATEGORY when none. */
  categoryId: Int32Array;
  keyHash1: Int32Array;
  /** Odd: a probe step. */
  keyHash2: Int32Array;
  date: string[];
  description: string[];
  dedupKey: string[];
  /** OPTIONAL_TEXTS per entry: time, external id, counterparty, source category, funding, merchant. */
  texts: (string | null)[];
  tags: (string[] | null)[];
}

export const NO_CATEGORY = -1;

export function newEntryBatch(capacity = 64): EntryBatch {
  return {
    count: 0, newShapes: [],
    shape: new Int32Array(capacity), line: new Int32Array(capacity), amount: new Float64Array(capacity), categoryId: new Int32Array(capacity),
    keyHash1: new Int32Array(capacity), keyHash2: new Int32Array(capacity),
    date: [], description: [], dedupKey: [], texts: [], tags: [],
  };
}

/** Empty the batch for reuse (the writer's own one-entry batch). */
export function clearEntryBatch(b: EntryBatch): void {
  b.count = 0;
  b.newShapes.length = 0;
  b.date.length = 0;
  b.description.length = 0;
  b.dedupKey.length = 0;
  b.texts.length = 0;
  b.tags.length = 0;
}

function grown<T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T {
  const bigger = make(a.length * 2);
  bigger.set(a);
  return bigger;
}

/** Append the draft to the batch; its shape is numbered by `shapes` (a new one goes into newShapes). */
export function packEntry(d: EntryDraft, b: EntryBatch, shapes: EntryShapes): void {
  const i = b.count++;
  if (i === b.shape.length) {
    b.shape = grown(b.shape, (n) => new Int32Array(n));
    b.line = grown(b.line, (n) => new Int32Array(n));
    b.amount = grown(b.amount, (n) => new Float64Array(n));
    b.categoryId = grown(b.categoryId, (n) => new Int32Array(n));
    b.keyHash1 = grown(b.keyHash1, (n) => new Int32Array(n));
    b.keyHash2 = grown(b.keyHash2, (n) => new Int32Array(n));
  }
  const key = keyOf(d.externalId, d.date, d.amount, d.description);
  const time = d.time ?? null;
  const externalId = d.externalId ?? null;
  const counterparty = d.counterparty ?? null;
  const sourceCategory = d.sourceCategory ?? null;
  const funding = d.funding ?? null;
  const merchant = d.merchant ?? null;
  const categoryId = d.categoryId ?? null;
  // Bit i: OWN_OPTIONAL[i] holds a value.
  const present =
    (time === null ? 0 : 1) | (externalId === null ? 0 : 2) | (counterparty === null ? 0 : 4) | (sourceCategory === null ? 0 : 8) |
    (funding === null ? 0 : 16) | (merchant === null ? 0 : 32) | (categoryId === null ? 0 : 64);
  b.shape[i] = shapes.idOf(d, present, b.newShapes);
  b.line[i] = d.line;
  b.amount[i] = d.amount;
  b.categoryId[i] = categoryId ?? NO_CATEGORY;
  b.keyHash1[i] = hash1(d.accountId, key);
  b.keyHash2[i] = hash2(d.accountId, key);
  b.date.push(d.date);
  b.description.push(d.description);
  b.dedupKey.push(key);
  b.texts.push(time, externalId, counterparty, sourceCategory, funding, merchant);
  b.tags.push(d.tags && d.tags.length > 0 ? d.tags : null);
}

/** A 32-bit FNV-1a style hash of (account, key). */
function hash1(accountId: number, key: string): number {
  let h = Math.imul(0x811c9dc5 ^ accountId, 0x01000193);
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h;
}

/** A second, independent hash of (account, key); odd (a probe step). */
function hash2(accountId: number, key: string): number {
  let h = Math.imul(0x01000193 ^ key.length, 0x5bd1e995) ^ accountId;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h | 1;
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

/** dedupKey from the values themselves (no object per row). */
function keyOf(externalId: string | null | undefined, date: string, amount: number, description: string): string {
  return externalId ? `id:${externalId}` : `fp:${date}|${amount}|${normalizeDescription(description)}`;
}
