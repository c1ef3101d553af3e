/**
 * OTP Bank (Hungary) "Számlatörténet" workbooks (.xlsx): a few metadata rows (Számlaszám,
 * Lekérdezés kezdete …), then a header row with Számlaszám, Ellenoldali név, Közlemény,
 * Tranzakció időpontja, Könyvelés dátuma, Összeg, Devizanem … One sheet may hold several
 * accounts; each row names its own. Összeg is signed from the holder's view. The date is the
 * transaction time (a text timestamp or a real spreadsheet datetime); rows hidden in the sheet
 * (a netbank filter artifact) and rows without a Könyvelés dátuma (pending) are skipped. Pure.
 */
import { PocketbookError } from '../../../core/errors.js';
import { parseAmount } from '../../../core/money.js';
import { parseDate, type ParsedDate } from '../../../core/dates.js';
import type { AccountHint, NormalizedRow } from '../../../core/types.js';
import type { Detection, ParseContext, Reader, ReaderEvent, Sniff, Source } from '../../types.js';
import { isZip, readXlsxSheet, type XlsxSheet } from '../china/xlsx.js';
import { tErrorsFormats as tF } from '../../../core/messages/errors-formats.js';

const INSTITUTION = 'OTP Bank';
const COL = {
  account: 'számlaszám',
  partnerAccount: 'ellenoldali számlaszám',
  partner: 'ellenoldali név',
  type: 'forgalom típusa',
  memo: 'közlemény',
  category: 'tranzakció kategória',
  id: 'banki azonosító',
  time: 'tranzakció időpontja',
  booked: 'könyvelés dátuma',
  amount: 'összeg',
  currency: 'devizanem',
} as const;
/** The header cells that identify the layout; the others are optional. */
const REQUIRED = [COL.account, COL.partner, COL.time, COL.booked, COL.amount, COL.currency];
const HEADER_SEARCH_ROWS = 40;

const norm = (cell: string | undefined): string => (cell ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

interface Table {
  headerRow: number;
  index: Map<string, number>;
}

/** The header row and its columns by (normalized) name, or undefined when this is not the OTP layout. */
function findTable(grid: readonly string[][]): Table | undefined {
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    const index = new Map<string, number>();
    (grid[r] ?? []).forEach((c, i) => {
      const name = norm(c);
      if (name !== '' && !index.has(name)) index.set(name, i);
    });
    if (REQUIRED.every((name) => index.has(name))) return { headerRow: r, index };
  }
  return undefined;
}

export function detectOtp(sniff: Sniff): Detection {
  if (sniff.encoding !== 'binary' || !isZip(sniff.head)) return { score: 0 };
  try {
    const table = findTable(readXlsxSheet(sniff.head, { visibleOnly: true, prefix: true }).grid);
    return { score: table ? 100 : 0 };
  } catch {
    return { score: 0 }; // not a workbook, or a head cut short inside it
  }
}

function otpError(message: string, line: number, hint?: string): PocketbookError {
  return new PocketbookError('BAD_INPUT', message, { location: { line }, ...(hint ? { hint } : {}) });
}

/** An Excel date serial (days since 1899-12-30, or 1904-01-01) → date and time. */
function fromSerial(serial: number, date1904: boolean): ParsedDate {
  const seconds = Math.round(serial * 86_400);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const iso = new Date(epoch + seconds * 1000).toISOString();
  const time = iso.slice(11, 19);
  return { date: iso.slice(0, 10), ...(time !== '00:00:00' ? { time } : {}) };
}

/** Each also reads a trailing time (`2024-01-02 09:15:00`). */
const TEXT_FORMATS = ['YYYY-MM-DD', 'YYYY.MM.DD', 'YYYY/MM/DD'];

/** A date cell: a text timestamp (`2024-01-02 09:15:00`, `2024.01.02.`) or a numeric datetime. */
function dateCell(text: string, type: string | undefined, date1904: boolean, line: number, column: string): ParsedDate {
  const t = text.trim().replace(/^(\d{4}\.\d{2}\.\d{2})\./, '$1'); // `2024.01.02.` (Hungarian)
  if (type === 'n' && /^\d+(\.\d+)?$/.test(t)) return fromSerial(Number(t), date1904);
  for (const format of TEXT_FORMATS) {
    try {
      const parsed = parseDate(t, format);
      return parsed.time === '00:00:00' ? { date: parsed.date } : parsed;
    } catch {
      // try the next spelling
    }
  }
  throw otpError(tF('otpDate', { column, text: text.slice(0, 40) }), line, tF('otpDateHint'));
}

function amountCell(text: string, type: string | undefined, currency: string, line: number): number {
  const t = text.trim();
  // Numbers are stored with a decimal point; text cells may use the Hungarian decimal comma.
  const decimal = type !== 'n' && /,\d{1,2}$/.test(t) && !/\.\d{1,2}$/.test(t) ? ',' : '.';
  try {
    return parseAmount(t.replace(/\s/g, ''), { currency, decimal }).minor;
  } catch (err) {
    throw otpError(`Összeg ${(err as Error).message}`, line);
  }
}

/** Distinct non-empty parts joined by " / ". */
function describe(...parts: string[]): string {
  const seen: string[] = [];
  for (const p of parts.map((x) => x.replace(/\s+/g, ' ').trim())) if (p !== '' && !seen.includes(p)) seen.push(p);
  return seen.join(' / ');
}

/** Account numbers named in the metadata rows above the header (`Számlaszám | [1111-2222, 3333-4444]`). */
function preambleAccounts(grid: readonly string[][], headerRow: number): string[] {
  for (const row of grid.slice(0, headerRow)) {
    if (norm(row[0]) !== COL.account) continue;
    return (row.slice(1).join(' ').match(/\d[\d-]{6,}\d/g) ?? []).map((n) => n.trim());
  }
  return [];
}

/** All events of an OTP workbook's first visible sheet. Pure. */
export function parseOtp(sheet: XlsxSheet, ctx: Pick<ParseContext, 'defaultCurrency'>): ReaderEvent[] {
  const { grid, types, hiddenRows, date1904 } = sheet;
  const table = findTable(grid);
  if (!table) throw otpError(tF('otpNoHeader'), 1);
  const col = (name: string) => table.index.get(name);
  const events: ReaderEvent[] = [];
  const rows: NormalizedRow[] = [];
  for (let r = table.headerRow + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const cell = (name: string): string => {
      const i = col(name);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const typeOf = (name: string): string | undefined => {
      const i = col(name);
      return i === undefined ? undefined : types[r]?.[i];
    };
    if (cells.every((c) => c.trim() === '')) continue;
    const line = r + 1;
    if (hiddenRows.has(r)) {
      events.push({ type: 'skip', skipped: { line, reason: 'hidden row (filtered out in the workbook)' } });
      continue;
    }
    if (cell(COL.booked) === '') {
      events.push({ type: 'skip', skipped: { line, reason: 'not booked yet (no Könyvelés dátuma)' } });
      continue;
    }
    if (cell(COL.amount) === '') throw otpError(tF('otpNoAmount'), line);
    const when = cell(COL.time) !== ''
      ? dateCell(cell(COL.time), typeOf(COL.time), date1904, line, 'Tranzakció időpontja')
      : dateCell(cell(COL.booked), typeOf(COL.booked), date1904, line, 'Könyvelés dátuma');
    const named = cell(COL.currency).toUpperCase();
    const currency = /^[A-Z]{3}$/.test(named) ? named : ctx.defaultCurrency;
    const partner = cell(COL.partner);
    const number = cell(COL.account);
    const id = cell(COL.id);
    const row: NormalizedRow = {
      line,
      date: when.date,
      ...(when.time ? { time: when.time } : {}),
      amount: amountCell(cell(COL.amount), typeOf(COL.amount), currency, line),
      currency,
      description: describe(partner, cell(COL.memo)) || describe(cell(COL.type), cell(COL.partnerAccount)) || 'OTP transaction',
      ...(id ? { externalId: id } : {}),
      ...(partner ? { counterparty: partner } : {}),
      ...(cell(COL.category) ? { sourceCategory: cell(COL.category) } : {}),
      ...(number ? { account: { number, type: 'checking', institution: INSTITUTION, currency } } : {}),
    };
    rows.push(row);
    events.push({ type: 'row', row });
  }
  // Several accounts in one sheet: each row names its own and is filed by it; the statement
  // names the first, so an import without --account has an account to start from.
  const number = [...preambleAccounts(grid, table.headerRow), ...rows.flatMap((r) => (r.account?.number ? [r.account.number] : []))][0];
  const currencies = new Set(rows.map((r) => r.currency));
  const account: AccountHint = {
    type: 'checking',
    institution: INSTITUTION,
    currency: currencies.size === 1 ? [...currencies][0]! : 'HUF',
    ...(number ? { number } : {}),
  };
  return [{ type: 'statement', account }, ...events];
}

export const otpReader: Reader = {
  id: 'otp',
  describe: 'OTP Bank (Hungary) Számlatörténet workbooks (.xlsx)',
  detect: (sniff: Sniff) => detectOtp(sniff),
  async *read(source: Source, ctx: ParseContext) {
    let events: ReaderEvent[];
    try {
      events = parseOtp(readXlsxSheet(await source.readBytes(), { visibleOnly: true }), ctx);
    } catch (err) {
      throw err instanceof PocketbookError ? err.at({ file: ctx.fileName }) : err;
    }
    yield* events;
  },
};
