/** OFX field values → pocketbook values: dates, amounts, channels, descriptions. Pure. */
import { PocketbookError } from '../../core/errors.js';
import { isValidDate } from '../../core/dates.js';
import { parseAmount } from '../../core/money.js';
import type { Channel } from '../../core/types.js';
import { tErrorsFormats as tF } from '../../core/messages/errors-formats.js';

/**
 * `YYYYMMDD[HHMM[SS[.XXX]]][ [+-H:TZ]]` → the statement's own calendar date (the first 8 digits,
 * never shifted across a time zone) and its time when one is given and is not midnight.
 * Returns undefined for anything that is not a real date.
 */
export function parseOfxDate(raw: string): { date: string; time?: string } | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?(?:[.:]\d{1,6})?)?\s*(?:\[\s*[+-]?\d{1,2}(?:[.:]\d{1,2})?(?::[^\]]{0,20})?\])?$/.exec(
    raw.trim(),
  );
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidDate(year, month, day)) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) return { date };
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  // A time that is not a clock reading (minute 82) is dropped; the date stands on its own.
  if (h > 23 || min > 59 || s > 59 || (h === 0 && min === 0 && s === 0)) return { date };
  return { date, time: `${m[4]}:${m[5]}:${m[6] ?? '00'}` };
}

/**
 * TRNAMT → signed minor units. OFX amounts are plain numbers with "." or "," as the decimal
 * separator and no grouping or currency symbol; anything else throws OFX_AMOUNT. More decimals
 * than the currency keeps: rounded half-even when `onRounded` is given (the reader warns), else refused.
 */
export function parseOfxAmount(raw: string, currency: string, line: number, onRounded?: (line: number) => void): number {
  const text = raw.trim();
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (!/^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(text)) {
    throw new PocketbookError('OFX_AMOUNT', tF('trnamtNot', { shown }), {
      location: { line },
      hint: tF('trnamtHint'),
    });
  }
  try {
    const parsed = parseAmount(text.replace(',', '.'), { currency, round: onRounded !== undefined });
    if (parsed.rounded) onRounded?.(line);
    return parsed.minor;
  } catch (err) {
    const problem = err instanceof PocketbookError ? err.message : tF('notAmount');
    throw new PocketbookError('OFX_AMOUNT', tF('trnamtProblem', { problem }), { location: { line } });
  }
}

/** TRNTYPE → how the money moved, where the type says so unambiguously. */
export function ofxChannel(trntype: string | undefined, creditCard: boolean): Channel | undefined {
  switch (trntype?.toUpperCase()) {
    case 'ATM':
      return 'atm';
    case 'CASH':
      return 'cash';
    case 'DIRECTDEBIT':
    case 'REPEATPMT':
      return 'direct_debit';
    case 'DIRECTDEP':
    case 'XFER':
      return 'bank_transfer';
    case 'POS':
      return 'card';
    case 'DEBIT':
    case 'CREDIT':
      return creditCard ? 'card' : undefined;
    default:
      return undefined;
  }
}

const squash = (text: string | undefined): string | undefined => {
  const s = text?.replace(/\s+/g, ' ').trim();
  return s === '' ? undefined : s;
};

/** NAME and MEMO both kept: "NAME / MEMO", unless one already says what the other does. */
export function ofxDescription(name: string | undefined, memo: string | undefined, fallback: string): string {
  const n = squash(name);
  const m = squash(memo);
  if (n && m) {
    const [ln, lm] = [n.toLowerCase(), m.toLowerCase()];
    if (ln.includes(lm)) return n;
    if (lm.startsWith(ln)) return m; // NAME is MEMO cut at 32 characters
    return `${n} / ${m}`;
  }
  return n ?? m ?? fallback;
}
