import { describe, expect, it } from 'vitest';
import { TRADITIONAL_CHARS } from '../../src/rules/traditional-chars.js';
import { loadSimplifier, mayBeTraditional } from '../../src/rules/search-text.js';

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
