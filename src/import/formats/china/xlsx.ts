/**
 * Excel workbooks (.xlsx: a zip of XML parts) → the first sheet as a grid of text cells.
 * No dependency: node's zlib inflates the parts and the few XML elements that carry cell
 * values are read with small regular expressions. Pure.
 */
import { inflateRawSync } from 'node:zlib';
import { PocketbookError } from '../../../core/errors.js';
import { numberText, type Grid } from './xls.js';

export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
}

function broken(what: string): PocketbookError {
  return new PocketbookError('BAD_INPUT', `is not a readable .xlsx workbook (${what})`, {
    hint: 'open it in a spreadsheet program and save it as CSV, then import that',
  });
}

function inflate(method: number, data: Buffer): Buffer {
  if (method === 0) return data;
  if (method === 8) return inflateRawSync(data);
  throw broken(`compression method ${method}`);
}

/** Every part of the zip by name. Uses the central directory; falls back to local headers (a truncated head). */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd >= 0) {
    const count = buf.readUInt16LE(eocd + 10);
    let p = buf.readUInt32LE(eocd + 16);
    for (let n = 0; n < count && p + 46 <= buf.length && buf.readUInt32LE(p) === 0x02014b50; n++) {
      const method = buf.readUInt16LE(p + 10);
      const size = buf.readUInt32LE(p + 20);
      const nameLen = buf.readUInt16LE(p + 28);
      const local = buf.readUInt32LE(p + 42);
      const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
      p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
      const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      parts.set(name, inflate(method, buf.subarray(dataStart, dataStart + size)));
    }
    return parts;
  }
  for (let p = 0; p + 30 <= buf.length && buf.readUInt32LE(p) === 0x04034b50; ) {
    const flags = buf.readUInt16LE(p + 6);
    const method = buf.readUInt16LE(p + 8);
    const size = buf.readUInt32LE(p + 18);
    const nameLen = buf.readUInt16LE(p + 26);
    const start = p + 30 + nameLen + buf.readUInt16LE(p + 28);
    if (flags & 0x08 || start + size > buf.length) break; // sizes unknown or part cut off
    const name = buf.toString('utf8', p + 30, p + 30 + nameLen);
    try {
      parts.set(name, inflate(method, buf.subarray(start, start + size)));
    } catch {
      break;
    }
    p = start + size;
  }
  return parts;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? whole;
  });
}

/** The text of every <t> inside `xml`, phonetic runs excluded. */
function texts(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)) out += unescapeXml(m[1] ?? '');
  return out;
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? '';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Path of the first sheet (the first not hidden with `visibleOnly`), resolved through the workbook and its relationships. */
function firstSheetPath(parts: Map<string, Buffer>, visibleOnly = false): string | undefined {
  const wb = parts.get('xl/workbook.xml')?.toString('utf8');
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8');
  const sheets = wb ? [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]) : [];
  const tag = visibleOnly ? sheets.find((t) => !/\bstate="(hidden|veryHidden)"/.test(t)) : sheets[0];
  const rid = tag && /\br:id="([^"]+)"/.exec(tag)?.[1];
  if (rid && rels) {
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (!m[0].includes(`Id="${rid}"`)) continue;
      const target = /Target="([^"]+)"/.exec(m[0])?.[1];
      if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    }
  }
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
  if (!isZip(buf)) throw broken('no zip header');
  const parts = unzip(buf);
  const sheetPath = firstSheetPath(parts, opts.visibleOnly);
  const sheet = sheetPath ? parts.get(sheetPath)?.toString('utf8') : undefined;
  if (!sheet) throw broken('no worksheet');
  const shared: string[] = [];
  const sst = parts.get('xl/sharedStrings.xml')?.toString('utf8') ?? '';
  for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(texts(m[1] ?? ''));
  const grid: Grid = [];
  const types: string[][] = [];
  const hiddenRows = new Set<number>();
  let next = 0;
  for (const rm of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = /\br="(\d+)"/.exec(rm[1] ?? '')?.[1];
    const rowIndex = r ? Number(r) - 1 : next;
    next = rowIndex + 1;
    if (/\bhidden="(1|true)"/.test(rm[1] ?? '')) hiddenRows.add(rowIndex);
    const cells: string[] = [];
    const kinds: string[] = [];
    let col = 0;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cm[1] ?? '';
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      col = ref ? columnIndex(ref) : col;
      const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const body = cm[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text = '';
      if (type === 's') text = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') text = texts(body);
      else if (type === 'str' || type === 'e') text = unescapeXml(v ?? '');
      else if (type === 'b') text = v === '1' ? 'TRUE' : 'FALSE';
      else if (v !== undefined) text = /^-?\d+(\.\d+)?$/.test(v) && v.length <= 15 ? v : numberText(Number(v));
      while (cells.length < col) cells.push('');
      while (kinds.length < col) kinds.push('');
      cells[col] = text;
      kinds[col] = type;
      col++;
    }
    while (grid.length < rowIndex) grid.push([]);
    while (types.length < rowIndex) types.push([]);
    grid[rowIndex] = cells;
    types[rowIndex] = kinds;
  }
  const wb = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(wb);
  return { grid, hiddenRows, types, date1904 };
}
