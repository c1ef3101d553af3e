/**
 * Queries behind budgets, benefits and badges. Spending follows the `report_lines` view (no
 * transfers, mirrored card rows once, splits per part, refunds netting in their category).
 */
import type { Db } from './open.js';
import type { BenefitLine } from '../core/benefit-line.js';
import { monthTotals } from './report-queries.js';
import { monthEnd, monthsBetween } from '../core/dates.js';
import { SPENDING_KINDS_SQL } from '../core/sides.js';

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Net spending (positive) of some categories in a date range and currency. */
export function categorySpending(db: Db, categoryIds: readonly number[], from: string, to: string, currency: string): number {
  const row = db
    .prepare(
      `SELECT coalesce(sum(amount), 0) AS amount FROM report_lines
       WHERE date BETWEEN ? AND ? AND currency = ? AND kind IN ${SPENDING_KINDS_SQL} AND category_id IN (${placeholders(categoryIds.length)})`,
    )
    .get(from, to, currency, ...categoryIds) as { amount: number };
  return -row.amount;
}

/**
 * Candidate lines for a benefit: purchases and refunds in the range. On one account, its own
 * rows (a card row mirroring a wallet purchase is still a charge on that card); across all
 * accounts, report lines (mirrored rows once). Split entries give one line per part.
 */
export function benefitLines(db: Db, q: { accountId: number | null; from: string; to: string; currency: string }): BenefitLine[] {
  const own = q.accountId !== null;
  return db
    .prepare(
      `SELECT t.id AS txId, t.date, t.kind, coalesce(s.amount, t.amount) AS amount, coalesce(s.category_id, t.category_id) AS categoryId,
              t.merchant, t.description, t.channel
       FROM transactions t LEFT JOIN splits s ON s.tx_id = t.id
       WHERE t.date BETWEEN ? AND ? AND t.currency = ? AND t.kind IN ${SPENDING_KINDS_SQL}
         ${own ? 'AND t.account_id = ?' : 'AND t.mirror_of IS NULL'}`,
    )
    .all(q.from, q.to, q.currency, ...(own ? [q.accountId] : [])) as BenefitLine[];
}

/** Whether any budget and any benefit is set up (the month report loads their code only then). */
export function perksInUse(db: Db): { budgets: boolean; benefits: boolean } {
  const r = db.prepare('SELECT EXISTS (SELECT 1 FROM budgets) AS budgets, EXISTS (SELECT 1 FROM benefits) AS benefits').get() as { budgets: number; benefits: number };
  return { budgets: r.budgets === 1, benefits: r.benefits === 1 };
}

/** Net spending per month (positive) for the months of a range that have lines; read from the exact report cache. */
export function monthlySpending(db: Db, fromMonth: string, toMonth: string, currency: string): Map<string, number> {
  const rows = monthTotals(db, { currency }, { from: `${fromMonth}-01`, to: monthEnd(toMonth) });
  return new Map(rows.map((r) => [r.month, -r.spendAmount]));
}

/** Merchants with any entry dated before `date`, among the given ones. */
export function merchantsSeenBefore(db: Db, merchants: readonly string[], date: string): Set<string> {
  const stmt = db.prepare('SELECT 1 FROM transactions WHERE merchant = ? AND date < ? LIMIT 1');
  return new Set(merchants.filter((m) => stmt.get(m, date) !== undefined));
}

/** Months (YYYY-MM) in a range holding entries that came from an import batch (one index probe per month). */
export function importedMonths(db: Db, fromMonth: string, toMonth: string): Set<string> {
  const probe = db.prepare('SELECT 1 FROM transactions WHERE date BETWEEN ? AND ? AND batch_id IS NOT NULL LIMIT 1');
  const months = new Set<string>();
  for (const m of monthsBetween(fromMonth, toMonth)) {
    if (probe.get(`${m}-01`, monthEnd(m)) !== undefined) months.add(m);
  }
  return months;
}

/** Net spending (positive) per category id in a range (null = uncategorized). */
export function spendingByCategory(db: Db, from: string, to: string, currency: string): Map<number | null, number> {
  const rows = db
    .prepare(
      `SELECT category_id AS id, sum(amount) AS amount FROM report_lines
       WHERE date BETWEEN ? AND ? AND currency = ? AND kind IN ${SPENDING_KINDS_SQL} GROUP BY 1`,
    )
    .all(from, to, currency) as { id: number | null; amount: number }[];
  return new Map(rows.map((r) => [r.id, -r.amount]));
}

/** Distinct months with any report line in a range. */
export function monthsWithLines(db: Db, from: string, to: string, currency: string): number {
  return (db.prepare('SELECT count(DISTINCT substr(date, 1, 7)) AS n FROM report_lines WHERE date BETWEEN ? AND ? AND currency = ?').get(from, to, currency) as { n: number }).n;
}
