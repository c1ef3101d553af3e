/**
 * The monthly spending report (消费月报): query rows → report model → JSON contract. Pure.
 */
import { type HourInput, type HourSpend, hoursJson, hoursWithSpending } from './hours.js';
import { addMonths } from '../core/dates.js';
import { formatMinor } from '../core/money.js';
import {
  type CategoryInfo, type Change, type RankedRow, type SpendGroup,
  UNCATEGORIZED, categoryNamer, change, channelName, compareText, mean, merchantName, monthsBetween, rank, toIncome, toSpending,
} from './model.js';
import { type NetWorthChange, netWorthChangeJson } from './networth.js';
import { type RecurringMonth, recurringMonthJson } from './recurring.js';

export interface MonthTotals {
  month: string;
  spendAmount: number;
  spendCount: number;
  income: number;
  incomeCount: number;
}

export interface CardInput {
  name: string;
  cycle: { from: string; to: string };
  /** Signed net of the card's expense/refund rows in the cycle. */
  amount: number;
  count: number;
  limit: number | null;
}

export interface LargestInput {
  txId: number;
  date: string;
  amount: number;
  merchant: string | null;
  description: string;
  categoryId: number | null;
  account: string;
}

export interface MonthExtrasInput {
  budgets: unknown[];
  benefits: unknown[];
  badges: unknown[];
}

/** Everything the month report needs, as the queries return it. */
export interface MonthData {
  month: string;
  today: string;
  currency: string;
  otherCurrencies: string[];
  filters: { account?: string; tag?: string; category?: string };
  /** Drill-down scope (category id), when `--category` was given. */
  scope?: number;
  categories: CategoryInfo[];
  /** Totals for the month and the six before it (months without lines may be absent). */
  totals: MonthTotals[];
  /** The first month with any line in this currency; months before it are left out of the average. */
  firstMonth?: string;
  /** A month in progress: the previous month's totals over the same days (1st to today's day, clamped). */
  previousToDate?: { from: string; to: string; totals: MonthTotals | undefined };
  byCategory: SpendGroup[];
  /** Income lines by category (positive = money in); none when absent. */
  byIncomeCategory?: SpendGroup[];
  byMerchant: SpendGroup[];
  byChannel: SpendGroup[];
  cards: CardInput[];
  largest: LargestInput[];
  newMerchants: string[];
  extras: MonthExtrasInput;
  top?: number;
  /** The change in net worth over the month (app/reports/networth-change.ts). */
  netWorth?: NetWorthChange;
  /** Spending of entries with a time of day, by hour (ledger/purchase-queries.ts hourSpending). */
  hours?: HourInput[];
}

export interface MonthReport {
  /** Recurring charges (issue 28), added by app/reports/report-recurring.ts when the report is not filtered. */
  recurring?: RecurringMonth;
  /** What was owed back (报销) at the month's end, when not zero (app/reports/report-reimbursements.ts). */
  reimbursementsOutstanding?: number;
  month: string;
  currency: string;
  today: string;
  /** The month is not over yet. */
  partial: boolean;
  otherCurrencies: string[];
  filters: MonthData['filters'];
  spending: number;
  income: number;
  net: number;
  previous: { month: string; spending: number; income: number };
  /** The month has no spending or income entries: nothing is compared with it. */
  empty: boolean;
  /** Only for the month in progress: the same days of the previous month. */
  previousToDate: { month: string; from: string; to: string; spending: number; income: number } | null;
  average6m: number | null;
  vsPrevious: Change | null;
  vsPreviousToDate: Change | null;
  vsAverage: Change | null;
  categories: RankedRow[];
  /** Income by category, shares of the month's income. */
  incomeCategories: RankedRow[];
  /** Names of categories whose refunds exceed their purchases this month. */
  negativeCategories: string[];
  merchants: RankedRow[];
  frequentMerchants: RankedRow[];
  channels: RankedRow[];
  trend: { month: string; spending: number; income: number }[];
  cards: { name: string; cycle: { from: string; to: string }; spending: number; count: number; limit: number | null; used: number | null }[];
  largest: { id: number; date: string; amount: number; merchant: string | null; description: string; category: string; account: string }[];
  newMerchants: { merchant: string; amount: number; count: number }[];
  extras: MonthExtrasInput;
  netWorth: NetWorthChange | null;
  /** Hours of the day with purchases (entries with a time only), ordered by hour. */
  hours: HourSpend[];
}

export function buildMonthReport(d: MonthData): MonthReport {
  const top = d.top ?? 10;
  const totalsOf = (month: string) => d.totals.find((t) => t.month === month);
  const spendingOf = (month: string) => -(totalsOf(month)?.spendAmount ?? 0);
  const incomeOf = (month: string) => totalsOf(month)?.income ?? 0;
  const spending = spendingOf(d.month);
  const income = incomeOf(d.month);
  const prevMonth = addMonths(d.month, -1);
  const before = monthsBetween(addMonths(d.month, -6), prevMonth).filter((m) => d.firstMonth !== undefined && m >= d.firstMonth);
  const average6m = mean(before.map(spendingOf));
  const namer = categoryNamer(d.categories, d.scope);
  const categories = rank(toSpending(d.byCategory, namer), spending);
  const merchantRows = rank(toSpending(d.byMerchant, merchantName), spending);
  const frequent = [...merchantRows].filter((m) => m.count > 0).sort((a, b) => b.count - a.count || b.amount - a.amount || compareText(a.name, b.name));
  const byCat = new Map(d.categories.map((c) => [c.id, c.path]));
  const own = totalsOf(d.month);
  const empty = !own || (own.spendAmount === 0 && own.spendCount === 0 && own.income === 0 && own.incomeCount === 0);
  const ptd = d.previousToDate;
  const previousToDate = ptd
    ? { month: prevMonth, from: ptd.from, to: ptd.to, spending: -(ptd.totals?.spendAmount ?? 0), income: ptd.totals?.income ?? 0 }
    : null;
  const hasPrevious = d.firstMonth !== undefined && prevMonth >= d.firstMonth;
  const merchantsByName = new Map(merchantRows.map((m) => [m.name, m]));
  return {
    month: d.month,
    currency: d.currency,
    today: d.today,
    partial: d.today.slice(0, 7) === d.month,
    otherCurrencies: d.otherCurrencies,
    filters: d.filters,
    spending,
    income,
    net: income - spending,
    previous: { month: prevMonth, spending: spendingOf(prevMonth), income: incomeOf(prevMonth) },
    empty,
    previousToDate,
    average6m,
    vsPrevious: empty ? null : change(spending, hasPrevious ? spendingOf(prevMonth) : null),
    vsPreviousToDate: empty || !previousToDate ? null : change(spending, hasPrevious ? previousToDate.spending : null),
    vsAverage: empty ? null : change(spending, average6m),
    categories,
    incomeCategories: rank(toIncome(d.byIncomeCategory ?? [], namer), income),
    negativeCategories: categories.filter((c) => c.amount < 0).map((c) => c.name),
    merchants: merchantRows.slice(0, top),
    frequentMerchants: frequent.slice(0, top),
    channels: rank(toSpending(d.byChannel, channelName), spending),
    // A chart never runs into months to come (a month report asked for a future month shows none).
    trend: monthsBetween(addMonths(d.month, -5), d.month).filter((m) => m <= d.today.slice(0, 7) || m === d.month).map((month) => ({ month, spending: spendingOf(month), income: incomeOf(month) })),
    cards: d.cards.map((c) => ({
      name: c.name,
      cycle: c.cycle,
      spending: -c.amount,
      count: c.count,
      limit: c.limit,
      used: c.limit ? -c.amount / c.limit : null,
    })),
    largest: d.largest.map((l) => ({
      id: l.txId,
      date: l.date,
      amount: -l.amount,
      merchant: l.merchant,
      description: l.description,
      category: l.categoryId !== null ? (byCat.get(l.categoryId) ?? '') : UNCATEGORIZED,
      account: l.account,
    })),
    newMerchants: d.newMerchants.map((key) => {
      const name = merchantName(key);
      const m = merchantsByName.get(name);
      return { merchant: name, amount: m?.amount ?? 0, count: m?.count ?? 0 };
    }),
    extras: d.extras,
    netWorth: d.netWorth ?? null,
    hours: hoursWithSpending(d.hours ?? []),
  };
}

const ratio = (x: number | null): number | null => (x === null ? null : Math.round(x * 10_000) / 10_000);

export function rankedJson(rows: readonly RankedRow[], field: string, currency: string): Record<string, unknown>[] {
  return rows.map((r) => ({ [field]: r.name, amount: formatMinor(r.amount, currency), count: r.count, share: ratio(r.share) }));
}

export function changeJson(c: Change | null, currency: string): { amount: string; ratio: number | null } | null {
  return c ? { amount: formatMinor(c.amount, currency), ratio: ratio(c.ratio) } : null;
}

/** The `report month --json` contract (SPEC), plus a few extra fields. */
export function monthReportJson(r: MonthReport): Record<string, unknown> {
  const money = (minor: number) => formatMinor(minor, r.currency);
  return {
    month: r.month,
    currency: r.currency,
    spending: money(r.spending),
    income: money(r.income),
    net: money(r.net),
    previous: { month: r.previous.month, spending: money(r.previous.spending), income: money(r.previous.income) },
    previous_to_date: r.previousToDate && { ...r.previousToDate, spending: money(r.previousToDate.spending), income: money(r.previousToDate.income) },
    average_spending_6m: r.average6m === null ? null : money(r.average6m),
    categories: rankedJson(r.categories, 'category', r.currency),
    income_categories: rankedJson(r.incomeCategories, 'category', r.currency),
    merchants: rankedJson(r.merchants, 'merchant', r.currency),
    channels: rankedJson(r.channels, 'channel', r.currency),
    hours: hoursJson(r.hours, r.currency),
    trend: r.trend.map((t) => ({ month: t.month, spending: money(t.spending), income: money(t.income) })),
    cards: r.cards.map((c) => ({
      account: c.name,
      cycle: c.cycle,
      spending: money(c.spending),
      count: c.count,
      limit: c.limit === null ? null : money(c.limit),
      used: ratio(c.used),
    })),
    budgets: r.extras.budgets,
    benefits: r.extras.benefits,
    badges: r.extras.badges,
    largest: r.largest.map((l) => ({ ...l, amount: money(l.amount) })),
    change: {
      vs_previous: changeJson(r.vsPrevious, r.currency),
      vs_previous_to_date: changeJson(r.vsPreviousToDate, r.currency),
      vs_average_6m: changeJson(r.vsAverage, r.currency),
    },
    empty: r.empty,
    frequent_merchants: rankedJson(r.frequentMerchants, 'merchant', r.currency),
    new_merchants: r.newMerchants.map((m) => ({ merchant: m.merchant, amount: money(m.amount), count: m.count })),
    negative_categories: r.negativeCategories,
    partial: r.partial,
    other_currencies: r.otherCurrencies,
    filters: r.filters,
    net_worth: netWorthChangeJson(r.netWorth, r.currency),
    ...(r.recurring ? { recurring: recurringMonthJson(r.recurring, r.currency) } : {}),
    ...(r.reimbursementsOutstanding ? { reimbursements_outstanding: money(r.reimbursementsOutstanding) } : {}),
  };
}
