/**
 * `report rank` and `report trend`: any dimension over any period.
 */
import { PocketbookError, usageError } from '../../core/errors.js';
import { addMonths, monthEnd } from '../../core/dates.js';
import { parseWholeNumber } from '../../core/options.js';
import { tReportErrors as t } from '../../core/messages/report-errors.js';
import { groupSpending, monthTotals } from '../../ledger/report-queries.js';
import { monthsBetween } from '../../reports/model.js';
import { type RankBy, type RankReport, type TrendReport, buildRankReport, buildTrendReport, rankReportJson, trendReportJson } from '../../reports/rank.js';
import {
  type FilterOptions, type ReportContext, categoryInfos, openReportLedger, parseDay, parseMonth, parseTop, parseYear, resolveFilter,
} from './report-common.js';

const BY: readonly RankBy[] = ['category', 'merchant', 'channel'];

export function parseBy(text: string | undefined, required: boolean): RankBy | undefined {
  if (text === undefined) {
    if (required) throw usageError(t('byRequired'), t('byHint'));
    return undefined;
  }
  if (!(BY as readonly string[]).includes(text)) throw usageError(t('byOneOf', { values: BY.join(', ') }));
  return text as RankBy;
}

export interface RankOptions extends FilterOptions {
  by?: string;
  month?: string | boolean;
  year?: string | boolean;
  from?: string;
  to?: string;
  top?: number | string;
}

/** The period of `--month [M] | --year [Y] | --from D --to D`, default this month. */
export function rankPeriod(today: string, opts: RankOptions): { from: string; to: string } {
  const chosen = [opts.month !== undefined, opts.year !== undefined, opts.from !== undefined || opts.to !== undefined].filter(Boolean).length;
  if (chosen > 1) throw usageError(t('onePeriod'));
  if (opts.year !== undefined) {
    const year = opts.year === true ? today.slice(0, 4) : parseYear(String(opts.year));
    return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
  if (opts.from !== undefined || opts.to !== undefined) {
    const from = opts.from !== undefined ? parseDay(opts.from, '--from') : '0000-01-01';
    const to = opts.to !== undefined ? parseDay(opts.to, '--to') : today;
    if (from > to) throw new PocketbookError('BAD_INPUT', t('fromAfterTo', { from, to }));
    return { from, to };
  }
  const month = opts.month === undefined || opts.month === true ? today.slice(0, 7) : parseMonth(String(opts.month));
  return { from: `${month}-01`, to: monthEnd(month) };
}

/** `pocketbook report rank`: the report and its JSON; the CLI renders it. */
export function rankReportView(ctx: ReportContext, opts: RankOptions): { report: RankReport; json: unknown } {
  const by = parseBy(opts.by, true)!;
  const top = parseTop(opts.top, ctx.settings['report.top']);
  const period = rankPeriod(ctx.today, opts);
  const db = openReportLedger(ctx);
  let report: RankReport;
  try {
    const { filter, others, scope, named } = resolveFilter(db, ctx, opts, period);
    report = buildRankReport({
      by, from: period.from, to: period.to, currency: filter.currency, otherCurrencies: others, filters: named,
      categories: categoryInfos(db, ctx.settings.locale), ...(scope !== undefined ? { scope } : {}),
      groups: groupSpending(db, filter, period, by), top,
    });
  } finally {
    db.close();
  }
  return { report, json: rankReportJson(report) };
}

export interface TrendOptions extends FilterOptions {
  months?: number | string;
  by?: string;
  top?: number | string;
  /** Last month of the window (YYYY-MM), default this month. */
  until?: string;
}

/** `pocketbook report trend`: the report and its JSON; the CLI renders it. */
export function trendReportView(ctx: ReportContext, opts: TrendOptions): { report: TrendReport; json: unknown } {
  const by = parseBy(opts.by, false);
  const top = parseTop(opts.top, 5);
  const count = parseWholeNumber(opts.months ?? 6, '--months', { min: 1, max: 240, code: 'BAD_INPUT' });
  const last = opts.until !== undefined ? parseMonth(opts.until) : ctx.today.slice(0, 7);
  // Months to come are left out (a chart stops at the current month instead of dropping to zero).
  const window = monthsBetween(addMonths(last, -(count - 1)), last);
  const months = window.filter((m) => m <= ctx.today.slice(0, 7));
  const range = { from: `${window[0]!}-01`, to: monthEnd(last) };
  const db = openReportLedger(ctx);
  let report: TrendReport;
  try {
    const { filter, others, named } = resolveFilter(db, ctx, opts, range);
    report = buildTrendReport({
      months, currency: filter.currency, otherCurrencies: others, filters: named,
      totals: monthTotals(db, filter, range), ...(by ? { by } : {}),
      categories: categoryInfos(db, ctx.settings.locale),
      groups: by ? groupSpending(db, filter, range, by, { byMonth: true }) : [],
      top,
    });
  } finally {
    db.close();
  }
  return { report, json: trendReportJson(report) };
}
