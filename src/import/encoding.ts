/**
 * Bytes → text: byte-order marks, UTF-8 validation, OFX charset headers, and the legacy
 * candidates (GB18030, Shift_JIS, Windows-1252) that bytes alone cannot tell apart. Pure.
 */
import iconv from 'iconv-lite';
import { PocketbookError } from '../core/errors.js';
import { tErrorsImport as tI } from '../core/messages/errors-import.js';

/** Legacy encodings tried, in order, when a file is neither BOM-marked nor valid UTF-8. */
export const LEGACY_CANDIDATES = ['gb18030', 'shift_jis', 'windows-1252'] as const;

/** zip (xlsx) or OLE2 (xls) container: not text. */
export function isBinaryContainer(head: Buffer): boolean {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return true;
  return head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
}

/** The encoding a byte-order mark announces, or undefined. */
export function bomEncoding(head: Buffer): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * Is `buf` valid UTF-8? `truncated` says the buffer is the head of a longer file, so an
 * incomplete sequence at its very end is fine.
 */
export function isValidUtf8(buf: Buffer, truncated = false): boolean {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return false;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined) return truncated;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/**
 * `CHARSET:1252` (OFX 1.x SGML header) → windows-1252; `encoding="…"` in an XML declaration.
 * Headers lie (a bank writes `CHARSET:1252` or `ENCODING:USASCII` over a UTF-8 body): a body with
 * non-ASCII bytes that are valid UTF-8 is read as UTF-8 whatever the header says (undefined here);
 * only a body that is not valid UTF-8 follows its header. `truncated`: `head` is the file's beginning.
 */
export function declaredEncoding(head: Buffer, truncated = true): string | undefined {
  const declared = headerEncoding(head);
  if (declared !== undefined && hasNonAscii(head) && isValidUtf8(head, truncated)) return undefined;
  return declared;
}

function hasNonAscii(buf: Buffer): boolean {
  for (let i = 0; i < buf.length; i++) if (buf[i]! >= 0x80) return true;
  return false;
}

function headerEncoding(head: Buffer): string | undefined {
  const ascii = head.subarray(0, 1024).toString('latin1');
  if (/^\s*OFXHEADER\s*:/m.test(ascii)) {
    const m = /^\s*CHARSET\s*:\s*(\S+)/m.exec(ascii);
    const cs = m?.[1]?.toUpperCase();
    if (cs && /^(1252|WINDOWS-1252|CP1252)$/.test(cs)) return 'windows-1252';
    if (cs && /^(8859-1|ISO-8859-1|LATIN1)$/.test(cs)) return 'windows-1252';
  }
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(ascii);
  if (xml?.[1] && iconv.encodingExists(xml[1]) && !/^utf-?8$/i.test(xml[1])) return normalizeEncoding(xml[1]);
  return undefined;
}

/** User/profile encoding names → iconv-lite names; throws ENCODING for unknown ones. */
export function normalizeEncoding(name: string): string {
  const lower = name.trim().toLowerCase();
  const mapped =
    lower === 'utf-8-bom' || lower === 'utf8-bom' || lower === 'utf8' ? 'utf-8'
      : lower === 'gbk' || lower === 'gb2312' || lower === 'cp936' ? 'gb18030'
        : lower === 'cp932' || lower === 'sjis' || lower === 'shift-jis' || lower === 'windows-31j' ? 'shift_jis'
          : lower === 'latin1' || lower === 'iso-8859-1' || lower === 'cp1252' ? 'windows-1252'
            : lower;
  if (mapped === 'binary') return mapped;
  if (!iconv.encodingExists(mapped)) {
    throw new PocketbookError('ENCODING', tI('unknownEncoding', { name }), {
      hint: tI('encodingHint'),
    });
  }
  return mapped;
}

/** Decode bytes with an iconv-lite encoding, dropping a BOM. */
export function decode(buf: Buffer, encoding: string): string {
  if (encoding === 'binary') return '';
  const text = encoding === 'utf-8' ? buf.toString('utf8') : iconv.decode(buf, encoding);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * How implausible `buf` is as text in `encoding` (0 = perfectly plausible). Used only to break
 * ties between legacy candidates that the readers score equally.
 */
export function implausibility(buf: Buffer, encoding: string): number {
  if (encoding === 'gb18030') return gbPenalty(buf);
  if (encoding === 'shift_jis') return sjisPenalty(buf);
  return latinPenalty(buf);
}

const isAsciiLetter = (b: number | undefined) => b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));

/** GB2312 text uses lead bytes A1–F7 with trail A1–FE; anything else is rare in real files. */
function gbPenalty(buf: Buffer): number {
  let penalty = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b < 0x80) continue;
    const t = buf[i + 1];
    if (b === 0x80 || b === 0xff || t === undefined) {
      penalty += 10;
      continue;
    }
    if (t >= 0x30 && t <= 0x39) {
      i += 3; // four-byte GB18030 sequence: legal but rare
      penalty += 3;
      continue;
    }
    if (t < 0x40 || t === 0x7f || t === 0xff) penalty += 10;
    else if (!(b >= 0xa1 && b <= 0xf7 && t >= 0xa1)) penalty += 2;
    if (isAsciiLetter(buf[i - 1]) && isAsciiLetter(buf[i + 2])) penalty += 3;
    i++;
  }
  return penalty;
}

/** Shift_JIS: half-width katakana glued to double-byte characters, or invalid trails, are implausible. */
function sjisPenalty(buf: Buffer): number {
  let penalty = 0;
  let prev: 'ascii' | 'kana' | 'double' = 'ascii';
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b < 0x80) {
      prev = 'ascii';
      continue;
    }
    if (b >= 0xa1 && b <= 0xdf) {
      if (prev === 'double') penalty += 2;
      prev = 'kana';
      continue;
    }
    const t = buf[i + 1];
    if (!((b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc)) || t === undefined || t < 0x40 || t === 0x7f || t > 0xfc) {
      penalty += 10;
      prev = 'ascii';
      continue;
    }
    if (prev === 'kana') penalty += 2;
    if (isAsciiLetter(buf[i - 1]) && isAsciiLetter(buf[i + 2])) penalty += 3;
    prev = 'double';
    i++;
  }
  return penalty;
}

/** Windows-1252: European text has single accented letters; long runs of high bytes are CJK. */
function latinPenalty(buf: Buffer): number {
  let penalty = 0;
  let run = 0;
  for (let i = 0; i <= buf.length; i++) {
    const b = buf[i];
    if (b !== undefined && b >= 0x80) {
      run++;
      if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) penalty += 10;
      continue;
    }
    if (run >= 2) penalty += run;
    run = 0;
  }
  return penalty;
}
