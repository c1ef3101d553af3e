/**
 * Legacy Excel (.xls, BIFF8 inside an OLE2 compound file) → the first sheet as a grid of text
 * cells. No dependency: the compound-file (cfb.ts) and BIFF8 record layouts are small and stable
 * ([MS-CFB], [MS-XLS]); only the records that carry cell values are read, each checked
 * against its length, and a cell beyond column IV or past MAX_SLOTS is refused. Pure.
 * Numeric cells become their shortest decimal text (`703.26`), never a float amount.
 */
import { isOle2, workbookStream, xlsBroken } from './cfb.js';
import { tErrorsFormats as tF } from '../../../core/messages/errors-formats.js';

export { isOle2, workbookStream };

export type Grid = string[][];

/** Cells a sheet may span, counting the empty ones before a cell and each row: bounds a grid's memory (≈ 40 MB). */
export const MAX_SLOTS = 5_000_000;
/** BIFF8 sheets have 256 columns (IV) and 65,536 rows. */
const MAX_XLS_COLUMNS = 256;

/** Reads bytes across a record and its CONTINUE records (strings restart with a flags byte). */
class Segments {
  private seg = 0;
  private off = 0;
  constructor(private readonly parts: Buffer[]) {}
  private ensure(): void {
    while (this.seg < this.parts.length && this.off >= this.parts[this.seg]!.length) {
      this.seg++;
      this.off = 0;
    }
  }
  atSegmentStart(): boolean {
    this.ensure();
    return this.off === 0 && this.seg > 0;
  }
  done(): boolean {
    this.ensure();
    return this.seg >= this.parts.length;
  }
  byte(): number {
    this.ensure();
    const part = this.parts[this.seg];
    if (!part) throw xlsBroken(tF('stringTableShort'));
    return part[this.off++]!;
  }
  u16(): number {
    return this.byte() | (this.byte() << 8);
  }
  u32(): number {
    return (this.u16() + this.u16() * 0x10000) >>> 0;
  }
  skip(n: number): void {
    for (let i = 0; i < n; i++) this.byte();
  }
  /** cch characters, honouring a new flags byte at each CONTINUE boundary. */
  chars(cch: number, wide: boolean): string {
    let out = '';
    let isWide = wide;
    for (let i = 0; i < cch; i++) {
      if (i > 0 && this.atSegmentStart()) isWide = (this.byte() & 1) === 1;
      out += String.fromCharCode(isWide ? this.u16() : this.byte());
    }
    return out;
  }
}

function readXLString(r: Segments): string {
  const cch = r.u16();
  const flags = r.byte();
  const runs = flags & 0x08 ? r.u16() : 0;
  const ext = flags & 0x04 ? r.u32() : 0;
  const text = r.chars(cch, (flags & 1) === 1);
  r.skip(runs * 4 + ext);
  return text;
}

/** Shortest decimal text of a stored double: 703.26 → "703.26", 20250101 → "20250101". */
export function numberText(x: number): string {
  if (!Number.isFinite(x)) return '';
  return String(Number(x.toPrecision(15)));
}

function rkText(rk: number): string {
  const div100 = (rk & 1) === 1;
  if (rk & 2) {
    const n = rk >> 2;
    if (!div100) return String(n);
    const sign = n < 0 ? '-' : '';
    const digits = Math.abs(n).toString().padStart(3, '0');
    return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`.replace(/\.?0+$/, '');
  }
  const b = Buffer.alloc(8);
  b.writeUInt32LE(0, 0);
  b.writeUInt32LE((rk & 0xfffffffc) >>> 0, 4);
  const v = b.readDoubleLE(0);
  return numberText(div100 ? v / 100 : v);
}

interface XlsRecord {
  type: number;
  data: Buffer;
  /** Offset of the record in the workbook stream (BOUNDSHEET points to a sheet's BOF by it). */
  offset: number;
}

function recordsOf(wb: Buffer): XlsRecord[] {
  const records: XlsRecord[] = [];
  for (let off = 0; off + 4 <= wb.length; ) {
    const len = wb.readUInt16LE(off + 2);
    records.push({ type: wb.readUInt16LE(off), data: wb.subarray(off + 4, off + 4 + len), offset: off });
    off += 4 + len;
  }
  return records;
}

/** A worksheet as BOUNDSHEET lists it: where its BOF is, its tab name, whether it is hidden. */
export interface XlsSheet {
  bof: number;
  name: string;
  hidden: boolean;
}

/** BOUNDSHEET's name: a ShortXLUnicodeString (length, flags, Latin-1 or UTF-16LE characters). */
function sheetName(data: Buffer): string {
  const length = data[6] ?? 0;
  const wide = ((data[7] ?? 0) & 1) === 1;
  const chars = data.subarray(8, 8 + length * (wide ? 2 : 1));
  return chars.toString(wide ? 'utf16le' : 'latin1');
}

/** The shared strings (SST and its CONTINUE records) and the worksheets (BOUNDSHEET, type 0), from the workbook globals. */
function readGlobals(records: readonly XlsRecord[]): { sst: string[]; sheets: XlsSheet[] } {
  let sst: string[] = [];
  const sheets: XlsSheet[] = [];
  for (let i = 0; i < records.length; i++) {
    const rec = records[i]!;
    if (rec.type === 0x0085 && rec.data.length >= 6 && rec.data[5] === 0) {
      sheets.push({ bof: rec.data.readUInt32LE(0), name: sheetName(rec.data), hidden: (rec.data[4] ?? 0) !== 0 });
    }
    if (rec.type === 0x00fc && rec.data.length >= 8) {
      const parts = [rec.data.subarray(8)];
      for (let j = i + 1; records[j]?.type === 0x003c; j++) parts.push(records[j]!.data);
      const r = new Segments(parts);
      const count = rec.data.readUInt32LE(4);
      sst = [];
      // Each string takes at least 3 bytes: a lying count ends with the bytes.
      for (let k = 0; k < count && !r.done(); k++) sst.push(readXLString(r));
    }
    if (rec.type === 0x000a) break; // end of the workbook globals
  }
  return { sst, sheets };
}

/** The worksheets of an .xls file in tab order. */
export function xlsSheets(buf: Buffer): { name: string; hidden: boolean }[] {
  return readGlobals(recordsOf(workbookStream(buf))).sheets.map(({ name, hidden }) => ({ name, hidden }));
}

/** A grid filled cell by cell, refusing a column BIFF8 cannot have and a sheet past MAX_SLOTS. */
function gridWriter(): { grid: Grid; put(row: number, col: number, text: string): void } {
  const grid: Grid = [];
  let slots = 0;
  const put = (row: number, col: number, text: string): void => {
    if (col >= MAX_XLS_COLUMNS) throw xlsBroken(tF('xlsColumn', { row: row + 1, col: col + 1 }));
    const cells = grid[row];
    slots += Math.max(0, row + 1 - grid.length) + Math.max(1, col + 1 - (cells?.length ?? 0));
    if (slots > MAX_SLOTS) throw xlsBroken(tF('sheetTooBig', { max: MAX_SLOTS }));
    while (grid.length <= row) grid.push([]);
    const row$ = grid[row]!;
    while (row$.length < col) row$.push('');
    row$[col] = text;
  };
  return { grid, put };
}

/** Minimum record length for each cell record read (row, col, xf and its value). */
const MIN_LENGTH: Record<number, number> = { 0x00fd: 10, 0x0204: 9, 0x00d6: 9, 0x0203: 14, 0x027e: 10, 0x00bd: 12, 0x0006: 14 };

/** The first worksheet (or the one at `index` of xlsSheets) of an .xls file as text cells (rows in order, empty rows kept as []). */
export function readXls(buf: Buffer, index = 0): Grid {
  const records = recordsOf(workbookStream(buf));
  const { sst, sheets } = readGlobals(records);
  const bof = sheets[index]?.bof;
  const start = bof !== undefined ? records.findIndex((r) => r.offset === bof) : -1;
  if (start < 0) throw xlsBroken(tF('noWorksheet'));
  const { grid, put } = gridWriter();
  let pendingFormula: { row: number; col: number } | undefined;
  for (let i = start + 1; i < records.length; i++) {
    const { type, data } = records[i]!;
    if (type === 0x000a) break;
    if (type === 0x0207) {
      if (pendingFormula) put(pendingFormula.row, pendingFormula.col, readXLString(new Segments([data])));
      pendingFormula = undefined;
      continue;
    }
    const min = MIN_LENGTH[type];
    if (min === undefined) continue;
    if (data.length < min) throw xlsBroken(tF('recordShort', { type: type.toString(16) }));
    const row = data.readUInt16LE(0);
    const col = data.readUInt16LE(2);
    if (type === 0x00fd) put(row, col, sst[data.readUInt32LE(6)] ?? '');
    else if (type === 0x0204 || type === 0x00d6) put(row, col, readXLString(new Segments([data.subarray(6)])));
    else if (type === 0x0203) put(row, col, numberText(data.readDoubleLE(6)));
    else if (type === 0x027e) put(row, col, rkText(data.readUInt32LE(6)));
    else if (type === 0x00bd) {
      const last = data.readUInt16LE(data.length - 2);
      for (let c = col, p = 4; c <= last && p + 6 <= data.length - 2; c++, p += 6) put(row, c, rkText(data.readUInt32LE(p + 2)));
    } else if (type === 0x0006) {
      if (data.readUInt16LE(12) === 0xffff) {
        if (data[6] === 0) pendingFormula = { row, col };
        else if (data[6] === 1) put(row, col, data[8] ? 'TRUE' : 'FALSE');
      } else put(row, col, numberText(data.readDoubleLE(6)));
    }
  }
  return grid;
}
