/**
 * The literal scanner of the rules engine: every occurrence of every literal, case-folded the way
 * the engine folds (ASCII and Latin to Cyrillic letters, full-width forms, the ideographic space).
 */
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../../src/rules/aho-corasick.js';

/** The reference: fold each code unit, then look for each literal at every position. */
function fold(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return fold(c - 0xfee0);
  if (c === 0x3000) return 32;
  if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x52f)) return String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return c;
}
function reference(literals: string[], text: string): number[] {
  const t = Array.from(text, (ch) => String.fromCharCode(fold(ch.charCodeAt(0)))).join('');
  const hits: number[] = [];
  literals.forEach((lit, id) => {
    for (let at = t.indexOf(lit); at !== -1; at = t.indexOf(lit, at + 1)) hits.push(id);
  });
  return hits.sort((a, b) => a - b);
}
function scan(ac: AhoCorasick, text: string): number[] {
  const hits: number[] = [];
  ac.scan(text, (id) => hits.push(id));
  return hits.sort((a, b) => a - b);
}

describe('Aho-Corasick literal scan', () => {
  const literals = ['starbucks', 'bucks', 'é cole', 'москва', '星巴克', 'a b', '7-eleven', 'ks'];
  const ac = new AhoCorasick(literals);

  it('finds every literal in upper case, full width, Latin and Cyrillic capitals and ideographic spaces', () => {
    expect(scan(ac, 'POS STARBUCKS 0042')).toEqual([0, 1, 7]);
    expect(scan(ac, 'ＳＴＡＲＢＵＣＫＳ')).toEqual([0, 1, 7]);
    expect(scan(ac, 'É COLE')).toEqual([2]);
    expect(scan(ac, 'МОСКВА 星巴克')).toEqual([3, 4]);
    expect(scan(ac, 'A\u3000B ７－ＥＬＥＶＥＮ')).toEqual([5, 6]);
    expect(scan(ac, 'starbuck s, bucs, ecole, 星巴')).toEqual([]);
  });

  it('agrees with a brute-force reference on seeded random texts', () => {
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pool = ['S', 's', 'Ｓ', 'T', 'a', 'R', 'b', 'U', 'ｃ', 'K', 'ks', ' ', '\u3000', 'É', 'é', ' c', 'OLE', 'М', 'о', 'скВА', '星', '巴', '克', '7-', 'Ｅ', 'leven', 'x'];
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const len = Math.floor(rand() * 14);
      for (let i = 0; i < len; i++) text += pool[Math.floor(rand() * pool.length)];
      expect(scan(ac, text), JSON.stringify(text)).toEqual(reference(literals, text));
    }
  });

  it('holds more states than 16 bits count (a wider table) and still finds every literal', () => {
    let seed = 11;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const word = (len: number) => Array.from({ length: len }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join('');
    const many = Array.from({ length: 9000 }, () => word(12));
    const big = new AhoCorasick(many);
    expect((big as unknown as { delta: Uint32Array }).delta).toBeInstanceOf(Uint32Array);
    for (let n = 0; n < 300; n++) {
      const text = `${word(5)}${many[Math.floor(rand() * many.length)]!.toUpperCase()}${word(20)}`;
      expect(scan(big, text), text).toEqual(reference(many, text));
    }
  });
});
