/** Entries with everything a journal export needs (accounts, categories, transfer and mirror partners, splits). */
import type { Db } from './open.js';

export interface JournalRow {
  id: number;
  date: string;
  amount: number;
  currency: string;
  description: string;
  merchant: string | null;
  kind: string;
  account_id: number;
  category_id: number | null;
  /** The linked transfer partner, when it still exists. */
  peer_id: number | null;
  peer_kind: string | null;
  peer_amount: number | null;
  peer_currency: string | null;
  /** The account of the wallet entry this card row mirrors. */
  mirror_account_id: number | null;
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

export interface AccountNode {
  id: number;
  name: string;
  type: string;
  institution: string | null;
  number_suffix: string | null;
}

export interface DateRange {
  from?: string;
  to?: string;
}

export function categoryNodes(db: Db): CategoryNode[] {
  return db.prepare('SELECT id, parent_id, name_en, kind FROM categories ORDER BY id').all() as CategoryNode[];
}

export function accountNodes(db: Db): AccountNode[] {
  return db.prepare('SELECT id, name, type, institution, number_suffix FROM accounts ORDER BY id').all() as AccountNode[];
}

function rangeWhere(range: DateRange, col = 't.date'): { sql: string; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  if (range.from) where.push(`${col} >= ?`), params.push(range.from);
  if (range.to) where.push(`${col} <= ?`), params.push(range.to);
  return { sql: where.length ? where.join(' AND ') : '1', params };
}

export function iterateJournalRows(db: Db, range: DateRange): IterableIterator<JournalRow> {
  const w = rangeWhere(range);
  return db
    .prepare(
      `SELECT t.id, t.date, t.amount, t.currency, t.description, t.merchant, t.kind, t.account_id, t.category_id,
              p.id AS peer_id, p.kind AS peer_kind, p.amount AS peer_amount, p.currency AS peer_currency,
              m.account_id AS mirror_account_id,
              (SELECT group_concat(g.tag, char(31)) FROM (SELECT tag FROM tags WHERE tx_id = t.id ORDER BY tag) g) AS tags,
              (SELECT group_concat(n.text, char(30)) FROM (SELECT text FROM notes WHERE tx_id = t.id ORDER BY id) n) AS notes,
              (SELECT group_concat(ifnull(s.category_id, '') || ':' || s.amount, ',') FROM (SELECT category_id, amount FROM splits WHERE tx_id = t.id ORDER BY position, id) s) AS splits
       FROM transactions t
       LEFT JOIN transactions p ON p.id = t.transfer_peer_id
       LEFT JOIN transactions m ON m.id = t.mirror_of
       WHERE ${w.sql}
       ORDER BY t.date, coalesce(t.time, ''), t.id`,
    )
    .iterate(...w.params) as IterableIterator<JournalRow>;
}

/** What a journal's header declares, read before the entries are streamed. */
export interface JournalUsage {
  /** The first date in the range (undefined: no entries). */
  firstDate?: string;
  currencies: string[];
  /** Distinct (kind, category) pairs of entries or split parts that count on a side (not mirrors). */
  counted: { kind: string; category_id: number | null }[];
  tags: string[];
  /** Every note text in the range (notes are few: written by hand). */
  notes: IterableIterator<{ text: string }>;
}

export function journalUsage(db: Db, range: DateRange): JournalUsage {
  const w = rangeWhere(range);
  const firstDate = (db.prepare(`SELECT min(t.date) FROM transactions t WHERE ${w.sql}`).pluck().get(...w.params) as string | null) ?? undefined;
  // A transfer leg's posting may name its partner's currency (a forced link across currencies).
  const currencies = db
    .prepare(
      `SELECT t.currency FROM transactions t WHERE ${w.sql}
       UNION SELECT p.currency FROM transactions t JOIN transactions p ON p.id = t.transfer_peer_id WHERE ${w.sql} ORDER BY 1`,
    )
    .pluck()
    .all(...w.params, ...w.params) as string[];
  const counted = db
    .prepare(
      `SELECT DISTINCT t.kind, coalesce(s.category_id, t.category_id) AS category_id FROM transactions t LEFT JOIN splits s ON s.tx_id = t.id
       WHERE ${w.sql} AND t.kind <> 'transfer' AND t.mirror_of IS NULL`,
    )
    .all(...w.params) as JournalUsage['counted'];
  const tags = db.prepare(`SELECT DISTINCT g.tag FROM tags g JOIN transactions t ON t.id = g.tx_id WHERE ${w.sql} ORDER BY 1`).pluck().all(...w.params) as string[];
  const notes = db.prepare(`SELECT n.text FROM notes n JOIN transactions t ON t.id = n.tx_id WHERE ${w.sql}`).iterate(...w.params) as IterableIterator<{ text: string }>;
  return { firstDate, currencies, counted, tags, notes };
}

/** One entry for `export --format csv`: what rebuilds the reports (account type, splits, link, mirror). */
export interface CsvRow {
  id: number;
  date: string;
  amount: number;
  currency: string;
  account: string;
  account_type: string;
  description: string;
  merchant: string | null;
  category_id: number | null;
  kind: string;
  channel: string;
  transfer_peer_id: number | null;
  mirror_of: number | null;
  tags: string | null;
  notes: string | null;
  splits: string | null;
}

export function iterateCsvRows(db: Db, range: DateRange): IterableIterator<CsvRow> {
  const w = rangeWhere(range);
  return db
    .prepare(
      `SELECT t.id, t.date, t.amount, t.currency, a.name AS account, a.type AS account_type, t.description, t.merchant, t.category_id,
              t.kind, t.channel, t.transfer_peer_id, t.mirror_of,
              (SELECT group_concat(g.tag, char(31)) FROM (SELECT tag FROM tags WHERE tx_id = t.id ORDER BY tag) g) AS tags,
              (SELECT group_concat(n.text, char(30)) FROM (SELECT text FROM notes WHERE tx_id = t.id ORDER BY id) n) AS notes,
              (SELECT group_concat(ifnull(s.category_id, '') || ':' || s.amount, ',') FROM (SELECT category_id, amount FROM splits WHERE tx_id = t.id ORDER BY position, id) s) AS splits
       FROM transactions t JOIN accounts a ON a.id = t.account_id
       WHERE ${w.sql}
       ORDER BY t.date, coalesce(t.time, ''), t.id`,
    )
    .iterate(...w.params) as IterableIterator<CsvRow>;
}

export function categoryPaths(db: Db, locale: 'en' | 'zh'): Map<number, string> {
  const rows = db
    .prepare('SELECT c.id, c.name_en, c.name_zh, p.name_en AS p_en, p.name_zh AS p_zh FROM categories c LEFT JOIN categories p ON p.id = c.parent_id')
    .all() as { id: number; name_en: string; name_zh: string; p_en: string | null; p_zh: string | null }[];
  return new Map(rows.map((r) => {
    const own = locale === 'zh' ? r.name_zh : r.name_en;
    const parent = locale === 'zh' ? r.p_zh : r.p_en;
    return [r.id, parent !== null ? `${parent}:${own}` : own];
  }));
}
