/**
 * Money: integer minor units plus an ISO 4217 currency. No binary floating point
 * ever touches an amount; text is parsed digit by digit.
 */
import { PocketbookError } from './errors.js';
import { tErrorsCore as tE } from './messages/errors-core.js';

/** ISO 4217 minor-unit exponents that differ from 2. */
const EXPONENTS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** Number of decimal places of a currency (2 unless ISO 4217 says otherwise). */
export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/**
 * The largest amount one entry may hold, in minor units: 10^14 − 1 (999,999,999,999.99 CNY,
 * 99,999,999,999,999 JPY). Far above any personal statement, and low enough that a month of such
 * entries still sums exactly in a JavaScript number; a total beyond ±(2^53 − 1) minor units is
 * refused where it would be shown (formatMinor), never rounded.
 */
export const MAX_AMOUNT_MINOR = 99_999_999_999_999;

export function isCurrencyCode(text: string): boolean {
  return /^[A-Z]{3}$/.test(text);
}

export interface AmountOptions {
  /** Decimal separator of the source: "." (default) or ",". */
  decimal?: '.' | ',';
  /** Currency deciding the number of minor digits. */
  currency: string;
  /**
   * More decimals than the currency's minor unit (`0.0001` in a wallet bill): round half-even to the
   * minor unit and say so in `rounded`, instead of refusing. The ledger keeps minor units only (SPEC).
   */
  round?: boolean;
}

export interface ParsedAmount {
  /** Signed integer minor units. */
  minor: number;
  /** A 3-letter code written beside the number (`CNY 123.18`), upper-cased. */
  currency?: string;
  /** Set when the text had more decimals than the currency allows and was rounded (`round`). */
  rounded?: true;
}

/**
 * Currency signs before or after the number. A backslash before digits is the yen sign of a
 * Shift_JIS file (byte 0x5C) decoded as ASCII: `\7,000`.
 */
const SYMBOLS = /[¥￥$€£₩₹₽฿₫₪₺₴₦₱]|(?:US|HK|NT|[ACRS]|CA|AU|SG|NZ|MX)\$|RMB|元|円|zł|Kč|\bkr\.?|\\(?=\s*[-\d.,])/g;

/** Map full-width ASCII (Ｕ+FF01–FF5E) and ideographic spaces to their ASCII forms. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0\u2007\u2009\u202F]/g, ' ')
    .replace(/[\u2019\u02BC]/g, "'")
    .replace(/[\u2212\u2012\u2013\u25B2\u25B3]/g, '-');
}

type AmountProblem = 'amountEmpty' | 'amountSigns' | 'amountNot' | 'amountDecimals' | 'amountTooLarge';

function amountError(raw: string, problem: AmountProblem, params: Record<string, string | number> = {}): PocketbookError {
  return new PocketbookError('CSV_AMOUNT', tE(problem, { ...params, raw: raw.length > 40 ? `${raw.slice(0, 40)}…` : raw }));
}

/**
 * Parse one amount as printed in a statement: `1,234.56`, `-1234.56`, `(12.00)`, `¥1,234.56`,
 * `$5`, `1.234,56` (decimal comma), full-width digits, `+12`, `12.00 CR`, `12.00 DR`, `CNY 123.18`,
 * `12.00-`. Throws a PocketbookError (code CSV_AMOUNT) naming the text when it is not an amount.
 */
export function parseAmount(raw: string, opts: AmountOptions): ParsedAmount {
  const fast = plainAmount(raw, opts);
  if (fast !== undefined) return { minor: fast };
  let text = toHalfWidth(raw).replace(/[\t\r\n]/g, ' ').trim();
  if (text === '') throw amountError(raw, 'amountEmpty');
  const signs: boolean[] = []; // one entry per sign marker: true = negative
  let currency: string | undefined;

  const crdr = /\s*(?<![A-Za-z])(CR|DR)\.?$/i.exec(text);
  if (crdr) {
    signs.push(crdr[1]!.toUpperCase() === 'DR');
    text = text.slice(0, crdr.index).trim();
  }
  const code = /^([A-Z]{3})\s*(?=[-+(\d.,])|\s*([A-Z]{3})$/.exec(text);
  if (code) {
    currency = code[1] ?? code[2];
    text = (code[1] ? text.slice(code[0].length) : text.slice(0, code.index)).trim();
  }
  const used = new Set<'paren' | 'prefix' | 'suffix'>();
  for (let pass = 0; pass < 2; pass++) {
    text = text.replace(SYMBOLS, '').trim();
    if (!used.has('paren') && /^\(.*\)$/.test(text)) {
      used.add('paren');
      signs.push(true);
      text = text.slice(1, -1).trim();
    } else if (!used.has('prefix') && /^[-+]/.test(text)) {
      used.add('prefix');
      signs.push(text[0] === '-');
      text = text.slice(1).trim();
    } else if (!used.has('suffix') && /\d[-+]$/.test(text)) {
      used.add('suffix');
      signs.push(text.endsWith('-'));
      text = text.slice(0, -1).trim();
    }
  }
  if (signs.length > 1 && signs.some((s) => s !== signs[0])) throw amountError(raw, 'amountSigns');
  const { minor: magnitude, rounded } = toMinor(text, raw, opts);
  const negative = signs.some(Boolean);
  return {
    minor: negative && magnitude !== 0 ? -magnitude : magnitude,
    ...(currency ? { currency } : {}),
    ...(rounded ? { rounded } : {}),
  };
}

const PLAIN_DOT = /^(-?)(\d{1,15})(?:\.(\d{1,4}))?$/;
const PLAIN_COMMA = /^(-?)(\d{1,15})(?:,(\d{1,4}))?$/;

/** Fast path for the common `-1234.56` shape (no grouping, symbols or markers); undefined otherwise. */
function plainAmount(raw: string, opts: AmountOptions): number | undefined {
  const m = (opts.decimal === ',' ? PLAIN_COMMA : PLAIN_DOT).exec(raw);
  if (!m) return undefined;
  const exponent = currencyExponent(opts.currency);
  const fraction = m[3] ?? '';
  if (fraction.length > exponent) return undefined; // let the full parser decide (zeros or an error)
  const minor = Number(m[2]!) * 10 ** exponent + (fraction === '' ? 0 : Number(fraction.padEnd(exponent, '0')));
  if (minor > MAX_AMOUNT_MINOR) return undefined; // the full parser says "too large"
  return m[1] === '-' && minor !== 0 ? -minor : minor;
}

function toMinor(text: string, raw: string, opts: AmountOptions): { minor: number; rounded?: true } {
  const decimal = opts.decimal ?? '.';
  const group = decimal === '.' ? "[,' ]" : "[.' ]";
  const pattern = new RegExp(`^(\\d{1,3}(?:${group}\\d{3})+|\\d+)?(?:\\${decimal}(\\d*))?$`);
  const m = pattern.exec(text);
  if (!m || (m[1] === undefined && (m[2] === undefined || m[2] === ''))) {
    throw amountError(raw, 'amountNot');
  }
  const whole = (m[1] ?? '0').replace(/[^\d]/g, '');
  let fraction = m[2] ?? '';
  const exponent = currencyExponent(opts.currency);
  let extra = '';
  if (fraction.length > exponent) {
    extra = fraction.slice(exponent);
    if (/[^0]/.test(extra) && !opts.round) {
      throw amountError(raw, 'amountDecimals', { currency: opts.currency, exponent });
    }
    fraction = fraction.slice(0, exponent);
  }
  const digits = whole + fraction.padEnd(exponent, '0');
  const value = roundHalfEven(BigInt(digits), extra);
  if (value > BigInt(MAX_AMOUNT_MINOR)) {
    throw amountError(raw, 'amountTooLarge', { max: formatMoney(MAX_AMOUNT_MINOR, opts.currency), currency: opts.currency.toUpperCase() });
  }
  return /[^0]/.test(extra) ? { minor: Number(value), rounded: true } : { minor: Number(value) };
}

/** `kept` (whole minor units) rounded by the dropped digits `extra`, half to even: 0.125 → 0.12, 0.135 → 0.14. */
function roundHalfEven(kept: bigint, extra: string): bigint {
  if (!/[^0]/.test(extra)) return kept;
  const first = Number(extra[0]);
  const beyond = /[^0]/.test(extra.slice(1));
  if (first > 5 || (first === 5 && beyond) || (first === 5 && kept % 2n === 1n)) return kept + 1n;
  return kept;
}

/** What a column's samples say of its decimal separator: settled, or the question to ask. */
export type DecimalInference = { decimal: '.' | ',' } | { question: string };

/**
 * The decimal separator of a column from all of its values: a value with both `.` and `,` (the last
 * is the decimal), a separator that repeats (`1.234.567`: grouping), or one followed by other than
 * three digits (`12,5`, `3.14`) decides. Values that only read both ways (`1.234`, `7,000`) leave a
 * question — unless the currency has no minor unit (JPY `7,000` groups). Conflicting values are a question too.
 */
export function inferDecimal(samples: readonly string[], currency?: string): DecimalInference {
  const votes = new Set<'.' | ','>();
  let ambiguous: string | undefined;
  for (const raw of samples) {
    const vote = decimalOf(toHalfWidth(raw).replace(/[^\d.,]/g, ''));
    if (vote === 'ambiguous') ambiguous ??= raw.trim();
    else if (vote) votes.add(vote);
  }
  if (votes.size === 1) return { decimal: [...votes][0]! };
  if (votes.size === 2) return { question: tE('decimalBoth') };
  if (ambiguous === undefined) return { decimal: '.' };
  if (currency !== undefined && currencyExponent(currency) === 0) {
    return { decimal: /,\d{3}(?!\d)/.test(ambiguous) ? '.' : ',' };
  }
  const sep = /[.,]/.exec(ambiguous)?.[0] ?? '.';
  return { question: tE('decimalWhich', { sep, raw: ambiguous, other: sep === '.' ? ',' : '.' }) };
}

function decimalOf(digits: string): '.' | ',' | 'ambiguous' | undefined {
  const dot = digits.lastIndexOf('.');
  const comma = digits.lastIndexOf(',');
  if (dot < 0 && comma < 0) return undefined;
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const sep = dot >= 0 ? '.' : ',';
  const other = sep === '.' ? ',' : '.';
  if (digits.indexOf(sep) !== digits.lastIndexOf(sep)) return other;
  const after = digits.length - digits.lastIndexOf(sep) - 1;
  const before = digits.indexOf(sep);
  return after === 3 && before > 0 && before <= 3 ? 'ambiguous' : sep;
}

/** Minor units as a plain decimal string: -3550 CNY → "-35.50"; 1200 JPY → "1200". */
export function formatMinor(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw totalTooLarge(currency);
  const exponent = currencyExponent(currency);
  const negative = minor < 0;
  const digits = Math.abs(minor).toString().padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** A sum that a JavaScript number cannot hold exactly: refused, never shown rounded. */
export function totalTooLarge(currency: string): PocketbookError {
  return new PocketbookError('BAD_INPUT', tE('totalTooLarge', { currency: currency.toUpperCase(), max: formatMoney(Number.MAX_SAFE_INTEGER, currency) }), {
    hint: tE('totalTooLargeHint'),
  });
}

/** Minor units with thousands separators for people: -123456 CNY → "-1,234.56". */
export function formatMoney(minor: number, currency: string): string {
  const plain = formatMinor(minor, currency);
  const [whole = '', fraction] = plain.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const grouped = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/**
 * A user-typed amount (`2000`, `-35.5`, `1,234.56`) into minor units; used for CLI options.
 * Throws BAD_INPUT when it is not a number.
 */
export function parseUserAmount(text: string, currency: string): number {
  try {
    return parseAmount(text, { currency }).minor;
  } catch {
    throw new PocketbookError('BAD_INPUT', tE('userAmount', { text }), { hint: tE('userAmountHint') });
  }
}
