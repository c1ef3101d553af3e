/**
 * The annual bill (年度账单): query rows → report model → JSON contract. Pure.
 */
import { formatMinor } from '../core/money.js';
import { weekday } from '../core/dates.js';
import {
  type CategoryInfo, type Change, type RankedRow, type SpendGroup,
  WEEKDAYS, UNCATEGORIZED, categoryNamer, change, channelName, compareText, merchantName, monthsBetween, rank, toIncome, toSpending,
} from './model.js';
import { type LargestInput, type MonthTotals, changeJson, rankedJson } from './month.js';
import { type NetWorthChange, netWorthChangeJson } from './networth.js';

export interface YearData {
  year: string;
  today: string;
  currency: string;
  otherCurrencies: string[];
  filters: { account?: string; tag?: string };
  categories: CategoryInfo[];
  /** Month totals for this year and the previous one. */
  totals: MonthTotals[];
  byCategory: SpendGroup[];
  /** Income lines by category (positive = money in); none when absent. */
  byIncomeCategory?: SpendGroup[];
  byMerchant: SpendGroup[];
  byChannel: SpendGroup[];
  /** Spending groups keyed by ISO date. */
  byDate: SpendGroup[];
  largest: LargestInput[];
  top?: number;
  /** The change in net worth over the year (app/reports/networth-change.ts). */
  netWorth?: NetWorthChange;
}

interface YearFigures {
  spending: number;
  income: number;
  net: number;
  savingsRate: number | null;
}

export interface YearReport extends YearFigures {
  year: string;
  currency: string;
  partial: boolean;
  otherCurrencies: string[];
  filters: YearData['filters'];
  months: { month: string; spending: number; income: number }[];
  categories: RankedRow[];
  /** Income by category, shares of the year's income. */
  incomeCategories: RankedRow[];
  merchants: RankedRow[];
  channels: RankedRow[];
  mostFrequentMerchant: RankedRow | null;
  largest: { id: number; date: string; amount: number; merchant: string | null; description: string; category: string; account: string }[];
  busiestMonth: { month: string; spending: number } | null;
  busiestWeekday: { weekday: string; spending: number; count: number } | null;
  previousYear: YearFigures & { year: string };
  vsPreviousYear: { spending: Change | null; income: Change | null };
  netWorth: NetWorthChange | null;
}

function figures(totals: readonly MonthTotals[], year: string): YearFigures {
  const inYear = totals.filter((t) => t.month.startsWith(`${year}-`));
  const spending = -inYear.reduce((s, t) => s + t.spendAmount, 0);
  const income = inYear.reduce((s, t) => s + t.income, 0);
  return { spending, income, net: income - spending, savingsRate: income > 0 ? (income - spending) / income : null };
}

export function buildYearReport(d: YearData): YearReport {
  const top = d.top ?? 10;
  const own = figures(d.totals, d.year);
  const prevYear = String(Number(d.year) - 1);
  const prev = figures(d.totals, prevYear);
  const hasPrev = d.totals.some((t) => t.month.startsWith(`${prevYear}-`));
  // The current year stops at the current month: months to come are absent, not zero.
  const months = monthsBetween(`${d.year}-01`, `${d.year}-12`).filter((m) => m <= d.today.slice(0, 7)).map((month) => {
    const t = d.totals.find((x) => x.month === month);
    return { month, spending: -(t?.spendAmount ?? 0), income: t?.income ?? 0 };
  });
  const merchants = rank(toSpending(d.byMerchant, merchantName), own.spending);
  const frequent = merchants.filter((m) => m.name !== merchantName('') && m.count > 0).sort((a, b) => b.count - a.count || b.amount - a.amount)[0];
  const busiest = [...months].filter((m) => m.spending > 0).sort((a, b) => b.spending - a.spending || compareText(a.month, b.month))[0];
  const days = WEEKDAYS.map((name) => ({ weekday: name, spending: 0, count: 0 }));
  for (const g of d.byDate) {
    const day = days[weekday(g.key)]!;
    day.spending -= g.amount;
    day.count += g.count;
  }
  const busiestDay = [...days].filter((x) => x.spending > 0).sort((a, b) => b.spending - a.spending)[0];
  const byCat = new Map(d.categories.map((c) => [c.id, c.path]));
  return {
    year: d.year,
    currency: d.currency,
    partial: d.today.slice(0, 4) === d.year,
    otherCurrencies: d.otherCurrencies,
    filters: d.filters,
    ...own,
    months,
    categories: rank(toSpending(d.byCategory, categoryNamer(d.categories)), own.spending),
    incomeCategories: rank(toIncome(d.byIncomeCategory ?? [], categoryNamer(d.categories)), own.income),
    merchants: merchants.slice(0, top),
    channels: rank(toSpending(d.byChannel, channelName), own.spending),
    mostFrequentMerchant: frequent ?? null,
    largest: d.largest.map((l) => ({
      id: l.txId, date: l.date, amount: -l.amount, merchant: l.merchant, description: l.description,
      category: l.categoryId !== null ? (byCat.get(l.categoryId) ?? '') : UNCATEGORIZED, account: l.account,
    })),
    busiestMonth: busiest ?? null,
    busiestWeekday: busiestDay ?? null,
    previousYear: { year: prevYear, ...prev },
    vsPreviousYear: {
      spending: change(own.spending, hasPrev ? prev.spending : null),
      income: change(own.income, hasPrev ? prev.income : null),
    },
    netWorth: d.netWorth ?? null,
  };
}

const ratio = (x: number | null): number | null => (x === null ? null : Math.round(x * 10_000) / 10_000);

/** The `report year --json` contract (SPEC), plus extra fields. */
export function yearReportJson(r: YearReport): Record<string, unknown> {
  const money = (minor: number) => formatMinor(minor, r.currency);
  const p = r.previousYear;
  return {
    year: r.year,
    currency: r.currency,
    spending: money(r.spending),
    income: money(r.income),
    net: money(r.net),
    savings_rate: ratio(r.savingsRate),
    months: r.months.map((m) => ({ month: m.month, spending: money(m.spending), income: money(m.income) })),
    categories: rankedJson(r.categories, 'category', r.currency),
    income_categories: rankedJson(r.incomeCategories, 'category', r.currency),
    merchants: rankedJson(r.merchants, 'merchant', r.currency),
    channels: rankedJson(r.channels, 'channel', r.currency),
    largest: r.largest.map((l) => ({ ...l, amount: money(l.amount) })),
    previous_year: { year: p.year, spending: money(p.spending), income: money(p.income), net: money(p.net), savings_rate: ratio(p.savingsRate) },
    change: { spending: changeJson(r.vsPreviousYear.spending, r.currency), income: changeJson(r.vsPreviousYear.income, r.currency) },
    most_frequent_merchant: r.mostFrequentMerchant
      ? { merchant: r.mostFrequentMerchant.name, count: r.mostFrequentMerchant.count, amount: money(r.mostFrequentMerchant.amount) }
      : null,
    busiest_month: r.busiestMonth ? { month: r.busiestMonth.month, spending: money(r.busiestMonth.spending) } : null,
    busiest_weekday: r.busiestWeekday
      ? { weekday: r.busiestWeekday.weekday, spending: money(r.busiestWeekday.spending), count: r.busiestWeekday.count }
      : null,
    partial: r.partial,
    other_currencies: r.otherCurrencies,
    filters: r.filters,
    net_worth: netWorthChangeJson(r.netWorth, r.currency),
  };
}
