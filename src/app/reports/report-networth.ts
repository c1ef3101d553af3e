/**
 * `report networth`: assets, liabilities and net worth at each month-end, per currency.
 * Three statements whatever the size of the ledger: accounts, opening balances, and one GROUP BY of
 * the entries by account, currency and month (running sums are taken in memory).
 */
import { addMonths } from '../../core/dates.js';
import { parseWholeNumber } from '../../core/options.js';
import { listAccounts } from '../../ledger/accounts.js';
import { monthlyEntrySums, openingBalances } from '../../ledger/balances.js';
import { monthsBetween } from '../../reports/model.js';
import { type NetWorthReport, buildNetWorth, netWorthJson } from '../../reports/networth.js';
import { type ReportContext, openReportLedger } from './report-common.js';

export interface NetWorthOptions {
  months?: number | string;
}

/** `pocketbook report networth`: the report and its JSON; the CLI renders it. */
export function netWorthReportView(ctx: ReportContext, opts: NetWorthOptions): { report: NetWorthReport; json: unknown } {
  const count = parseWholeNumber(opts.months ?? 12, '--months', { min: 1, max: 240, code: 'BAD_INPUT' });
  const last = ctx.today.slice(0, 7);
  const months = monthsBetween(addMonths(last, -(count - 1)), last);
  const db = openReportLedger(ctx);
  let report: NetWorthReport;
  try {
    const creditIds = new Set(listAccounts(db).filter((a) => a.type === 'credit').map((a) => a.id));
    // This month's figures are as of today: entries dated later are not money yet.
    report = buildNetWorth({ months, creditIds, openings: openingBalances(db), monthly: monthlyEntrySums(db, ctx.today) });
  } finally {
    db.close();
  }
  return { report, json: netWorthJson(report) };
}
