/**
 * `report year`: the annual bill.
 */
import { groupIncome, groupSpending, largestSpending, monthTotals } from '../../ledger/report-queries.js';
import { buildYearReport, yearReportJson, type YearReport } from '../../reports/year.js';
import {
  type FilterOptions, type ReportContext, categoryInfos, openReportLedger, parseTop, parseYear, resolveFilter,
} from './report-common.js';
import { netWorthOver } from './networth-change.js';
import { addMonths } from '../../core/dates.js';

export interface YearReportOptions extends Omit<FilterOptions, 'category'> {
  year?: string;
  top?: number | string;
}

export function yearReport(ctx: ReportContext, opts: YearReportOptions): YearReport {
  const year = opts.year !== undefined ? parseYear(opts.year) : ctx.today.slice(0, 4);
  const top = parseTop(opts.top, ctx.settings['report.top']);
  const db = openReportLedger(ctx);
  try {
    const range = { from: `${year}-01-01`, to: `${year}-12-31` };
    const both = { from: `${addMonths(`${year}-01`, -12)}-01`, to: range.to };
    const { filter, others, named } = resolveFilter(db, ctx, opts, range);
    return buildYearReport({
      year,
      today: ctx.today,
      currency: filter.currency,
      otherCurrencies: others,
      filters: named,
      categories: categoryInfos(db, ctx.settings.locale),
      totals: monthTotals(db, filter, both),
      byCategory: groupSpending(db, filter, range, 'category'),
      byIncomeCategory: groupIncome(db, filter, range, 'category'),
      byMerchant: groupSpending(db, filter, range, 'merchant'),
      byChannel: groupSpending(db, filter, range, 'channel'),
      byDate: groupSpending(db, filter, range, 'date'),
      largest: largestSpending(db, filter, range, 5),
      top,
      ...(filter.tag !== undefined ? {} : { netWorth: netWorthOver(db, range, ctx.today, filter.currency, filter.accountIds) }),
    });
  } finally {
    db.close();
  }
}

/** `pocketbook report year`: the report and its JSON; the CLI renders it. */
export function yearReportView(ctx: ReportContext, opts: YearReportOptions = {}): { report: YearReport; json: unknown } {
  const report = yearReport(ctx, opts);
  return { report, json: yearReportJson(report) };
}
