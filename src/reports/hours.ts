/**
 * Busiest hours of a month (issue 26 point 8): spending of the entries that carry a time of day,
 * by hour. Pure: the query's rows in, the report's rows out.
 */
import { formatMinor } from '../core/money.js';

/** As the ledger query gives it: signed sum of spending lines (negative = spending), lines taking money out. */
export interface HourInput {
  hour: number;
  amount: number;
  count: number;
}

/** One hour of the day with purchases: spending positive (refunds in that hour taken off). */
export interface HourSpend {
  hour: number;
  amount: number;
  count: number;
}

/** The hours 0–23 that have purchases, ordered by hour. */
export function hoursWithSpending(rows: readonly HourInput[]): HourSpend[] {
  return rows
    .filter((r) => r.count > 0 && r.hour >= 0 && r.hour <= 23)
    .map((r) => ({ hour: r.hour, amount: -r.amount, count: r.count }))
    .sort((a, b) => a.hour - b.hour);
}

/** `hours: [{hour, amount, count}]` of `report month --json`. */
export function hoursJson(hours: readonly HourSpend[], currency: string): { hour: number; amount: string; count: number }[] {
  return hours.map((h) => ({ hour: h.hour, amount: formatMinor(h.amount, currency), count: h.count }));
}
