/**
 * A CSV row's signed amount, the way its layout states it: one amount column (less a fee
 * column), debit and credit columns, or a magnitude with a direction column. The reader is
 * chosen once per layout, so the per-row call does no layout branching. Pure.
 */
import { PocketbookError } from '../../core/errors.js';
import { type AmountOptions, parseAmount, type ParsedAmount } from '../../core/money.js';
import type { DirectionRule } from '../profile.js';
import { tErrorsImport as tI } from '../../core/messages/errors-import.js';

export interface SignedAmount {
  minor: number;
  /** A currency code printed beside the number. */
  currency?: string;
  /** The direction column said neither in nor out: a transfer between own balances. */
  neutral?: boolean;
  /** A cell had more decimals than the currency's minor unit and was rounded half-even (warn at the row's line). */
  rounded?: true;
}

/** The signed amount of one record's `cells`, read in `currency`; `line` locates errors. */
export type AmountReader = (cells: readonly string[], currency: string, line: number) => SignedAmount;

type Decimal = NonNullable<AmountOptions['decimal']>;

/** Where a layout's amount lives; -1 for a column it does not have. */
export interface AmountColumns {
  amount: number;
  debit: number;
  credit: number;
  fee: number;
  direction: { index: number; rule: DirectionRule } | undefined;
}

const COLUMN_LABELS = { date: 'colDate', amount: 'colAmount', fee: 'colFee', debit: 'colDebit', credit: 'colCredit' } as const;

/** Rethrow a cell's parse error as `code` at the record's line, naming the column; other errors are bugs. */
export function throwAtCell(code: 'CSV_AMOUNT' | 'CSV_DATE', err: unknown, line: number, column: keyof typeof COLUMN_LABELS): never {
  if (err instanceof PocketbookError) {
    throw new PocketbookError(code, tI('cell', { column: tI(COLUMN_LABELS[column]), message: err.message }), { hint: err.hint, location: { line } });
  }
  throw err;
}

function money(raw: string, currency: string, decimal: Decimal, line: number, column: 'amount' | 'fee' | 'debit' | 'credit'): ParsedAmount {
  try {
    return parseAmount(raw, { currency, decimal, round: true });
  } catch (err) {
    return throwAtCell('CSV_AMOUNT', err, line, column);
  }
}

/** The warning for a row whose amount was rounded to the currency's minor unit (the importer adds `file:line: `). */
export function roundedMessage(currency: string): string {
  return tI('rounded', { currency });
}

/** Words a cell is compared with (direction words, skip_status), trimmed and lower-cased. */
export function lowerCaseSet(words: readonly string[] | undefined): Set<string> {
  return new Set((words ?? []).map((x) => x.trim().toLowerCase()));
}

/** The reader for `columns`: a direction column wins, then an amount column, else debit/credit. */
export function amountReader(columns: AmountColumns, decimal: Decimal): AmountReader {
  if (columns.direction) return directedAmountReader(columns.amount, columns.direction, decimal);
  if (columns.amount >= 0) return netOfFeeAmountReader(columns.amount, columns.fee, decimal);
  return debitCreditAmountReader(columns.debit, columns.credit, decimal);
}

/** The amount column is a magnitude; the direction column's word gives its sign. */
function directedAmountReader(amount: number, direction: { index: number; rule: DirectionRule }, decimal: Decimal): AmountReader {
  const outSet = lowerCaseSet(direction.rule.out);
  const inSet = lowerCaseSet(direction.rule.in);
  const neitherSet = lowerCaseSet(direction.rule.neither);
  return (cells, currency, line) => {
    const raw = cells[amount] ?? '';
    const parsed = money(raw, currency, decimal, line, 'amount');
    const flag = (cells[direction.index] ?? '').trim().toLowerCase();
    const magnitude = Math.abs(parsed.minor);
    if (outSet.has(flag)) return { ...parsed, minor: -magnitude };
    if (inSet.has(flag)) {
      if (parsed.minor < 0) {
        throw new PocketbookError('CSV_AMOUNT', tI('negativeIn', { raw: raw.trim(), flag }), {
          location: { line },
          hint: tI('negativeInHint'),
        });
      }
      return { ...parsed, minor: magnitude };
    }
    if (neitherSet.has(flag)) return { ...parsed, neutral: true };
    throw new PocketbookError('CSV_AMOUNT', tI('unknownDirection', { flag, choices: [...outSet, ...inSet, ...neitherSet].join(', ') }), {
      location: { line },
      hint: tI('unknownDirectionHint'),
    });
  };
}

/** A signed amount column, less the fee column when the layout has one (Revolut: Amount − Fee). */
function netOfFeeAmountReader(amount: number, fee: number, decimal: Decimal): AmountReader {
  return (cells, currency, line) => {
    const parsed = money(cells[amount] ?? '', currency, decimal, line, 'amount');
    if (fee >= 0 && (cells[fee] ?? '') !== '') {
      const charged = money(cells[fee]!, currency, decimal, line, 'fee');
      parsed.minor -= charged.minor;
      if (charged.rounded) parsed.rounded = true;
    }
    return parsed;
  };
}

/** A debit or credit cell that holds nothing but a dash (`-`, `—`) or spaces says "no amount": ''. */
function blankAsEmpty(cell: string | undefined): string {
  return cell === undefined || /^[\s\-\u2013\u2014]*$/.test(cell) ? '' : cell;
}

/** Money out in one column, money in in another; either may be missing, not both. */
function debitCreditAmountReader(debit: number, credit: number, decimal: Decimal): AmountReader {
  return (cells, currency, line) => {
    const out = debit >= 0 ? blankAsEmpty(cells[debit]) : '';
    const into = credit >= 0 ? blankAsEmpty(cells[credit]) : '';
    if (out === '' && into === '') {
      throw new PocketbookError('CSV_AMOUNT', tI('noDebitCredit'), { location: { line } });
    }
    const o = out === '' ? undefined : money(out, currency, decimal, line, 'debit');
    const i = into === '' ? undefined : money(into, currency, decimal, line, 'credit');
    const rounded = i?.rounded ?? o?.rounded;
    return { minor: Math.abs(i?.minor ?? 0) - Math.abs(o?.minor ?? 0), currency: i?.currency ?? o?.currency, ...(rounded ? { rounded } : {}) };
  };
}
