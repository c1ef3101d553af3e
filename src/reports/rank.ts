/**
 * Rankings and trends for any period and dimension. Pure.
 */
import { formatMinor } from '../core/money.js';
import { OTHER } from '../core/report-keys.js';
import {
  type CategoryInfo, type RankedRow, type SpendGroup, categoryNamer, channelName, compareText, merchantName, rank, toSpending,
} from './model.js';

export type RankBy = 'category' | 'merchant' | 'channel';

function namerFor(by: RankBy, categories: readonly CategoryInfo[], scope?: number): (key: string) => string {
  return by === 'category' ? categoryNamer(categories, scope) : by === 'merchant' ? merchantName : channelName;
}

export interface RankData {
  by: RankBy;
  from: string;
  to: string;
  currency: string;
  otherCurrencies: string[];
  filters: Record<string, string | undefined>;
  categories: CategoryInfo[];
  scope?: number;
  groups: SpendGroup[];
  top: number;
}

export interface RankReport {
  by: RankBy;
  from: string;
  to: string;
  currency: string;
  otherCurrencies: string[];
  filters: Record<string, string | undefined>;
  /** Net spending of the whole period (all rows, not only the top ones). */
  total: number;
  rows: RankedRow[];
  /** Rows beyond --top, summed. */
  rest: { amount: number; count: number; rows: number } | null;
}

export function buildRankReport(d: RankData): RankReport {
  const all = toSpending(d.groups, namerFor(d.by, d.categories, d.scope));
  const total = all.reduce((s, g) => s + g.amount, 0);
  const ranked = rank(all, total);
  const hidden = ranked.slice(d.top);
  return {
    by: d.by, from: d.from, to: d.to, currency: d.currency, otherCurrencies: d.otherCurrencies, filters: d.filters,
    total,
    rows: ranked.slice(0, d.top),
    rest: hidden.length
      ? { amount: hidden.reduce((s, r) => s + r.amount, 0), count: hidden.reduce((s, r) => s + r.count, 0), rows: hidden.length }
      : null,
  };
}

const ratio = (x: number | null): number | null => (x === null ? null : Math.round(x * 10_000) / 10_000);

export function rankReportJson(r: RankReport): Record<string, unknown> {
  const money = (minor: number) => formatMinor(minor, r.currency);
  return {
    by: r.by,
    from: r.from,
    to: r.to,
    currency: r.currency,
    total: money(r.total),
    items: r.rows.map((row, i) => ({ rank: i + 1, [r.by]: row.name, amount: money(row.amount), count: row.count, share: ratio(row.share) })),
    rest: r.rest ? { amount: money(r.rest.amount), count: r.rest.count, rows: r.rest.rows } : null,
    other_currencies: r.otherCurrencies,
    filters: r.filters,
  };
}

export interface TrendData {
  months: string[];
  currency: string;
  otherCurrencies: string[];
  filters: Record<string, string | undefined>;
  totals: { month: string; spendAmount: number; income: number }[];
  by?: RankBy;
  categories: CategoryInfo[];
  /** Spending groups per month (with `month`), when `by` is given. */
  groups: (SpendGroup & { month?: string })[];
  top: number;
}

export interface TrendReport {
  months: string[];
  currency: string;
  otherCurrencies: string[];
  filters: Record<string, string | undefined>;
  totals: { month: string; spending: number; income: number; net: number }[];
  by?: RankBy;
  /** The top K names over the whole window, each with one amount per month; the rest as "Other". */
  series: { name: string; amounts: number[]; total: number }[];
}

export { OTHER } from '../core/report-keys.js';

export function buildTrendReport(d: TrendData): TrendReport {
  const totals = d.months.map((month) => {
    const t = d.totals.find((x) => x.month === month);
    const spending = -(t?.spendAmount ?? 0);
    const income = t?.income ?? 0;
    return { month, spending, income, net: income - spending };
  });
  const series: TrendReport['series'] = [];
  if (d.by) {
    const namer = namerFor(d.by, d.categories);
    const perName = new Map<string, number[]>();
    for (const g of d.groups) {
      const index = d.months.indexOf(g.month ?? '');
      if (index < 0) continue;
      const name = namer(g.key);
      const amounts = perName.get(name) ?? d.months.map(() => 0);
      amounts[index] = amounts[index]! - g.amount;
      perName.set(name, amounts);
    }
    const ranked = [...perName.entries()]
      .map(([name, amounts]) => ({ name, amounts, total: amounts.reduce((a, b) => a + b, 0) }))
      .sort((a, b) => b.total - a.total || compareText(a.name, b.name));
    series.push(...ranked.slice(0, d.top));
    const rest = ranked.slice(d.top);
    if (rest.length) {
      const amounts = d.months.map((_, i) => rest.reduce((s, r) => s + r.amounts[i]!, 0));
      series.push({ name: OTHER, amounts, total: amounts.reduce((a, b) => a + b, 0) });
    }
  }
  return { months: d.months, currency: d.currency, otherCurrencies: d.otherCurrencies, filters: d.filters, totals, by: d.by, series };
}

export function trendReportJson(r: TrendReport): Record<string, unknown> {
  const money = (minor: number) => formatMinor(minor, r.currency);
  return {
    currency: r.currency,
    months: r.totals.map((t) => ({ month: t.month, spending: money(t.spending), income: money(t.income), net: money(t.net) })),
    ...(r.by
      ? {
          by: r.by,
          series: r.series.map((s) => ({
            [r.by!]: s.name,
            total: money(s.total),
            months: s.amounts.map((a, i) => ({ month: r.months[i], amount: money(a) })),
          })),
        }
      : {}),
    other_currencies: r.otherCurrencies,
    filters: r.filters,
  };
}
