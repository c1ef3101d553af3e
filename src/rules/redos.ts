/**
 * A structural check for regular expressions that can backtrack catastrophically:
 * a repeated group holding another unbounded repetition (`(a+)+`, `(\w+\s?)*`), or a
 * repeated alternation whose branches can start with the same character (`(a|a)*`,
 * `(a|ab)+`, `(\w|\d)*`). Conservative: it may refuse a pattern that is in fact safe, never
 * the reverse for these shapes. Pure; no regex is ever run on user text here.
 */

type Node =
  | { t: 'chars'; set: CharSet }
  | { t: 'empty' }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; branches: Node[] }
  | { t: 'group'; body: Node; zeroWidth: boolean }
  | { t: 'repeat'; body: Node; max: number };

/** Characters 0–127 by code, plus 128 = "anything else". */
type CharSet = Set<number>;
const OTHER = 128;

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const DIGIT = new Set(range(48, 57));
const WORD = new Set([...range(48, 57), ...range(65, 90), ...range(97, 122), 95]);
const SPACE = new Set([9, 10, 11, 12, 13, 32, OTHER]);
const ALL = new Set(range(0, OTHER));
const complement = (s: CharSet): CharSet => new Set([...ALL].filter((c) => !s.has(c) || c === OTHER));
const charSet = (ch: string): CharSet => {
  const code = ch.charCodeAt(0);
  if (code >= 128) return new Set([OTHER]);
  const lower = ch.toLowerCase().charCodeAt(0);
  const upper = ch.toUpperCase().charCodeAt(0);
  return new Set([code, lower, upper].filter((c) => c < 128));
};

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alt();
    if (this.i < this.src.length) throw new Error(`unexpected "${this.src[this.i]}"`);
    return node;
  }

  private alt(): Node {
    const branches = [this.seq()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.seq());
    }
    return branches.length === 1 ? branches[0]! : { t: 'alt', branches };
  }

  private seq(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return items.length === 0 ? { t: 'empty' } : items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private quantified(atom: Node): Node {
    let node = atom;
    for (;;) {
      const c = this.src[this.i];
      let max: number | undefined;
      if (c === '*' || c === '+') max = Infinity;
      else if (c === '?') max = 1;
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
        if (!m) return node; // a literal "{"
        max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
        this.i += m[0].length - 1;
      }
      if (max === undefined) return node;
      this.i++;
      if (this.src[this.i] === '?') this.i++; // lazy: same search space
      node = { t: 'repeat', body: node, max };
    }
  }

  private atom(): Node {
    const c = this.src[this.i++]!;
    if (c === '(') {
      let zeroWidth = false;
      if (this.src[this.i] === '?') {
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(this.src.slice(this.i));
        if (!m) throw new Error('unknown group');
        zeroWidth = /^\?(=|!|<=|<!)$/.test(m[0]);
        this.i += m[0].length;
      }
      const body = this.alt();
      if (this.src[this.i] !== ')') throw new Error('missing )');
      this.i++;
      return { t: 'group', body, zeroWidth };
    }
    if (c === '[') return { t: 'chars', set: this.charClass() };
    if (c === '.') return { t: 'chars', set: ALL };
    if (c === '^' || c === '$') return { t: 'empty' };
    if (c === '\\') return this.escape(false);
    return { t: 'chars', set: charSet(c) };
  }

  private escape(inClass: boolean): Node {
    const c = this.src[this.i++];
    if (c === undefined) throw new Error('trailing backslash');
    switch (c) {
      case 'd': return { t: 'chars', set: DIGIT };
      case 'D': return { t: 'chars', set: complement(DIGIT) };
      case 'w': return { t: 'chars', set: WORD };
      case 'W': return { t: 'chars', set: complement(WORD) };
      case 's': return { t: 'chars', set: SPACE };
      case 'S': return { t: 'chars', set: complement(SPACE) };
      case 'b': case 'B': return inClass ? { t: 'chars', set: new Set([8]) } : { t: 'empty' };
      case 'u': case 'x': {
        const m = (c === 'u' ? /^[0-9a-fA-F]{4}/ : /^[0-9a-fA-F]{2}/).exec(this.src.slice(this.i));
        if (!m) return { t: 'chars', set: charSet(c) };
        this.i += m[0].length;
        return { t: 'chars', set: charSet(String.fromCharCode(parseInt(m[0], 16))) };
      }
      default:
        if (/[1-9]/.test(c)) return { t: 'chars', set: ALL }; // backreference: treat as anything
        if (c === 'k' && this.src[this.i] === '<') {
          this.i = this.src.indexOf('>', this.i) + 1;
          return { t: 'chars', set: ALL };
        }
        return { t: 'chars', set: charSet(c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c) };
    }
  }

  private charClass(): CharSet {
    let negate = false;
    if (this.src[this.i] === '^') {
      negate = true;
      this.i++;
    }
    const set: CharSet = new Set();
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      let from: CharSet;
      let fromChar: string | undefined;
      if (this.src[this.i] === '\\') {
        this.i++;
        const node = this.escape(true);
        from = node.t === 'chars' ? node.set : new Set();
      } else {
        fromChar = this.src[this.i++]!;
        from = charSet(fromChar);
      }
      if (fromChar !== undefined && this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        const toChar = this.src[this.i + 1] === '\\' ? this.src[this.i + 2]! : this.src[this.i + 1]!;
        this.i += this.src[this.i + 1] === '\\' ? 3 : 2;
        const a = fromChar.charCodeAt(0);
        const b = toChar.charCodeAt(0);
        for (let code = Math.min(a, 127); code <= Math.min(b, 127); code++) charSet(String.fromCharCode(code)).forEach((x) => set.add(x));
        if (b >= 128) set.add(OTHER);
        continue;
      }
      from.forEach((x) => set.add(x));
    }
    if (this.src[this.i] !== ']') throw new Error('missing ]');
    this.i++;
    return negate ? complement(set) : set;
  }
}

/** Characters a node can start with; `nullable` when it can match the empty string. */
function first(node: Node): { set: CharSet; nullable: boolean } {
  switch (node.t) {
    case 'chars': return { set: node.set, nullable: false };
    case 'empty': return { set: new Set(), nullable: true };
    case 'group': return node.zeroWidth ? { set: new Set(), nullable: true } : first(node.body);
    case 'repeat': return { set: first(node.body).set, nullable: true };
    case 'alt': {
      const set: CharSet = new Set();
      let nullable = false;
      for (const b of node.branches) {
        const f = first(b);
        f.set.forEach((x) => set.add(x));
        nullable ||= f.nullable;
      }
      return { set, nullable };
    }
    case 'seq': {
      const set: CharSet = new Set();
      for (const item of node.items) {
        const f = first(item);
        f.set.forEach((x) => set.add(x));
        if (!f.nullable) return { set, nullable: false };
      }
      return { set, nullable: true };
    }
  }
}

const intersects = (a: CharSet, b: CharSet) => [...a].some((x) => b.has(x));

/** Why the pattern is dangerous, or undefined when it is not. */
function danger(node: Node, underRepeat: boolean): string | undefined {
  switch (node.t) {
    case 'chars': case 'empty': return undefined;
    case 'group': return danger(node.body, underRepeat);
    case 'seq':
      for (const item of node.items) {
        const d = danger(item, underRepeat);
        if (d) return d;
      }
      return undefined;
    case 'alt': {
      if (underRepeat) {
        const firsts = node.branches.map(first);
        for (let i = 0; i < firsts.length; i++) {
          for (let j = i + 1; j < firsts.length; j++) {
            if (intersects(firsts[i]!.set, firsts[j]!.set) || (firsts[i]!.nullable && firsts[j]!.nullable)) {
              return 'a repeated alternation whose branches overlap (like (a|ab)*)';
            }
          }
        }
      }
      for (const b of node.branches) {
        const d = danger(b, underRepeat);
        if (d) return d;
      }
      return undefined;
    }
    case 'repeat': {
      if (node.max <= 1) return danger(node.body, underRepeat);
      if (underRepeat) return 'a nested repetition (like (a+)+)';
      return danger(node.body, true);
    }
  }
}

/** Check a pattern; returns a description of the problem, or undefined when it is acceptable. */
export function checkPattern(source: string): string | undefined {
  try {
    new RegExp(source, 'i');
  } catch (err) {
    return `is not a valid regular expression (${(err as Error).message.replace(/^Invalid regular expression: /, '')})`;
  }
  let tree: Node;
  try {
    tree = new Parser(source).parse();
  } catch (err) {
    return `cannot be checked (${(err as Error).message})`;
  }
  const why = danger(tree, false);
  return why ? `can backtrack catastrophically: ${why}; rewrite it without the nested or overlapping repetition` : undefined;
}
