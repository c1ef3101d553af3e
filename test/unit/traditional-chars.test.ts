import { describe, expect, it } from 'vitest';
import { TRADITIONAL_CHARS } from '../../src/rules/traditional-chars.js';
import { loadSimplifier, mayBeTraditional, simplifyQuery } from '../../src/rules/search-text.js';

/** What the list must hold: every character on the source side of opencc-js's t→s dictionaries. */
async function fromOpencc(): Promise<Set<string>> {
  const [chars, phrases] = await Promise.all([import('opencc-js/dict/TSCharacters'), import('opencc-js/dict/TSPhrases')]);
  const set = new Set<string>();
  for (const dict of [chars.default, phrases.default]) {
    for (const entry of dict.split('|')) for (const ch of entry.slice(0, entry.indexOf(' '))) set.add(ch);
  }
  return set;
}

describe('traditional characters (derived from opencc-js)', () => {
  it('are exactly the source characters of the installed dictionaries, in code-point order, once each', async () => {
    const expected = [...(await fromOpencc())].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
    expect(Array.from(TRADITIONAL_CHARS)).toEqual(expected);
  });

  it('tell a query the converter would change from one it leaves alone', async () => {
    const simplify = await loadSimplifier();
    for (const query of ['藍瓶', '麥當勞', '星巴克 臺北', '蓝瓶', '麦当劳', 'Patisserie', 'lpkf', '']) {
      expect(mayBeTraditional(query), query).toBe(simplify(query) !== query);
    }
  });
});

describe('simplifyQuery (a short text without the whole converter)', () => {
  it('gives what the full converter gives: every dictionary word, joined runs of them, and mixed text', async () => {
    const simplify = await loadSimplifier();
    const [chars, phrases] = await Promise.all([import('opencc-js/dict/TSCharacters'), import('opencc-js/dict/TSPhrases')]);
    const words = [chars.default, phrases.default].flatMap((d) => d.split('|').map((e) => e.split(' ')[0]!));
    // Runs of neighbouring words (so phrases meet across boundaries), plain text around them, IDS sequences.
    const texts = ['藍瓶咖啡 Blue Bottle', '麥當勞（臺北）', '星巴克 台北101', '⿰氵每水', '乾隆皇帝與乾燥劑', '', 'Patisserie'];
    for (let i = 0; i < words.length; i += 97) texts.push(words.slice(i, i + 5).join(''), `${words[i]!}的${words[(i * 7) % words.length]!}`);
    for (const text of texts) expect(await simplifyQuery(text), text).toBe(simplify(text));
  });
});
