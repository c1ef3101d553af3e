/**
 * What a person reads for values the models keep as data: channel and kind enum values, the rows
 * without a category or merchant, weekdays, report filters and periods, in the current locale.
 */
import { getLocale } from '../core/i18n.js';
import { tReport } from '../core/messages/report-render.js';
import { tTerms } from '../core/messages/report-terms.js';
import { dayLabel, monthLabel, yearLabel } from '../core/period-text.js';
import { NO_MERCHANT, OTHER, UNCATEGORIZED } from '../core/report-keys.js';
import { CHANNELS, KINDS } from '../core/types.js';
import { monthEnd } from '../core/dates.js';

export type NameKind = 'category' | 'merchant' | 'channel' | 'name';

/** A channel enum value (`alipay`) → 支付宝 / alipay; anything else as it is. */
export function channelLabel(key: string): string {
  return (CHANNELS as readonly string[]).includes(key) ? tTerms(`channel_${key}` as Parameters<typeof tTerms>[0]) : key;
}

/** An entry kind (`expense`) → 支出 / expense. */
export function kindLabel(key: string): string {
  return (KINDS as readonly string[]).includes(key) ? tTerms(`kind_${key}` as Parameters<typeof tTerms>[0]) : key;
}

/** A row name of a ranking as a person reads it (the model's placeholder names translated). */
export function rowName(name: string, kind: NameKind): string {
  if (name === UNCATEGORIZED && (kind === 'category' || kind === 'name')) return tTerms('uncategorized');
  if (name === NO_MERCHANT && (kind === 'merchant' || kind === 'name')) return tTerms('noMerchant');
  if (name === OTHER && kind !== 'channel') return tTerms('other');
  if (kind === 'channel') return channelLabel(name);
  return name;
}

/** A weekday number (0 = Monday) → Thursday / 周四. */
export function weekdayName(day: number): string {
  return tTerms(`weekday_${day}` as Parameters<typeof tTerms>[0]);
}

/** ` · account Alipay · tag family` / ` · 账户 Alipay · 标签 family`. */
export function filtersText(filters: Record<string, string | undefined>): string {
  const label = (k: string, value: string) =>
    k === 'account' ? tReport('filterAccount', { value }) : k === 'tag' ? tReport('filterTag', { value }) : k === 'category' ? tReport('filterCategory', { value }) : `${k} ${value}`;
  return Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) => ` · ${label(k, v!)}`).join('');
}

/**
 * A period for people: a whole month → `2026年9月` / `Sep 2026`, a whole year → `2026年`, days of one
 * year → `2026年 9月3日 周四 → 9月30日 周三` / `2026 Thu 3 Sep → Wed 30 Sep`; days across years stay ISO.
 */
export function periodText(from: string, to: string): string {
  const month = from.slice(0, 7);
  if (from === `${month}-01` && to === monthEnd(month)) return monthLabel(month);
  const year = from.slice(0, 4);
  if (from === `${year}-01-01` && to === `${year}-12-31`) return yearLabel(year);
  if (year === to.slice(0, 4)) return `${yearLabel(year)} ${dayLabel(from)} → ${dayLabel(to)}`;
  return `${fullDayLabel(from)} → ${fullDayLabel(to)}`;
}

/** A day with its year: `2025年12月31日 周三` / `Wed 31 Dec 2025`. */
export function fullDayLabel(date: string): string {
  const year = Number(date.slice(0, 4));
  return getLocale() === 'zh' ? `${year}年${dayLabel(date)}` : `${dayLabel(date)} ${year}`;
}

/** The separator between a list's items: `, ` / `、`. */
export const listSeparator = (): string => (getLocale() === 'zh' ? '、' : ', ');
