/** The entry listing behind `tx list`: filters → one SQL statement, rows streamed. */
import type { Db } from './open.js';
import { type SearchForms, searchCondition } from './search.js';

export interface TxFilter {
  from?: string;
  to?: string;
  accountId?: number;
  /** Category ids (a category and its children); matches the entry or any of its split parts. */
  categoryIds?: number[];
  merchant?: string;
  tag?: string;
  search?: string;
  /** The forgiving search's forms of `search` (app/rules/merchant-search.ts). */
  searchForms?: SearchForms;
  min?: number;
  max?: number;
  kind?: string;
  uncategorized?: boolean;
  sort?: 'date' | 'amount';
  limit?: number;
}

export interface TxListRow {
  id: number;
  date: string;
  time: string | null;
  amount: number;
  currency: string;
  account: string;
  description: string;
  merchant: string | null;
  category_en: string | null;
  category_zh: string | null;
  parent_en: string | null;
  parent_zh: string | null;
  kind: string;
  channel: string;
  /** Tags joined with U+001F. */
  tags: string | null;
  /** Notes joined with U+001E. */
  notes: string | null;
}

const likeEscape = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function iterateTransactions(db: Db, f: TxFilter): IterableIterator<TxListRow> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.from) where.push('t.date >= ?'), params.push(f.from);
  if (f.to) where.push('t.date <= ?'), params.push(f.to);
  if (f.accountId !== undefined) where.push('t.account_id = ?'), params.push(f.accountId);
  if (f.categoryIds && f.categoryIds.length > 0) {
    // Entries of the categories through the (category_id, date) index, plus split entries: the
    // planner cannot use that index for `category_id IN (…) OR EXISTS (split …)`.
    const marks = f.categoryIds.map(() => '?').join(', ');
    const range = `${f.from ? ' AND date >= ?' : ''}${f.to ? ' AND date <= ?' : ''}`;
    where.push(`t.id IN (SELECT id FROM transactions WHERE category_id IN (${marks})${range} UNION ALL SELECT tx_id FROM splits WHERE category_id IN (${marks}))`);
    params.push(...f.categoryIds, ...(f.from ? [f.from] : []), ...(f.to ? [f.to] : []), ...f.categoryIds);
  }
  if (f.merchant) where.push("t.merchant LIKE ? ESCAPE '\\'"), params.push(likeEscape(f.merchant));
  if (f.tag) where.push('EXISTS (SELECT 1 FROM tags g WHERE g.tx_id = t.id AND g.tag = ? COLLATE NOCASE)'), params.push(f.tag);
  if (f.search) {
    const cond = searchCondition(db, f.search, f.searchForms);
    where.push(cond.sql);
    params.push(...cond.params);
  }
  if (f.min !== undefined) where.push('t.amount >= ?'), params.push(f.min);
  if (f.max !== undefined) where.push('t.amount <= ?'), params.push(f.max);
  if (f.kind) where.push('t.kind = ?'), params.push(f.kind);
  if (f.uncategorized) where.push('t.category_id IS NULL AND NOT EXISTS (SELECT 1 FROM splits s WHERE s.tx_id = t.id)');
  const order = f.sort === 'amount' ? 't.amount, t.date, t.id' : "t.date, coalesce(t.time, ''), t.id";
  const sql = `
    SELECT t.id, t.date, t.time, t.amount, t.currency, a.name AS account, t.description, t.merchant,
           c.name_en AS category_en, c.name_zh AS category_zh, p.name_en AS parent_en, p.name_zh AS parent_zh,
           t.kind, t.channel,
           (SELECT group_concat(g.tag, char(31)) FROM (SELECT tag FROM tags WHERE tx_id = t.id ORDER BY tag) g) AS tags,
           (SELECT group_concat(n.text, char(30)) FROM (SELECT text FROM notes WHERE tx_id = t.id ORDER BY id) n) AS notes
    FROM transactions t
    JOIN accounts a ON a.id = t.account_id
    LEFT JOIN categories c ON c.id = t.category_id
    LEFT JOIN categories p ON p.id = c.parent_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${order}
    ${f.limit !== undefined ? 'LIMIT ?' : ''}`;
  if (f.limit !== undefined) params.push(f.limit);
  return db.prepare(sql).iterate(...params) as IterableIterator<TxListRow>;
}
