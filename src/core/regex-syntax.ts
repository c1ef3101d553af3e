/**
 * A parser for JavaScript regular expressions as `new RegExp(source, flags)` reads them (with
 * or without the `u` and `i` flags), for the backtracking check in redos.ts. It only runs on
 * patterns the engine has already accepted, never loops (every step consumes input), and
 * over-approximates: when it is unsure what an escape matches it assumes "more characters",
 * "may match nothing" and "closes nothing", which can only make the check stricter.
 *
 * Character sets are 256-bit masks: bit c for an ASCII code c, and bit 128 + (code % 128) for
 * any other code point (a bucket shared by many characters).
 */

export type CharSet = bigint;

export type Node =
  | { t: 'chars'; set: CharSet }
  | { t: 'empty' }
  | { t: 'anchor' }
  | { t: 'backref' }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; branches: Node[] }
  | { t: 'group'; body: Node }
  | { t: 'look'; body: Node; behind: boolean }
  | { t: 'repeat'; body: Node; min: number; max: number; text: string };

export interface Flags {
  ignoreCase: boolean;
  unicode: boolean;
}

/** Deepest group nesting the parser follows (deeper patterns are refused as unreadable). */
export const MAX_NESTING = 40;

const ASCII_ALL: CharSet = (1n << 128n) - 1n;
const BUCKETS: CharSet = ((1n << 256n) - 1n) ^ ASCII_ALL;
export const ALL: CharSet = ASCII_ALL | BUCKETS;
export const NONE: CharSet = 0n;

const BITS: readonly CharSet[] = Array.from({ length: 256 }, (_, k) => 1n << BigInt(k));
const bit = (code: number): CharSet => BITS[code < 128 ? code : 128 + (code % 128)]!;
/** ASCII letters with their other case (the `i` flag), other ASCII characters alone. */
const FOLDED: readonly CharSet[] = BITS.slice(0, 128).map((b, c) => (/[A-Za-z]/.test(String.fromCharCode(c)) ? b | BITS[c ^ 32]! : b));
const rangeBits = (a: number, b: number): CharSet => {
  let s = 0n;
  for (let c = a; c <= b; c++) s |= bit(c);
  return s;
};
const DIGIT = rangeBits(48, 57);
const WORD = DIGIT | rangeBits(65, 90) | rangeBits(97, 122) | bit(95);
const SPACE = [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]
  .map(bit)
  .reduce((a, b) => a | b, rangeBits(0x2000, 0x200a));
/** Complement: exact for ASCII, every bucket for the rest (a bucket holds many characters). */
const complement = (asciiPart: CharSet): CharSet => (ASCII_ALL & ~asciiPart) | BUCKETS;

/** One item of a class: its set, and whether its ASCII part is exact (usable under `[^…]`). */
interface ClassItem {
  set: CharSet;
  code?: number;
  exact: boolean;
}

export class RegexParser {
  private i = 0;
  private depth = 0;
  private readonly named: boolean;

  constructor(private readonly src: string, private readonly flags: Flags) {
    this.named = /\(\?<(?![=!])/.test(src);
  }

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new Error(`unexpected "${this.src[this.i]}"`);
    return node;
  }

  private alternation(): Node {
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : { t: 'alt', branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const start = this.i;
      items.push(this.quantified(this.atom(), start));
    }
    return items.length === 0 ? { t: 'empty' } : items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private quantified(atom: Node, start: number): Node {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
      this.i++;
    } else if (c === '{') {
      const re = /\{(\d+)(?:(,)(\d*))?\}/y;
      re.lastIndex = this.i;
      const m = re.exec(this.src);
      if (!m) return atom; // a literal "{" (outside u mode)
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i = re.lastIndex;
    } else return atom;
    if (this.src[this.i] === '?') this.i++; // lazy: the same search space
    return { t: 'repeat', body: atom, min, max, text: this.src.slice(start, this.i) };
  }

  private atom(): Node {
    const c = this.src[this.i]!;
    if (c === '(') return this.group();
    this.i++;
    if (c === '[') return { t: 'chars', set: this.charClass() };
    if (c === '.') return { t: 'chars', set: ALL };
    if (c === '^' || c === '$') return { t: 'anchor' };
    if (c === '\\') return this.escape();
    if (c === '*' || c === '+' || c === '?') throw new Error('nothing to repeat');
    return { t: 'chars', set: this.fold(this.codeAt(this.i - 1)) };
  }

  private group(): Node {
    if (++this.depth > MAX_NESTING) throw new Error(`groups nested more than ${MAX_NESTING} deep`);
    this.i++;
    let look = false;
    let behind = false;
    if (this.src[this.i] === '?') {
      const re = /\?(?::|=|!|<=|<!|<[^>]+>)/y;
      re.lastIndex = this.i;
      const m = re.exec(this.src);
      if (!m) throw new Error('an unknown kind of group');
      look = /^\?(?:=|!|<=|<!)$/.test(m[0]);
      behind = m[0].startsWith('?<') && look;
      this.i = re.lastIndex;
    }
    const body = this.alternation();
    if (this.src[this.i] !== ')') throw new Error('missing )');
    this.i++;
    this.depth--;
    return look ? { t: 'look', body, behind } : { t: 'group', body };
  }

  /** The character at `at` (a whole code point in u mode); advances past a surrogate pair. */
  private codeAt(at: number): number {
    if (!this.flags.unicode) return this.src.charCodeAt(at);
    const code = this.src.codePointAt(at)!;
    if (code > 0xffff) this.i = at + 2;
    return code;
  }

  /** The set of one character, with its other case under `i`. */
  private fold(code: number): CharSet {
    if (!this.flags.ignoreCase) return bit(code);
    if (code < 128) return FOLDED[code]!;
    const ch = String.fromCodePoint(code);
    let set = bit(code);
    for (const other of [ch.toUpperCase(), ch.toLowerCase(), ch.toUpperCase().toLowerCase()]) {
      if ([...other].length === 1) set |= bit(other.codePointAt(0)!);
    }
    if (this.flags.unicode && code >= 128) set |= rangeBits(65, 90) | rangeBits(97, 122); // K (Kelvin) is k under iu
    return set;
  }

  private foldRange(a: number, b: number): CharSet {
    let set = 0n;
    for (let c = a; c <= Math.min(b, 127); c++) set |= this.fold(c);
    if (b < 128) return set;
    const from = Math.max(a, 128);
    if (b - from < 127) {
      for (let c = from; c <= b; c++) set |= this.fold(c);
      return set;
    }
    // 128 code points in a row fill every bucket (no need to fold them one by one); under iu
    // some fold into ASCII letters (K, the Kelvin sign, is k).
    return set | BUCKETS | (this.flags.ignoreCase && this.flags.unicode ? rangeBits(65, 90) | rangeBits(97, 122) : 0n);
  }

  /** After a backslash outside a class. */
  private escape(): Node {
    const c = this.src[this.i];
    if (c === undefined) throw new Error('trailing backslash');
    if (c === 'b' || c === 'B') {
      this.i++;
      return { t: 'anchor' };
    }
    if (/[1-9]/.test(c)) {
      while (/[0-9]/.test(this.src[this.i] ?? '')) this.i++;
      return { t: 'backref' }; // or an octal escape: a backreference assumes less about it
    }
    if (c === 'k' && this.src[this.i + 1] === '<' && (this.named || this.flags.unicode)) {
      const close = this.src.indexOf('>', this.i);
      if (close < 0) throw new Error('unterminated \\k<name>');
      this.i = close + 1;
      return { t: 'backref' };
    }
    const item = this.escapeItem(false);
    return { t: 'chars', set: item.set };
  }

  /** A character escape (after the backslash), in a class or not; never a backreference. */
  private escapeItem(inClass: boolean): ClassItem {
    const c = this.src[this.i++]!;
    const exact = (code: number): ClassItem => ({ set: this.fold(code), code, exact: true });
    switch (c) {
      case 'd': return { set: DIGIT, exact: true };
      case 'D': return { set: complement(DIGIT), exact: true };
      case 'w': return { set: WORD, exact: true };
      case 'W': return { set: complement(WORD), exact: true };
      case 's': return { set: SPACE, exact: true };
      case 'S': return { set: complement(SPACE & ASCII_ALL), exact: true };
      case 'n': return exact(10);
      case 'r': return exact(13);
      case 't': return exact(9);
      case 'v': return exact(11);
      case 'f': return exact(12);
      case 'b': return exact(inClass ? 8 : 98);
      case '0': if (!/[0-9]/.test(this.src[this.i] ?? '')) return exact(0); break;
      case 'c': {
        const next = this.src[this.i] ?? '';
        if (/[A-Za-z]/.test(next) || (inClass && !this.flags.unicode && /[0-9_]/.test(next))) {
          this.i++;
          return exact(next.charCodeAt(0) % 32);
        }
        this.i--; // "\c" not followed by a letter: a literal backslash, then "c"
        return exact(92);
      }
      case 'x': {
        const m = /[0-9a-fA-F]{2}/y;
        m.lastIndex = this.i;
        if (!m.exec(this.src)) return exact(120);
        this.i = m.lastIndex;
        return exact(parseInt(this.src.slice(this.i - 2, this.i), 16));
      }
      case 'u': return this.unicodeEscape();
      case 'p': case 'P':
        if (this.flags.unicode) {
          const close = this.src.indexOf('}', this.i);
          if (this.src[this.i] !== '{' || close < 0) throw new Error('bad \\p{…}');
          this.i = close + 1;
          return { set: ALL, exact: false };
        }
        break;
    }
    if (/[0-9]/.test(c)) {
      while (/[0-9]/.test(this.src[this.i] ?? '')) this.i++;
      return { set: ALL, exact: false }; // an octal escape in a class: assume anything
    }
    return exact(this.codeAt(this.i - 1));
  }

  private unicodeEscape(): ClassItem {
    const braces = /\{([0-9a-fA-F]+)\}/y;
    const four = /[0-9a-fA-F]{4}/y;
    braces.lastIndex = four.lastIndex = this.i;
    let code: number;
    if (this.flags.unicode && braces.exec(this.src)) {
      code = parseInt(this.src.slice(this.i + 1, braces.lastIndex - 1), 16);
      this.i = braces.lastIndex;
    } else if (four.exec(this.src)) {
      code = parseInt(this.src.slice(this.i, four.lastIndex), 16);
      this.i = four.lastIndex;
      if (code >= 0xd800 && code <= 0xdfff) return { set: BUCKETS, exact: false }; // half of a pair
    } else return { set: this.fold(117), code: 117, exact: true };
    return { set: this.fold(code), code, exact: true };
  }

  /** After "[": in JavaScript "]" always ends a class, so "[]" is empty and "[^]" is anything. */
  private charClass(): CharSet {
    const negate = this.src[this.i] === '^';
    if (negate) this.i++;
    let over = 0n;
    let under = 0n;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      let item = this.classAtom();
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        const save = this.i;
        this.i++;
        const to = this.classAtom();
        if (item.code !== undefined && to.code !== undefined) {
          item = { set: this.foldRange(item.code, to.code), exact: true };
        } else {
          this.i = save; // "\d-z" outside u mode: three items; "-" is read as a literal next
        }
      }
      over |= item.set;
      if (item.exact) under |= item.set & ASCII_ALL;
    }
    if (this.src[this.i] !== ']') throw new Error('missing ]');
    this.i++;
    return negate ? complement(under) : over;
  }

  private classAtom(): ClassItem {
    const c = this.src[this.i++]!;
    if (c !== '\\') {
      const code = this.codeAt(this.i - 1);
      return { set: this.fold(code), code, exact: true };
    }
    if (this.src[this.i] === '-') {
      this.i++;
      return { set: bit(45), code: 45, exact: true };
    }
    return this.escapeItem(true);
  }
}
