/**
 * Spreadsheets like CSV (issue 30 class 7): a worksheet of an .xlsx or .xls workbook (the one a
 * profile's `sheet:` names, else the first with data) becomes CSV text, one line per sheet row (so a line number is the sheet's row number), and goes
 * through the same built-in profiles, `--profile` files and layout inference as a CSV file. Date
 * cells stored as Excel serials under a date header become ISO dates. Pure.
 */
import { PocketbookError } from '../../core/errors.js';
import { tInfer } from '../../core/messages/import-infer.js';
import { isOle2 } from '../formats/china/cfb.js';
import { readXls, xlsSheets } from '../formats/china/xls.js';
import { isZip, readXlsxSheet, xlsxSheets } from '../formats/china/xlsx.js';
import type { Source } from '../types.js';
import { HEADER, headerKey } from './words.js';

export function isWorkbook(bytes: Buffer): boolean {
  return isZip(bytes) || isOle2(bytes);
}

/** The sheet chosen: its cells, whether it counts dates from 1904, its name and its 0-based place among the tabs. */
export interface ChosenSheet {
  grid: string[][];
  date1904: boolean;
  name: string;
  index: number;
}

/** The cells of the sheet at `index` of the tab list; `prefix`: a head read to detect. */
function sheetAt(bytes: Buffer, prefix: boolean, index: number): { grid: string[][]; date1904: boolean } {
  if (isZip(bytes)) {
    const sheet = readXlsxSheet(bytes, { visibleOnly: true, prefix, index });
    return { grid: sheet.grid, date1904: sheet.date1904 };
  }
  return { grid: readXls(bytes, index), date1904: false };
}

const hasData = (grid: readonly string[][]): boolean => grid.some((row) => (row ?? []).some((c) => (c ?? '').trim() !== ''));

/**
 * The sheet `wanted` names (a name, else its number counted from 1); without one, the first
 * visible sheet with data. An unknown sheet: one line listing the sheets there are.
 */
export function chooseSheet(bytes: Buffer, prefix: boolean, wanted?: string | number): ChosenSheet {
  const sheets = isZip(bytes) ? xlsxSheets(bytes, prefix) : xlsSheets(bytes);
  const at = (index: number): ChosenSheet => ({ ...sheetAt(bytes, prefix, index), name: sheets[index]?.name ?? '', index });
  if (wanted !== undefined) {
    const name = String(wanted).trim();
    let index = sheets.findIndex((s) => s.name === name);
    if (index < 0) index = sheets.findIndex((s) => s.name.trim().toLowerCase() === name.toLowerCase());
    if (index < 0 && /^\d+$/.test(name) && Number(name) >= 1 && Number(name) <= sheets.length) index = Number(name) - 1;
    if (index < 0) {
      const list = sheets.map((s, i) => `${i + 1} "${s.name}"`).join(', ');
      throw new PocketbookError('PROFILE', tInfer('sheetUnknown', { sheet: name, sheets: list || tInfer('noneSaved') }), { hint: tInfer('sheetHint') });
    }
    return at(index);
  }
  const visible = sheets.flatMap((s, i) => (s.hidden ? [] : [i]));
  let first: ChosenSheet | undefined;
  for (const index of visible.length > 0 ? visible : [0]) {
    const sheet = at(index);
    if (hasData(sheet.grid)) return sheet;
    first ??= sheet;
  }
  return first!;
}

function isoOfSerial(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400) * 1000).toISOString().slice(0, 19).replace('T', ' ').replace(/ 00:00:00$/, '');
}

/** Columns (per header row) holding date serials: a date header word and numbers in the range of the years 1955–2119. */
function serialColumns(grid: readonly string[][]): Map<number, Set<number>> {
  const found = new Map<number, Set<number>>();
  grid.forEach((row, r) => {
    const dates = new Set(row.flatMap((cell, c) => (HEADER.date.test(headerKey(cell ?? '')) || HEADER.valueDate.test(headerKey(cell ?? '')) ? [c] : [])));
    if (dates.size > 0) found.set(r, dates);
  });
  return found;
}

const quote = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/[\r\n]+/g, ' ').replace(/"/g, '""')}"` : cell);

/** The sheet (`sheet:`, else the first with data) as CSV text (comma-separated, one line per row). */
export function workbookCsv(bytes: Buffer, prefix = false, sheet?: string | number): string {
  return sheetCsv(chooseSheet(bytes, prefix, sheet));
}

/** A chosen sheet as CSV text. */
export function sheetCsv({ grid, date1904 }: Pick<ChosenSheet, 'grid' | 'date1904'>): string {
  const headers = serialColumns(grid);
  let dateColumns = new Set<number>();
  const lines = grid.map((row, r) => {
    const header = headers.get(r);
    if (header) {
      dateColumns = header;
      return (row ?? []).map((c) => quote(c ?? '')).join(',');
    }
    return (row ?? [])
      .map((cell, c) => {
        const text = (cell ?? '').trim();
        if (dateColumns.has(c) && /^\d{5}(\.\d+)?$/.test(text) && Number(text) > 20000 && Number(text) < 80000) return isoOfSerial(Number(text), date1904);
        return quote(text);
      })
      .join(',');
  });
  return `${lines.join('\n')}\n`;
}

/** A Source giving the workbook's sheet (`sheet:`, else the first with data) as CSV text (UTF-8). */
export function workbookSource(source: Source, sheet?: string | number): Source {
  let text: Promise<string> | undefined;
  const csv = () => (text ??= source.readBytes().then((bytes) => workbookCsv(bytes, false, sheet)));
  return {
    fileName: source.fileName,
    encoding: 'utf-8',
    readText: csv,
    readBytes: async () => Buffer.from(await csv(), 'utf8'),
    async *streamUtf8() {
      yield Buffer.from(await csv(), 'utf8');
    },
  };
}
