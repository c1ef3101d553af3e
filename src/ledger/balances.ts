/**
 * Set-based balance queries (issue 27): the balances of every account at one date or at many
 * month-ends, in a fixed number of statements whatever the number of accounts, months or entries.
 * Same meaning as checkpoints.ts: minor units of the line's currency, holder's view (a credit card
 * owed is negative), opening balance from each (account, currency)'s earliest booked checkpoint.
 */
import { monthEnd } from '../core/dates.js';
import type { Db } from './open.js';
import { BOOKED_KINDS_SQL } from './checkpoints.js';
import { hasBalanceMonths } from './balance-months.js';
import { refreshReportCache } from './report-cache.js';

/**
 * Whether the cached month sums can be read (refreshed first, so they are exact). Entries before
 * a date's month come from `balance_months`; those of its own month from `transactions` (tx_date).
 */
function monthSums(db: Db): boolean {
  if (!hasBalanceMonths(db)) return false;
  refreshReportCache(db);
  return true;
}

/** An amount of one account in one currency. */
export interface AccountAmount {
  accountId: number;
  currency: string;
  amount: number;
}

/** The opening balance of every (account, currency) that has a booked checkpoint (its earliest day's last, as checkpoints.ts openingBalance), in one statement. */
export function openingBalances(db: Db): AccountAmount[] {
  const before = monthSums(db)
    ? `coalesce((SELECT sum(b.amount) FROM balance_months b WHERE b.account_id = r.account_id AND b.currency = r.currency AND b.month < substr(r.date, 1, 7)), 0)
       + coalesce((SELECT sum(t.amount) FROM transactions t WHERE t.account_id = r.account_id AND t.currency = r.currency
                   AND t.date >= substr(r.date, 1, 7) || '-01' AND t.date <= r.date), 0)`
    : 'coalesce((SELECT sum(t.amount) FROM transactions t WHERE t.account_id = r.account_id AND t.currency = r.currency AND t.date <= r.date), 0)';
  return db
    .prepare(
      `WITH ranked AS (
         SELECT account_id, currency, date, amount, row_number() OVER (PARTITION BY account_id, currency ORDER BY date, id DESC) AS rn
         FROM balance_checkpoints WHERE kind IN ${BOOKED_KINDS_SQL})
       SELECT r.account_id AS accountId, r.currency AS currency, r.amount - (${before}) AS amount
       FROM ranked r WHERE r.rn = 1`,
    )
    .all() as AccountAmount[];
}

/** The sums of every account's entries per currency dated `date` or before (no opening balance). */
export function entrySumsThrough(db: Db, date: string): AccountAmount[] {
  if (!monthSums(db)) {
    return db
      .prepare('SELECT account_id AS accountId, currency, sum(amount) AS amount FROM transactions WHERE date <= ? GROUP BY account_id, currency')
      .all(date) as AccountAmount[];
  }
  if (date === monthEnd(date.slice(0, 7))) {
    // A month's last day (as reports ask): its whole month is summed in balance_months too.
    return db
      .prepare('SELECT account_id AS accountId, currency, sum(amount) AS amount FROM balance_months WHERE month <= ? GROUP BY account_id, currency')
      .all(date.slice(0, 7)) as AccountAmount[];
  }
  return db
    .prepare(
      `SELECT account_id AS accountId, currency, sum(amount) AS amount FROM (
         SELECT account_id, currency, amount FROM balance_months WHERE month < ?
         UNION ALL SELECT account_id, currency, amount FROM transactions WHERE date >= ? AND date <= ?)
       GROUP BY account_id, currency`,
    )
    .all(date.slice(0, 7), `${date.slice(0, 7)}-01`, date) as AccountAmount[];
}

/** Every (account, currency) balance at the end of `date`: opening balance plus entries up to it. */
export function balancesAt(db: Db, date: string): AccountAmount[] {
  const byKey = new Map<string, AccountAmount>();
  for (const r of [...openingBalances(db), ...entrySumsThrough(db, date)]) {
    const key = `${r.accountId} ${r.currency}`;
    const seen = byKey.get(key);
    if (seen) seen.amount += r.amount;
    else byKey.set(key, { ...r });
  }
  return [...byKey.values()];
}

/** An account's entries in one currency and month (YYYY-MM), summed. */
export interface MonthAmount extends AccountAmount {
  month: string;
}

/** The sums of every account's entries per currency and month, dated `through` or before (cached month sums, then one month's GROUP BY). */
export function monthlyEntrySums(db: Db, through: string): MonthAmount[] {
  if (!monthSums(db)) {
    return db
      .prepare(
        `SELECT account_id AS accountId, currency, substr(date, 1, 7) AS month, sum(amount) AS amount
         FROM transactions WHERE date <= ? GROUP BY account_id, currency, month ORDER BY month`,
      )
      .all(through) as MonthAmount[];
  }
  return db
    .prepare(
      `SELECT account_id AS accountId, currency, month, amount FROM balance_months WHERE month < ?
       UNION ALL
       SELECT account_id, currency, substr(date, 1, 7), sum(amount) FROM transactions WHERE date >= ? AND date <= ? GROUP BY 1, 2, 3`,
    )
    .all(through.slice(0, 7), `${through.slice(0, 7)}-01`, through) as MonthAmount[];
}

/** One account's entries in one currency per day from `from` to `to` (days without entries are absent). */
export function dailyEntrySums(db: Db, accountId: number, currency: string, from: string, to: string): { date: string; amount: number }[] {
  return db
    .prepare('SELECT date, sum(amount) AS amount FROM transactions WHERE account_id = ? AND currency = ? AND date BETWEEN ? AND ? GROUP BY date ORDER BY date')
    .all(accountId, currency, from, to) as { date: string; amount: number }[];
}
