/**
 * Dates are ISO strings (YYYY-MM-DD, times HH:mm:ss). Parsing is driven by an explicit
 * format; only unambiguous formats are ever guessed.
 *
 * Format tokens: YYYY, YY (two-digit years pivot at 70: 00–69 → 2000–2069, 70–99 → 1970–1999,
 * as POSIX strptime), MM/M, DD/D, MMM (a month name in en/fr/de/es/it/pt/nl, see month-names.ts),
 * HH/H, mm, ss. Every date-only format also takes a trailing time, with or without AM/PM.
 * Full-width digits (`２０２６年４月３０日`) read as ASCII ones.
 */
import { PocketbookError } from './errors.js';
import { halfWidth } from './date-text.js';
import { monthFromName } from './month-names.js';
import { tErrorsCore as tE } from './messages/errors-core.js';

export interface ParsedDate {
  date: string;
  time?: string;
}

type Token = 'YYYY' | 'YY' | 'MMM' | 'MM' | 'M' | 'DD' | 'D' | 'HH' | 'H' | 'mm' | 'ss';

const TOKEN_RE = /YYYY|YY|MMM|MM|M|DD|D|HH|H|mm|ss/g;
const compiled = new Map<string, { re: RegExp; order: Token[] }>();

/** Formats a profile may name. Every one is accepted with or without a trailing time. */
export const DATE_FORMATS = [
  'YYYY-MM-DD', 'YYYY/MM/DD', 'YYYY.MM.DD', 'YYYYMMDD', 'YYYY年MM月DD日',
  'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'MM-DD-YYYY',
  'MM/DD/YY', 'DD/MM/YY', 'DD.MM.YY', 'YY/MM/DD', 'MM-DD', 'MM/DD',
  'YYYY-MM-DD HH:mm:ss', 'YYYY/MM/DD HH:mm:ss', 'YYYY-MM-DD HH:mm', 'YYYY/MM/DD HH:mm',
  'YYYY:MM:DD', 'MM月DD日', 'DD MMM YYYY', 'DD MMM YY', 'MMM DD YYYY', 'MMM DD YY', 'YYYY MMM DD',
  'DD MMM', 'MMM DD', 'DD.MM.', 'DD/MM', 'DD-MM-YY', 'MM-DD-YY',
] as const;

/** With a month name, any run of spaces, dots, commas, slashes, dashes or apostrophes separates the parts. */
const NAMED_SEPARATOR = "[\\s.,/'-]+";

function escapeLiteral(literal: string): string {
  return literal
    .split(/\s+/)
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s+');
}

function tokenSource(token: Token, format: string): string {
  if (token === 'YYYY') return '(\\d{4})';
  if (token === 'YY') return '(\\d{2})';
  if (token === 'MMM') return '([A-Za-z\\u00C0-\\u00FF]+)\\.?';
  if ((token === 'MM' || token === 'DD') && format.includes('YYYYMMDD')) return '(\\d{2})';
  return '(\\d{1,2})';
}

/** `06:50 PM`, `6:50pm`, `06:50 p.m.`: the AM/PM marker after a time. */
const MERIDIEM = '(?:\\s*([AaPp])\\.?\\s?[Mm]\\.?)?';

/** A zone after the time (`Z`, `+02:00`, ` UTC`): the date and time are kept as printed. */
const ZONE = '(?:\\s?(?:Z|UTC|GMT|[+-]\\d{2}:?\\d{2}))?';

function compile(format: string): { re: RegExp; order: Token[] } {
  const hit = compiled.get(format);
  if (hit) return hit;
  const order: Token[] = [];
  const named = format.includes('MMM');
  const literal = (text: string) => (named && text !== '' && /^[\s.,/'-]+$/.test(text) ? NAMED_SEPARATOR : escapeLiteral(text));
  let source = '';
  let last = 0;
  for (const m of format.matchAll(TOKEN_RE)) {
    source += literal(format.slice(last, m.index));
    const token = m[0] as Token;
    order.push(token);
    source += tokenSource(token, format);
    last = m.index! + token.length;
  }
  source += literal(format.slice(last));
  const hasTime = order.includes('HH') || order.includes('H');
  // Date-only formats still accept a trailing time (`2026-09-02 12:30:00`, `2026-09-02T12:30`, `05/06/2020 06:50 PM`).
  const tail = hasTime
    ? `(?::(\\d{2}))?(?:\\.\\d+)?${MERIDIEM}${ZONE}`
    : `(?:(?:[ T]+|,\\s*)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?${MERIDIEM}${ZONE})?`;
  const entry = { re: new RegExp(`^${source}${tail}$`), order };
  compiled.set(format, entry);
  return entry;
}

type DateProblem = 'dateNoMonth' | 'dateNoYear' | 'dateNotReal' | 'dateBadTime';

function dateError(raw: string, format: string, problem?: DateProblem): PocketbookError {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return new PocketbookError('CSV_DATE', problem ? tE(problem, { raw: shown }) : tE('dateNoMatch', { raw: shown, format }), {
    hint: tE('dateHint'),
  });
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month !== 2) return day <= MONTH_DAYS[month - 1]!;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (leap ? 29 : 28);
}

/** Year-month-day formats with the separator they use: the shape of most statement dates. */
const YMD_SEPARATOR: ReadonlyMap<string, number> = new Map([
  ['YYYY-MM-DD', 0x2d],
  ['YYYY/MM/DD', 0x2f],
  ['YYYY.MM.DD', 0x2e],
]);

/** The value of the two ASCII digits at `i`, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * `raw` read with a year-month-day format when it is exactly a valid `YYYY?MM?DD` (ten characters,
 * no time): what the general path returns, without a regular expression or a new string for ISO
 * dates. Anything else (padding, a time, a bad date) returns undefined and takes the general path.
 */
function plainYmd(raw: string, separator: number): ParsedDate | undefined {
  if (raw.length !== 10 || raw.charCodeAt(4) !== separator || raw.charCodeAt(7) !== separator) return undefined;
  const century = twoDigits(raw, 0);
  const years = twoDigits(raw, 2);
  const month = twoDigits(raw, 5);
  const day = twoDigits(raw, 8);
  if (century < 0 || years < 0 || !isValidDate(century * 100 + years, month, day)) return undefined;
  return { date: separator === 0x2d ? raw : `${raw.slice(0, 4)}-${raw.slice(5, 7)}-${raw.slice(8)}` };
}

const pad = (n: number, width = 2): string => n.toString().padStart(width, '0');

/**
 * Parse `raw` with `format`. Formats without a year (`MM-DD`) need `defaultYear`.
 * Throws CSV_DATE naming the text for anything that is not a real calendar date.
 */
export function parseDate(raw: string, format: string, defaultYear?: number): ParsedDate {
  const read = readDate(raw, format, defaultYear);
  if (typeof read === 'string') throw dateError(raw, format, read === 'dateNoMatch' ? undefined : read);
  return read;
}

/**
 * `raw` read with `format` (as parseDate), or undefined when it does not read. For trying formats
 * on many samples (inference): no error is made, which costs a stack trace each.
 */
export function tryParseDate(raw: string, format: string, defaultYear?: number): ParsedDate | undefined {
  const read = readDate(raw, format, defaultYear);
  return typeof read === 'string' ? undefined : read;
}

/** parseDate's work: the date, or what is wrong with `raw`. */
function readDate(raw: string, format: string, defaultYear: number | undefined): ParsedDate | DateProblem | 'dateNoMatch' {
  const separator = YMD_SEPARATOR.get(format);
  const plain = separator === undefined ? undefined : plainYmd(raw, separator);
  if (plain) return plain;
  const text = halfWidth(raw).trim().replace(/\s+/g, ' ');
  const { re, order } = compile(format);
  const m = re.exec(text);
  if (!m) return 'dateNoMatch';
  const parts = readParts(m, order, defaultYear);
  if (parts === undefined) return 'dateNoMonth';
  const { year, month, day } = parts;
  if (year === undefined) return 'dateNoYear';
  if (!isValidDate(year, month, day)) return 'dateNotReal';
  const result: ParsedDate = { date: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
  const time = readTime(m, order);
  if (time === null) return 'dateBadTime';
  if (time !== undefined) result.time = time;
  return result;
}

/** Year, month and day of a match; undefined when a month name names no month. */
function readParts(m: RegExpExecArray, order: readonly Token[], defaultYear: number | undefined) {
  let year = defaultYear;
  let month = 0;
  let day = 0;
  for (let i = 0; i < order.length; i++) {
    const token = order[i]!;
    const cell = m[i + 1]!;
    if (token === 'MMM') {
      const named = monthFromName(cell);
      if (named === undefined) return undefined;
      month = named;
      continue;
    }
    const value = Number(cell);
    if (token === 'YYYY') year = value;
    else if (token === 'YY') year = value + (value < 70 ? 2000 : 1900);
    else if (token === 'MM' || token === 'M') month = value;
    else if (token === 'DD' || token === 'D') day = value;
  }
  return { year, month, day };
}

/** The match's time as HH:mm:ss, undefined when it has none, null when it is impossible. */
function readTime(m: RegExpExecArray, order: readonly Token[]): string | undefined | null {
  const at = (token: Token) => {
    const i = order.indexOf(token);
    return i < 0 ? undefined : m[i + 1];
  };
  const rest = m.slice(order.length + 1);
  const formatHasTime = order.includes('HH') || order.includes('H');
  const [h, min, sec, meridiem] = formatHasTime
    ? [at('HH') ?? at('H'), at('mm'), at('ss') ?? rest[0], rest[1]]
    : [rest[0], rest[1], rest[2], rest[3]];
  if (h === undefined) return undefined;
  let hour = Number(h);
  const minute = min === undefined ? 0 : Number(min);
  const second = sec === undefined ? 0 : Number(sec);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (/p/i.test(meridiem) ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/**
 * A yearless date (`4月30日`, `15 Mar`, `12/28`) in `format`, dated on or before `anchor` (an ISO
 * date no row comes after: the statement's end, taken from its period, file name or preamble,
 * else today): the anchor's year, or the year before when that would be after the anchor, so a
 * December row in a January statement belongs to the year before.
 */
export function parseYearlessDate(raw: string, format: string, anchor: string): ParsedDate {
  const year = Number(anchor.slice(0, 4));
  const parsed = parseDate(raw, format, year === 0 ? 0 : year);
  return parsed.date > anchor ? parseDate(raw, format, year - 1) : parsed;
}

/** Does `format` carry a year? (`MM月DD日`, `DD MMM`, `MM/DD` do not.) */
export function formatHasYear(format: string): boolean {
  return /Y/.test(format);
}

/** Formats tried when a profile gives none: only those that cannot be read two ways. */
const UNAMBIGUOUS = [
  'YYYY-MM-DD', 'YYYY/MM/DD', 'YYYY.MM.DD', 'YYYYMMDD', 'YYYY年MM月DD日', 'YYYY:MM:DD',
  'DD MMM YYYY', 'MMM DD YYYY', 'YYYY MMM DD', 'DD MMM YY', 'MMM DD YY',
] as const;

/** Formats without a year: read only when the caller can give one (parseYearlessDate). */
const YEARLESS = ['MM月DD日', 'DD MMM', 'MMM DD', 'DD.MM.', 'DD/MM', 'MM/DD'] as const;

/** The one unambiguous format that reads every sample, or undefined. */
export function guessDateFormat(samples: readonly string[]): string | undefined {
  const present = samples.filter((s) => s.trim() !== '');
  if (present.length === 0) return undefined;
  return UNAMBIGUOUS.find((format) =>
    present.every((s) => {
      try {
        parseDate(s, format);
        return true;
      } catch {
        return false;
      }
    }),
  );
}

/** Day/month orders that only the data can settle (`05/01/2023` reads two ways, `12/15/2023` one). */
const ORDERED = [
  'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'MM-DD-YYYY', 'MM/DD/YY', 'DD/MM/YY', 'DD.MM.YY', 'YY/MM/DD',
  'DD-MM-YY', 'MM-DD-YY',
] as const;

export type DateInference = { format: string } | { candidates: string[] };

/**
 * The date format of a column from its values: an unambiguous format when one reads them all;
 * otherwise the one format of DATE_FORMATS that reads every sample when the samples themselves
 * rule out the other orders (a day above 12). When several still fit, `candidates` lists them.
 */
export function inferDateFormat(samples: readonly string[]): DateInference {
  const known = inferWithYear(samples);
  if ('format' in known || known.candidates.length > 0) return known;
  return inferYearless(samples) ?? known;
}

/**
 * The yearless format (`4月30日`, `30 Apr`, `15.05.`) that reads most samples, read in a leap year;
 * day/month orders the samples do not settle come back as candidates; undefined when none reads them.
 */
function inferYearless(samples: readonly string[]): DateInference | undefined {
  const present = samples.filter((s) => s.trim() !== '');
  const reads = (format: string) => present.filter((s) => tryParseDate(s, format, 2000) !== undefined).length;
  const counts = YEARLESS.map((format) => ({ format, n: reads(format) }));
  const top = Math.max(...counts.map((c) => c.n));
  if (top < Math.max(1, Math.ceil(present.length / 2))) return undefined;
  const fits = counts.filter((c) => c.n === top).map((c) => c.format);
  return fits.length === 1 ? { format: fits[0]! } : { candidates: fits };
}

function inferWithYear(samples: readonly string[]): DateInference {
  const present = samples.filter((s) => s.trim() !== '');
  if (present.length === 0) return { candidates: [] };
  // Count, per format, how many samples it reads: one broken date must not hide the format of
  // all the others (it then fails on its own line), but the majority has to agree.
  const reads = (format: string) => present.reduce((n, s) => (tryParseDate(s, format) === undefined ? n : n + 1), 0);
  const majority = Math.ceil(present.length / 2);
  for (const group of [UNAMBIGUOUS, ORDERED] as const) {
    const counts = group.map((format) => ({ format, n: reads(format) }));
    const top = Math.max(...counts.map((c) => c.n));
    if (top === 0) continue;
    const fits = counts.filter((c) => c.n === top).map((c) => c.format);
    if (fits.length === 1 && top >= majority) return { format: fits[0]! };
    if (group === ORDERED) return { candidates: fits };
  }
  return { candidates: [] };
}

/**
 * The one question that decides a date column no format settles: day-first or month-first when
 * the file's dates all read both ways (no field above 12), naming the profile field that answers it.
 */
export function dateOrderQuestion(raw: string, candidates: readonly string[]): { message: string; hint: string } {
  const dayFirst = candidates.find((f) => f.startsWith('DD'));
  const monthFirst = candidates.find((f) => f.startsWith('MM'));
  if (dayFirst && monthFirst) {
    return {
      message: tE('dateOrder', { raw }),
      hint: tE('dateOrderHint', { dayFirst, monthFirst }),
    };
  }
  const message = candidates.length > 0 ? tE('dateReadsAs', { raw, formats: candidates.join(tE('dateOr')) }) : tE('dateUnknown', { raw });
  return { message, hint: tE('dateUnknownHint') };
}

/** Is `text` an ISO calendar date (YYYY-MM-DD)? */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The calendar pocketbook handles: the years an ISO date can write with four digits. */
export const FIRST_DATE = '0000-01-01';
export const LAST_DATE = '9999-12-31';

function outOfCalendar(): PocketbookError {
  return new PocketbookError('BAD_INPUT', tE('outOfCalendar', { first: FIRST_DATE, last: LAST_DATE }), {
    hint: tE('outOfCalendarHint'),
  });
}

const dayMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** Days between two ISO dates (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayMs(b) - dayMs(a)) / 86_400_000);
}

/** Add days to an ISO date. Throws BAD_INPUT when the result leaves 0000-01-01 … 9999-12-31. */
export function addDays(date: string, days: number): string {
  const ms = dayMs(date) + days * 86_400_000;
  if (!(ms >= dayMs(FIRST_DATE) && ms <= dayMs(LAST_DATE))) throw outOfCalendar();
  return new Date(ms).toISOString().slice(0, 10);
}

/** Add months to a YYYY-MM month. Throws BAD_INPUT when the result leaves 0000-01 … 9999-12. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  if (!(index >= 0 && index < 10_000 * 12)) throw outOfCalendar();
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** Months from `a` to `b` (YYYY-MM): 0 for the same month, negative when b is earlier. */
export function monthsApart(a: string, b: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  return index(b) - index(a);
}

/** The months from `first` to `last` inclusive (YYYY-MM); never steps past `last`. */
export function monthsBetween(first: string, last: string): string[] {
  const count = monthsApart(first, last) + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(i === 0 ? first : addMonths(first, i));
  return out;
}

/** Last day of a YYYY-MM month, as ISO date (computed in place: 9999-12 has no next month). */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  let day = 31;
  while (day > 28 && !isValidDate(y, m, day)) day--;
  return `${month}-${pad(day)}`;
}

/** Day of week, 0 = Monday … 6 = Sunday. */
export function weekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}
