/**
 * Instalment rows (issue 26 point 7): a card bills a purchase split into M periods one period a
 * month, each row marked with its number, "第3/12期", "第3期/共12期", "3/12期", "分期 3/12",
 * "installment 3 of 12", "Instalment 3/12". Pure.
 *
 * - `recognizeInstalment` finds period N of M and the plan's description stem (the text without the
 *   marker and the words 分期/分期付款/账单分期/installment), or null. A bare "3/12" is a date, not a
 *   period: the numbers must stand next to 期, 第…期, 分期 or instal(l)ment.
 * - `isInstalmentConversion` is the credit a bank books when it turns a purchase into a plan
 *   (分期转出, 账单分期, "installment conversion"): money given back against the original purchase,
 *   which the periods then bill month by month, so the purchase is not spent twice.
 */
import { toHalfWidth } from './money.js';

export interface InstalmentMark {
  /** This row's period, 1-based. */
  period: number;
  /** Periods in the plan. */
  periods: number;
  /** The description without the marker: what the plan is for ('' when nothing else is written). */
  stem: string;
}

const N = '(\\d{1,3})';
const SLASH = '\\s*/\\s*';
/** Each pattern captures the period and the count, in that order unless `reversed`. */
const PATTERNS: readonly { re: RegExp; reversed?: boolean }[] = [
  { re: new RegExp(`第\\s*${N}\\s*期\\s*[/,，、]?\\s*共\\s*${N}\\s*期`) }, // 第3期/共12期, 第3期共12期
  { re: new RegExp(`共\\s*${N}\\s*期\\s*[/,，、]?\\s*第\\s*${N}\\s*期`), reversed: true }, // 共12期第3期
  { re: new RegExp(`第\\s*${N}${SLASH}${N}\\s*期`) }, // 第3/12期
  { re: new RegExp(`(?<![\\d/.-])${N}${SLASH}${N}\\s*期`) }, // 3/12期
  { re: new RegExp(`分期(?:付款|还款|交易|消费)?\\s*[(（\\[【:：-]?\\s*${N}${SLASH}${N}(?![\\d/.-])\\s*[)）\\]】]?`) }, // 分期 3/12, 分期(3/12)
  { re: new RegExp(`分期\\d{0,20}/${N}/${N}\\s*期`) }, // 银联分期<plan number>/10/12期 (CGB)
  { re: new RegExp(`\\binstal{1,2}ments?\\b\\s*(?:plan\\s*)?(?:no\\.?|#|period)?\\s*[(:-]?\\s*${N}\\s*(?:of|/)\\s*${N}(?![\\d/.-])\\s*\\)?`, 'i') }, // installment 3 of 12
];

/** Words that only say "instalment", removed from the stem. */
const PLAN_WORDS = /账单分期|消费分期|分期付款|分期还款|分期交易|分期|\binstal{1,2}ments?\b(?:\s+plan)?/gi;

export function recognizeInstalment(description: string): InstalmentMark | null {
  const text = toHalfWidth(description);
  for (const { re, reversed } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    const [period, periods] = reversed ? [b, a] : [a, b];
    if (period < 1 || periods < 2 || period > periods) continue;
    return { period, periods, stem: stemOf(text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)) };
  }
  return null;
}

function stemOf(rest: string): string {
  return rest
    .replace(PLAN_WORDS, ' ')
    .replace(/[()（）[\]【】]\s*[()（）[\]【】]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-—:：,，/|·]+|[\s\-—:：,，/|·]+$/g, '')
    .trim();
}

const CONVERSION = /分期|instal{1,2}ment/i;
const PAYMENT = /还款|payment|repay/i;

/** A credit that moves a purchase into an instalment plan (分期转出, 账单分期, installment conversion); not a card payment. */
export function isInstalmentConversion(description: string): boolean {
  return CONVERSION.test(description) && !PAYMENT.test(description) && recognizeInstalment(description) === null;
}
