/**
 * Terminal display width, per grapheme: East Asian wide and fullwidth characters (from
 * get-east-asian-width) and emoji (🚗, 👨‍👩‍👧, ❤️) take 2 columns; combining marks, variation
 * selectors, zero-width and control characters and ANSI colour codes take 0. A listing of thousands
 * of rows measures every cell, so text without emoji, joiners or surrogates is measured one code unit
 * at a time from a table (no segmentation, nothing allocated); only the rest is split into graphemes.
 */
import { eastAsianWidth } from 'get-east-asian-width';

const ANSI = /\x1b\[[0-9;]*m/g;

/** Code units that need the grapheme path: joiners, variation selectors, Hangul vowels/finals, keycap. */
const COMPLEX = 3;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;
const RGI_EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v');

const UNKNOWN = 255;
let bmp: Uint8Array | undefined;
let segmenter: Intl.Segmenter | undefined;

/** Width of one BMP code unit (0, 1, 2, or COMPLEX). */
function unitWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return 0;
  if ((cp >= 0xd800 && cp <= 0xdfff) || cp === 0x200d || cp === 0x20e3) return COMPLEX;
  if ((cp >= 0x1160 && cp < 0x1200) || (cp >= 0xd7b0 && cp < 0xd800) || (cp >= 0xfe00 && cp < 0xfe10)) return COMPLEX;
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

function bmpWidth(cp: number): number {
  const widths = table();
  let w = widths[cp]!;
  if (w === UNKNOWN) widths[cp] = w = unitWidth(cp);
  return w;
}

/** Display width of one code point on its own (no grapheme context). */
export function charWidth(cp: number): number {
  if (cp <= 0xffff) {
    const w = bmpWidth(cp);
    return w === COMPLEX ? (cp >= 0xd800 && cp <= 0xdfff ? 1 : 0) : w;
  }
  const ch = String.fromCodePoint(cp);
  if (ZERO_WIDTH.test(ch)) return 0;
  return RGI_EMOJI.test(ch) ? 2 : eastAsianWidth(cp);
}

/** Width of one grapheme cluster: 2 for an emoji (sequence), else its first code point's width. */
function graphemeWidth(g: string): number {
  if (g.length === 1) return charWidth(g.charCodeAt(0));
  if (RGI_EMOJI.test(g)) return 2;
  // A base with combining marks, a text-style variation selector or a joiner: the base's width.
  return charWidth(g.codePointAt(0)!);
}

function segmentedWidth(text: string): number {
  let width = 0;
  for (const { segment } of (segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(text)) {
    width += graphemeWidth(segment);
  }
  return width;
}

export function textWidth(text: string): number {
  const plain = text.includes('\x1b') ? text.replace(ANSI, '') : text;
  const widths = table();
  let width = 0;
  for (let i = 0; i < plain.length; i++) {
    const unit = plain.charCodeAt(i);
    let w = widths[unit]!;
    if (w === UNKNOWN) widths[unit] = w = unitWidth(unit);
    if (w === COMPLEX) return segmentedWidth(plain);
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
  let out = '';
  let used = 0;
  for (const { segment } of (segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(text)) {
    const w = textWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}
