/** Entries with everything a journal export needs (accounts, category paths, transfer and mirror partners, splits). */
import type { Db } from './open.js';

export interface JournalRow {
  id: number;
  date: string;
  amount: number;
  currency: string;
  description: string;
  merchant: string | null;
  kind: string;
  account: string;
  account_type: string;
  category_id: number | null;
  transfer_peer_id: number | null;
  peer_account: string | null;
  peer_type: string | null;
  mirror_account: string | null;
  mirror_type: string | null;
  /** Tags joined with U+001F. */
  tags: string | null;
  /** Notes joined with U+001E. */
  notes: string | null;
  /** Split parts as `category_id:amount` joined with ','. */
  splits: string | null;
}

export interface CategoryNode {
  id: number;
  parent_id: number | null;
  name_en: string;
  kind: string;
}

export function categoryNodes(db: Db): CategoryNode[] {
  return db.prepare('SELECT id, parent_id, name_en, kind FROM categories').all() as CategoryNode[];
}

export function iterateJournalRows(db: Db, range: { from?: string; to?: string }): IterableIterator<JournalRow> {
  const where: string[] = [];
  const params: string[] = [];
  if (range.from) where.push('t.date >= ?'), params.push(range.from);
  if (range.to) where.push('t.date <= ?'), params.push(range.to);
  return db
    .prepare(
      `SELECT t.id, t.date, t.amount, t.currency, t.description, t.merchant, t.kind, a.name AS account, a.type AS account_type,
              t.category_id, t.transfer_peer_id, pa.name AS peer_account, pa.type AS peer_type,
              ma.name AS mirror_account, ma.type AS mirror_type,
              (SELECT group_concat(g.tag, char(31)) FROM (SELECT tag FROM tags WHERE tx_id = t.id ORDER BY tag) g) AS tags,
              (SELECT group_concat(n.text, char(30)) FROM (SELECT text FROM notes WHERE tx_id = t.id ORDER BY id) n) AS notes,
              (SELECT group_concat(ifnull(s.category_id, '') || ':' || s.amount, ',') FROM (SELECT category_id, amount FROM splits WHERE tx_id = t.id ORDER BY position, id) s) AS splits
       FROM transactions t
       JOIN accounts a ON a.id = t.account_id
       LEFT JOIN transactions p ON p.id = t.transfer_peer_id LEFT JOIN accounts pa ON pa.id = p.account_id
       LEFT JOIN transactions m ON m.id = t.mirror_of LEFT JOIN accounts ma ON ma.id = m.account_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY t.date, coalesce(t.time, ''), t.id`,
    )
    .iterate(...params) as IterableIterator<JournalRow>;
}
