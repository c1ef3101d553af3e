/**
 * Bilingual merchant names (issue 24 point 4): the shipped pairs (merchant-names-data.ts) and the
 * user's own (`merchant alias --en/--zh`, loaded from the ledger by the app with
 * `useMerchantNames`), and the name a merchant is shown with in a locale.
 *
 * The user's pairs are process-wide state, like the locale: a run reads one ledger, and reports
 * name merchants deep inside pure functions. `useMerchantNames` replaces them (never appends).
 */
import { type Locale, getLocale } from './i18n.js';
import { MERCHANT_NAMES } from './merchant-names-data.js';
import { toHalfWidth } from './money.js';

export interface MerchantPair {
  zh: string;
  en: string;
  /** Other spellings recognised as this merchant (shipped data only). */
  also: readonly string[];
}

/** Printable ASCII and the common CJK ideographs, which half-width and NFKC leave as they are (most names: the fast way). */
export const UNCHANGED_BY_WIDTH = /^[\x20-\x7e\u4e00-\u9fff]*$/;

/**
 * The key spellings of one name share: NFKC (full width → half width), lower case, without spaces
 * and the marks brands are written with or without (`McDonald's` = `mcdonalds`, `7 天` = `7天`).
 */
export function nameKey(name: string): string {
  const text = UNCHANGED_BY_WIDTH.test(name) ? name : toHalfWidth(name).normalize('NFKC');
  return text.toLowerCase().replace(/[\s'’.·&"\-]+/g, '');
}

const shipped: readonly MerchantPair[] = MERCHANT_NAMES.map(([zh, en, ...also]) => ({ zh, en, also }));
let own: readonly MerchantPair[] = [];
let byKey: Map<string, MerchantPair> | undefined;

/** The user's pairs (from the ledger), which win over shipped ones with the same name. */
export function useMerchantNames(pairs: readonly { zh: string; en: string }[]): void {
  own = pairs.map((p) => ({ zh: p.zh, en: p.en, also: [] }));
  byKey = undefined;
  shownAs.zh.clear();
  shownAs.en.clear();
}

/** Names already looked up, per locale: a listing shows the same few merchants on many rows. */
const shownAs: Record<Locale, Map<string, string>> = { zh: new Map(), en: new Map() };

/** Every pair: the user's first, then the shipped ones. */
export function merchantPairs(): readonly MerchantPair[] {
  return own.length === 0 ? shipped : [...own, ...shipped];
}

function index(): Map<string, MerchantPair> {
  if (byKey) return byKey;
  const map = new Map<string, MerchantPair>();
  // Shipped first, then the user's over them.
  for (const pair of [...shipped, ...own]) {
    for (const name of [pair.zh, pair.en, ...pair.also]) map.set(nameKey(name), pair);
  }
  byKey = map;
  return map;
}

/** The pair a merchant name belongs to, if any. */
export function merchantPair(name: string): MerchantPair | undefined {
  return index().get(nameKey(name));
}

const HAN = /\p{Script=Han}/u;

/**
 * The name to show a merchant with. A name already written in the locale's language stays as the
 * user has it (`Apple Store` in English, 星巴克咖啡 in Chinese); a name in the other language is
 * shown as its pair's name in the locale (Starbucks → 星巴克 in Chinese, 盒马鲜生 → Freshippo in
 * English); a merchant without a pair keeps its name.
 */
export function merchantDisplayName(name: string, locale: Locale = getLocale()): string {
  if (name === '' || HAN.test(name) === (locale === 'zh')) return name;
  const known = shownAs[locale].get(name);
  if (known !== undefined) return known;
  const pair = merchantPair(name);
  const shown = pair ? pair[locale] : name;
  if (shownAs[locale].size < 10_000) shownAs[locale].set(name, shown);
  return shown;
}
