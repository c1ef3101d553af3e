/** Free-form tags on entries. */
import type { Db } from './open.js';
import { PocketbookError } from '../core/errors.js';
import { requireTx } from './notes.js';
import { tErrorsLedger as tL } from '../core/messages/errors-ledger.js';

/** Trimmed, non-empty, no whitespace inside (so tags stay usable as filters and in journals). */
export function normalizeTag(raw: string): string {
  const tag = raw.trim().replace(/^#/, '');
  if (tag === '' || /\s/.test(tag)) {
    throw new PocketbookError('BAD_INPUT', tL('notATag', { raw }), { hint: tL('tagHint') });
  }
  return tag;
}

/** Add tags (existing ones are kept); returns the tags that were new on the entry. */
export function addTags(db: Db, txId: number, tags: readonly string[]): string[] {
  const clean = tags.map(normalizeTag);
  return db.transaction(() => {
    requireTx(db, txId);
    const existing = db.prepare('SELECT 1 FROM tags WHERE tx_id = ? AND tag = ? COLLATE NOCASE').pluck();
    const insert = db.prepare('INSERT OR IGNORE INTO tags (tx_id, tag) VALUES (?, ?)');
    const added: string[] = [];
    for (const tag of clean) {
      if (existing.get(txId, tag) !== undefined) continue;
      insert.run(txId, tag);
      added.push(tag);
    }
    return added;
  })();
}

/** Remove tags (case-insensitive); returns the tags that were removed. */
export function removeTags(db: Db, txId: number, tags: readonly string[]): string[] {
  const clean = tags.map(normalizeTag);
  return db.transaction(() => {
    requireTx(db, txId);
    const del = db.prepare('DELETE FROM tags WHERE tx_id = ? AND tag = ? COLLATE NOCASE');
    return clean.filter((tag) => del.run(txId, tag).changes > 0);
  })();
}

export function tagsOf(db: Db, txId: number): string[] {
  return db.prepare('SELECT tag FROM tags WHERE tx_id = ? ORDER BY tag').pluck().all(txId) as string[];
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Every tag with the number of entries carrying it, most used first. */
export function tagCounts(db: Db): TagCount[] {
  return db.prepare('SELECT tag, count(*) AS count FROM tags GROUP BY tag ORDER BY count DESC, tag').all() as TagCount[];
}
