/**
 * One profile compiled against one header: column indexes resolved, patterns and formats
 * compiled once, so turning a row of cells into a NormalizedRow is cheap. Pure.
 */
import { PocketbookError } from '../../core/errors.js';
import { dateOrderQuestion, formatHasYear, inferDateFormat, parseDate, parseYearlessDate } from '../../core/dates.js';
import type { AccountHint, Channel, NormalizedRow } from '../../core/types.js';
import type { ColumnRef, Profile } from '../profile.js';
import { type AmountColumns, amountReader, lowerCaseSet, throwAtCell } from './csv-amount.js';
import { missingColumns, regex, resolveColumn } from './csv-header.js';
import { isBalanceLabel, isPendingWord, nonTransactionReason } from './row-status.js';
import { tErrorsImport as tI } from '../../core/messages/errors-import.js';

export type RowOutcome =
  | { type: 'row'; row: NormalizedRow; rounded?: true }
  | { type: 'skip'; reason: string }
  | { type: 'ignore' }
  | { type: 'stop' };

export interface RowContext {
  defaultCurrency: string;
  today: string;
  /**
   * For dates printed without a year: an ISO date no row comes after (the statement period's end,
   * from its preamble or file name). Today when absent.
   */
  yearAnchor?: string;
}

const FOOTER_WORDS = /^(totals?|summe|gesamt|saldo|balance|opening balance|closing balance|合計|合计|总计|小計|小计)\b/iu;
const NUMERIC = /^[-+(]?[\s\d.,'()¥￥$€£]*\d[\s\d.,'()]*-?$/u;

/** A column reference that must exist, as an index, or an error naming it. */
function need(ref: ColumnRef, header: readonly string[] | undefined, line: number): number {
  const index = resolveColumn(ref, header);
  if (index === undefined) {
    throw new PocketbookError('CSV_COLUMN', tI('noColumn', { ref }), {
      location: { line },
      hint: header ? tI('columnsAre', { columns: header.join(', ') }) : tI('headerlessColumns'),
    });
  }
  return index;
}

function optional(ref: ColumnRef | null | undefined, header: readonly string[] | undefined): number {
  return ref === undefined || ref === null ? -1 : (resolveColumn(ref, header) ?? -1);
}

const CHANNEL_WORDS: [RegExp, Channel][] = [
  [/atm|automat|geldautomat|ＡＴＭ|cash withdrawal/i, 'atm'],
  [/direct debit|lastschrift|incasso|prélèvement|口座振替|ach_debit/i, 'direct_debit'],
  [/transfer|überweisung|overboeking|virement|振込|振替|ach|sepa|wire|xfer/i, 'bank_transfer'],
  [/card|karte|kaart|carte|pos|カード|刷卡/i, 'card'],
  [/alipay|支付宝/i, 'alipay'],
  [/wechat|微信/i, 'wechat'],
  [/unionpay|银联/i, 'unionpay'],
  [/online|internet|web/i, 'online'],
  [/cash|bar|現金|现金/i, 'cash'],
];

function channelOf(raw: string): Channel | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  return CHANNEL_WORDS.find(([re]) => re.test(text))?.[1];
}

/** Where each of a layout's columns is in a record; -1 for one the layout (or a generic layout's file) lacks. */
interface LayoutColumns extends AmountColumns {
  date: number;
  time: number;
  descriptions: number[];
  currency: number;
  externalId: number;
  channel: number;
  status: number;
  account: number;
}

/** Resolve `profile`'s column references against `header`: a missing required column is CSV_COLUMN. */
function resolveLayoutColumns(profile: Profile, header: string[] | undefined, headerLine: number): LayoutColumns {
  if (header) {
    const missing = missingColumns(profile, header);
    if (missing.length > 0) need(missing[0]!, header, headerLine);
  }
  const c = profile.columns;
  const columns: LayoutColumns = {
    date: need(c.date, header, headerLine),
    time: optional(c.time, header),
    descriptions: (Array.isArray(c.description) ? c.description : [c.description])
      .map((ref) => optional(ref, header))
      .filter((i) => i >= 0),
    amount: optional(c.amount, header),
    debit: optional(c.debit, header),
    credit: optional(c.credit, header),
    fee: optional(c.fee, header),
    currency: optional(c.currency, header),
    externalId: optional(c.external_id, header),
    channel: optional(c.channel, header),
    status: optional(c.status, header),
    account: optional(c.account, header),
    direction: c.direction ? { index: need(c.direction.column, header, headerLine), rule: c.direction } : undefined,
  };
  if (columns.amount < 0 && columns.debit < 0 && columns.credit < 0) {
    throw new PocketbookError('PROFILE', tI('profileNoAmount', { name: profile.name }), { location: { line: headerLine } });
  }
  return columns;
}

type DateReader = (raw: string, line: number) => { date: string; time?: string };

/**
 * Reads date cells in `format`, or without one in the format inferred from the first cell read
 * (`samples` from further down the file settle day/month order), kept for the rest of the file.
 * A yearless format takes this year, or last year when that date would be after `today`.
 */
function dateReader(format: string | undefined, samples: readonly string[], anchor: string): DateReader {
  let dateFormat = format;
  return (raw, line) => {
    if (dateFormat === undefined) dateFormat = inferredDateFormat(raw, samples, line);
    try {
      return formatHasYear(dateFormat) ? parseDate(raw, dateFormat) : parseYearlessDate(raw, dateFormat, anchor);
    } catch (err) {
      return throwAtCell('CSV_DATE', err, line, 'date');
    }
  };
}

function inferredDateFormat(raw: string, samples: readonly string[], line: number): string {
  const inferred = inferDateFormat([raw, ...samples]);
  if ('format' in inferred) return inferred.format;
  const question = dateOrderQuestion(raw, inferred.candidates);
  throw new PocketbookError('CSV_DATE', question.message, { location: { line }, hint: question.hint });
}

function isFooter(cells: readonly string[], dateCell: string): boolean {
  const filled = cells.filter((x) => x !== '');
  if (dateCell === '' && filled.length > 0 && filled.every((x) => NUMERIC.test(x))) return true;
  return filled.length > 0 && FOOTER_WORDS.test(filled[0]!);
}

/** What becomes of a record before its date is read (ignored, end of data, skipped), or undefined: read it. */
type RecordScreen = (cells: readonly string[], dateCell: string) => RowOutcome | undefined;

/**
 * The profile's ignore_rows, stop_at and skip_status, footer lines (totals, a bare sum), and rows
 * that are no transaction in any layout: a pending status (in the status column or a whole cell)
 * and dated balance lines (`Opening balance`, `Saldo finale`, `承前残高`), skipped and counted.
 */
function recordScreen(profile: Profile, columns: LayoutColumns): RecordScreen {
  const ignoreRows = (profile.ignore_rows ?? []).map(regex);
  const stopAt = (profile.stop_at ?? []).map(regex);
  const skipStatus = lowerCaseSet(profile.skip_status);
  const { status } = columns;
  const amountCells = [columns.amount, columns.debit, columns.credit].filter((i) => i >= 0);
  const delimiter = profile.delimiter ?? ',';
  const joined = (cells: readonly string[]) => cells.join(delimiter);
  return (cells, dateCell) => {
    if (ignoreRows.length > 0 && ignoreRows.some((re) => re.test(joined(cells)))) return { type: 'ignore' };
    if (stopAt.length > 0 && stopAt.some((re) => re.test(joined(cells)))) return { type: 'stop' };
    const undated = dateCell === '' || !/\d/.test(dateCell);
    if (undated && isFooter(cells, dateCell)) return { type: 'stop' };
    if (status >= 0) {
      const value = (cells[status] ?? '').trim();
      if (skipStatus.size > 0 && skipStatus.has(value.toLowerCase())) return { type: 'skip', reason: `status "${value}"` };
      if (isPendingWord(value)) return { type: 'skip', reason: `pending ("${value}")` };
    }
    const amountless = amountCells.every((i) => (cells[i] ?? '').trim() === '');
    const reason = nonTransactionReason(cells, amountless);
    // Balance lines without a date of their own (`Endsaldo am 31.03.2026` in the date column) stay
    // with the footer/preamble logic: they state the statement's balances (csv-balances.ts).
    if (reason === undefined || (reason.startsWith('balance') && (undated || isBalanceLabel(dateCell)))) return undefined;
    return { type: 'skip', reason };
  };
}

/** The non-empty description cells, then (`extraFrom` >= 0) any cells past the header, joined by " / ". */
function describe(cells: readonly string[], descriptions: readonly number[], extraFrom: number): string {
  let description = '';
  for (const i of descriptions) {
    const part = (cells[i] ?? '').trim();
    if (part !== '') description = description === '' ? part : `${description} / ${part}`;
  }
  if (extraFrom >= 0) {
    for (let i = extraFrom; i < cells.length; i++) {
      const part = cells[i]!.trim();
      if (part !== '') description = description === '' ? part : `${description} / ${part}`;
    }
  }
  return description;
}

/**
 * The account hint of a record's card-number cell, or undefined when it is blank. Consecutive
 * rows of one card share one hint object, so the account resolver looks each card up once.
 */
function accountHintReader(profile: Profile, account: number): (cells: readonly string[]) => AccountHint | undefined {
  let lastHintKey: string | undefined;
  let lastHint: AccountHint | undefined;
  return (cells) => {
    const number = (cells[account] ?? '').replace(/[^0-9A-Za-z*]/g, '');
    if (number === '') return undefined;
    if (number !== lastHintKey) {
      lastHintKey = number;
      // The statement's currency only when the profile states one: a row's own currency (a card's
      // foreign purchase) or the default says nothing about which account it is.
      lastHint = { number, ...(profile.account_type ? { type: profile.account_type } : {}), ...(profile.currency ? { currency: profile.currency } : {}) };
    }
    return lastHint;
  };
}

/** Sets a row's external id, channel and account hint from the layout's columns for them, when given. */
function referenceFieldsWriter(profile: Profile, { externalId, channel, account }: LayoutColumns) {
  const accountHint = accountHintReader(profile, account);
  return (row: NormalizedRow, cells: readonly string[]): void => {
    if (externalId >= 0 && (cells[externalId] ?? '').trim() !== '') row.externalId = cells[externalId]!.trim();
    if (channel >= 0) {
      const ch = channelOf(cells[channel] ?? '');
      if (ch) row.channel = ch;
    }
    if (account >= 0) {
      const hint = accountHint(cells);
      if (hint) row.account = hint;
    }
  };
}

/**
 * Compile `profile` for a file whose header row is `header` (undefined when headerless) at
 * `headerLine`. Everything a row needs is resolved here, once: the returned converter runs for
 * every record of the file and creates no functions per record.
 */
export function compileLayout(
  profile: Profile,
  header: string[] | undefined,
  headerLine: number,
  ctx: RowContext,
  dateSamples: readonly string[] = [],
) {
  const columns = resolveLayoutColumns(profile, header, headerLine);
  const { date, time, descriptions, currency: currencyColumn } = columns;
  const signedAmount = amountReader(columns, profile.decimal ?? '.');
  const screen = recordScreen(profile, columns);
  const readDate = dateReader(profile.date_format, dateSamples, ctx.yearAnchor ?? ctx.today);
  const addReferenceFields = referenceFieldsWriter(profile, columns);
  const invert = profile.amount_sign === 'invert';
  const fixedCurrency = profile.currency ?? ctx.defaultCurrency;
  const extraFrom = profile.extra_cells === 'description' && header ? header.length : -1;

  /** Turn one record (`line` = its first physical line) into an outcome. */
  const convert = (cells: string[], line: number): RowOutcome => {
    const dateCell = (cells[date] ?? '').trim();
    const screened = screen(cells, dateCell);
    if (screened) return screened;
    let parsedDate: { date: string; time?: string };
    try {
      parsedDate = readDate(time >= 0 && cells[time] ? `${dateCell} ${cells[time]!.trim()}` : dateCell, line);
    } catch (err) {
      if (isFooter(cells, dateCell)) return { type: 'stop' };
      throw err;
    }
    // A currency printed beside the amount decides when the row has no currency cell of its own.
    const columnCurrency = currencyColumn >= 0 ? (cells[currencyColumn] ?? '').trim().toUpperCase() : '';
    let currency = /^[A-Z]{3}$/.test(columnCurrency) ? columnCurrency : fixedCurrency;
    let value = signedAmount(cells, currency, line);
    if (value.currency && value.currency !== currency && columnCurrency === '') {
      currency = value.currency;
      value = signedAmount(cells, currency, line);
    }
    const row: NormalizedRow = {
      line,
      date: parsedDate.date,
      amount: invert ? -value.minor || 0 : value.minor,
      currency,
      description: describe(cells, descriptions, extraFrom),
    };
    if (parsedDate.time) row.time = parsedDate.time;
    if (value.neutral) row.kind = 'transfer';
    addReferenceFields(row, cells);
    return value.rounded ? { type: 'row', row, rounded: true } : { type: 'row', row };
  };
  /** A date cell outside the rows (a balance line's) read as the rows' dates are, or undefined. */
  const dateOf = (raw: string): string | undefined => {
    try {
      return readDate(raw, 0).date;
    } catch {
      return undefined;
    }
  };
  return Object.assign(convert, { dateOf });
}

export type RowConverter = ReturnType<typeof compileLayout>;
