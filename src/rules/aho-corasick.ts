/**
 * Aho–Corasick over many literals at once: one pass over the text finds every literal in it,
 * case-insensitively (ASCII and full-width folded). Built once per run into a dense DFA over the
 * literals' own alphabet, so scanning is two array reads per character; no per-row regexes.
 */
/** The code units foldCode changes: ASCII capitals, full-width forms, the ideographic space, Latin-1 to Cyrillic. */
const FOLDING: readonly (readonly [number, number])[] = [[65, 90], [0xc0, 0x52f], [0x3000, 0x3000], [0xff01, 0xff5e]];

function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 0xff01 && c <= 0xff5e) return foldCode(c - 0xfee0);
  if (c === 0x3000) return 32;
  if (c >= 0xc0 && c <= 0x52f) return String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return c;
}

/** A copy twice the size. */
const grow = (a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> => {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
};

export class AhoCorasick {
  /** UTF-16 code unit → alphabet index + 1 (0 = not in any literal). */
  private readonly alphabet = new Uint16Array(65536);
  private readonly width: number;
  /** Row per state, column per letter: the next state (16 bits a cell while the states fit). */
  private readonly delta: Uint16Array | Uint32Array;
  private readonly out: (number[] | undefined)[];

  /** `literals[i]` is reported as id `i`. */
  constructor(literals: readonly string[]) {
    // The alphabet: each folded code unit of the literals, numbered from 1.
    let letters = 0;
    for (const lit of literals) {
      for (let i = 0; i < lit.length; i++) {
        const c = foldCode(lit.charCodeAt(i));
        if (this.alphabet[c] === 0) this.alphabet[c] = ++letters;
      }
    }
    // Every spelling that folds onto a letter reads as that letter (only these ranges fold: foldCode).
    for (const [from, to] of FOLDING) {
      for (let c = from; c <= to; c++) {
        if (this.alphabet[c] !== 0) continue;
        const f = foldCode(c);
        if (f !== c && this.alphabet[f] !== 0) this.alphabet[c] = this.alphabet[f]!;
      }
    }
    const width = letters + 1;
    this.width = width;
    // The trie: each node's children as a list (first child, next sibling, the letter into it).
    let firstChild = new Uint32Array(256);
    let nextSibling = new Uint32Array(256);
    let letter = new Uint32Array(256);
    const own: (number[] | undefined)[] = [undefined];
    let n = 1;
    literals.forEach((lit, id) => {
      let node = 0;
      for (let i = 0; i < lit.length; i++) {
        const k = this.alphabet[foldCode(lit.charCodeAt(i))]!;
        let child = firstChild[node]!;
        while (child !== 0 && letter[child] !== k) child = nextSibling[child]!;
        if (child === 0) {
          if (n === letter.length) {
            firstChild = grow(firstChild);
            nextSibling = grow(nextSibling);
            letter = grow(letter);
          }
          child = n++;
          letter[child] = k;
          nextSibling[child] = firstChild[node]!;
          firstChild[node] = child;
        }
        node = child;
      }
      (own[node] ??= []).push(id);
    });
    // Breadth first: a node's row is its failure state's (shallower, so complete already), then
    // its own children. The root's failure state is itself, with every other letter back to it.
    const delta = n <= 0xffff ? new Uint16Array(n * width) : new Uint32Array(n * width);
    const fail = new Uint32Array(n);
    const out = new Array<number[] | undefined>(n);
    const order = new Uint32Array(n);
    let queued = 1; // order[0] = 0, the root
    for (let q = 0; q < queued; q++) {
      const node = order[q]!;
      const f = fail[node]!;
      const row = node * width;
      const mine = own[node];
      const inherited = node === 0 ? undefined : out[f];
      out[node] = mine && inherited ? [...mine, ...inherited] : (mine ?? inherited);
      if (node !== 0) delta.copyWithin(row, f * width, f * width + width);
      for (let child = firstChild[node]!; child !== 0; child = nextSibling[child]!) {
        fail[child] = node === 0 ? 0 : delta[row + letter[child]!]!;
        delta[row + letter[child]!] = child;
        order[queued++] = child;
      }
    }
    this.delta = delta;
    this.out = out;
  }

  /** Call `hit(id)` for every literal occurrence (an id may repeat). */
  scan(text: string, hit: (id: number) => void): void {
    let node = 0;
    const { alphabet, delta, width, out } = this;
    for (let i = 0; i < text.length; i++) {
      const k = alphabet[text.charCodeAt(i)]!;
      node = k === 0 ? 0 : delta[node * width + k]!;
      if (node !== 0) {
        const found = out[node];
        if (found !== undefined) for (let j = 0; j < found.length; j++) hit(found[j]!);
      }
    }
  }
}
