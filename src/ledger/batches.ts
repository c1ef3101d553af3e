/** Import batches: one per imported file, so an import can be listed and undone exactly. */
import type { Db } from './open.js';
import { afterEntriesDeleted, restoreBeforeLink } from './link-state.js';
import { hasHandEntries } from './hand-entries.js';

export interface Batch {
  id: number;
  file: string;
  sha256: string;
  accountId: number | null;
  account: string | null;
  format: string;
  profile: string | null;
  rows: number;
  new: number;
  duplicates: number;
  skipped: number;
  importedAt: string;
  /** Entries of this batch still in the ledger. */
  entries: number;
}

export interface NewBatch {
  file: string;
  sha256: string;
  accountId: number | null;
  format: string;
  profile: string | null;
  importedAt: string;
}

export interface BatchCounts {
  accountId: number | null;
  rows: number;
  new: number;
  duplicates: number;
  skipped: number;
}

export function insertBatch(db: Db, b: NewBatch): number {
  const info = db
    .prepare(
      `INSERT INTO batches (file, sha256, account_id, format, profile, rows, new, duplicates, skipped, imported_at)
       VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, ?)`,
    )
    .run(b.file, b.sha256, b.accountId, b.format, b.profile, b.importedAt);
  return Number(info.lastInsertRowid);
}

/** SQL: entry `t` is one of batch `b`'s, found by the batch's id range first (the primary key; migration 12). */
export const entryOfBatch = (t: string, b: string): string => `${t}.id BETWEEN ${b}.first_id AND ${b}.last_id AND ${t}.batch_id = ${b}.id`;

/**
 * SQL: entry `t` is in one of the batches whose ids are the parameters (see batchFilter's params):
 * by the batches' id range first (the primary key), then by batch_id (migration 12). No batches
 * (null): any entry.
 */
export function batchFilter(t: string, batchIds: readonly number[] | null): { sql: string; params: number[] } {
  if (!batchIds) return { sql: 'true', params: [] };
  const marks = batchIds.map(() => '?').join(', ');
  return {
    sql: `${t}.id BETWEEN (SELECT min(first_id) FROM batches WHERE id IN (${marks})) AND (SELECT max(last_id) FROM batches WHERE id IN (${marks}))
      AND ${t}.batch_id IN (${marks})`,
    params: [...batchIds, ...batchIds, ...batchIds],
  };
}

/** The batch inserted the entries with ids first..last (its lowest and highest; none: leave NULL). */
export function setBatchIds(db: Db, id: number, ids: { first: number; last: number } | undefined): void {
  if (ids) db.prepare('UPDATE batches SET first_id = ?, last_id = ? WHERE id = ?').run(ids.first, ids.last, id);
}

export function updateBatchCounts(db: Db, id: number, c: BatchCounts): void {
  db.prepare('UPDATE batches SET account_id = ?, rows = ?, new = ?, duplicates = ?, skipped = ? WHERE id = ?').run(
    c.accountId, c.rows, c.new, c.duplicates, c.skipped, id,
  );
}

// Columns aliased to the camelCase fields of Batch: rows come back in their final shape.
const SELECT = `
  SELECT b.id, b.file, b.sha256, b.account_id AS accountId, a.name AS account, b.format, b.profile, b.rows, b.new,
         b.duplicates, b.skipped, b.imported_at AS importedAt,
         (SELECT count(*) FROM transactions t WHERE ${entryOfBatch('t', 'b')}) AS entries
  FROM batches b LEFT JOIN accounts a ON a.id = b.account_id`;

export function listBatches(db: Db): Batch[] {
  return db.prepare(`${SELECT} ORDER BY b.id`).all() as Batch[];
}

export function findBatch(db: Db, id: number): Batch | undefined {
  return db.prepare(`${SELECT} WHERE b.id = ?`).get(id) as Batch | undefined;
}

/** What undoing a batch would lose beyond the imported rows themselves. */
export interface BatchUserData {
  notes: number;
  attachments: number;
  tags: number;
  splits: number;
}

export function batchUserData(db: Db, id: number): BatchUserData {
  const inBatch = batchFilter('t', [id]);
  // Entries a hand entry was merged into stay (as hand entries) when the batch goes: nothing of theirs is lost.
  const kept = hasHandEntries(db) ? ' AND t.id NOT IN (SELECT tx_id FROM hand_entries WHERE merged_at IS NOT NULL)' : '';
  const count = (from: string) => (db.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${inBatch.sql}${kept}`).get(...inBatch.params) as { n: number }).n;
  return {
    notes: count('notes n JOIN transactions t ON t.id = n.tx_id'),
    attachments: count('attachments x JOIN transactions t ON t.id = x.tx_id'),
    tags: count('tags g JOIN transactions t ON t.id = g.tx_id'),
    splits: count('splits s JOIN transactions t ON t.id = s.tx_id'),
  };
}

/** Remove exactly this batch's entries (their notes, tags, splits, attachment rows cascade) and the batch. */
export function deleteBatch(db: Db, id: number, now: string = new Date().toISOString()): { removed: number; handEntries: number } {
  return db.transaction(() => {
    const inBatch = batchFilter('t', [id]);
    const handEntries = returnHandEntries(db, inBatch, now);
    const rows = `SELECT t.id FROM transactions t WHERE ${inBatch.sql}`;
    db.prepare(`UPDATE transactions SET ${restoreBeforeLink('keep')} WHERE transfer_peer_id IN (${rows})`).run(...inBatch.params);
    db.prepare(`UPDATE transactions SET mirror_of = NULL WHERE mirror_of IN (${rows})`).run(...inBatch.params);
    const removed = db.prepare(`DELETE FROM transactions WHERE id IN (${rows})`).run(...inBatch.params).changes;
    afterEntriesDeleted(db);
    db.prepare('DELETE FROM batches WHERE id = ?').run(id);
    return { removed, handEntries };
  }).immediate();
}

/**
 * The batch's entries that a hand entry was merged into (`tx add`, then the statement row) leave
 * the batch and become hand entries again, with the notes, tags, receipts and category the merge
 * gave them: undoing an import takes back what the file brought, not money the user typed in.
 * Their fingerprint becomes a hand entry's, so importing the file again merges them again.
 */
function returnHandEntries(db: Db, inBatch: { sql: string; params: unknown[] }, now: string): number {
  if (!hasHandEntries(db)) return 0;
  const ids = db
    .prepare(`SELECT t.id FROM transactions t JOIN hand_entries h ON h.tx_id = t.id WHERE h.merged_at IS NOT NULL AND ${inBatch.sql}`)
    .pluck()
    .all(...inBatch.params) as number[];
  const detach = db.prepare("UPDATE transactions SET batch_id = NULL, source_line = NULL, dedup_key = 'hand:' || ? || ':' || id, occurrence = 1 WHERE id = ?");
  const reopen = db.prepare('UPDATE hand_entries SET merged_at = NULL, merged_from = NULL WHERE tx_id = ?');
  for (const txId of ids) {
    detach.run(now, txId);
    reopen.run(txId);
  }
  return ids.length;
}
