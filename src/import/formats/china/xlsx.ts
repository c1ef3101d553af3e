/**
 * Excel workbooks (.xlsx: a zip of XML parts) → the first sheet as a grid of text cells.
 * The parts are inflated by fflate within a budget (zip.ts) and streamed through saxes
 * (sheet-xml.ts): a hostile workbook is refused with one line instead of filling memory. Pure.
 */
import type { Grid } from './xls.js';
import { PocketbookError } from '../../../core/errors.js';
import { InflateBudget, inflatePart, zipBroken, zipEntries, type ZipEntry } from './zip.js';
import {
  relsHandlers, sharedStringsHandlers, sheetHandlers, workbookHandlers, xmlSink,
  type SheetCells, type WorkbookInfo, type XmlHandlers,
} from './sheet-xml.js';
import { tErrorsFormats as tF } from '../../../core/messages/errors-formats.js';

export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
}

/** A head read to detect the layout needs its first 80 rows: each part is read this far at most. */
const PREFIX_PART_BYTES = 512 * 1024;

/**
 * Streams one part through saxes with the handlers `make` builds. With `prefix` (a head read to
 * detect the layout) a part that is cut off or turns bad ends quietly where it stops.
 */
function readPart(buf: Buffer, entry: ZipEntry, budget: InflateBudget, make: (where: () => string) => XmlHandlers, prefix: boolean): void {
  const sink = xmlSink(entry.name, make);
  try {
    inflatePart(buf, entry, budget, (chunk) => sink.write(chunk), prefix ? PREFIX_PART_BYTES : Infinity);
    if (!entry.cut) sink.end();
  } catch (err) {
    if (!prefix || !(err instanceof PocketbookError)) throw err;
  }
}

/**
 * Path of the sheet at `index` of the workbook's list, else the first sheet (the first not hidden
 * with `visibleOnly`), resolved through the workbook and its relationships.
 */
function firstSheetPath(parts: Map<string, ZipEntry>, wb: WorkbookInfo, rels: Map<string, string>, visibleOnly: boolean, index?: number): string | undefined {
  const sheet = index !== undefined ? wb.sheets[index] : visibleOnly ? wb.sheets.find((s) => !s.hidden) : wb.sheets[0];
  const target = sheet?.rid !== undefined ? rels.get(sheet.rid) : undefined;
  if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return [...parts.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).sort()[0];
}

/** The workbook's parts, its sheet list (workbook.xml) and relationships. */
function openWorkbook(buf: Buffer, prefix: boolean): { parts: Map<string, ZipEntry>; budget: InflateBudget; wb: WorkbookInfo; rels: Map<string, string> } {
  if (!isZip(buf)) throw zipBroken(tF('noZipHeader'));
  const parts = new Map(zipEntries(buf, prefix).map((e) => [e.name, e] as const));
  const budget = new InflateBudget(buf.length);
  const wbEntry = parts.get('xl/workbook.xml');
  const relsEntry = parts.get('xl/_rels/workbook.xml.rels');
  if (!prefix) budget.checkDeclared([wbEntry, relsEntry].filter((e) => e !== undefined));
  const wb: WorkbookInfo = { sheets: [], date1904: false };
  const rels = new Map<string, string>();
  if (wbEntry) readPart(buf, wbEntry, budget, () => workbookHandlers(wb), prefix);
  if (relsEntry) readPart(buf, relsEntry, budget, () => relsHandlers(rels), prefix);
  return { parts, budget, wb, rels };
}

/** The workbook's sheets in tab order (names, hidden or not): what `sheet:` may name, by name or number. */
export function xlsxSheets(buf: Buffer, prefix = false): { name: string; hidden: boolean }[] {
  return openWorkbook(buf, prefix).wb.sheets.map(({ name, hidden }) => ({ name, hidden }));
}

/** A worksheet's text cells plus what some layouts need besides the text. */
export interface XlsxSheet {
  grid: Grid;
  /** 0-based indexes of rows marked `<row hidden="1">` (filtered out in the spreadsheet program). */
  hiddenRows: Set<number>;
  /** The cell type (`t` attribute: 'n' number, 's' shared string, 'inlineStr', 'str', 'b', 'e') parallel to `grid`. */
  types: string[][];
  /** The workbook counts date serials from 1904-01-01 instead of 1899-12-30. */
  date1904: boolean;
}

/** The first worksheet of an .xlsx file as text cells. */
export function readXlsx(buf: Buffer, opts: { prefix?: boolean } = {}): Grid {
  return readXlsxSheet(buf, opts).grid;
}

/**
 * The first worksheet (the first visible one with `visibleOnly`) with hidden rows and cell types.
 * `prefix`: `buf` is a head read to detect the layout: the rows up to where it is cut off or turns
 * bad (the import reads the whole file again and refuses what is bad there).
 */
export function readXlsxSheet(buf: Buffer, opts: { visibleOnly?: boolean; prefix?: boolean; index?: number } = {}): XlsxSheet {
  const prefix = Boolean(opts.prefix);
  const { parts, budget, wb, rels } = openWorkbook(buf, prefix);
  const sheetPath = firstSheetPath(parts, wb, rels, Boolean(opts.visibleOnly), opts.index);
  const sheetEntry = sheetPath !== undefined ? parts.get(sheetPath) : undefined;
  if (!sheetEntry || sheetEntry.end === sheetEntry.start) throw zipBroken(tF('noWorksheet'));
  const sstEntry = parts.get('xl/sharedStrings.xml');
  if (!prefix) budget.checkDeclared([sheetEntry, sstEntry].filter((e) => e !== undefined));
  const shared: string[] = [];
  if (sstEntry) readPart(buf, sstEntry, budget, () => sharedStringsHandlers(shared), prefix);
  const cells: SheetCells = { grid: [], types: [], hiddenRows: new Set() };
  readPart(buf, sheetEntry, budget, (where) => sheetHandlers(cells, shared, where), prefix);
  return { ...cells, date1904: wb.date1904 };
}
