/**
 * Terminal display width per grapheme: East Asian wide and fullwidth characters and emoji (🚗) take
 * 2 columns (get-east-asian-width); an emoji sequence (👨‍👩‍👧, 👍🏽, ❤️, 🇨🇳, 1️⃣) is one 2-column
 * glyph; combining marks, variation selectors, zero-width and control characters and ANSI colour
 * codes take 0. A listing of thousands of rows measures every cell, so text without joiners,
 * variation selectors or surrogates is summed one code unit at a time from a table; the rest goes
 * through a small grapheme scanner (Intl.Segmenter costs ~40 µs a string, too slow for listings).
 */
import { eastAsianWidth } from 'get-east-asian-width';

const ANSI = /\x1b\[[0-9;]*m/g;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const KEYCAP = 0x20e3;

/** Table marks: code units that need the scanner (joiner, variation selectors, keycap, surrogates). */
const COMPLEX = 3;
const UNKNOWN = 255;
let bmp: Uint8Array | undefined;

/** Width of one BMP code unit (0, 1, 2, or COMPLEX). Hangul medial vowels and finals join the initial. */
function unitWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return 0;
  if ((cp >= 0xd800 && cp <= 0xdfff) || cp === ZWJ || cp === KEYCAP || (cp >= 0xfe00 && cp <= 0xfe0f)) return COMPLEX;
  if ((cp >= 0x1160 && cp < 0x1200) || (cp >= 0xd7b0 && cp < 0xd800)) return 0;
  if (cp >= 0x300 && ZERO_WIDTH.test(String.fromCharCode(cp))) return 0;
  return eastAsianWidth(cp);
}

/** Widths of BMP code units, each worked out on first sight (ASCII up front). */
function table(): Uint8Array {
  if (!bmp) {
    bmp = new Uint8Array(0x10000).fill(UNKNOWN);
    for (let cp = 0; cp < 0x80; cp++) bmp[cp] = unitWidth(cp);
  }
  return bmp;
}

/** Display width of one code point on its own (no grapheme context). */
export function charWidth(cp: number): number {
  if (cp <= 0xffff) {
    const widths = table();
    if (widths[cp] === UNKNOWN) widths[cp] = unitWidth(cp);
    const w = widths[cp]!;
    return w !== COMPLEX ? w : cp >= 0xd800 && cp <= 0xdfff ? 1 : 0;
  }
  return ZERO_WIDTH.test(String.fromCodePoint(cp)) ? 0 : eastAsianWidth(cp);
}

const isRegional = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;
const isModifier = (cp: number) => cp >= 0x1f3fb && cp <= 0x1f3ff;
const isPictographic = (cp: number) => PICTOGRAPHIC.test(String.fromCodePoint(cp));

/**
 * Walk graphemes: a base and what attaches to it (marks, variation selectors, skin tones, a keycap,
 * whatever follows a joiner, the second regional indicator of a flag). Returns the width and the end
 * of the last whole grapheme that fits in `limit` columns.
 */
function measure(text: string, limit: number): { width: number; end: number } {
  let width = 0;
  let end = 0;
  let cluster = 0;
  let base = -1;
  let joined = false;
  let flag = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const w = charWidth(cp);
    const attaches = base >= 0 && (joined || w === 0 || (flag && isRegional(cp)) || (isModifier(cp) && isPictographic(base)));
    if (attaches) {
      if ((cp === VS16 && isPictographic(base)) || cp === KEYCAP || (flag && isRegional(cp))) cluster = 2;
      flag = false;
      joined = cp === ZWJ;
    } else {
      if (base >= 0) {
        width += cluster;
        if (width <= limit) end = i;
      }
      base = cp;
      cluster = w;
      joined = false;
      flag = isRegional(cp);
    }
    i += cp > 0xffff ? 2 : 1;
  }
  width += cluster;
  if (width <= limit) end = text.length;
  return { width, end };
}

export function textWidth(text: string): number {
  const plain = text.includes('\x1b') ? text.replace(ANSI, '') : text;
  const widths = table();
  let width = 0;
  for (let i = 0; i < plain.length; i++) {
    const unit = plain.charCodeAt(i);
    let w = widths[unit]!;
    if (w === UNKNOWN) widths[unit] = w = unitWidth(unit);
    if (w === COMPLEX) return measure(plain, Infinity).width;
    width += w;
  }
  return width;
}

export function padText(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = width - textWidth(text);
  if (gap <= 0) return text;
  return align === 'right' ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

/** Cut to a display width, adding "…" when cut; never splits a grapheme (an emoji, e + accent). */
export function cutText(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  return `${text.slice(0, measure(text, width - 1).end)}…`;
}
