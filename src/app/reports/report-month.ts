/**
 * `report month`: gather the month's rows, build the pure report, print it.
 */
import { addMonths, monthEnd } from '../../core/dates.js';
import {
  cardSpending, creditCards, firstMonth, groupIncome, groupSpending, largestSpending, monthTotals, newMerchants,
} from '../../ledger/report-queries.js';
import { allCategories } from '../../ledger/categories.js';
import type { Db } from '../../ledger/open.js';
import { hourSpending } from '../../ledger/purchase-queries.js';
import { statementCycle } from '../../reports/model.js';
import { buildMonthReport, monthReportJson, type MonthReport } from '../../reports/month.js';
import { monthExtras } from './month-extras.js';
import { netWorthOver } from './networth-change.js';
import { addRecurring } from './report-recurring.js';
import { addReimbursements } from './report-reimbursements.js';
import {
  type FilterOptions, type ReportContext, categoryInfos, openReportLedger, parseMonth, parseTop, resolveFilter,
} from './report-common.js';

export interface MonthReportOptions extends FilterOptions {
  /** YYYY-MM; default this month (from ctx.today). */
  month?: string;
  previous?: boolean;
  top?: number | string;
}

/**
 * The same days of the previous month as `today` has seen of its own: the 1st to today's day of the
 * month, clamped to the previous month's length (on 03-31, 02-01 → 02-28).
 */
export function sameDaysBefore(today: string): { from: string; to: string } {
  const prev = addMonths(today.slice(0, 7), -1);
  const last = monthEnd(prev);
  const to = `${prev}-${today.slice(8, 10)}`;
  return { from: `${prev}-01`, to: to < last ? to : last };
}

/** Build the month report model (no output). */
export async function monthReport(ctx: ReportContext, opts: MonthReportOptions): Promise<MonthReport> {
  const asked = askedMonth(ctx, opts);
  const db = openReportLedger(ctx);
  try {
    return await monthReportOf(db, ctx, opts, asked);
  } finally {
    db.close();
  }
}

/** `pocketbook report month` (the demo's too): the report and its JSON; the CLI renders it. */
export async function monthReportView(ctx: ReportContext, opts: MonthReportOptions = {}): Promise<{ report: MonthReport; json: unknown }> {
  const asked = askedMonth(ctx, opts);
  // One connection for the whole report: opening the ledger costs about as much as a query.
  const db = openReportLedger(ctx);
  try {
    const report = addReimbursements(db, ctx, addRecurring(db, ctx, await monthReportOf(db, ctx, opts, asked)));
    return { report, json: monthReportJson(report) };
  } finally {
    db.close();
  }
}

/** The month and row count asked for, checked before the ledger is opened. */
function askedMonth(ctx: ReportContext, opts: MonthReportOptions): { month: string; top: number } {
  const thisMonth = ctx.today.slice(0, 7);
  const month = opts.month !== undefined ? parseMonth(opts.month) : opts.previous ? addMonths(thisMonth, -1) : thisMonth;
  return { month, top: parseTop(opts.top, ctx.settings['report.top']) };
}

async function monthReportOf(db: Db, ctx: ReportContext, opts: MonthReportOptions, { month, top }: { month: string; top: number }): Promise<MonthReport> {
  const range = { from: `${month}-01`, to: monthEnd(month) };
  const window = { from: `${addMonths(month, -6)}-01`, to: range.to };
  const { filter, others, scope, named } = resolveFilter(db, ctx, opts, window);
  const reference = ctx.today < range.to ? (ctx.today < range.from ? range.from : ctx.today) : range.to;
  const cards = filter.categoryIds || filter.tag !== undefined
    ? []
    : creditCards(db, filter.accountIds)
        .filter((card) => card.currency === filter.currency)
        .map((card) => {
          const cycle = statementCycle(reference, card.statementDay);
          const spent = cardSpending(db, card.id, cycle);
          return { name: card.name, cycle, amount: spent.amount, count: spent.count, limit: card.creditLimit };
        })
        .filter((card) => card.count > 0 || card.amount !== 0);
  const previousToDate = ctx.today.slice(0, 7) === month ? sameDaysBefore(ctx.today) : undefined;
  const totals = monthTotals(db, filter, window);
  const byCategory = groupSpending(db, filter, range, 'category');
  const byMerchant = groupSpending(db, filter, range, 'merchant');
  const byChannel = groupSpending(db, filter, range, 'channel');
  const hours = hourSpending(db, filter, range);
  // The badges look at the whole ledger in this currency: without filters, these are their figures.
  const unfiltered = !filter.accountIds && !filter.categoryIds && filter.tag === undefined;
  const categories = allCategories(db);
  const known = { categories, ...(unfiltered ? { month: { byChannel, byCategory, byMerchant, hours, totals: totals.filter((t) => t.month === month) } } : {}) };
  const extras = await monthExtras(db, month, ctx.today, { currency: filter.currency, settings: ctx.settings, known });
  return buildMonthReport({
    month,
    today: ctx.today,
    currency: filter.currency,
    otherCurrencies: others,
    filters: named,
    ...(scope !== undefined ? { scope } : {}),
    categories: categoryInfos(db, ctx.settings.locale, categories),
    totals,
    firstMonth: firstMonth(db, filter.currency),
    ...(previousToDate ? { previousToDate: { ...previousToDate, totals: monthTotals(db, filter, previousToDate)[0] } } : {}),
    byCategory,
    byIncomeCategory: groupIncome(db, filter, range, 'category'),
    byMerchant,
    byChannel,
    cards,
    largest: largestSpending(db, filter, range, 5),
    newMerchants: newMerchants(db, filter, range),
    hours,
    extras: { budgets: extras.budgets ?? [], benefits: extras.benefits ?? [], badges: extras.badges ?? [] },
    top,
    // Net worth is about accounts, not categories or tags: left out under those filters.
    ...(filter.categoryIds || filter.tag !== undefined ? {} : { netWorth: netWorthOver(db, range, ctx.today, filter.currency, filter.accountIds) }),
  });
}
