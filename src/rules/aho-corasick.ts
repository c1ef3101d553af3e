/**
 * Aho–Corasick over many literals at once: one pass over the text finds every literal in it,
 * case-insensitively (ASCII and full-width folded). Built once per run into a dense DFA over the
 * literals' own alphabet, so scanning is two array reads per character; no per-row regexes.
 */
function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 0xff01 && c <= 0xff5e) return foldCode(c - 0xfee0);
  if (c === 0x3000) return 32;
  if (c >= 0xc0 && c <= 0x52f) return String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return c;
}

export class AhoCorasick {
  /** UTF-16 code unit → alphabet index + 1 (0 = not in any literal). */
  private readonly alphabet = new Uint16Array(65536);
  private readonly width: number;
  private readonly delta: Uint32Array;
  private readonly out: (number[] | undefined)[];

  /** `literals[i]` is reported as id `i`. */
  constructor(literals: readonly string[]) {
    const letters: number[] = [];
    const letterOf = (c: number): number => {
      let k = this.alphabet[c]!;
      if (k === 0) {
        letters.push(c);
        k = letters.length;
        this.alphabet[c] = k;
      }
      return k;
    };
    const gotos: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    literals.forEach((lit, id) => {
      let node = 0;
      for (let i = 0; i < lit.length; i++) {
        const k = letterOf(foldCode(lit.charCodeAt(i)));
        let next = gotos[node]!.get(k);
        if (next === undefined) {
          next = gotos.length;
          gotos.push(new Map());
          own.push([]);
          gotos[node]!.set(k, next);
        }
        node = next;
      }
      own[node]!.push(id);
    });
    // Every spelling that folds onto a letter reads as that letter.
    for (let c = 0; c < 65536; c++) {
      if (this.alphabet[c] !== 0) continue;
      const f = foldCode(c);
      if (f !== c && this.alphabet[f] !== 0) this.alphabet[c] = this.alphabet[f]!;
    }
    const width = letters.length + 1;
    this.width = width;
    const n = gotos.length;
    const fail = new Uint32Array(n);
    this.delta = new Uint32Array(n * width);
    this.out = new Array<number[] | undefined>(n);
    const order: number[] = [0];
    for (let q = 0; q < order.length; q++) {
      const node = order[q]!;
      const f = fail[node]!;
      const merged = node === 0 ? own[0]! : [...own[node]!, ...(this.out[f] ?? [])];
      this.out[node] = merged.length ? merged : undefined;
      // Missing transitions are the failure state's (already complete: BFS order); then our own.
      if (node !== 0) this.delta.copyWithin(node * width, f * width, f * width + width);
      for (const [k, child] of gotos[node]!) {
        fail[child] = node === 0 ? 0 : this.delta[f * width + k]!;
        order.push(child);
      }
      for (const [k, child] of gotos[node]!) this.delta[node * width + k] = child;
    }
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
