/**
 * The workbook stream of an OLE2 compound file ([MS-CFB]), bounded by the file: every sector
 * number must lie inside it, every chain (DIFAT, FAT, MiniFAT, directory, stream) may visit a
 * sector once, and no table or stream can hold more than the file does. A file that breaks
 * these is refused with one line (XLS_FORMAT) before anything large is allocated. Pure.
 */
import { PocketbookError } from '../../../core/errors.js';
import { tErrorsFormats as tF } from '../../../core/messages/errors-formats.js';

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
/** Special FAT values (FATSECT, DIFSECT, ENDOFCHAIN, FREESECT) and anything above: no sector. */
const MAX_REGULAR = 0xfffffffa;

export function isOle2(buf: Buffer): boolean {
  return buf.length >= 8 && buf.readUInt32LE(0) === 0xe011cfd0 && buf.readUInt32LE(4) === 0xe11ab1a1;
}

export function xlsBroken(what: string): PocketbookError {
  return new PocketbookError('XLS_FORMAT', tF('xlsBroken', { what }), {
    hint: tF('saveAsCsv'),
  });
}

interface Cfb {
  buf: Buffer;
  sectorSize: number;
  /** Sectors the file can hold after its header. */
  sectors: number;
}

function sectorOf(cfb: Cfb, i: number, what: string): Buffer {
  if (i >= cfb.sectors) throw xlsBroken(tF('sectorBeyond', { what, n: i }));
  const start = (i + 1) * cfb.sectorSize;
  return cfb.buf.subarray(start, Math.min(start + cfb.sectorSize, cfb.buf.length));
}

/** Sector numbers of a chain through `table`, each visited once; a loop or a number outside the table is refused. */
function chainOf(start: number, table: Uint32Array, limit: number, what: string): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  for (let s = start; s !== END_OF_CHAIN && s !== FREE; ) {
    if (s > MAX_REGULAR || s >= table.length) throw xlsBroken(tF('chainOutside', { what, n: s }));
    if (seen.has(s) || out.length >= limit) throw xlsBroken(tF('chainLoops', { what }));
    seen.add(s);
    out.push(s);
    s = table[s]!;
  }
  return out;
}

/** The FAT: read from the sectors the header and the DIFAT chain list, at most one per sector of the file. */
function readFat(cfb: Cfb): Uint32Array {
  const { buf, sectorSize } = cfb;
  const fatSectors: number[] = [];
  const add = (s: number): void => {
    if (s === FREE || s === END_OF_CHAIN) return;
    if (fatSectors.length >= cfb.sectors) throw xlsBroken(tF('fatTooLong'));
    fatSectors.push(s);
  };
  for (let i = 0; i < 109; i++) add(buf.readUInt32LE(0x4c + i * 4));
  const seen = new Set<number>();
  for (let difat = buf.readUInt32LE(0x44); difat !== END_OF_CHAIN && difat !== FREE; ) {
    if (seen.has(difat)) throw xlsBroken(tF('difatLoops'));
    seen.add(difat);
    const s = sectorOf(cfb, difat, tF('theDifat'));
    if (s.length < sectorSize) throw xlsBroken(tF('difatShort'));
    for (let i = 0; i < sectorSize / 4 - 1; i++) add(s.readUInt32LE(i * 4));
    difat = s.readUInt32LE(sectorSize - 4);
  }
  const fat = new Uint32Array(fatSectors.length * (sectorSize / 4)).fill(FREE);
  fatSectors.forEach((fs, k) => {
    const s = sectorOf(cfb, fs, tF('theFat'));
    for (let i = 0; i + 4 <= s.length; i += 4) fat[k * (sectorSize / 4) + i / 4] = s.readUInt32LE(i);
  });
  return fat;
}

interface DirEntry {
  start: number;
  size: number;
}

function findEntries(dir: Buffer): { root?: DirEntry; book?: DirEntry } {
  let root: DirEntry | undefined;
  let book: DirEntry | undefined;
  for (let off = 0; off + 128 <= dir.length; off += 128) {
    const nameLen = Math.min(64, dir.readUInt16LE(off + 0x40));
    const name = dir.toString('utf16le', off, off + Math.max(0, nameLen - 2));
    const type = dir[off + 0x42];
    const entry = { start: dir.readUInt32LE(off + 0x74), size: dir.readUInt32LE(off + 0x78) };
    if (type === 5) root ??= entry;
    else if (type === 2 && (name === 'Workbook' || name === 'Book')) book ??= entry;
  }
  return { ...(root ? { root } : {}), ...(book ? { book } : {}) };
}

/** The bytes of the workbook stream of a compound file. */
export function workbookStream(buf: Buffer): Buffer {
  if (!isOle2(buf) || buf.length < 512) throw xlsBroken(tF('noOle2'));
  const sectorShift = buf.readUInt16LE(0x1e);
  const miniShift = buf.readUInt16LE(0x20);
  if (sectorShift !== 9 && sectorShift !== 12) throw xlsBroken(tF('sectorSize', { shift: sectorShift }));
  if (miniShift !== 6) throw xlsBroken(tF('miniSectorSize', { shift: miniShift }));
  const sectorSize = 1 << sectorShift;
  const miniSize = 1 << miniShift;
  const cfb: Cfb = { buf, sectorSize, sectors: Math.max(0, Math.ceil(buf.length / sectorSize) - 1) };
  const fat = readFat(cfb);
  const readChain = (start: number, what: string): Buffer =>
    Buffer.concat(chainOf(start, fat, cfb.sectors, what).map((s) => sectorOf(cfb, s, what)));
  const { root, book } = findEntries(readChain(buf.readUInt32LE(0x30), tF('directory')));
  if (!book) throw xlsBroken(tF('noWorkbookStream'));
  if (book.size > buf.length) throw xlsBroken(tF('workbookTooBig', { n: book.size }));
  if (book.size >= buf.readUInt32LE(0x38)) return readChain(book.start, 'Workbook').subarray(0, book.size);
  if (!root) throw xlsBroken(tF('noRootEntry'));
  const ministream = readChain(root.start, tF('miniStream'));
  const mf = readChain(buf.readUInt32LE(0x3c), 'MiniFAT');
  const minifat = new Uint32Array(mf.length >> 2);
  for (let i = 0; i < minifat.length; i++) minifat[i] = mf.readUInt32LE(i * 4);
  const minis = chainOf(book.start, minifat, Math.ceil(ministream.length / miniSize), 'Workbook');
  const parts = minis.map((m) => {
    if ((m + 1) * miniSize > ministream.length) throw xlsBroken(tF('miniBeyond', { n: m }));
    return ministream.subarray(m * miniSize, (m + 1) * miniSize);
  });
  return Buffer.concat(parts).subarray(0, book.size);
}
