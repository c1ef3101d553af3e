/**
 * One profile compiled against one header: column indexes resolved, patterns and formats
 * compiled once, so turning a row of cells into a NormalizedRow is cheap. Pure.
 */
import { PocketbookError } from '../../core/errors.js';
import { parseAmount, type ParsedAmount } from '../../core/money.js';
import { inferDateFormat, parseDate } from '../../core/dates.js';
import type { AccountHint, Channel, NormalizedRow } from '../../core/types.js';
import type { ColumnRef, Profile } from '../profile.js';
import { missingColumns, regex, resolveColumn } from './csv-header.js';

export type RowOutcome =
  | { type: 'row'; row: NormalizedRow }
  | { type: 'skip'; reason: string }
  | { type: 'ignore' }
  | { type: 'stop' };

export interface RowContext {
  defaultCurrency: string;
  today: string;
}

const FOOTER_WORDS = /^(totals?|summe|gesamt|saldo|balance|opening balance|closing balance|合計|合计|总计|小計|小计)\b/iu;
const NUMERIC = /^[-+(]?[\s\d.,'()¥￥$€£]*\d[\s\d.,'()]*-?$/u;

/** A column reference that must exist, as an index, or an error naming it. */
function need(ref: ColumnRef, header: readonly string[] | undefined, line: number): number {
  const index = resolveColumn(ref, header);
  if (index === undefined) {
    throw new PocketbookError('CSV_COLUMN', `the header has no column "${ref}"`, {
      location: { line },
      hint: header ? `columns are: ${header.join(', ')}` : 'use 0-based column numbers for a file without a header',
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

/** Compile `profile` for a file whose header row is `header` (undefined when headerless) at `headerLine`. */
export function compileLayout(
  profile: Profile,
  header: string[] | undefined,
  headerLine: number,
  ctx: RowContext,
  dateSamples: readonly string[] = [],
) {
  if (header) {
    const missing = missingColumns(profile, header);
    if (missing.length > 0) need(missing[0]!, header, headerLine);
  }
  const c = profile.columns;
  const date = need(c.date, header, headerLine);
  const time = optional(c.time, header);
  const descriptions = (Array.isArray(c.description) ? c.description : [c.description])
    .map((ref) => optional(ref, header))
    .filter((i) => i >= 0);
  const amount = optional(c.amount, header);
  const debit = optional(c.debit, header);
  const credit = optional(c.credit, header);
  const fee = optional(c.fee, header);
  const currencyCol = optional(c.currency, header);
  const externalId = optional(c.external_id, header);
  const channel = optional(c.channel, header);
  const status = optional(c.status, header);
  const account = optional(c.account, header);
  const direction = c.direction ? { index: need(c.direction.column, header, headerLine), rule: c.direction } : undefined;
  if (amount < 0 && debit < 0 && credit < 0) {
    throw new PocketbookError('PROFILE', `profile "${profile.name}" has no amount, debit or credit column`, { location: { line: headerLine } });
  }
  const lower = (xs: readonly string[] | undefined) => new Set((xs ?? []).map((x) => x.trim().toLowerCase()));
  const outSet = lower(direction?.rule.out);
  const inSet = lower(direction?.rule.in);
  const neitherSet = lower(direction?.rule.neither);
  const skipStatus = lower(profile.skip_status);
  const ignoreRows = (profile.ignore_rows ?? []).map(regex);
  const stopAt = (profile.stop_at ?? []).map(regex);
  const delimiter = profile.delimiter ?? ',';
  const decimal = profile.decimal ?? '.';
  const invert = profile.amount_sign === 'invert';
  const fixedCurrency = profile.currency ?? ctx.defaultCurrency;
  const extraFrom = profile.extra_cells === 'description' && header ? header.length : -1;
  let dateFormat = profile.date_format;
  const yearless = dateFormat !== undefined && !/Y/.test(dateFormat);
  const todayYear = Number(ctx.today.slice(0, 4));
  let lastHintKey: string | undefined;
  let lastHint: AccountHint | undefined;

  const fail = (code: 'CSV_AMOUNT' | 'CSV_DATE', err: unknown, line: number, column: string): never => {
    if (err instanceof PocketbookError) {
      throw new PocketbookError(code, `${column}: ${err.message}`, { hint: err.hint, location: { line } });
    }
    throw err;
  };

  const money = (raw: string, currency: string, line: number, column: string): ParsedAmount => {
    try {
      return parseAmount(raw, { currency, decimal });
    } catch (err) {
      return fail('CSV_AMOUNT', err, line, column);
    }
  };

  const joined = (cells: readonly string[]) => cells.join(delimiter);

  const isFooter = (cells: readonly string[], dateCell: string): boolean => {
    const filled = cells.filter((x) => x !== '');
    if (dateCell === '' && filled.length > 0 && filled.every((x) => NUMERIC.test(x))) return true;
    return filled.length > 0 && FOOTER_WORDS.test(filled[0]!);
  };

  const readDate = (raw: string, line: number): { date: string; time?: string } => {
    if (dateFormat === undefined) {
      const inferred = inferDateFormat([raw, ...dateSamples]);
      if (!('format' in inferred)) {
        const fits = inferred.candidates.length > 0 ? ` (it reads as ${inferred.candidates.join(' or ')})` : '';
        throw new PocketbookError('CSV_DATE', `cannot tell the date format of "${raw}"${fits}`, {
          location: { line },
          hint: 'set date_format in the profile (e.g. DD/MM/YYYY or MM/DD/YYYY)',
        });
      }
      dateFormat = inferred.format;
    }
    try {
      if (!yearless) return parseDate(raw, dateFormat);
      const parsed = parseDate(raw, dateFormat, todayYear);
      return parsed.date > ctx.today ? parseDate(raw, dateFormat, todayYear - 1) : parsed;
    } catch (err) {
      return fail('CSV_DATE', err, line, 'date');
    }
  };

  const signedAmount = (cells: readonly string[], currency: string, line: number): { minor: number; currency?: string; neutral?: boolean } => {
    if (direction) {
      const raw = cells[amount] ?? '';
      const parsed = money(raw, currency, line, 'amount');
      const flag = (cells[direction.index] ?? '').trim().toLowerCase();
      const magnitude = Math.abs(parsed.minor);
      if (outSet.has(flag)) return { ...parsed, minor: -magnitude };
      if (inSet.has(flag)) {
        if (parsed.minor < 0) {
          throw new PocketbookError('CSV_AMOUNT', `amount "${raw.trim()}" is negative but the direction column says "${flag}" (money in)`, {
            location: { line },
            hint: 'the printed sign contradicts the direction column; check the export',
          });
        }
        return { ...parsed, minor: magnitude };
      }
      if (neitherSet.has(flag)) return { ...parsed, neutral: true };
      throw new PocketbookError('CSV_AMOUNT', `direction "${flag}" is none of ${[...outSet, ...inSet, ...neitherSet].join(', ')}`, {
        location: { line },
        hint: 'add it to the profile\'s direction rule',
      });
    }
    if (amount >= 0) {
      const parsed = money(cells[amount] ?? '', currency, line, 'amount');
      if (fee >= 0 && (cells[fee] ?? '') !== '') parsed.minor -= money(cells[fee]!, currency, line, 'fee').minor;
      return parsed;
    }
    const out = debit >= 0 ? (cells[debit] ?? '') : '';
    const into = credit >= 0 ? (cells[credit] ?? '') : '';
    if (out === '' && into === '') {
      throw new PocketbookError('CSV_AMOUNT', 'has neither a debit nor a credit amount', { location: { line } });
    }
    const o = out === '' ? undefined : money(out, currency, line, 'debit');
    const i = into === '' ? undefined : money(into, currency, line, 'credit');
    return { minor: Math.abs(i?.minor ?? 0) - Math.abs(o?.minor ?? 0), currency: i?.currency ?? o?.currency };
  };

  /** Turn one record (`line` = its first physical line) into an outcome. */
  const convert = (cells: string[], line: number): RowOutcome => {
    if (ignoreRows.length > 0 && ignoreRows.some((re) => re.test(joined(cells)))) return { type: 'ignore' };
    if (stopAt.length > 0 && stopAt.some((re) => re.test(joined(cells)))) return { type: 'stop' };
    const dateCell = (cells[date] ?? '').trim();
    if (dateCell === '' || !/\d/.test(dateCell)) {
      if (isFooter(cells, dateCell)) return { type: 'stop' };
    }
    if (status >= 0 && skipStatus.size > 0) {
      const value = (cells[status] ?? '').trim();
      if (skipStatus.has(value.toLowerCase())) return { type: 'skip', reason: `status "${value}"` };
    }
    let parsedDate: { date: string; time?: string };
    try {
      parsedDate = readDate(time >= 0 && cells[time] ? `${dateCell} ${cells[time]!.trim()}` : dateCell, line);
    } catch (err) {
      if (isFooter(cells, dateCell)) return { type: 'stop' };
      throw err;
    }
    const columnCurrency = currencyCol >= 0 ? (cells[currencyCol] ?? '').trim().toUpperCase() : '';
    let currency = /^[A-Z]{3}$/.test(columnCurrency) ? columnCurrency : fixedCurrency;
    let value = signedAmount(cells, currency, line);
    if (value.currency && value.currency !== currency && columnCurrency === '') {
      currency = value.currency;
      value = signedAmount(cells, currency, line);
    }
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
    const row: NormalizedRow = {
      line,
      date: parsedDate.date,
      amount: invert ? -value.minor || 0 : value.minor,
      currency,
      description,
    };
    if (parsedDate.time) row.time = parsedDate.time;
    if (value.neutral) row.kind = 'transfer';
    if (externalId >= 0 && (cells[externalId] ?? '').trim() !== '') row.externalId = cells[externalId]!.trim();
    if (channel >= 0) {
      const ch = channelOf(cells[channel] ?? '');
      if (ch) row.channel = ch;
    }
    if (account >= 0) {
      const number = (cells[account] ?? '').replace(/[^0-9A-Za-z*]/g, '');
      if (number !== '') {
        if (number !== lastHintKey) {
          lastHintKey = number;
          // The statement's currency only when the profile states one: a row's own currency (a card's
          // foreign purchase) or the default says nothing about which account it is.
          lastHint = { number, ...(profile.account_type ? { type: profile.account_type } : {}), ...(profile.currency ? { currency: profile.currency } : {}) };
        }
        row.account = lastHint;
      }
    }
    return { type: 'row', row };
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
