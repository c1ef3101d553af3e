/**
 * Excel workbooks (.xlsx: a zip of XML parts) → the first sheet as a grid of text cells.
 * The parts are inflated by fflate within a budget (zip.ts) and streamed through saxes
 * (sheet-xml.ts): a hostile workbook is refused with one line instead of filling memory. Pure.
 */
import type { Grid } from './xls.js';
import { InflateBudget, inflatePart, zipBroken, zipEntries, type ZipEntry } from './zip.js';
import {
  relsHandlers, sharedStringsHandlers, sheetHandlers, workbookHandlers, xmlSink,
  type SheetCells, type WorkbookInfo, type XmlHandlers,
} from './sheet-xml.js';

export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
}

/** Streams one part through saxes with the handlers `make` builds. */
function readPart(buf: Buffer, entry: ZipEntry, budget: InflateBudget, make: (where: () => string) => XmlHandlers): void {
  const sink = xmlSink(entry.name, make);
  inflatePart(buf, entry, budget, (chunk) => sink.write(chunk));
  sink.end();
}

/** Path of the first sheet (the first not hidden with `visibleOnly`), resolved through the workbook and its relationships. */
function firstSheetPath(parts: Map<string, ZipEntry>, wb: WorkbookInfo, rels: Map<string, string>, visibleOnly: boolean): string | undefined {
  const sheet = visibleOnly ? wb.sheets.find((s) => !s.hidden) : wb.sheets[0];
  const target = sheet?.rid !== undefined ? rels.get(sheet.rid) : undefined;
  if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return [...parts.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).sort()[0];
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
export function readXlsx(buf: Buffer): Grid {
  return readXlsxSheet(buf).grid;
}

/** The first worksheet (the first visible one with `visibleOnly`) with hidden rows and cell types. */
export function readXlsxSheet(buf: Buffer, opts: { visibleOnly?: boolean } = {}): XlsxSheet {
  if (!isZip(buf)) throw zipBroken('no zip header');
  const parts = new Map(zipEntries(buf).map((e) => [e.name, e] as const));
  const budget = new InflateBudget(buf.length);
  const wbEntry = parts.get('xl/workbook.xml');
  const relsEntry = parts.get('xl/_rels/workbook.xml.rels');
  budget.checkDeclared([wbEntry, relsEntry].filter((e) => e !== undefined));
  const wb: WorkbookInfo = { sheets: [], date1904: false };
  const rels = new Map<string, string>();
  if (wbEntry) readPart(buf, wbEntry, budget, () => workbookHandlers(wb));
  if (relsEntry) readPart(buf, relsEntry, budget, () => relsHandlers(rels));
  const sheetPath = firstSheetPath(parts, wb, rels, Boolean(opts.visibleOnly));
  const sheetEntry = sheetPath !== undefined ? parts.get(sheetPath) : undefined;
  if (!sheetEntry || sheetEntry.end === sheetEntry.start) throw zipBroken('no worksheet');
  const sstEntry = parts.get('xl/sharedStrings.xml');
  budget.checkDeclared([sheetEntry, sstEntry].filter((e) => e !== undefined));
  const shared: string[] = [];
  if (sstEntry) readPart(buf, sstEntry, budget, () => sharedStringsHandlers(shared));
  const cells: SheetCells = { grid: [], types: [], hiddenRows: new Set() };
  readPart(buf, sheetEntry, budget, (where) => sheetHandlers(cells, shared, where));
  return { ...cells, date1904: wb.date1904 };
}
