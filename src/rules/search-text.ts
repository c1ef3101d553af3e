/**
 * Forgiving search (issue 24 point 5): the forms a query and a merchant name are compared in.
 * Width and case fold with NFKC; traditional → simplified Chinese comes from opencc-js and pinyin
 * from pinyin-pro, each loaded only when a search needs it (dynamic import: about 15 ms and 8 MB
 * for opencc's traditional→simplified dictionaries alone — `opencc-js/core` + `opencc-js/to/cn`
 * rather than a preset, which also loads the Hong Kong, Taiwan and Japanese variant tables — and
 * about 50 ms and 25 MB for pinyin-pro, measured on node 20).
 */
import { toHalfWidth } from '../core/money.js';
import { TRADITIONAL_CHARS } from './traditional-chars.js';

/** Full width → half width, lower case, runs of spaces → one, trimmed. */
export function foldText(text: string): string {
  return toHalfWidth(text).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export const hasHan = (text: string): boolean => /\p{Script=Han}/u.test(text);

type Convert = (text: string) => string;
let simplifier: Promise<Convert> | undefined;

/**
 * Whether converting `text` to simplified Chinese could change it: whether any of its characters
 * appears in the source side of opencc's traditional → simplified dictionaries (kept as one string,
 * traditional-chars.ts), so a query already in simplified characters (most of them) does without
 * loading the converter (about 15 ms).
 */
export function mayBeTraditional(text: string): boolean {
  return hasHan(text) && Array.from(text).some((ch) => TRADITIONAL_CHARS.includes(ch));
}

/** Traditional → simplified Chinese (loaded once per process, on first use). */
export function loadSimplifier(): Promise<Convert> {
  simplifier ??= (async () => {
    const [{ ConverterFactory }, toCn] = await Promise.all([import('opencc-js/core'), import('opencc-js/to/cn')]);
    return ConverterFactory(...toCn.default);
  })();
  return simplifier;
}

/**
 * One short text (a search query) in simplified Chinese, the same as `loadSimplifier()`'s converter
 * gives, without building its whole dictionary tree (about 7,000 words, most of a search's time
 * for a traditional query): the tree holds only the words that start with one of the text's
 * characters. A conversion looks up, at each position, only words starting with the character
 * there, so the result is the same (test/unit/traditional-chars.test.ts compares them).
 */
export async function simplifyQuery(text: string): Promise<string> {
  const [{ Trie }, chars, phrases] = await Promise.all([import('opencc-js/core'), import('opencc-js/dict/TSCharacters'), import('opencc-js/dict/TSPhrases')]);
  const starts = new Set(Array.from(text));
  const trie = new Trie();
  // opencc loads a group's dictionaries last to first, a later word replacing an earlier one: the same order here.
  for (const dict of [chars.default, phrases.default]) {
    for (const entry of dict.split('|')) {
      if (!starts.has(String.fromCodePoint(entry.codePointAt(0)!))) continue;
      const [source, replacement] = entry.split(' '); // as opencc reads an entry: its first replacement
      trie.addWord(source!, replacement!);
    }
  }
  return trie.convert(text);
}

export interface PinyinKeys {
  /** Syllables (and Latin words) joined by single spaces, lower case, no tones: `xing ba ke`. */
  pinyin: string;
  /** Their first letters: `xbk`. */
  initials: string;
}

type PinyinOf = (text: string) => PinyinKeys;
let pinyinLoader: Promise<PinyinOf> | undefined;

/** A name's pinyin in full and as initials (pinyin-pro, loaded once per process, on first use). */
export function loadPinyin(): Promise<PinyinOf> {
  pinyinLoader ??= (async () => {
    const { pinyin } = await import('pinyin-pro');
    return (text: string): PinyinKeys => {
      const parts = (pinyin(foldText(text), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[])
        .flatMap((p) => p.split(/[^a-z0-9]+/))
        .filter((p) => p !== '');
      return { pinyin: parts.join(' '), initials: parts.map((p) => p[0]).join('') };
    };
  })();
  return pinyinLoader;
}

/**
 * The query as pinyin, when it can be pinyin: Latin letters only once spaces and apostrophes
 * are dropped (`xing ba ke`, `xi'an`, `XBK`), at least two letters; else undefined.
 */
export function pinyinQuery(text: string): string | undefined {
  const compact = foldText(text).replace(/[\s']+/g, '');
  return /^[a-z]{2,}$/.test(compact) ? compact : undefined;
}

/**
 * A pinyin query matches a name's keys when it is part of the initials (`xbk`, `bk`) or part of
 * the full pinyin starting at a syllable (`xingbake`, `bake`, `xingba`), spaces ignored.
 */
export function matchesPinyin(query: string, keys: PinyinKeys): boolean {
  if (keys.pinyin === '') return false;
  if (keys.initials.includes(query)) return true;
  const syllables = keys.pinyin.split(' ');
  for (let i = 0; i < syllables.length; i++) {
    if (syllables.slice(i).join('').startsWith(query)) return true;
  }
  return false;
}
