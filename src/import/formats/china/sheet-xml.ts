/**
 * The XML parts of an .xlsx read as a stream with saxes: elements are known by their local name,
 * so `<x:row>` reads like `<row>`. Nothing is expanded from a DTD (saxes knows only the five
 * predefined entities), every step is linear in the input, and a sheet's cells are bounded by
 * Excel's own limits (16,384 columns, 1,048,576 rows) and by MAX_SLOTS. Pure.
 */
import { SaxesParser } from 'saxes';
import { MAX_SLOTS, numberText, type Grid } from './xls.js';
import { zipBroken } from './zip.js';
import { tErrorsFormats as tF } from '../../../core/messages/errors-formats.js';

export const MAX_COLUMNS = 16_384; // XFD
export const MAX_ROWS = 1_048_576;
/** Cells a sheet may span, counting the empty ones before a cell and each row: bounds the grid's memory (≈ 40 MB). */
export { MAX_SLOTS } from './xls.js';
/**
 * Characters between two tags (saxes holds them until the next one): real cells hold at most
 * 32,767; a run of this many is a bomb of text or whitespace and is refused.
 */
export const MAX_RUN = 1024 * 1024;
/** Elements open at once: SpreadsheetML nests under 10 deep; unclosed `<row>`s would pile up (≈ 700 B each in saxes). */
export const MAX_DEPTH = 64;

export interface XmlHandlers {
  open(local: string, attrs: Record<string, string>): void;
  close(local: string): void;
  text(text: string): void;
}

export interface XmlSink {
  write(chunk: Uint8Array): void;
  end(): void;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** A sink for one part's inflated bytes; `where()` handed to the handlers names the part and line. */
export function xmlSink(part: string, make: (where: () => string) => XmlHandlers): XmlSink {
  const parser = new SaxesParser<{ xmlns: false; fileName: string; position: true }>({ xmlns: false, fileName: part, position: true });
  const decoder = new TextDecoder('utf-8');
  const h = make(() => `${part}:${parser.line}`);
  let sinceTag = 0; // an upper bound: counted per chunk, reset at each tag
  parser.on('error', (err) => {
    throw zipBroken(err.message);
  });
  let depth = 0;
  parser.on('opentag', (tag) => {
    sinceTag = 0;
    if (++depth > MAX_DEPTH) throw zipBroken(tF('xmlDepth', { where: `${part}:${parser.line}`, max: MAX_DEPTH }));
    h.open(localName(tag.name), tag.attributes);
  });
  parser.on('closetag', (tag) => {
    sinceTag = 0;
    depth--;
    h.close(localName(tag.name));
  });
  parser.on('text', (t) => h.text(t));
  parser.on('cdata', (t) => h.text(t));
  return {
    write: (chunk) => {
      const text = decoder.decode(chunk, { stream: true });
      sinceTag += text.length;
      if (sinceTag > MAX_RUN + (1 << 16)) throw zipBroken(tF('xmlRun', { where: `${part}:${parser.line}`, max: MAX_RUN }));
      parser.write(text);
    },
    end: () => {
      parser.write(decoder.decode());
      parser.close();
    },
  };
}

/** The text of each `<si>` (its `<t>` runs, phonetic `<rPh>` runs left out). */
export function sharedStringsHandlers(out: string[]): XmlHandlers {
  let cur: string | undefined;
  let inT = false;
  let rph = 0;
  return {
    open(local) {
      if (local === 'si') cur = '';
      else if (local === 'rPh') rph++;
      else if (local === 't') inT = cur !== undefined && rph === 0;
    },
    close(local) {
      if (local === 'si' && cur !== undefined) {
        out.push(cur);
        cur = undefined;
      } else if (local === 'rPh') rph = Math.max(0, rph - 1);
      else if (local === 't') inT = false;
    },
    text(t) {
      if (inT && cur !== undefined) cur += t;
    },
  };
}

export interface WorkbookInfo {
  sheets: { rid?: string; hidden: boolean; name: string }[];
  date1904: boolean;
}

export function workbookHandlers(out: WorkbookInfo): XmlHandlers {
  return {
    open(local, attrs) {
      if (local === 'workbookPr') out.date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
      if (local !== 'sheet') return;
      const ridKey = Object.keys(attrs).find((k) => localName(k) === 'id' && k.includes(':'));
      out.sheets.push({ ...(ridKey ? { rid: attrs[ridKey] } : {}), hidden: attrs.state === 'hidden' || attrs.state === 'veryHidden', name: attrs.name ?? '' });
    },
    close() {},
    text() {},
  };
}

export function relsHandlers(out: Map<string, string>): XmlHandlers {
  return {
    open(local, attrs) {
      if (local === 'Relationship' && attrs.Id !== undefined && attrs.Target !== undefined) out.set(attrs.Id, attrs.Target);
    },
    close() {},
    text() {},
  };
}

export interface SheetCells {
  grid: Grid;
  types: string[][];
  hiddenRows: Set<number>;
}

interface OpenCell {
  col: number;
  type: string;
  v?: string;
  inline: string;
}

/** Column and row (0-based) of a reference like `AB12`, refusing one beyond Excel's limits. */
function cellRef(ref: string, where: () => string): { col: number } | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) {
    col = col * 26 + (ch.charCodeAt(0) - 64);
    if (col > MAX_COLUMNS) throw zipBroken(tF('lastColumn', { where: where(), ref: ref.slice(0, 20) }));
  }
  if (m[2]!.length > 7 || Number(m[2]) > MAX_ROWS) throw zipBroken(tF('lastRow', { where: where(), ref: ref.slice(0, 20), max: MAX_ROWS }));
  return { col: col - 1 };
}

function cellText(cell: OpenCell, shared: readonly string[]): string {
  const { type, v } = cell;
  if (type === 's') return shared[Number(v)] ?? '';
  if (type === 'inlineStr') return cell.inline;
  if (type === 'str' || type === 'e') return v ?? '';
  if (type === 'b') return v === '1' ? 'TRUE' : 'FALSE';
  if (v === undefined) return '';
  return /^-?\d+(\.\d+)?$/.test(v) && v.length <= 15 ? v : numberText(Number(v));
}

function openCell(attrs: Record<string, string>, next: number, where: () => string): OpenCell {
  const at = attrs.r !== undefined ? cellRef(attrs.r, where) : undefined;
  if (!at && next >= MAX_COLUMNS) throw zipBroken(tF('rowCells', { where: where(), max: MAX_COLUMNS }));
  return { col: at ? at.col : next, type: attrs.t || 'n', inline: '' };
}

/** Rows and cells of a worksheet part into `out`, with `shared` strings resolved. */
export function sheetHandlers(out: SheetCells, shared: readonly string[], where: () => string): XmlHandlers {
  let slots = 0;
  let next = 0;
  let row: { index: number; cells: string[]; kinds: string[] } | undefined;
  let col = 0;
  let cell: OpenCell | undefined;
  let inV = false;
  let inT = false;
  let rph = 0;
  const spend = (n: number): void => {
    slots += n;
    if (slots > MAX_SLOTS) throw zipBroken(tF('sheetSpans', { where: where(), max: MAX_SLOTS }));
  };
  const endRow = (): void => {
    if (!row) return;
    spend(Math.max(0, row.index - out.grid.length));
    while (out.grid.length < row.index) out.grid.push([]);
    while (out.types.length < row.index) out.types.push([]);
    out.grid[row.index] = row.cells;
    out.types[row.index] = row.kinds;
    row = undefined;
  };
  const startRow = (attrs: Record<string, string>): void => {
    endRow();
    const r = attrs.r;
    let index = next;
    if (r !== undefined && /^\d+$/.test(r)) {
      if (r.length > 7 || Number(r) < 1 || Number(r) > MAX_ROWS) throw zipBroken(tF('rowNumber', { where: where(), row: r.slice(0, 20), max: MAX_ROWS }));
      index = Number(r) - 1;
    }
    if (index >= MAX_ROWS) throw zipBroken(tF('tooManyRows', { where: where(), max: MAX_ROWS }));
    next = index + 1;
    if (attrs.hidden === '1' || attrs.hidden === 'true') out.hiddenRows.add(index);
    row = { index, cells: [], kinds: [] };
    col = 0;
    spend(1);
  };
  const endCell = (): void => {
    if (!row || !cell) return;
    spend(Math.max(1, cell.col + 1 - row.cells.length));
    while (row.cells.length < cell.col) row.cells.push('');
    while (row.kinds.length < cell.col) row.kinds.push('');
    row.cells[cell.col] = cellText(cell, shared);
    row.kinds[cell.col] = cell.type;
    col = cell.col + 1;
    cell = undefined;
  };
  return {
    open(local, attrs) {
      if (local === 'row') {
        endCell(); // a cell left open belongs to the row it opened in
        startRow(attrs);
      }
      else if (local === 'c' && row) {
        endCell();
        cell = openCell(attrs, col, where);
      } else if (cell && local === 'v' && cell.v === undefined) {
        inV = true;
        cell.v = '';
      } else if (cell && local === 'rPh') rph++;
      else if (cell && local === 't') inT = rph === 0;
    },
    close(local) {
      if (local === 'row') {
        endCell();
        endRow();
      }
      else if (local === 'c') endCell();
      else if (local === 'v') inV = false;
      else if (local === 'rPh') rph = Math.max(0, rph - 1);
      else if (local === 't') inT = false;
    },
    text(t) {
      if (!cell) return;
      if (inV) cell.v += t;
      else if (inT) cell.inline += t;
    },
  };
}
