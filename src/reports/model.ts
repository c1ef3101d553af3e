/**
 * Shared pieces of the report models: rankings, category roll-up, changes, card cycles.
 * Pure: rows in, plain data out. Amounts are integer minor units; spending is positive.
 */
import { merchantDisplayName } from '../core/merchant-names.js';
import { addDays, addMonths, isValidDate } from '../core/dates.js';
import { NO_MERCHANT, UNCATEGORIZED, UNKNOWN_CHANNEL, WEEKDAY_KEYS } from '../core/report-keys.js';

/** A query group: signed sum of spending lines (negative = money out) and the lines taking money out. */
export interface SpendGroup {
  key: string;
  amount: number;
  count: number;
}

export interface CategoryInfo {
  id: number;
  parentId: number | null;
  /** Display name in the chosen locale, `Parent:Child` for children. */
  path: string;
}

/** One row of a ranking: spending as a positive amount (negative when refunds exceed purchases). */
export interface RankedRow {
  name: string;
  amount: number;
  count: number;
  /** amount / total of the ranking's period (null when the total is not positive). */
  share: number | null;
}

export { NO_MERCHANT, UNCATEGORIZED } from '../core/report-keys.js';

/** Sort by amount (desc), then name; shares against `total`. */
export function rank(groups: readonly { name: string; amount: number; count: number }[], total: number): RankedRow[] {
  return [...groups]
    .sort((a, b) => b.amount - a.amount || b.count - a.count || compareText(a.name, b.name))
    .map((g) => ({ ...g, share: total > 0 ? g.amount / total : null }));
}

/** Merge groups with the same name (summing), turning signed sums into positive spending. */
export function toSpending(groups: readonly SpendGroup[], nameOf: (key: string) => string): { name: string; amount: number; count: number }[] {
  const merged = new Map<string, { name: string; amount: number; count: number }>();
  for (const g of groups) {
    const name = nameOf(g.key);
    const m = merged.get(name) ?? { name, amount: 0, count: 0 };
    m.amount -= g.amount;
    m.count += g.count;
    merged.set(name, m);
  }
  return [...merged.values()];
}

/** Merge income groups with the same name (summing); income is positive (negative when more went back out). */
export function toIncome(groups: readonly SpendGroup[], nameOf: (key: string) => string): { name: string; amount: number; count: number }[] {
  return toSpending(groups, nameOf)
    .map((g) => ({ ...g, amount: -g.amount }))
    .filter((g) => g.amount !== 0 || g.count > 0);
}

/**
 * Name a category key for a ranking: top-level categories by default (children rolled into their
 * parent); under a drill-down `scope`, the scope's children (the scope's own lines keep its name).
 */
export function categoryNamer(categories: readonly CategoryInfo[], scope?: number): (key: string) => string {
  const byId = new Map(categories.map((c) => [c.id, c]));
  return (key) => {
    const cat = key === '' ? undefined : byId.get(Number(key));
    if (!cat) return UNCATEGORIZED;
    if (scope !== undefined) return cat.path;
    const top = cat.parentId !== null ? byId.get(cat.parentId) : cat;
    return (top ?? cat).path;
  };
}

export const merchantName = (key: string): string => (key === '' ? NO_MERCHANT : merchantDisplayName(key));
export const channelName = (key: string): string => (key === '' ? UNKNOWN_CHANNEL : key);

export interface Change {
  /** this − reference, minor units. */
  amount: number;
  /** Relative change, null when the reference is 0. */
  ratio: number | null;
}

export function change(current: number, reference: number | null): Change | null {
  if (reference === null) return null;
  return { amount: current - reference, ratio: reference !== 0 ? (current - reference) / Math.abs(reference) : null };
}

/** Integer mean, rounded half away from zero (exact integers in, integer out). */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  const q = Math.trunc(sum / values.length);
  const rest = sum - q * values.length;
  return 2 * Math.abs(rest) >= values.length ? q + Math.sign(sum) : q;
}

export { monthsBetween } from '../core/dates.js';

/** Day `day` of `month`, moved back to the month's last day when the month is shorter (31 → 30, 28 or 29). */
export function dayIn(month: string, day: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  let d = day;
  while (d > 28 && !isValidDate(y, m, d)) d--;
  return `${month}-${String(d).padStart(2, '0')}`;
}

/**
 * The statement cycle holding `date`: from the day after the previous statement date to the next
 * statement date (inclusive). A card without a statement day uses the calendar month.
 */
export function statementCycle(date: string, statementDay: number | null): { from: string; to: string } {
  const month = date.slice(0, 7);
  if (statementDay === null) return { from: `${month}-01`, to: dayIn(month, 31) };
  const closing = dayIn(month, statementDay);
  const end = date <= closing ? closing : dayIn(addMonths(month, 1), statementDay);
  const prevClosing = dayIn(addMonths(end.slice(0, 7), -1), statementDay);
  return { from: addDays(prevClosing, 1), to: end };
}

/** Weekday names as the year report's JSON gives them (renderers show them in the reader's language). */
export const WEEKDAYS = WEEKDAY_KEYS;

/** Code-point order: deterministic and cheap (localeCompare would load ICU collation at start-up). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
