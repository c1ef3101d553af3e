/**
 * `report recurring` (issue 28 point 4) and the recurring lines of `report month`: the ledger's
 * charges of the last 25 months (long enough for a yearly charge to show twice) → the pure
 * finder in reports/recurring.ts.
 */
import { addMonths, monthEnd } from '../../core/dates.js';
import type { Db } from '../../ledger/open.js';
import { cachedRecurring, chargesBetween, saveRecurring } from '../../ledger/recurring-queries.js';
import { refreshReportCache } from '../../ledger/report-cache.js';
import type { MonthReport } from '../../reports/month.js';
import { type Recurring, type RecurringMonth, findRecurring, recurringJson, recurringMonth } from '../../reports/recurring.js';
import { type ReportContext, openReportLedger } from './report-common.js';

const LOOK_BACK_MONTHS = 25;

/**
 * The recurring series as of `day`: from the cache (migration 27) when no write has come since it
 * was filled (refreshReportCache empties it), else found from the charges and kept.
 */
function recurringUntil(db: Db, day: string): Recurring[] {
  refreshReportCache(db);
  const cached = cachedRecurring(db, day);
  if (cached !== undefined) return JSON.parse(cached) as Recurring[];
  const from = `${addMonths(day.slice(0, 7), -LOOK_BACK_MONTHS)}-01`;
  const found = findRecurring(chargesBetween(db, from, day), day);
  saveRecurring(db, day, JSON.stringify(found));
  return found;
}

export function recurringReportView(ctx: ReportContext): { list: Recurring[]; json: unknown } {
  const db = openReportLedger(ctx);
  try {
    const list = recurringUntil(db, ctx.today);
    return { list, json: recurringJson(list) };
  } finally {
    db.close();
  }
}

/**
 * For `report month`: the recurring charges as of the month's end (or today, in the month still
 * running), their monthly total in the report's currency, and the price changes charged that month.
 */
export function monthRecurring(db: Db, month: string, today: string, currency: string): RecurringMonth {
  const end = monthEnd(month);
  const list = recurringUntil(db, today < end ? today : end);
  return recurringMonth(list, currency, month);
}

/** The month report with its recurring charges, unless filtered (they are about all the money). */
export function addRecurring(db: Db, ctx: ReportContext, report: MonthReport): MonthReport {
  if (Object.values(report.filters).some((v) => v !== undefined)) return report;
  report.recurring = monthRecurring(db, report.month, ctx.today, report.currency);
  return report;
}
