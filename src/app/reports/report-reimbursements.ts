/**
 * `report reimbursements` (报销, issue 28 point 3) and the outstanding line of `report month`:
 * the ledger's marked expenses → the pure model in reports/reimbursements.ts.
 */
import { monthEnd } from '../../core/dates.js';
import type { Db } from '../../ledger/open.js';
import { anyReimbursement, listReimbursements, outstandingAt } from '../../ledger/reimbursements.js';
import type { MonthReport } from '../../reports/month.js';
import { type ReimbursementsReport, buildReimbursementsReport, reimbursementsJson } from '../../reports/reimbursements.js';
import { type ReportContext, openReportLedger } from './report-common.js';

export function reimbursementsReportView(ctx: ReportContext, opts: { all?: boolean } = {}): { report: ReimbursementsReport; json: unknown } {
  const db = openReportLedger(ctx);
  try {
    const report = buildReimbursementsReport(listReimbursements(db), ctx.today, opts);
    return { report, json: reimbursementsJson(report) };
  } finally {
    db.close();
  }
}

/**
 * The month report with what was owed back at the month's end (or today, in the month still
 * running), in its currency; left out when filtered (it is about all the money) or zero.
 */
export function addReimbursements(db: Db, ctx: ReportContext, report: MonthReport): MonthReport {
  if (Object.values(report.filters).some((v) => v !== undefined)) return report;
  if (!anyReimbursement(db)) return report;
  const end = monthEnd(report.month);
  const owed = outstandingAt(db, report.currency, ctx.today < end ? ctx.today : end);
  if (owed !== 0) report.reimbursementsOutstanding = owed;
  return report;
}
