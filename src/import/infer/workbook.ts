/**
 * Spreadsheets like CSV (issue 30 class 7): the first worksheet of an .xlsx or .xls workbook
 * becomes CSV text, one line per sheet row (so a line number is the sheet's row number), and goes
 * through the same built-in profiles, `--profile` files and layout inference as a CSV file. Date
 * cells stored as Excel serials under a date header become ISO dates. Pure.
 */
import { isOle2 } from '../formats/china/cfb.js';
import { readXls } from '../formats/china/xls.js';
import { isZip, readXlsxSheet } from '../formats/china/xlsx.js';
import type { Source } from '../types.js';
import { HEADER, headerKey } from './words.js';

export function isWorkbook(bytes: Buffer): boolean {
  return isZip(bytes) || isOle2(bytes);
}

/** The first (visible) sheet's cells and whether it counts dates from 1904; `prefix`: a head read to detect. */
function sheetOf(bytes: Buffer, prefix: boolean): { grid: string[][]; date1904: boolean } {
  if (isZip(bytes)) {
    const sheet = readXlsxSheet(bytes, { visibleOnly: true, prefix });
    return { grid: sheet.grid, date1904: sheet.date1904 };
  }
  return { grid: readXls(bytes), date1904: false };
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

/** The sheet as CSV text (comma-separated, one line per row). */
export function workbookCsv(bytes: Buffer, prefix = false): string {
  const { grid, date1904 } = sheetOf(bytes, prefix);
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

/** A Source giving the workbook's first sheet as CSV text (UTF-8). */
export function workbookSource(source: Source): Source {
  let text: Promise<string> | undefined;
  const csv = () => (text ??= source.readBytes().then((bytes) => workbookCsv(bytes)));
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
