/**
 * Statement balances a CSV states outside a running-balance column (issue 27), pure:
 *
 * - balance lines around the table (`Opening balance : 1.234,56`, `期末余额,8842.10`,
 *   `Solde au 31/03/2020 ; 1 200,00`), in the preamble above the header or in a footer below the
 *   rows: an opening one is dated the day before the first row (or before the date it names), a
 *   closing one the last row's date (or the date it names);
 * - statement balance columns repeated on every row of a flattened statement (CSB43's
 *   initial_balance/final_balance): one opening and one closing balance per statement.
 *
 * Amounts are read with the file's decimal mark (core/money.ts); dates with the rows' format,
 * through `dateOf`, once the rows are read.
 */
import { type ParsedAmount, parseAmount } from '../../core/money.js';
import { addDays } from '../../core/dates.js';
import type { NormalizedRow } from '../../core/types.js';
import type { ReaderEvent, StatementBalance } from '../types.js';

type Side = 'opening' | 'closing' | 'dated';

const OPENING_WORDS =
  'balance at (?:the )?(?:start|beginning) of (?:the )?period|opening balance|starting balance|beginning balance|start balance|' +
  'previous balance|balance brought forward|期初余额|上期余额|期初结余|期初餘額|起始余额|上期结余|saldo inicial|saldo anterior|saldo iniziale|' +
  'anfangssaldo|saldo alt|alter kontostand|solde initial|solde de début(?: de période)?|ancien solde|beginsaldo';
const CLOSING_WORDS =
  'balance at (?:the )?end of (?:the )?period|closing balance|ending balance|end balance|new balance|balance carried forward|' +
  '期末余额|本期余额|期末结余|期末餘額|结束余额|本期结余|saldo final|saldo finale|endsaldo|saldo neu|neuer kontostand|solde final|' +
  'solde de fin(?: de période)?|nouveau solde|eindsaldo';
const DATED_WORDS = 'solde au|saldo al|saldo am|saldo a|balance as (?:of|at|on)|balance on';

/** A cell that starts a balance line: its words, then the rest (maybe `: value`, a date). */
const KEY = new RegExp(`^(?:(${OPENING_WORDS})|(${CLOSING_WORDS})|(${DATED_WORDS}))(?![a-z])\\s*(.*)$`, 'iu');
const DATE_SHAPE = /(?<![\d.,])(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})(?!\d)/u;
const ISO_LIKE = /^(\d{4})[./年-](\d{1,2})[./月-](\d{1,2})日?$/u;

/** A balance line's one statement: a side, the amount as read, the date as printed (if any). */
interface Stated {
  side: Side;
  /** The amount as printed (read with the rows' currency once known). */
  raw: string;
  date?: string;
  line: number;
}

/** The date a cell names, by the rows' format, else read as year-month-day. */
type DateOf = (raw: string) => string | undefined;

function isoDate(raw: string, dateOf: DateOf): string | undefined {
  const m = ISO_LIKE.exec(raw.trim());
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return dateOf(raw);
}

/**
 * The balances one line (its cells) states, or none. Every cell starting with balance words opens
 * one; the cells after it (and the rest of its own cell) give its amount, the first that reads as
 * one, and maybe a date.
 */
export function balancesInLine(cells: readonly string[], line: number, decimal: '.' | ',', delimiter = ','): Stated[] {
  const out: Stated[] = [];
  let open: { side: Side; date?: string; raw?: string } | undefined;
  const close = () => {
    if (open?.raw !== undefined) out.push({ side: open.side, raw: open.raw, ...(open.date ? { date: open.date } : {}), line });
    open = undefined;
  };
  for (let i = 0; i < cells.length; i++) {
    const text = cells[i]!.trim();
    const key = KEY.exec(text);
    let rest = text;
    if (key) {
      close();
      open = { side: key[1] ? 'opening' : key[2] ? 'closing' : 'dated' };
      rest = key[4]!;
    }
    if (!open || rest === '') continue;
    const date = DATE_SHAPE.exec(rest);
    if (date) {
      open.date ??= date[0];
      rest = rest.slice(0, date.index) + rest.slice(date.index + date[0].length);
    }
    rest = rest.replace(/^[\s:：=]+|[\s:：=]+$/gu, '');
    // `Opening balance: 1,234.56` unquoted in a comma-separated file: its thousands went to the next cells.
    if (delimiter === ',' && decimal === '.' && open.raw === undefined && /^[-+]?\d{1,3}$/.test(rest)) {
      while (/^\d{3}(?:\.\d*)?$/.test(cells[i + 1]?.trim() ?? '')) rest += `,${cells[++i]!.trim()}`;
    }
    if (open.raw === undefined && /\d/.test(rest) && amountOf(rest, 'CLF', decimal) !== undefined) open.raw = rest;
  }
  close();
  return out;
}

/** `raw` as an amount of `currency` (CLF, four decimals: any amount at all), or undefined. */
function amountOf(raw: string, currency: string, decimal: '.' | ','): ParsedAmount | undefined {
  try {
    return parseAmount(raw, { currency, decimal });
  } catch {
    return undefined;
  }
}

/** Whether a record is a balance line: its first filled cell starts with balance words. */
export function looksLikeBalanceLine(cells: readonly string[]): boolean {
  const first = cells.find((c) => c.trim() !== '');
  return first !== undefined && KEY.test(first.trim());
}

/** The rows' range and currency, for dating and pricing statement balances. */
class RowRange {
  min: string | undefined;
  max: string | undefined;
  currencies = new Set<string>();
  sum = 0;

  see(row: NormalizedRow): void {
    if (this.min === undefined || row.date < this.min) this.min = row.date;
    if (this.max === undefined || row.date > this.max) this.max = row.date;
    this.currencies.add(row.currency);
    this.sum += row.amount;
  }

  /** The rows' one currency (a file of several says nothing of a balance's). */
  currency(): string | undefined {
    return this.currencies.size === 1 ? [...this.currencies][0] : undefined;
  }
}

/** Balance lines of a file's preamble and footer, and the rows' range they are dated by. */
export class StatementLines {
  private readonly stated: Stated[] = [];
  private readonly range = new RowRange();

  constructor(private readonly decimal: '.' | ',', private readonly delimiter: string) {}

  /** A line's cells; true when it stated a balance (it is then no row). */
  line(cells: readonly string[], line: number): boolean {
    const found = balancesInLine(cells, line, this.decimal, this.delimiter);
    this.stated.push(...found);
    return found.length > 0;
  }

  row(row: NormalizedRow): void {
    this.range.see(row);
  }

  /**
   * The balance events, once the rows are read. `issuerViewPossible` (a card layout): balances that
   * move against the rows (closing − opening = −their sum) are the issuer's view and negated.
   */
  events(dateOf: DateOf, issuerViewPossible = false): ReaderEvent[] {
    const { min, max } = this.range;
    const rowCurrency = this.range.currency();
    if (min === undefined || max === undefined || rowCurrency === undefined) return [];
    // In the rows' currency: a code written beside the amount is the statement's, which the rows are in (or were given by default).
    const read = this.stated.flatMap((s) => {
      const amount = amountOf(s.raw, rowCurrency, this.decimal);
      return amount ? [{ ...s, amount: amount.minor, currency: rowCurrency }] : [];
    });
    const opening = read.find((s) => s.side === 'opening');
    const closing = read.find((s) => s.side === 'closing');
    const negate = issuerViewPossible && opening !== undefined && closing !== undefined && this.range.sum !== 0 &&
      closing.amount - opening.amount === -this.range.sum;
    const seen = new Set<string>();
    return read.flatMap((s): ReaderEvent[] => {
      const named = s.date === undefined ? undefined : isoDate(s.date, dateOf);
      if (s.date !== undefined && named === undefined) return [];
      const base = { line: s.line, amount: negate ? -s.amount || 0 : s.amount, currency: s.currency };
      let balance: StatementBalance;
      if (s.side === 'opening') balance = { ...base, kind: 'opening', date: addDays(named ?? min, -1) };
      else if (s.side === 'closing') balance = { ...base, kind: 'closing', date: named ?? max };
      else if (named !== undefined && named < min) balance = { ...base, kind: 'opening', date: named };
      else if (named !== undefined && named >= max) balance = { ...base, kind: 'closing', date: named };
      else return []; // "balance on D" inside the rows' range: before or after that day's rows, it does not say
      const key = `${balance.kind}|${balance.date}|${balance.amount}|${balance.currency}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ type: 'balance', balance }];
    });
  }
}

const OPENING_COLUMN =
  /^(?:(?:initial|opening|start|starting|beginning|previous) balance|saldo (?:inicial|iniziale|anterior)|anfangssaldo|solde (?:initial|de début)|ancien solde|期初余额|上期余额|beginsaldo)$/iu;
const CLOSING_COLUMN =
  /^(?:(?:final|closing|end|ending|new) balance|saldo (?:final|finale)|endsaldo|solde (?:final|de fin)|nouveau solde|期末余额|本期余额|eindsaldo)$/iu;
const START_COLUMN =
  /^(?:(?:initial|start|opening|from|period start|statement start) date|(?:period|statement) (?:start|from|begin)|fecha (?:inicial|inicio)|date de début|anfangsdatum|data iniziale)$/iu;
const END_COLUMN =
  /^(?:(?:final|end|closing|to|period end|statement end) date|(?:period|statement) (?:end|to)|fecha (?:final|fin)|date de fin|enddatum|data finale)$/iu;

interface Statement {
  line: number;
  opening: string;
  closing: string;
  start: string;
  end: string;
  range: RowRange;
}

/**
 * Statement balance columns repeated on every row (a flattened statement): the rows with the same
 * opening, closing and period cells are one statement, with one opening balance (the day before
 * its period's start date column, else before its first row) and one closing balance (its period's
 * end date column, else its last row's date).
 */
export class StatementColumns {
  private readonly statements = new Map<string, Statement>();

  private constructor(
    private readonly decimal: '.' | ',',
    private readonly opening: number | undefined,
    private readonly closing: number | undefined,
    private readonly start: number | undefined,
    private readonly end: number | undefined,
  ) {}

  /** The header's statement balance columns (each found once), if it has any. */
  static of(header: readonly string[] | undefined, decimal: '.' | ','): StatementColumns | undefined {
    if (!header) return undefined;
    const find = (re: RegExp): number | undefined => {
      const found = header.flatMap((h, i) => (re.test(h.trim().replace(/[_\s]+/g, ' ')) ? [i] : []));
      return found.length === 1 ? found[0] : undefined;
    };
    const opening = find(OPENING_COLUMN);
    const closing = find(CLOSING_COLUMN);
    if (opening === undefined && closing === undefined) return undefined;
    return new StatementColumns(decimal, opening, closing, find(START_COLUMN), find(END_COLUMN));
  }

  see(row: NormalizedRow, cells: readonly string[]): void {
    const cell = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
    const s = { opening: cell(this.opening), closing: cell(this.closing), start: cell(this.start), end: cell(this.end) };
    const key = [row.currency, s.opening, s.closing, s.start, s.end].join('\u0000');
    let statement = this.statements.get(key);
    if (!statement) {
      statement = { line: row.line, ...s, range: new RowRange() };
      this.statements.set(key, statement);
    }
    statement.range.see(row);
  }

  events(dateOf: DateOf): ReaderEvent[] {
    const seen = new Set<string>();
    const out: ReaderEvent[] = [];
    const add = (balance: StatementBalance) => {
      const key = `${balance.kind}|${balance.date}|${balance.amount}|${balance.currency}`;
      if (!seen.has(key)) out.push({ type: 'balance', balance });
      seen.add(key);
    };
    for (const s of this.statements.values()) {
      const currency = s.range.currency();
      if (currency === undefined || s.range.min === undefined || s.range.max === undefined) continue;
      const start = s.start === '' ? undefined : isoDate(s.start, dateOf);
      const end = s.end === '' ? undefined : isoDate(s.end, dateOf);
      const opening = s.opening === '' ? undefined : amountOf(s.opening, currency, this.decimal);
      const closing = s.closing === '' ? undefined : amountOf(s.closing, currency, this.decimal);
      // A period that does not cover all its rows is widened to them.
      const first = start !== undefined && start < s.range.min ? start : s.range.min;
      const last = end !== undefined && end > s.range.max ? end : s.range.max;
      if (opening) add({ kind: 'opening', line: s.line, date: addDays(first, -1), amount: opening.minor, currency });
      if (closing) add({ kind: 'closing', line: s.line, date: last, amount: closing.minor, currency });
    }
    return out;
  }
}
