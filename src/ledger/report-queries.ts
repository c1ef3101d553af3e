/**
 * The queries behind reports. Every figure is an aggregation of the `report_lines` view; when
 * the filter allows it (no tag, no category filter, whole months) it is read from the exact
 * monthly cache (`report_agg`, refreshed first), otherwise from the view itself. Both paths
 * return the same rows, and tests hold them equal.
 */
import type { Db } from './open.js';
import { DIMENSIONS, TOP_ENTRIES, hasReportCache, refreshReportCache } from './report-cache.js';
import { SPENDING_KINDS_SQL } from '../core/sides.js';

/** What to count. Dates are inclusive ISO dates. */
export interface LineFilter {
  currency: string;
  accountIds?: readonly number[];
  /** Category ids (already expanded with children). */
  categoryIds?: readonly number[];
  tag?: string;
  /** Read the view even when the cache could answer (tests compare both paths). */
  noCache?: boolean;
}

export interface DateRange {
  from: string;
  to: string;
}

export type Dimension = 'category' | 'merchant' | 'channel';
const DIM_CODE: Record<Dimension | 'date', 'c' | 'm' | 'h' | 'd'> = { category: 'c', merchant: 'm', channel: 'h', date: 'd' };

/** One group of spending lines (expense and refund): signed sum and the number of lines taking money out. */
export interface GroupRow {
  key: string;
  month?: string;
  amount: number;
  count: number;
}

export interface MonthTotalRow {
  month: string;
  /** Signed sum of expense/refund lines (negative = net spending). */
  spendAmount: number;
  spendCount: number;
  income: number;
  incomeCount: number;
}

export interface Where {
  sql: string;
  params: unknown[];
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Whole months covered by a range, when it is made of whole months. */
export function wholeMonths(range: DateRange): { from: string; to: string } | undefined {
  if (!range.from.endsWith('-01')) return undefined;
  const to = range.to.slice(0, 7);
  const next = new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  if (!next.endsWith('-01')) return undefined;
  return { from: range.from.slice(0, 7), to };
}

/** Use the cache for this filter and range? (Also refreshes it.) */
function cached(db: Db, filter: LineFilter, range: DateRange): { from: string; to: string } | undefined {
  if (filter.tag !== undefined || filter.categoryIds !== undefined || filter.noCache) return undefined;
  const months = wholeMonths(range);
  if (!months || !hasReportCache(db)) return undefined;
  refreshReportCache(db);
  return months;
}

function cacheWhere(dim: string, filter: LineFilter, months: { from: string; to: string }): Where {
  const params: unknown[] = [dim, filter.currency, months.from, months.to];
  let sql = 'dim = ? AND currency = ? AND month BETWEEN ? AND ?';
  if (filter.accountIds) {
    sql += ` AND account_id IN (${placeholders(filter.accountIds.length)})`;
    params.push(...filter.accountIds);
  }
  return { sql, params };
}

export function rawWhere(filter: LineFilter, range: DateRange): Where {
  const params: unknown[] = [range.from, range.to, filter.currency];
  let sql = 'l.date BETWEEN ? AND ? AND l.currency = ?';
  if (filter.accountIds) {
    sql += ` AND l.account_id IN (${placeholders(filter.accountIds.length)})`;
    params.push(...filter.accountIds);
  }
  if (filter.categoryIds) {
    sql += ` AND l.category_id IN (${placeholders(filter.categoryIds.length)})`;
    params.push(...filter.categoryIds);
  }
  if (filter.tag !== undefined) {
    sql += ' AND l.tx_id IN (SELECT tx_id FROM tags WHERE tag = ?)';
    params.push(filter.tag);
  }
  return { sql, params };
}

/** Spending, income and counts per month in the range (months without lines are absent). */
export function monthTotals(db: Db, filter: LineFilter, range: DateRange): MonthTotalRow[] {
  const months = cached(db, filter, range);
  let rows: { month: string; cls: string; amount: number; count: number }[];
  if (months) {
    const w = cacheWhere('h', filter, months);
    rows = db.prepare(`SELECT month, cls, sum(amount) AS amount, sum(count) AS count FROM report_agg WHERE ${w.sql} GROUP BY 1, 2`).all(...w.params) as typeof rows;
  } else {
    const w = rawWhere(filter, range);
    rows = db
      .prepare(
        `SELECT substr(l.date, 1, 7) AS month, CASE WHEN l.kind IN ${SPENDING_KINDS_SQL} THEN 's' ELSE 'i' END AS cls, sum(l.amount) AS amount,
           sum(CASE WHEN l.kind IN ${SPENDING_KINDS_SQL} THEN l.amount < 0 ELSE l.amount > 0 END) AS count
         FROM report_lines l WHERE ${w.sql} GROUP BY 1, 2`,
      )
      .all(...w.params) as typeof rows;
  }
  const byMonth = new Map<string, MonthTotalRow>();
  for (const r of rows) {
    const t = byMonth.get(r.month) ?? { month: r.month, spendAmount: 0, spendCount: 0, income: 0, incomeCount: 0 };
    if (r.cls === 'i') {
      t.income += r.amount;
      t.incomeCount += r.count;
    } else {
      t.spendAmount += r.amount;
      t.spendCount += r.count;
    }
    byMonth.set(r.month, t);
  }
  return [...byMonth.values()].sort((a, b) => compareText(a.month, b.month));
}

/** Spending lines grouped by a dimension (and by month when asked). */
export function groupSpending(db: Db, filter: LineFilter, range: DateRange, dim: Dimension | 'date', opts: { byMonth?: boolean } = {}): GroupRow[] {
  const months = cached(db, filter, range);
  const monthCol = opts.byMonth ? ', month' : '';
  if (months) {
    const w = cacheWhere(DIM_CODE[dim], filter, months);
    return db
      .prepare(`SELECT key${monthCol}, sum(amount) AS amount, sum(count) AS count FROM report_agg WHERE ${w.sql} AND cls = 's' GROUP BY key${monthCol}`)
      .all(...w.params) as GroupRow[];
  }
  const w = rawWhere(filter, range);
  const key = DIMENSIONS[DIM_CODE[dim]].replace(/\b(category_id|merchant|channel|date)\b/g, 'l.$1');
  return db
    .prepare(
      `SELECT ${key} AS key${opts.byMonth ? ', substr(l.date, 1, 7) AS month' : ''}, sum(l.amount) AS amount, sum(l.amount < 0) AS count
       FROM report_lines l WHERE ${w.sql} AND l.kind IN ${SPENDING_KINDS_SQL} GROUP BY 1${opts.byMonth ? ', 2' : ''}`,
    )
    .all(...w.params) as GroupRow[];
}

/**
 * Income lines grouped by a dimension: the signed sum (positive = money in) and the lines bringing
 * money in, as `monthTotals` counts them (issue 24: income by category).
 */
export function groupIncome(db: Db, filter: LineFilter, range: DateRange, dim: Dimension): GroupRow[] {
  const months = cached(db, filter, range);
  if (months) {
    const w = cacheWhere(DIM_CODE[dim], filter, months);
    return db.prepare(`SELECT key, sum(amount) AS amount, sum(count) AS count FROM report_agg WHERE ${w.sql} AND cls = 'i' GROUP BY key`).all(...w.params) as GroupRow[];
  }
  const w = rawWhere(filter, range);
  const key = DIMENSIONS[DIM_CODE[dim]].replace(/\b(category_id|merchant|channel|date)\b/g, 'l.$1');
  return db
    .prepare(`SELECT ${key} AS key, sum(l.amount) AS amount, sum(l.amount > 0) AS count FROM report_lines l WHERE ${w.sql} AND l.kind NOT IN ${SPENDING_KINDS_SQL} GROUP BY 1`)
    .all(...w.params) as GroupRow[];
}

export interface LineRow {
  txId: number;
  date: string;
  amount: number;
  merchant: string | null;
  description: string;
  categoryId: number | null;
  account: string;
}

const LARGEST_COLUMNS = 't.id AS txId, t.date, t.amount, t.merchant, t.description, t.category_id AS categoryId, a.name AS account';

/**
 * The largest spends (most negative first). Entries, not split parts, unless a category filter
 * asks for lines. Without tag or category filters, over whole months, they are among the cache's
 * largest spends of each month and account (report_top, at most TOP_ENTRIES each): a few dozen
 * rows to sort. Otherwise the range is scanned.
 */
export function largestSpending(db: Db, filter: LineFilter, range: DateRange, limit: number): LineRow[] {
  if (filter.categoryIds) {
    const w = rawWhere(filter, range);
    return db
      .prepare(
        `SELECT l.tx_id AS txId, l.date, l.amount, l.merchant, t.description, l.category_id AS categoryId, a.name AS account
         FROM report_lines l JOIN transactions t ON t.id = l.tx_id JOIN accounts a ON a.id = l.account_id
         WHERE ${w.sql} AND l.kind = 'expense' AND l.amount < 0 ORDER BY l.amount, l.date, l.tx_id LIMIT ?`,
      )
      .all(...w.params, limit) as LineRow[];
  }
  const months = limit <= TOP_ENTRIES ? cached(db, filter, range) : undefined;
  if (months) {
    const params: unknown[] = [filter.currency, months.from, months.to];
    let where = 'r.currency = ? AND r.month BETWEEN ? AND ?';
    if (filter.accountIds) {
      where += ` AND r.account_id IN (${placeholders(filter.accountIds.length)})`;
      params.push(...filter.accountIds);
    }
    return db
      .prepare(
        `SELECT ${LARGEST_COLUMNS} FROM report_top r JOIN transactions t ON t.id = r.tx_id JOIN accounts a ON a.id = t.account_id
         WHERE ${where} ORDER BY r.amount, r.date, r.tx_id LIMIT ?`,
      )
      .all(...params, limit) as LineRow[];
  }
  const params: unknown[] = [range.from, range.to, filter.currency];
  let where = "t.date BETWEEN ? AND ? AND t.currency = ? AND t.kind = 'expense' AND t.mirror_of IS NULL AND t.amount < 0 AND t.id NOT IN (SELECT tx_id FROM reimbursed_entries)";
  if (filter.accountIds) {
    where += ` AND t.account_id IN (${placeholders(filter.accountIds.length)})`;
    params.push(...filter.accountIds);
  }
  if (filter.tag !== undefined) {
    where += ' AND t.id IN (SELECT tx_id FROM tags WHERE tag = ?)';
    params.push(filter.tag);
  }
  return db
    .prepare(`SELECT ${LARGEST_COLUMNS} FROM transactions t JOIN accounts a ON a.id = t.account_id WHERE ${where} ORDER BY t.amount, t.date, t.id LIMIT ?`)
    .all(...params, limit) as LineRow[];
}

/** Merchants with spending in the range and no entry of any kind before `range.from`. */
export function newMerchants(db: Db, filter: LineFilter, range: DateRange): string[] {
  const rows = groupSpending(db, filter, range, 'merchant').filter((r) => r.key !== '');
  const before = db.prepare('SELECT 1 FROM transactions WHERE merchant = ? AND date < ? LIMIT 1');
  return rows
    .filter((r) => before.get(r.key, range.from) === undefined)
    .sort((a, b) => a.amount - b.amount || compareText(a.key, b.key))
    .map((r) => r.key);
}

/** Currencies with report lines in the range, most lines first. */
export function currenciesPresent(db: Db, range: DateRange): { currency: string; lines: number }[] {
  const months = wholeMonths(range);
  if (months && hasReportCache(db)) {
    refreshReportCache(db);
    return db
      .prepare("SELECT currency, sum(count) AS lines FROM report_agg WHERE dim = 'h' AND month BETWEEN ? AND ? GROUP BY 1 ORDER BY 2 DESC, 1")
      .all(months.from, months.to) as { currency: string; lines: number }[];
  }
  return db
    .prepare('SELECT currency, count(*) AS lines FROM report_lines WHERE date BETWEEN ? AND ? GROUP BY 1 ORDER BY 2 DESC, 1')
    .all(range.from, range.to) as { currency: string; lines: number }[];
}

/** The first month with any report line in this currency (for averages), or undefined. */
export function firstMonth(db: Db, currency: string): string | undefined {
  if (hasReportCache(db)) {
    refreshReportCache(db);
    const row = db.prepare("SELECT min(month) AS m FROM report_agg WHERE dim = 'h' AND currency = ?").get(currency) as { m: string | null };
    return row.m ?? undefined;
  }
  const row = db.prepare("SELECT date FROM transactions WHERE currency = ? AND kind <> 'transfer' ORDER BY date LIMIT 1").get(currency) as
    | { date: string }
    | undefined;
  return row?.date.slice(0, 7);
}

export interface CardRow {
  id: number;
  name: string;
  currency: string;
  creditLimit: number | null;
  statementDay: number | null;
}

export function creditCards(db: Db, accountIds?: readonly number[]): CardRow[] {
  const rows = db
    .prepare("SELECT id, name, currency, credit_limit AS creditLimit, statement_day AS statementDay FROM accounts WHERE type = 'credit' ORDER BY name COLLATE NOCASE")
    .all() as CardRow[];
  return accountIds ? rows.filter((r) => accountIds.includes(r.id)) : rows;
}

/** Net spending charged to one card in a range: its own expense/refund rows, mirrored ones included. */
export function cardSpending(db: Db, accountId: number, range: DateRange): { amount: number; count: number } {
  return db
    .prepare(
      `SELECT coalesce(sum(amount), 0) AS amount, coalesce(sum(amount < 0), 0) AS count FROM transactions
       WHERE account_id = ? AND date BETWEEN ? AND ? AND kind IN ${SPENDING_KINDS_SQL}`,
    )
    .get(accountId, range.from, range.to) as { amount: number; count: number };
}
