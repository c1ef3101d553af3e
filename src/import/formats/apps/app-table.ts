/**
 * Moving in from the Chinese bookkeeping apps (随手记, 钱迹, 挖财): their exports are tables — one
 * CSV, or a workbook with a sheet per kind (支出/收入/转账) — whose rows name their own account,
 * the other account of a transfer, a category and subcategory, notes and tags. One app is an
 * `AppSpec` (the header that identifies it, its column names, its type words); `readAppFile` turns
 * a file into `MoveInRow`s, `appReader` gives the `Reader` that identifies it. Pure.
 */
import type { Kind } from '../../../core/types.js';
import { PocketbookError } from '../../../core/errors.js';
import type { Detection, ParseContext, Reader, ReaderEvent, Sniff, Source } from '../../types.js';
import { currencyOf, fromSheet, headerIndex, magnitude, parseCsv, Row, type GridRow } from '../china/grid.js';
import { fullDate } from '../china/layout.js';
import { isOle2, readXls, xlsSheets } from '../china/xls.js';
import { isZip, readXlsxSheet, xlsxSheets } from '../china/xlsx.js';
import { tMoveIn as t } from '../../../core/messages/movein.js';

/** What a row of an app's export says it is. */
export type MoveInType = 'expense' | 'income' | 'transfer' | 'refund';

/** A row of an app's export, as the app meant it. `amount` is the magnitude: the type gives the direction. */
export interface MoveInRow {
  line: number;
  /** The workbook sheet the row is on (none for CSV). */
  sheet?: string;
  date: string;
  time?: string;
  type: MoveInType;
  amount: number;
  currency: string;
  account: string;
  /** The account a transfer goes to. */
  toAccount?: string;
  category?: string;
  subcategory?: string;
  merchant?: string;
  note?: string;
  tags: string[];
  /** Other columns worth keeping as notes: `成员: 爸爸`, `项目: 装修`, `已报销: 是`. */
  extras: string[];
  /** A fee the app recorded on a transfer (钱迹 手续费), minor units. */
  fee?: number;
}

/** Column names of one app (each field: the names it goes by, first found wins). */
export interface AppColumns {
  type?: readonly string[];
  date: readonly string[];
  category: readonly string[];
  subcategory: readonly string[];
  account: readonly string[];
  toAccount: readonly string[];
  amount: readonly string[];
  currency: readonly string[];
  merchant: readonly string[];
  note: readonly string[];
  tags: readonly string[];
  fee?: readonly string[];
  /** A reimbursement column (报销, 已报销): a yes there tags the row `报销`. */
  reimbursed?: readonly string[];
  /** Kept as `name: value` notes. */
  extras: readonly string[];
}

export interface AppSpec {
  id: string;
  describe: string;
  /** Cells a header row must all hold for the file to be this app's. */
  header: readonly string[];
  columns: AppColumns;
  /** Type words (交易类型/类型 cells, or sheet names when a sheet has no type column) → what they are; 'skip' = not money moved. */
  types: Readonly<Record<string, MoveInType | 'skip'>>;
}

/** A sheet (or the CSV) as grid rows. */
interface Table {
  sheet?: string;
  rows: GridRow[];
}

const HEADER_ROWS = 30;

function headerAt(rows: readonly GridRow[], names: readonly string[]): number {
  return rows.slice(0, HEADER_ROWS).findIndex((r) => names.every((n) => r.cells.includes(n)));
}

/** The file's tables: the CSV, or every sheet of a workbook. */
function tablesOf(bytes: Buffer, text: string, binary: boolean): Table[] {
  if (!binary) return [{ rows: parseCsv(text) }];
  if (isZip(bytes)) return xlsxSheets(bytes).map((s, index) => ({ sheet: s.name, rows: fromSheet(readXlsxSheet(bytes, { index }).grid) }));
  if (isOle2(bytes)) return xlsSheets(bytes).map((s, index) => ({ sheet: s.name, rows: fromSheet(readXls(bytes, index)) }));
  return [];
}

/** A detection score for the head of a file: above the bank and wallet layouts (60 + 2 per header cell, + 20 for a title). */
export function detectApp(spec: AppSpec, sniff: Sniff): Detection {
  const miss: Detection = { score: 0 };
  let rows: GridRow[] | undefined;
  try {
    if (sniff.encoding !== 'binary') rows = parseCsv(sniff.text, HEADER_ROWS);
    else if (isZip(sniff.head)) rows = fromSheet(readXlsxSheet(sniff.head, { prefix: true }).grid).slice(0, HEADER_ROWS);
    else if (isOle2(sniff.head)) rows = fromSheet(readXls(sniff.head)).slice(0, HEADER_ROWS);
  } catch {
    rows = undefined; // a head cut short inside the workbook: the header strings are still in it
  }
  const found = rows ? headerAt(rows, spec.header) >= 0 : sniff.encoding === 'binary' && isOle2(sniff.head) && spec.header.every((n) => sniff.head.includes(Buffer.from(n, 'utf16le')));
  return found ? { score: 100 + spec.header.length * 2, profile: spec.id } : miss;
}

const firstOf = (index: ReadonlyMap<string, number>, names: readonly string[] | undefined): string | undefined => names?.find((n) => index.has(n));

const bad = (file: string, line: number, sheet: string | undefined, message: string, hint?: string) =>
  new PocketbookError('BAD_INPUT', sheet ? t('onSheet', { sheet, message }) : message, { location: { file, line }, ...(hint ? { hint } : {}) });

/** A date cell: text (`2026-09-03 12:30:00`, `2026/9/3`) or a spreadsheet date serial. */
function dateOf(cell: string): { date: string; time?: string } {
  if (/^\d{5}(\.\d+)?$/.test(cell)) {
    const iso = new Date(Date.UTC(1899, 11, 30) + Math.round(Number(cell) * 86_400) * 1000).toISOString();
    const time = iso.slice(11, 19);
    return { date: iso.slice(0, 10), ...(time !== '00:00:00' ? { time } : {}) };
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(cell);
  if (m) {
    const text = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    const parsed = fullDate(text);
    return m[4] ? { ...parsed, time: `${m[4].padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}` } : parsed;
  }
  return fullDate(cell);
}

/** One sheet's rows (the sheet's name gives the type when it has no type column, as 挖财's do), and the rows left out. */
function readTable(spec: AppSpec, table: Table, ctx: ParseContext): { rows: MoveInRow[]; skipped: { line: number; reason: string }[] } {
  const file = ctx.fileName;
  const c = spec.columns;
  const rows: MoveInRow[] = [];
  const skipped: { line: number; reason: string }[] = [];
  const at = table.rows.slice(0, HEADER_ROWS).findIndex((r) => c.date.some((n) => r.cells.includes(n)) && c.amount.some((n) => r.cells.includes(n)));
  if (at < 0) return { rows, skipped };
  const index = headerIndex(table.rows[at]!.cells);
  const col = (names: readonly string[] | undefined) => firstOf(index, names);
  const typeCol = col(c.type);
  const sheetType = table.sheet !== undefined ? spec.types[table.sheet] : undefined;
  if (!typeCol && !sheetType) throw bad(file, table.rows[at]!.line, table.sheet, t('noTypeColumn', { names: (c.type ?? []).join('/') }), t('noTypeHint', { name: c.type?.[0] ?? '' }));
  const [dateCol, amountCol] = [col(c.date)!, col(c.amount)!];
  for (const g of table.rows.slice(at + 1)) {
    const row = new Row(g.line, g.cells, index);
    if (row.filled() === 0) continue;
    const fail = (message: string) => bad(file, g.line, table.sheet, message);
    const word = typeCol ? row.get(typeCol) : table.sheet!;
    const type = spec.types[word];
    if (type === undefined) throw fail(t('unknownType', { value: word, known: Object.keys(spec.types).join('、') }));
    if (type === 'skip') {
      skipped.push({ line: g.line, reason: t('skipType', { value: word }) });
      continue;
    }
    let when: { date: string; time?: string };
    try {
      when = dateOf(row.get(dateCol));
    } catch {
      throw fail(t('badDate', { value: row.get(dateCol) }));
    }
    const currency = currencyOf(row.get(col(c.currency) ?? '')) ?? 'CNY';
    const amount = amountOf(row.get(amountCol), currency, fail);
    const account = row.get(col(c.account) ?? '');
    if (account === '') throw fail(t('noAccount'));
    const toAccount = row.get(col(c.toAccount) ?? '');
    if (type === 'transfer' && toAccount === '') throw fail(t('noToAccount'));
    const feeCell = row.get(col(c.fee) ?? '');
    const fee = feeCell === '' ? 0 : amountOf(feeCell, currency, fail);
    const text = (names: readonly string[]) => row.get(col(names) ?? '') || undefined;
    rows.push({
      line: g.line, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}), ...when, type, amount, currency, account,
      ...(type === 'transfer' ? { toAccount } : {}),
      ...optional({ category: text(c.category), subcategory: text(c.subcategory), merchant: text(c.merchant), note: text(c.note) }),
      tags: tagsOf(text(c.tags), text(c.reimbursed ?? [])),
      extras: [...(c.reimbursed ?? []), ...c.extras].flatMap((name) => (row.get(name) !== '' ? [`${name}: ${row.get(name)}`] : [])),
      ...(fee > 0 ? { fee } : {}),
    });
  }
  return { rows, skipped };
}

const YES = /^(是|已报销|已|y|yes|true|1)$/i;

/** The tags cell split at spaces, commas and `#`, plus `报销` when the reimbursement column says yes. */
function tagsOf(cell: string | undefined, reimbursed: string | undefined): string[] {
  const tags = (cell ?? '').split(/[\s,，;；#]+/).filter(Boolean);
  if (reimbursed !== undefined && YES.test(reimbursed) && !tags.includes('报销')) tags.push('报销');
  return tags;
}

function amountOf(cell: string, currency: string, fail: (m: string) => Error): number {
  try {
    const { minor } = magnitude(cell, currency);
    if (cell.trim() === '' || !Number.isSafeInteger(minor)) throw new Error();
    return minor;
  } catch {
    throw fail(t('badAmount', { value: cell }));
  }
}

function optional<T extends Record<string, string | undefined>>(fields: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, string>>;
}

/** Every row of an app's export (all sheets), and the rows left out (balance changes and the like). */
export async function readAppFile(spec: AppSpec, source: Source, ctx: ParseContext): Promise<{ rows: MoveInRow[]; skipped: { line: number; reason: string }[] }> {
  const binary = source.encoding === 'binary';
  const bytes = binary ? await source.readBytes() : Buffer.alloc(0);
  const tables = tablesOf(bytes, binary ? '' : await source.readText(), binary);
  const all = tables.map((table) => readTable(spec, table, ctx));
  return { rows: all.flatMap((a) => a.rows), skipped: all.flatMap((a) => a.skipped) };
}

/** The ledger kind and signed amount of a row's own leg. */
export function legOf(row: MoveInRow): { kind: Kind; amount: number } {
  if (row.type === 'expense') return { kind: 'expense', amount: -row.amount };
  if (row.type === 'transfer') return { kind: 'transfer', amount: -row.amount };
  return { kind: row.type, amount: row.amount };
}

/** The Reader of one app: identified by its header; its rows as ordinary reader events (the import takes the move-in path). */
export function appReader(spec: AppSpec): Reader & { app: AppSpec } {
  return {
    id: spec.id,
    describe: spec.describe,
    app: spec,
    detect: (sniff) => detectApp(spec, sniff),
    async *read(source: Source, ctx: ParseContext): AsyncIterable<ReaderEvent> {
      const { rows, skipped } = await readAppFile(spec, source, ctx);
      for (const s of skipped) yield { type: 'skip', skipped: s };
      for (const r of rows) {
        const { kind, amount } = legOf(r);
        yield { type: 'row', row: { line: r.line, date: r.date, amount, currency: r.currency, description: r.merchant ?? r.note ?? r.subcategory ?? r.category ?? '', kind, account: { name: r.account } } };
      }
    },
  };
}

/** The app a reader reads, if it is one of the moving-in readers. */
export function appOf(reader: Reader): AppSpec | undefined {
  return (reader as Partial<{ app: AppSpec }>).app;
}
