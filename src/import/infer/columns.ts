/**
 * What the values under each column are: dates (and the formats that read them), amounts (and the
 * decimal mark they use), currency codes, sign words, free text. Pure.
 */
import { inferDateFormat, tryParseDate } from '../../core/dates.js';
import { parseAmount } from '../../core/money.js';
import { CURRENCY_CODES, signWord } from './words.js';

export interface ColumnValues {
  index: number;
  filled: number;
  /** Share of filled cells that read as dates / amounts. */
  dates: number;
  amounts: number;
  dateFormat?: string;
  dateCandidates: string[];
  currencies: number;
  signs: number;
  /** Filled cells holding a minus (or parentheses, a trailing minus). */
  negatives: number;
  /** Mean length of the text cells. */
  textLength: number;
  distinct: number;
  /** Longest run of digits (account numbers and ids are long). */
  longestDigits: number;
}

/** "," when the amounts are written with a decimal comma, "." otherwise. */
export function decimalOf(samples: readonly string[]): '.' | ',' {
  let comma = 0;
  let point = 0;
  for (const s of samples) {
    const t = s.replace(/\s*(?:CR|DR|[A-Z]{3})$/i, '').replace(/-$/, '').trim();
    if (/\d,\d{1,2}\)?$/.test(t) || /\d\.\d{3},\d/.test(t)) comma++;
    else if (/\d\.\d{1,2}\)?$/.test(t) || /\d,\d{3}\.\d/.test(t)) point++;
  }
  return comma > point ? ',' : '.';
}

function readsAsAmount(cell: string, decimal: '.' | ','): boolean {
  const c = cell.trim();
  if (!/\d/.test(c) || c.length > 30) return false;
  // A date or a time is not an amount.
  if (/^\d{1,4}[-/]\d{1,2}[-/]\d{1,4}/.test(c) || /^\d{1,2}:\d{2}/.test(c) || /^\d{4}\.\d{2}\.\d{2}/.test(c)) return false;
  if (/^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(c)) return false;
  try {
    parseAmount(c, { currency: 'XXX', decimal });
    return true;
  } catch {
    try {
      parseAmount(c, { currency: 'JPY', decimal });
      return true;
    } catch {
      return false;
    }
  }
}

function readsAsDate(cell: string, format: string): boolean {
  return tryParseDate(cell, format, 2000) !== undefined;
}

/** The values of column `index` of `rows`. */
export function columnValues(rows: readonly string[][], index: number, decimal: '.' | ','): ColumnValues {
  const cells = rows.map((r) => (r[index] ?? '').trim()).filter((c) => c !== '');
  const filled = cells.length;
  const share = (n: number) => (filled === 0 ? 0 : n / filled);
  const inferred = filled > 0 && cells.some((c) => /\d/.test(c)) ? inferDateFormat(cells) : { candidates: [] as string[] };
  const dateFormat = 'format' in inferred ? inferred.format : undefined;
  const dateCandidates = 'format' in inferred ? [inferred.format] : inferred.candidates;
  const dateCells = cells.filter((c) => dateCandidates.some((f) => readsAsDate(c, f))).length;
  const amounts = cells.filter((c) => readsAsAmount(c, decimal)).length;
  const text = cells.filter((c) => /\p{L}/u.test(c));
  return {
    index,
    filled,
    dates: share(dateCells),
    amounts: share(amounts),
    ...(dateFormat ? { dateFormat } : {}),
    dateCandidates,
    currencies: share(cells.filter((c) => CURRENCY_CODES.has(c.toUpperCase()) && /^[A-Za-z]{3}$/.test(c)).length),
    signs: share(cells.filter((c) => signWord(c) !== undefined).length),
    negatives: cells.filter((c) => /^-|^\(|-$|^−/.test(c.replace(/^[^\d\-(−]*/, (m) => (m.includes('-') ? '-' : '')))).length,
    textLength: text.length === 0 ? 0 : text.reduce((n, c) => n + c.length, 0) / text.length,
    distinct: new Set(cells.map((c) => c.toLowerCase())).size,
    longestDigits: Math.max(0, ...cells.map((c) => Math.max(0, ...(c.match(/\d+/g) ?? []).map((d) => d.length)))),
  };
}
