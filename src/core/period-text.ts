/**
 * Months, days and periods the way a reader of the current locale writes them: `2026年9月`,
 * `9月3日 周四` / `Sep 2026`, `Thu 3 Sep`. Amounts are not here: they read `1,234.56` in both.
 * Data formats (JSON, CSV cells holding dates) keep ISO dates; these are for people.
 */
import { getLocale } from './i18n.js';
import { weekday } from './dates.js';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** By `weekday()`'s numbering: 0 = Monday … 6 = Sunday. */
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAYS_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

function parts(iso: string): { year: number; month: number; day: number } {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** `2026-09` → `2026年9月` / `Sep 2026`. */
export function monthLabel(month: string): string {
  const { year, month: m } = parts(month);
  return getLocale() === 'zh' ? `${year}年${m}月` : `${MONTHS_EN[m - 1]} ${year}`;
}

/** `2026-09` → `9月` / `Sep` (chart axes, where the year is said once). */
export function shortMonthLabel(month: string): string {
  const m = parts(month).month;
  return getLocale() === 'zh' ? `${m}月` : MONTHS_EN[m - 1]!;
}

/** `2026-09-03` → `9月3日 周四` / `Thu 3 Sep`. */
export function dayLabel(date: string): string {
  const { month, day } = parts(date);
  const wd = weekday(date);
  return getLocale() === 'zh' ? `${month}月${day}日 ${WEEKDAYS_ZH[wd]}` : `${WEEKDAYS_EN[wd]} ${day} ${MONTHS_EN[month - 1]}`;
}

/** `2026` → `2026年` / `2026`. */
export function yearLabel(year: string | number): string {
  return getLocale() === 'zh' ? `${year}年` : String(year);
}

/** A weekday number (0 = Monday, as `weekday()` gives) → `周四` / `Thu`. */
export function weekdayLabel(day: number): string {
  return getLocale() === 'zh' ? WEEKDAYS_ZH[day]! : WEEKDAYS_EN[day]!;
}
