/**
 * File IO for import: the head for sniffing, the SHA-256, and a `Source` that decodes the file
 * (whole or as a stream of chunks, in constant memory) with the detected encoding.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { PocketbookError } from '../../core/errors.js';
import type { Source } from '../../import/types.js';
import { bomEncoding, decode, isBinaryContainer } from '../../import/encoding.js';
import { HEAD_BYTES } from '../../import/sniff.js';
import { tAppImport as say } from '../../core/messages/app-import.js';

/** What a path that is not a regular file is, for the refusal. */
function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return say('aFolder');
  if (stat.isFIFO()) return say('aFifo');
  if (stat.isCharacterDevice()) return say('aCharDevice');
  if (stat.isBlockDevice()) return say('aBlockDevice');
  if (stat.isSocket()) return say('aSocket');
  return say('notAFile');
}

/**
 * Opens FILE for reading, refusing at once anything but a regular file: a FIFO would block the
 * open (and the read) until a writer comes, `/dev/zero` never ends. O_NONBLOCK keeps the open of
 * a FIFO from waiting; fstat on the open descriptor then decides (no gap between a check and the open).
 */
export function openRegular(file: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? say('noSuchFile') : code === 'EISDIR' ? say('isFolder') : code === 'EACCES' ? say('permissionDenied') : say('cannotRead', { code: String(code) });
    throw new PocketbookError('BAD_INPUT', why, { location: { file } });
  }
  const stat = fs.fstatSync(fd);
  if (!stat.isFile()) {
    fs.closeSync(fd);
    throw new PocketbookError('BAD_INPUT', say('notRegular', { kind: kindOf(stat) }), { location: { file } });
  }
  return { fd, size: stat.size };
}

/**
 * An .xls (OLE2 compound file) is read whole for detection, up to this size: its workbook stream
 * may sit anywhere in the file (past the first 64 KiB of a big one), and the sheet's rows are what
 * tell a layout. Zip workbooks (.xlsx) are read from their head (their parts stream).
 */
const WHOLE_OLE2_BYTES = 64 * 1024 * 1024;

function readInto(fd: number, buf: Buffer, from: number): number {
  let got = from;
  while (got < buf.length) {
    const n = fs.readSync(fd, buf, got, buf.length - got, got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

export function readHead(file: string): { head: Buffer; size: number } {
  const { fd, size } = openRegular(file);
  try {
    let head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    let got = readInto(fd, head, 0);
    if (got === HEAD_BYTES && size > HEAD_BYTES && size <= WHOLE_OLE2_BYTES && isBinaryContainer(head) && head.readUInt32LE(0) !== 0x04034b50) {
      head = Buffer.concat([head, Buffer.alloc(size - HEAD_BYTES)]);
      got = readInto(fd, head, got);
    }
    return { head: head.subarray(0, got), size };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new PocketbookError('BAD_INPUT', say('cannotRead', { code: String(code) }), { location: { file } });
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The file's sha256, read in 1 MiB pieces into one buffer. Synchronously: it runs while the
 * reading thread starts, and a stream's hops through the I/O threads took 0.25 s of a 48 MB
 * file (this: 0.04 s), delaying the first rows.
 */
export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** A Source over a file on disk; `onBytes` sees the raw byte count of each chunk read (progress). */
export function fileSource(file: string, displayName: string, encoding: string, onBytes?: (n: number) => void): Source {
  return {
    fileName: displayName,
    encoding,
    readBytes: () => fs.promises.readFile(file),
    readText: async () => decode(await fs.promises.readFile(file), encoding),
    streamUtf8: () => streamUtf8(file, encoding, onBytes),
  };
}

async function* streamUtf8(file: string, encoding: string, onBytes?: (n: number) => void): AsyncGenerator<Buffer> {
  const raw = fs.createReadStream(file, { highWaterMark: 1 << 18 });
  if (onBytes) raw.on('data', (c) => onBytes((c as Buffer).length));
  if (encoding === 'utf-8') {
    // As on disk: the reader decodes each cell once, where csv-parse ends it.
    let first = true;
    for await (const chunk of raw) {
      let bytes = chunk as Buffer;
      if (first) {
        first = false;
        if (bomEncoding(bytes) === 'utf-8') bytes = bytes.subarray(3);
      }
      if (bytes.length > 0) yield bytes;
    }
    return;
  }
  let first = true;
  for await (const chunk of raw.pipe(iconv.decodeStream(encoding))) {
    let text = chunk as string;
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text !== '') yield Buffer.from(text, 'utf8');
  }
}
