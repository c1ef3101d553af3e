/**
 * The parts of a zip (an .xlsx), bounded: the entry list comes from the central directory (or,
 * in a head cut short, from the local headers), and each part is inflated by fflate in small
 * pieces, counting what really comes out — a declared size can lie. Pure.
 *
 * Bound: all parts read from one workbook inflate to at most min(256 MiB, max(8 MiB, 100 × the
 * file)). Real workbooks compress their XML 5–20×, rarely 50×; deflate can reach 1032×, so a
 * zip bomb (4.5 MB → 4.5 GB) is refused before its first byte when it declares its size, and
 * after at most that many bytes (never held in memory: parts stream to the XML reader) when it lies.
 */
import { Inflate } from 'fflate';
import { PocketbookError } from '../../../core/errors.js';
import { tErrorsFormats as tF } from '../../../core/messages/errors-formats.js';

export const MAX_INFLATED = 256 * 1024 * 1024;
/**
 * Compressed bytes handed to the inflater at a time: at most ~4 MiB comes out of one piece
 * (deflate's 1032:1), and small pieces cost fflate a copy of its 32 KiB window each.
 */
const PIECE = 4 * 1024;
/** Inflated bytes handed to the sink at a time (its checks run between slices). */
const SLICE = 64 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  /** Where the compressed bytes start and end in the file. */
  start: number;
  end: number;
  /** The uncompressed size the zip declares. */
  size: number;
  /** Cut off by the end of a head (`zipEntries(head, { prefix: true })`): inflated as far as it goes. */
  cut?: boolean;
}

export function zipBroken(what: string): PocketbookError {
  return new PocketbookError('XLSX_FORMAT', tF('xlsxBroken', { what }), {
    hint: tF('saveAsCsv'),
  });
}

function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

/** Start of a part's data after its local header, checked against the file. */
function dataStart(buf: Buffer, local: number): number {
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw zipBroken(tF('noLocalHeader'));
  return local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
}

function fromCentral(buf: Buffer, eocd: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  // Each record takes at least 46 bytes and p only grows: the loop ends within the file.
  for (let n = 0; n < count && p + 46 <= buf.length && buf.readUInt32LE(p) === 0x02014b50; n++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, Math.min(buf.length, p + 46 + nameLen));
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const start = dataStart(buf, buf.readUInt32LE(p + 42));
    if (csize === 0xffffffff || size === 0xffffffff) throw zipBroken(`${name} is a zip64 part`);
    if (start + csize > buf.length) throw zipBroken(tF('pastEnd', { name }));
    entries.push({ name, method, start, end: start + csize, size });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/**
 * Parts listed by their local headers, up to the first whose size is unknown or that is cut off
 * (with `prefix`, that one too, marked `cut`).
 */
function fromLocal(buf: Buffer, prefix: boolean): ZipEntry[] {
  const entries: ZipEntry[] = [];
  for (let p = 0; p + 30 <= buf.length && buf.readUInt32LE(p) === 0x04034b50; ) {
    const flags = buf.readUInt16LE(p + 6);
    const csize = buf.readUInt32LE(p + 18);
    const start = dataStart(buf, p);
    const name = buf.toString('utf8', p + 30, Math.min(buf.length, p + 30 + buf.readUInt16LE(p + 26)));
    const entry = { name, method: buf.readUInt16LE(p + 8), start, end: start + csize, size: buf.readUInt32LE(p + 22) };
    if (flags & 0x08 || start + csize > buf.length) {
      if (prefix && start < buf.length) entries.push({ ...entry, end: buf.length, cut: true });
      break;
    }
    entries.push(entry);
    p = start + csize;
  }
  return entries;
}

/**
 * Every part of the zip (central directory; local headers when there is none). `prefix`: `buf`
 * is the head of a longer file, and the part it cuts off is listed to be read as far as it goes.
 */
export function zipEntries(buf: Buffer, prefix = false): ZipEntry[] {
  const eocd = findEocd(buf);
  return eocd >= 0 ? fromCentral(buf, eocd) : fromLocal(buf, prefix);
}

/** How many inflated bytes may still come out of this workbook. */
export class InflateBudget {
  left: number;
  constructor(fileSize: number) {
    this.left = Math.min(MAX_INFLATED, Math.max(8 * 1024 * 1024, 100 * fileSize));
  }
  /** Refuses up front when the parts about to be read declare more than the budget. */
  checkDeclared(entries: readonly ZipEntry[]): void {
    const total = entries.reduce((sum, e) => sum + e.size, 0);
    if (total > this.left) throw zipBroken(tF('inflateTooMuch', { total, left: this.left }));
  }
}

/**
 * Inflates one part piece by piece into `sink`, counting real output against the part's declared
 * size and the budget; stops at the first byte beyond either.
 */
export function inflatePart(buf: Buffer, entry: ZipEntry, budget: InflateBudget, sink: (chunk: Uint8Array) => void, cap = Infinity): void {
  const data = buf.subarray(entry.start, entry.end);
  const limit = Math.min(entry.cut ? Infinity : entry.size, budget.left, cap);
  let out = 0;
  const take = (chunk: Uint8Array): void => {
    for (let i = 0; i < chunk.length; i += SLICE) {
      const slice = chunk.subarray(i, i + SLICE);
      out += slice.length;
      if (out > limit) {
        throw zipBroken(!entry.cut && out > entry.size ? tF('inflatePastDeclared', { name: entry.name, size: entry.size }) : tF('inflatePastAllowed', { name: entry.name }));
      }
      sink(slice);
    }
  };
  if (entry.method === 0) take(data);
  else if (entry.method === 8) {
    const inflater = new Inflate((chunk) => take(chunk));
    try {
      for (let p = 0; p < data.length || p === 0; p += PIECE) inflater.push(data.subarray(p, p + PIECE), !entry.cut && p + PIECE >= data.length);
    } catch (err) {
      if (err instanceof PocketbookError) throw err;
      throw zipBroken(tF('noInflate', { name: entry.name, why: (err as Error).message }));
    }
  } else throw zipBroken(tF('compression', { name: entry.name, method: entry.method }));
  budget.left -= out;
}
