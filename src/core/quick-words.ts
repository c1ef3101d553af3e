/**
 * The words `tx add "…"` knows (issue 28): days in words, income words and the short names people
 * use for their banks and wallets. Data and small pure look-ups only; quick-entry.ts uses them.
 */
import { addDays, isValidDate, weekday } from './dates.js';

/** Words that make an amount without a sign money coming in (matched inside Chinese words, whole words in English). */
export const INCOME_WORDS_ZH = ['工资', '薪水', '薪资', '收入', '报销', '收红包', '红包收入', '奖金', '退款', '利息', '分红', '收款'] as const;
export const INCOME_WORDS_EN = ['salary', 'income', 'refund', 'refunded', 'reimbursement', 'reimbursed', 'bonus', 'paycheck', 'payroll', 'interest', 'wage', 'wages', 'dividend', 'received'] as const;

/**
 * Short names of institutions → words that, found in an account's name or institution
 * (case-insensitive), make that account a candidate. `type` also matches accounts of that type.
 */
export interface InstitutionWords {
  keys: readonly string[];
  match: readonly string[];
  type?: 'cash' | 'wallet';
}

export const INSTITUTIONS: readonly InstitutionWords[] = [
  { keys: ['招行', '招商', '招商银行', 'cmb'], match: ['招商银行', '招行', 'china merchants', 'cmb'] },
  { keys: ['工行', '工商银行', 'icbc'], match: ['工商银行', '工行', 'icbc', 'industrial and commercial'] },
  { keys: ['建行', '建设银行', 'ccb'], match: ['建设银行', '建行', 'ccb', 'china construction'] },
  { keys: ['农行', '农业银行', 'abc'], match: ['农业银行', '农行', 'agricultural bank', 'abc'] },
  { keys: ['中行', '中国银行', 'boc'], match: ['中国银行', '中行', 'bank of china', 'boc'] },
  { keys: ['交行', '交通银行', 'bocom'], match: ['交通银行', '交行', 'bank of communications', 'bocom'] },
  { keys: ['邮储', '邮政储蓄', 'psbc'], match: ['邮政储蓄', '邮储', 'postal savings', 'psbc'] },
  { keys: ['中信', 'citic'], match: ['中信', 'citic'] },
  { keys: ['浦发', 'spdb'], match: ['浦发', 'spdb', 'shanghai pudong'] },
  { keys: ['平安', 'pingan'], match: ['平安', 'ping an', 'pingan'] },
  { keys: ['花旗', 'citi', 'citibank'], match: ['花旗', 'citi'] },
  { keys: ['支付宝', 'alipay'], match: ['支付宝', 'alipay'] },
  { keys: ['微信', '微信钱包', '零钱', 'wechat', 'weixin'], match: ['微信', 'wechat', 'weixin'] },
  { keys: ['现金', 'cash'], match: ['现金', 'cash'], type: 'cash' },
];

/** The institution a word names, by its short name (招行, cmb, 现金 …). */
export function institutionOf(word: string): InstitutionWords | undefined {
  const w = word.toLowerCase();
  return INSTITUTIONS.find((i) => i.keys.includes(w));
}

const WEEKDAYS_ZH: Readonly<Record<string, number>> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6 };
const WEEKDAYS_EN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;

const pad = (n: number) => n.toString().padStart(2, '0');

/** The latest date on or before `today` with this month and day (9月3日 in November means this year's). */
function latestMonthDay(month: number, day: number, today: string): string | undefined {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year - 1, year - 2, year - 3, year - 4]) {
    if (!isValidDate(y, month, day)) continue; // 2月29日 looks back to the last leap year
    const date = `${y}-${pad(month)}-${pad(day)}`;
    if (date <= today) return date;
  }
  return undefined;
}

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTHS_EN.findIndex((m) => m.startsWith(w));
  return i >= 0 ? i + 1 : undefined;
}

function weekdayOfEn(word: string): number | undefined {
  const w = word.toLowerCase();
  const i = WEEKDAYS_EN.findIndex((d) => w.length >= 3 && d.startsWith(w));
  return i >= 0 ? i : undefined;
}

/** What a date in words gave: the date, how many words it took, or `invalid` for a day that does not exist (9月31日). */
export type DateWords = { date: string; words: number } | { invalid: string; words: number };

/**
 * A date written in words at `words[i]` (and maybe `words[i + 1]`), relative to `today`:
 * 今天 昨天 前天 大前天, 上周五 / 本周一 / 周三 (this week's, not after today), 9月3日 / 9月3号 /
 * 2026年9月3日, today / yesterday, last friday (the latest Friday before today), 3 Sep / Sep 3,
 * 2026-09-03. Undefined when the word is not a date.
 */
export function dateInWords(words: readonly string[], i: number, today: string): DateWords | undefined {
  const w = words[i]!;
  const lower = w.toLowerCase();
  const relative: Record<string, number> = { 今天: 0, 今日: 0, 昨天: -1, 昨日: -1, 前天: -2, 大前天: -3, today: 0, yesterday: -1 };
  if (lower in relative) return { date: addDays(today, relative[lower]!), words: 1 };
  const week = /^(上上|上|本|这)?(?:周|星期|礼拜)([一二三四五六日天])$/.exec(w);
  if (week) {
    const back = week[1] === '上上' ? 14 : week[1] === '上' ? 7 : 0;
    const monday = addDays(today, -weekday(today) - back);
    const date = addDays(monday, WEEKDAYS_ZH[week[2]!]!);
    return date > today ? { invalid: w, words: 1 } : { date, words: 1 };
  }
  const zh = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]$/.exec(w);
  if (zh) return monthDay(w, zh[1] ? Number(zh[1]) : undefined, Number(zh[2]), Number(zh[3]), today, 1);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(w);
  if (iso) return monthDay(w, Number(iso[1]), Number(iso[2]), Number(iso[3]), today, 1);
  const next = words[i + 1];
  if (next === undefined) return undefined;
  if (lower === 'last') {
    const day = weekdayOfEn(next);
    if (day === undefined) return undefined;
    const back = ((weekday(today) - day + 7) % 7) || 7;
    return { date: addDays(today, -back), words: 2 };
  }
  if (/^\d{1,2}$/.test(w) && monthOf(next) !== undefined) return monthDay(`${w} ${next}`, undefined, monthOf(next)!, Number(w), today, 2);
  if (monthOf(w) !== undefined && /^\d{1,2}(st|nd|rd|th)?$/i.test(next)) return monthDay(`${w} ${next}`, undefined, monthOf(w)!, parseInt(next, 10), today, 2);
  return undefined;
}

function monthDay(text: string, year: number | undefined, month: number, day: number, today: string, words: number): DateWords {
  if (year !== undefined) return isValidDate(year, month, day) ? { date: `${year}-${pad(month)}-${pad(day)}`, words } : { invalid: text, words };
  const date = month >= 1 && month <= 12 && day >= 1 && day <= 31 ? latestMonthDay(month, day, today) : undefined;
  return date ? { date, words } : { invalid: text, words };
}
