/** The figures of a credit card's bill (issue 26 point 7): spending in a statement period, repayments after it, the real balance at its close. */
import type { Db } from './open.js';
import type { DateRange } from './report-queries.js';
import { SPENDING_KINDS_SQL } from '../core/sides.js';
import { balancesAt, openingBalances } from './balances.js';

/** Spending minus refunds of one card in one currency over a range, and how many purchases. */
export function periodSpending(db: Db, accountId: number, currency: string, range: DateRange): { amount: number; count: number } {
  return db
    .prepare(
      `SELECT coalesce(sum(amount), 0) AS amount, coalesce(sum(amount < 0), 0) AS count FROM transactions
       WHERE account_id = ? AND currency = ? AND date BETWEEN ? AND ? AND kind IN ${SPENDING_KINDS_SQL}`,
    )
    .get(accountId, currency, range.from, range.to) as { amount: number; count: number };
}

/** Repayments into a card (money arriving as a transfer, linked or lone) dated after `after`, up to `through`. */
export function cardRepayments(db: Db, accountId: number, currency: string, after: string, through: string): { amount: number; count: number } {
  return db
    .prepare(
      `SELECT coalesce(sum(amount), 0) AS amount, count(*) AS count FROM transactions
       WHERE account_id = ? AND currency = ? AND date > ? AND date <= ? AND kind = 'transfer' AND amount > 0`,
    )
    .get(accountId, currency, after, through) as { amount: number; count: number };
}

/**
 * The card's real balance at the end of `date` (holder's view), when the ledger knows a real balance
 * of it (a booked checkpoint: a statement balance or `account set-balance`); else undefined.
 */
export function knownBalanceAt(db: Db, accountId: number, currency: string, date: string): number | undefined {
  if (!openingBalances(db).some((o) => o.accountId === accountId && o.currency === currency)) return undefined;
  return balancesAt(db, date).find((b) => b.accountId === accountId && b.currency === currency)?.amount ?? 0;
}
