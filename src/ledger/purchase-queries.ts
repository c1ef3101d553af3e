/**
 * Purchases one by one (offers, issue 26 point 5) and spending by hour of the day (the month
 * report's busiest hours and the badge condition `hour`, issue 26 point 8).
 */
import type { Db } from './open.js';
import { type DateRange, type LineFilter, rawWhere } from './report-queries.js';
import { SPENDING_KINDS_SQL } from '../core/sides.js';
import type { PurchaseRow } from '../core/rows.js';

export type { PurchaseRow };

/**
 * Each purchase in the range and currency: an `expense` entry taking money out that mirrors no other
 * entry (a card row mirroring a wallet payment is the same purchase). Refunds are not purchases.
 */
export function purchasesBetween(db: Db, range: DateRange, currency: string): PurchaseRow[] {
  return db
    .prepare(
      `SELECT date, -amount AS amount, account_id AS accountId, category_id AS categoryId, merchant, description
       FROM transactions
       WHERE date BETWEEN ? AND ? AND currency = ? AND kind = 'expense' AND amount < 0 AND mirror_of IS NULL
       ORDER BY date, id`,
    )
    .all(range.from, range.to, currency) as PurchaseRow[];
}

export interface HourRow {
  /** 0..23 */
  hour: number;
  /** Signed sum of the spending lines (negative = net spending), as groupSpending gives it. */
  amount: number;
  /** Lines taking money out. */
  count: number;
}

/**
 * Spending lines (expense and refund, as every report counts them) of entries that carry a time,
 * grouped by the hour of that time; hours without lines are absent. Ordered by hour.
 */
export function hourSpending(db: Db, filter: LineFilter, range: DateRange): HourRow[] {
  const w = rawWhere(filter, range);
  return db
    .prepare(
      `SELECT CAST(substr(t.time, 1, 2) AS INTEGER) AS hour, sum(l.amount) AS amount, sum(l.amount < 0) AS count
       FROM report_lines l JOIN transactions t ON t.id = l.tx_id
       WHERE ${w.sql} AND l.kind IN ${SPENDING_KINDS_SQL} AND t.time IS NOT NULL AND t.time GLOB '[0-2][0-9]:*'
       GROUP BY 1 ORDER BY 1`,
    )
    .all(...w.params) as HourRow[];
}
