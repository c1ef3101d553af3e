/**
 * Dates printed without a year (`MM/DD`, `MM-DD`) on card statements. The year comes from the
 * statement's own period: a `账单周期:2026/12/20-2027/01/19` line (each row takes the year that puts
 * it nearest that cycle, so a cycle spanning December → January dates each row right), else a
 * `YYYY年MM月` title (that month), else today's month. Pure.
 */
import { parseDate, type ParsedDate } from '../../../core/dates.js';

interface Period {
  start: number;
  end: number;
  years: number[];
}

const DAY_MS = 86_400_000;
const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;

const CYCLE = /账单周期\s*[:：]?\s*(\d{4})\D(\d{1,2})\D(\d{1,2})\D{0,3}?\s*[-–—~至到]\s*(\d{4})\D(\d{1,2})\D(\d{1,2})/;
const TITLE_MONTH = /(\d{4})\s*年\s*(\d{1,2})\s*月/;

/** The statement period the preamble names (the cycle line first, then a `YYYY年MM月` title), else today's month. */
export function statementPeriod(preamble: string, today: string): Period {
  const cycle = CYCLE.exec(preamble);
  if (cycle) {
    const [y1, m1, d1, y2, m2, d2] = cycle.slice(1).map(Number) as [number, number, number, number, number, number];
    return { start: dayOf(y1, m1, d1), end: dayOf(y2, m2, d2), years: [y1 - 1, y1, y2, y2 + 1] };
  }
  const title = TITLE_MONTH.exec(preamble);
  const year = title ? Number(title[1]) : Number(today.slice(0, 4));
  const month = title ? Number(title[2]) : Number(today.slice(5, 7));
  return { start: dayOf(year, month, 1), end: dayOf(year, month + 1, 1) - 1, years: [year - 1, year, year + 1] };
}

/** Days from `day` to the period (0 inside it). */
const distance = (day: number, p: Period): number => (day < p.start ? p.start - day : day > p.end ? day - p.end : 0);

/** `MM/DD` or `MM-DD` dated in the year that puts it nearest the statement period. */
export function yearlessDate(text: string, preamble: string, today: string): ParsedDate {
  const period = statementPeriod(preamble, today);
  const format = text.includes('-') ? 'MM-DD' : 'MM/DD';
  let best: { parsed: ParsedDate; gap: number } | undefined;
  let failure: unknown;
  for (const year of period.years) {
    try {
      const parsed = parseDate(text, format, year);
      const [y, m, d] = parsed.date.split('-').map(Number) as [number, number, number];
      const gap = distance(dayOf(y, m, d), period);
      if (!best || gap < best.gap) best = { parsed, gap };
    } catch (err) {
      failure ??= err; // 02/29 outside leap years; a malformed cell fails for every year
    }
  }
  if (!best) throw failure;
  return best.parsed;
}

/** A card-statement date: a full date when it carries a year (`2026/09/03`), else `MM/DD` dated by the period. */
export function cardDate(text: string, preamble: string, today: string, full: (t: string) => ParsedDate): ParsedDate {
  return /^\s*\d{4}\D/.test(text) || /^\s*\d{8}/.test(text) ? full(text) : yearlessDate(text, preamble, today);
}
