/**
 * Benefit and budget periods: calendar month, quarter, year, a card's statement cycle, or a year
 * from a given date ("anniversary"). Pure date arithmetic on ISO strings.
 */
import { addDays, addMonths, daysBetween, isValidDate, monthEnd } from '../../core/dates.js';
import { statementCycle } from '../model.js';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'cycle' | 'anniversary';
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year', 'cycle', 'anniversary'];

export interface Period {
  start: string;
  end: string;
}

export interface PeriodOptions {
  /** First day of the first period (anniversary). */
  from?: string;
  /** The card's statement day (cycle); null means the calendar month. */
  statementDay?: number | null;
}

/** The same day `years` later, Feb 29 falling back to Feb 28. */
function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const m = Number(date.slice(5, 7));
  let d = Number(date.slice(8, 10));
  while (!isValidDate(y, m, d)) d--;
  return `${String(y).padStart(4, '0')}-${date.slice(5, 7)}-${String(d).padStart(2, '0')}`;
}

/** The period of this kind that holds `today`. */
export function periodContaining(kind: PeriodKind, today: string, opts: PeriodOptions = {}): Period {
  const month = today.slice(0, 7);
  const year = today.slice(0, 4);
  switch (kind) {
    case 'month':
      return { start: `${month}-01`, end: monthEnd(month) };
    case 'quarter': {
      const m = Number(today.slice(5, 7));
      const first = `${year}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}`;
      return { start: `${first}-01`, end: monthEnd(addMonths(first, 2)) };
    }
    case 'year':
      return { start: `${year}-01-01`, end: `${year}-12-31` };
    case 'cycle': {
      const c = statementCycle(today, opts.statementDay ?? null);
      return { start: c.from, end: c.to };
    }
    case 'anniversary': {
      const from = opts.from;
      if (from === undefined) throw new Error('anniversary period needs a start date');
      let start = from;
      if (today >= from) {
        let k = Number(today.slice(0, 4)) - Number(from.slice(0, 4));
        while (k > 0 && addYears(from, k) > today) k--;
        start = addYears(from, k);
      }
      return { start, end: addDays(addYears(from, Number(start.slice(0, 4)) - Number(from.slice(0, 4)) + 1), -1) };
    }
  }
}

export interface PeriodClock {
  /** Days in the period. */
  total: number;
  /** Days of the period up to and including today (0 before it starts, total after it ends). */
  elapsed: number;
  /** Days from today to the end, today included (0 once the period is over). */
  left: number;
  over: boolean;
}

export function periodClock(p: Period, today: string): PeriodClock {
  const total = daysBetween(p.start, p.end) + 1;
  const elapsed = Math.max(0, Math.min(total, daysBetween(p.start, today) + 1));
  const left = today > p.end ? 0 : today < p.start ? total : daysBetween(today, p.end) + 1;
  return { total, elapsed, left, over: today > p.end };
}

/**
 * Straight-line projection to the end of the period: value × total / elapsed, rounded down.
 * Before the period starts, and once it is over, the projection is the value itself.
 */
export function project(value: number, clock: PeriodClock): number {
  if (clock.elapsed === 0 || clock.over) return value;
  return Math.floor((value * clock.total) / clock.elapsed);
}

/**
 * The periods of `current`'s year up to it, oldest first: `current` and the earlier periods of
 * the same kind starting in the calendar year `current` starts in (a yearly cap's year). A year or
 * anniversary period is its own year.
 */
export function periodsOfYear(kind: PeriodKind, current: Period, opts: PeriodOptions = {}): Period[] {
  const out = [current];
  if (kind === 'year' || kind === 'anniversary') return out;
  const year = current.start.slice(0, 4);
  for (let p = current; ; ) {
    p = periodContaining(kind, addDays(p.start, -1), opts);
    if (p.start.slice(0, 4) !== year) break;
    out.unshift(p);
  }
  return out;
}
