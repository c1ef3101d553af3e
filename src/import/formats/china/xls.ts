/**
 * Legacy Excel (.xls, BIFF8 inside an OLE2 compound file) → the first sheet as a grid of text
 * cells. No dependency: the compound-file and BIFF8 record layouts are small and stable
 * ([MS-CFB], [MS-XLS]); only the records that carry cell values are read. Pure.
 * Numeric cells become their shortest decimal text (`703.26`), never a float amount.
 */
import { PocketbookError } from '../../../core/errors.js';

export type Grid = string[][];

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

export function isOle2(buf: Buffer): boolean {
  return buf.length >= 8 && buf.readUInt32LE(0) === 0xe011cfd0 && buf.readUInt32LE(4) === 0xe11ab1a1;
}

function broken(what: string): PocketbookError {
  return new PocketbookError('BAD_INPUT', `is not a readable .xls workbook (${what})`, {
    hint: 'open it in a spreadsheet program and save it as CSV, then import that',
  });
}

/** The bytes of the workbook stream of a compound file. */
export function workbookStream(buf: Buffer): Buffer {
  if (!isOle2(buf) || buf.length < 512) throw broken('no OLE2 header');
  const sectorSize = 1 << buf.readUInt16LE(0x1e);
  const miniSize = 1 << buf.readUInt16LE(0x20);
  const cutoff = buf.readUInt32LE(0x38);
  const sector = (i: number): Buffer => {
    const start = (i + 1) * sectorSize;
    if (start + sectorSize > buf.length + sectorSize || start >= buf.length) throw broken('truncated');
    return buf.subarray(start, Math.min(start + sectorSize, buf.length));
  };
  // DIFAT: 109 entries in the header, then chained DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(buf.readUInt32LE(0x4c + i * 4));
  let difat = buf.readUInt32LE(0x44);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE && guard < 10_000; guard++) {
    const s = sector(difat);
    for (let i = 0; i < sectorSize / 4 - 1; i++) fatSectors.push(s.readUInt32LE(i * 4));
    difat = s.readUInt32LE(sectorSize - 4);
  }
  const fat: number[] = [];
  for (const fs of fatSectors) {
    if (fs === FREE || fs === END_OF_CHAIN) continue;
    const s = sector(fs);
    for (let i = 0; i + 4 <= s.length; i += 4) fat.push(s.readUInt32LE(i));
  }
  const chain = (start: number, table: number[]): number[] => {
    const out: number[] = [];
    for (let s = start; s !== END_OF_CHAIN && s !== FREE; s = table[s] ?? END_OF_CHAIN) {
      if (out.length > table.length) throw broken('sector chain loops');
      out.push(s);
    }
    return out;
  };
  const readChain = (start: number): Buffer => Buffer.concat(chain(start, fat).map(sector));
  const dir = readChain(buf.readUInt32LE(0x30));
  let root: { start: number; size: number } | undefined;
  let book: { start: number; size: number } | undefined;
  for (let off = 0; off + 128 <= dir.length; off += 128) {
    const nameLen = dir.readUInt16LE(off + 0x40);
    const name = dir.toString('utf16le', off, off + Math.max(0, nameLen - 2));
    const type = dir[off + 0x42];
    const entry = { start: dir.readUInt32LE(off + 0x74), size: dir.readUInt32LE(off + 0x78) };
    if (type === 5) root = entry;
    else if (type === 2 && (name === 'Workbook' || name === 'Book')) book = entry;
  }
  if (!book) throw broken('no Workbook stream');
  if (book.size >= cutoff) return readChain(book.start).subarray(0, book.size);
  if (!root) throw broken('no root entry');
  const ministream = readChain(root.start);
  const minifat: number[] = [];
  const mf = readChain(buf.readUInt32LE(0x3c));
  for (let i = 0; i + 4 <= mf.length; i += 4) minifat.push(mf.readUInt32LE(i));
  const parts = chain(book.start, minifat).map((m) => ministream.subarray(m * miniSize, (m + 1) * miniSize));
  return Buffer.concat(parts).subarray(0, book.size);
}

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
    if (!part) throw broken('string table ends early');
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

/** The first worksheet of an .xls file as text cells (rows in order, empty rows kept as []). */
export function readXls(buf: Buffer): Grid {
  const wb = workbookStream(buf);
  const records: { type: number; data: Buffer }[] = [];
  for (let off = 0; off + 4 <= wb.length; ) {
    const type = wb.readUInt16LE(off);
    const len = wb.readUInt16LE(off + 2);
    records.push({ type, data: wb.subarray(off + 4, off + 4 + len) });
    off += 4 + len;
  }
  let sst: string[] = [];
  let firstSheetBof: number | undefined;
  const offsets = new Map<number, number>();
  for (let off = 0, i = 0; i < records.length; i++) {
    offsets.set(off, i);
    off += 4 + records[i]!.data.length;
  }
  for (let i = 0; i < records.length; i++) {
    const rec = records[i]!;
    if (rec.type === 0x0085 && firstSheetBof === undefined && rec.data[5] === 0) firstSheetBof = rec.data.readUInt32LE(0);
    if (rec.type === 0x00fc) {
      const parts = [rec.data.subarray(8)];
      for (let j = i + 1; records[j]?.type === 0x003c; j++) parts.push(records[j]!.data);
      const r = new Segments(parts);
      const count = rec.data.readUInt32LE(4);
      sst = [];
      for (let k = 0; k < count && !r.done(); k++) sst.push(readXLString(r));
    }
    if (rec.type === 0x000a) break; // end of the workbook globals
  }
  const start = firstSheetBof !== undefined ? offsets.get(firstSheetBof) : undefined;
  if (start === undefined) throw broken('no worksheet');
  const grid: Grid = [];
  const put = (row: number, col: number, text: string): void => {
    while (grid.length <= row) grid.push([]);
    const cells = grid[row]!;
    while (cells.length < col) cells.push('');
    cells[col] = text;
  };
  let pendingFormula: { row: number; col: number } | undefined;
  for (let i = start + 1; i < records.length; i++) {
    const { type, data } = records[i]!;
    if (type === 0x000a) break;
    if (data.length < 6 && type !== 0x0207) continue;
    const row = data.readUInt16LE(0);
    const col = data.readUInt16LE(2);
    if (type === 0x00fd) put(row, col, sst[data.readUInt32LE(6)] ?? '');
    else if (type === 0x0204 || type === 0x00d6) put(row, col, readXLString(new Segments([data.subarray(6)])));
    else if (type === 0x0203) put(row, col, numberText(data.readDoubleLE(6)));
    else if (type === 0x027e) put(row, col, rkText(data.readUInt32LE(6)));
    else if (type === 0x00bd) {
      const last = data.readUInt16LE(data.length - 2);
      for (let c = col, p = 4; c <= last; c++, p += 6) put(row, c, rkText(data.readUInt32LE(p + 2)));
    } else if (type === 0x0006) {
      if (data.readUInt16LE(12) === 0xffff) {
        if (data[6] === 0) pendingFormula = { row, col };
        else if (data[6] === 1) put(row, col, data[8] ? 'TRUE' : 'FALSE');
      } else put(row, col, numberText(data.readDoubleLE(6)));
    } else if (type === 0x0207 && pendingFormula) {
      put(pendingFormula.row, pendingFormula.col, readXLString(new Segments([data])));
      pendingFormula = undefined;
    }
  }
  return grid;
}
