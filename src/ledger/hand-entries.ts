/**
 * Entries made by hand (`tx add`, migration 20) and their merge with the statement row that later
 * brings the same money (issue 28): same account, same amount, dates at most 3 days apart, the hand
 * entry not merged yet. The statement row stays (its date, description, dedup key and batch); the
 * hand entry's notes, tags, attachments and category move onto it, and the hand entry goes.
 */
import type { Db } from './open.js';
import type { Channel, Kind } from '../core/types.js';
import { daysBetween } from '../core/dates.js';
import { markNewRows } from './report-cache.js';

export interface HandEntryInput {
  accountId: number;
  date: string;
  amount: number;
  currency: string;
  description: string;
  merchant: string | null;
  merchantSource: string | null;
  categoryId: number | null;
  categorySource: string | null;
  kind: Kind;
  kindSource: string | null;
  channel: Channel;
  channelSource: string | null;
}

/** Insert one hand entry (no batch) and mark it as typed by hand; returns its id. */
export function insertHandEntry(db: Db, e: HandEntryInput, now: string): number {
  // A hand entry's fingerprint is its own: it must never count as a duplicate of a statement row.
  const key = `hand:${now}:${Math.random().toString(36).slice(2, 10)}`;
  const info = db
    .prepare(
      `INSERT INTO transactions (account_id, batch_id, source_line, date, amount, currency, description, dedup_key, occurrence,
         merchant, merchant_source, category_id, category_source, kind, kind_source, channel, channel_source, created_at)
       VALUES (?, NULL, NULL, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.accountId, e.date, e.amount, e.currency, e.description, key, e.merchant, e.merchantSource, e.categoryId, e.categorySource,
      e.kind, e.kindSource, e.channel, e.channelSource, now);
  const id = Number(info.lastInsertRowid);
  db.prepare('INSERT INTO hand_entries (tx_id, entered_at) VALUES (?, ?)').run(id, now);
  markNewRows(db);
  return id;
}

/** Whether this ledger knows hand entries (migration 20). */
export function hasHandEntries(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'hand_entries'").get() !== undefined;
}

interface Row {
  id: number;
  account_id: number;
  amount: number;
  date: string;
}

interface HandRow extends Row {
  category_id: number | null;
  category_source: string | null;
  entered_at: string;
}

/** The pairs to merge: nearest dates first, each statement row and each hand entry at most once. */
export function pairRows<S extends Row, H extends Row>(rows: readonly S[], hands: readonly H[], maxDays = 3): [S, H][] {
  const candidates: { s: S; h: H; days: number }[] = [];
  for (const h of hands) {
    for (const s of rows) {
      if (s.account_id !== h.account_id || s.amount !== h.amount) continue;
      const days = Math.abs(daysBetween(h.date, s.date));
      if (days <= maxDays) candidates.push({ s, h, days });
    }
  }
  candidates.sort((a, b) => a.days - b.days || a.s.id - b.s.id || a.h.id - b.h.id);
  const usedS = new Set<number>();
  const usedH = new Set<number>();
  const pairs: [S, H][] = [];
  for (const c of candidates) {
    if (usedS.has(c.s.id) || usedH.has(c.h.id)) continue;
    usedS.add(c.s.id);
    usedH.add(c.h.id);
    pairs.push([c.s, c.h]);
  }
  return pairs;
}

/**
 * Merge the open hand entries that a batch's new rows match (inside the import's transaction,
 * where foreign keys are off: every dependent row is moved or deleted here). Returns how many.
 */
export function mergeHandEntries(db: Db, batchId: number, now: string): number {
  if (!hasHandEntries(db)) return 0;
  const hands = db
    .prepare(
      `SELECT t.id, t.account_id, t.amount, t.date, t.category_id, t.category_source, h.entered_at
       FROM hand_entries h JOIN transactions t ON t.id = h.tx_id WHERE h.merged_at IS NULL ORDER BY t.id`,
    )
    .all() as HandRow[];
  if (hands.length === 0) return 0;
  const rows = db
    .prepare(
      `SELECT t.id, t.account_id, t.amount, t.date FROM batches b JOIN transactions t
       ON t.id BETWEEN b.first_id AND b.last_id AND t.batch_id = b.id WHERE b.id = ? ORDER BY t.id`,
    )
    .all(batchId) as Row[];
  const pairs = pairRows(rows, hands);
  const moveNotes = db.prepare('UPDATE notes SET tx_id = ? WHERE tx_id = ?');
  const copyTags = db.prepare('INSERT OR IGNORE INTO tags (tx_id, tag) SELECT ?, tag FROM tags WHERE tx_id = ?');
  const moveAttachments = db.prepare('UPDATE attachments SET tx_id = ? WHERE tx_id = ?');
  const setCategory = db.prepare('UPDATE transactions SET category_id = ?, category_source = ? WHERE id = ?');
  const drop = ['DELETE FROM tags WHERE tx_id = ?', 'DELETE FROM splits WHERE tx_id = ?', 'DELETE FROM hand_entries WHERE tx_id = ?', 'DELETE FROM transactions WHERE id = ?'].map((q) => db.prepare(q));
  const mark = db.prepare('INSERT INTO hand_entries (tx_id, entered_at, merged_at, merged_from) VALUES (?, ?, ?, ?)');
  for (const [s, h] of pairs) {
    moveNotes.run(s.id, h.id);
    copyTags.run(s.id, h.id);
    moveAttachments.run(s.id, h.id);
    if (h.category_id !== null) setCategory.run(h.category_id, h.category_source, s.id);
    for (const d of drop) d.run(h.id);
    mark.run(s.id, h.entered_at, now, h.id);
  }
  return pairs.length;
}

/** Whether an entry was typed by hand, and if merged, from which hand entry and when. */
export function handEntryOf(db: Db, txId: number): { entered_at: string; merged_at: string | null; merged_from: number | null } | undefined {
  if (!hasHandEntries(db)) return undefined;
  return db.prepare('SELECT entered_at, merged_at, merged_from FROM hand_entries WHERE tx_id = ?').get(txId) as
    | { entered_at: string; merged_at: string | null; merged_from: number | null }
    | undefined;
}
