/**
 * Recurring charges (issue 28 point 4), found without a list of known services: the charges of
 * one merchant (or, without one, of one normalized description) in one currency that come at a
 * regular interval with a stable amount. Pure.
 *
 * - interval: the median gap between charges is near 7, 30.4, 91 or 365 days, and every gap lies
 *   in that interval's band (weekly 5–9 days, monthly 26–35, quarterly 80–100, yearly 350–380);
 * - at least 3 charges (2 for yearly);
 * - a stable amount: the charges before the last are, all but at most a quarter of them, within
 *   10% of their median (the usual amount);
 * - a price change: the last charge differs from the usual amount by more than 1%;
 * - missed: today is past the next date plus a grace (3, 7, 14, 30 days); a series more than two
 *   intervals overdue has ended and is left out;
 * - monthly cost: the last amount spread over a month (weekly × 52/12, quarterly ÷ 3, yearly ÷ 12).
 */
import { addDays, addMonths, daysBetween, monthEnd } from '../core/dates.js';
import { formatMinor } from '../core/money.js';

export type Interval = 'weekly' | 'monthly' | 'quarterly' | 'yearly';

export interface Charge {
  date: string;
  /** Negative minor units (money out). */
  amount: number;
  currency: string;
  merchant: string | null;
  description: string;
}

export interface Recurring {
  merchant: string;
  currency: string;
  interval: Interval;
  count: number;
  lastDate: string;
  /** Positive minor units (spending), as the other reports show spending. */
  lastAmount: number;
  usualAmount: number;
  nextDate: string;
  monthlyCost: number;
  priceChange: { from: number; to: number } | null;
  missed: boolean;
}

interface Band {
  interval: Interval;
  days: number;
  lo: number;
  hi: number;
  grace: number;
  perMonth: (amount: number) => number;
  next: (date: string) => string;
}

const sameDayMonths = (date: string, months: number): string => {
  const month = addMonths(date.slice(0, 7), months);
  const end = monthEnd(month);
  const day = `${month}-${date.slice(8, 10)}`;
  return day < end ? day : end;
};

const BANDS: readonly Band[] = [
  { interval: 'weekly', days: 7, lo: 5, hi: 9, grace: 3, perMonth: (a) => Math.round((a * 52) / 12), next: (d) => addDays(d, 7) },
  { interval: 'monthly', days: 30.4, lo: 26, hi: 35, grace: 7, perMonth: (a) => a, next: (d) => sameDayMonths(d, 1) },
  { interval: 'quarterly', days: 91, lo: 80, hi: 100, grace: 14, perMonth: (a) => Math.round(a / 3), next: (d) => sameDayMonths(d, 3) },
  { interval: 'yearly', days: 365, lo: 350, hi: 380, grace: 30, perMonth: (a) => Math.round(a / 12), next: (d) => sameDayMonths(d, 12) },
];

/** The shortest gap a series can have (ledger/recurring-queries.ts leaves out merchants charged more often). */
export const MIN_RECURRING_GAP_DAYS = Math.min(...BANDS.map((b) => b.lo));

/** The key charges of one series share: the merchant, else the description without numbers (order ids, dates). */
export function seriesKey(c: Pick<Charge, 'merchant' | 'description' | 'currency'>): string {
  const name = c.merchant ?? c.description.toLowerCase().replace(/[0-9０-９#*:/._-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return `${c.currency}\u0000${name.toLowerCase()}`;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

function bandOf(dates: readonly string[]): Band | undefined {
  const gaps = dates.slice(1).map((d, i) => daysBetween(dates[i]!, d));
  if (gaps.length === 0) return undefined;
  const mid = median(gaps);
  const band = BANDS.find((b) => mid >= b.lo && mid <= b.hi);
  if (!band || !gaps.every((g) => g >= band.lo && g <= band.hi)) return undefined;
  return gaps.length + 1 >= (band.interval === 'yearly' ? 2 : 3) ? band : undefined;
}

function stableUsual(amounts: readonly number[]): number | undefined {
  const before = amounts.slice(0, -1);
  const usual = median(before);
  const within = before.filter((a) => Math.abs(a - usual) <= usual * 0.1).length;
  return before.length - within <= Math.floor(before.length / 4) ? usual : undefined;
}

/** One series, if it recurs. Charges in date order. */
export function recurringOf(charges: readonly Charge[], today: string): Recurring | undefined {
  // Two charges on one day are one payment split (or a retry): the series counts days.
  const byDay = new Map<string, number>();
  for (const c of charges) byDay.set(c.date, (byDay.get(c.date) ?? 0) - c.amount);
  const dates = [...byDay.keys()].sort();
  const band = bandOf(dates);
  if (!band) return undefined;
  const amounts = dates.map((d) => byDay.get(d)!);
  const usual = stableUsual(amounts);
  if (usual === undefined) return undefined;
  const last = charges[charges.length - 1]!;
  const lastAmount = amounts[amounts.length - 1]!;
  const nextDate = band.next(last.date);
  const overdue = daysBetween(nextDate, today);
  if (overdue > band.days * 2) return undefined;
  const named = [...charges].reverse().find((c) => c.merchant !== null);
  return {
    merchant: named?.merchant ?? last.description,
    currency: last.currency,
    interval: band.interval,
    count: dates.length,
    lastDate: last.date,
    lastAmount,
    usualAmount: usual,
    nextDate,
    monthlyCost: band.perMonth(lastAmount),
    priceChange: Math.abs(lastAmount - usual) > usual * 0.01 ? { from: usual, to: lastAmount } : null,
    missed: overdue > band.grace,
  };
}

/** Every recurring series among the charges (any order), largest monthly cost first. */
export function findRecurring(charges: readonly Charge[], today: string): Recurring[] {
  const groups = new Map<string, Charge[]>();
  for (const c of charges) {
    const key = seriesKey(c);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const found: Recurring[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const r = recurringOf(list, today);
    if (r) found.push(r);
  }
  return found.sort((a, b) => b.monthlyCost - a.monthlyCost || a.merchant.localeCompare(b.merchant));
}

/** `report recurring --json`: amounts as decimal strings of spending, like the other reports. */
export function recurringJson(list: readonly Recurring[]): Record<string, unknown>[] {
  return list.map((r) => {
    const money = (minor: number) => formatMinor(minor, r.currency);
    return {
      merchant: r.merchant,
      interval: r.interval,
      last_date: r.lastDate,
      last_amount: money(r.lastAmount),
      next_date: r.nextDate,
      monthly_cost: money(r.monthlyCost),
      price_change: r.priceChange ? { from: money(r.priceChange.from), to: money(r.priceChange.to) } : null,
      missed: r.missed,
      currency: r.currency,
      count: r.count,
    };
  });
}

/** What the month report shows: the recurring total a month (report currency) and the price changes. */
export interface RecurringMonth {
  monthlyTotal: number;
  priceChanges: { merchant: string; from: number; to: number }[];
}

/** The total over the series in `currency`; the price changes charged in `month` (YYYY-MM). */
export function recurringMonth(list: readonly Recurring[], currency: string, month: string): RecurringMonth {
  const mine = list.filter((r) => r.currency === currency);
  return {
    monthlyTotal: mine.reduce((sum, r) => sum + r.monthlyCost, 0),
    priceChanges: mine.filter((r) => r.priceChange && r.lastDate.startsWith(month)).map((r) => ({ merchant: r.merchant, from: r.priceChange!.from, to: r.priceChange!.to })),
  };
}

export function recurringMonthJson(m: RecurringMonth | undefined, currency: string): Record<string, unknown> | null {
  if (!m) return null;
  const money = (minor: number) => formatMinor(minor, currency);
  return { monthly_total: money(m.monthlyTotal), price_changes: m.priceChanges.map((p) => ({ merchant: p.merchant, from: money(p.from), to: money(p.to) })) };
}
