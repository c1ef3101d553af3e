/**
 * Terminal display width without loading string-width (whose import and per-call segmentation
 * cost more than a whole report): East Asian wide/fullwidth ranges count 2, combining marks,
 * control characters and ANSI colour codes count 0. A listing of thousands of rows measures
 * every cell several times, so each character costs one table look-up (BMP) and nothing is
 * allocated.
 */
const ANSI = /\x1b\[[0-9;]*m/g;

const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x25fd, 0x25fe], [0x2614, 0x2615],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];
const ZERO: readonly [number, number][] = [[0x0300, 0x036f], [0x200b, 0x200f], [0x20d0, 0x20ff], [0xfe00, 0xfe0f], [0xfe20, 0xfe2f]];

/** Width of every BMP code unit (0, 1 or 2), built on first use. */
let bmp: Uint8Array | undefined;

function bmpWidths(): Uint8Array {
  const w = new Uint8Array(0x10000).fill(1, 0x20);
  for (const [a, b] of WIDE) if (a <= 0xffff) w.fill(2, a, Math.min(b, 0xffff) + 1);
  for (const [a, b] of ZERO) w.fill(0, a, b + 1);
  return w;
}

const inRanges = (cp: number, ranges: readonly [number, number][]) => ranges.some(([a, b]) => cp >= a && cp <= b);

/** Display width of one code point. */
export function charWidth(cp: number): number {
  if (cp <= 0xffff) return (bmp ??= bmpWidths())[cp]!;
  if (inRanges(cp, ZERO)) return 0;
  return inRanges(cp, WIDE) ? 2 : 1;
}

export function textWidth(text: string): number {
  const plain = text.includes('\x1b') ? text.replace(ANSI, '') : text;
  const table = (bmp ??= bmpWidths());
  let width = 0;
  for (let i = 0; i < plain.length; i++) {
    const unit = plain.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < plain.length) {
      const low = plain.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        width += charWidth(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    width += table[unit]!;
  }
  return width;
}

export function padText(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = width - textWidth(text);
  if (gap <= 0) return text;
  return align === 'right' ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

export function cutText(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = textWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}
