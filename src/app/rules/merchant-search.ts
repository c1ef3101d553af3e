/**
 * Forgiving search (issue 24 point 5): from what the user typed, the exact forms a search looks
 * for. `tx list --search` and `merchant list --search` use it.
 *
 * - Texts (matched as substrings of description, merchant and notes): the query as typed, with
 *   width folded (`ＳＴＡＲＢＵＣＫＳ` → `STARBUCKS`; LIKE folds Latin case), in simplified Chinese
 *   (`麥當勞` → `麦当劳`). A merchant's names in the other language are not added as texts: the
 *   merchants below cover them, and every text costs a look-up in the trigram index.
 * - Merchants (matched by name): every merchant in the ledger one of whose names — its own, its
 *   simplified form, its pair's names in either language — holds the query (width, case and
 *   spaces folded), or whose pinyin holds it in full or as initials (`xingbake`, `xing ba ke`,
 *   `xbk` → 星巴克).
 *
 * Pinyin covers merchant names (the ledger's and the shipped pairs'), not descriptions: merchants
 * are a few thousand names at most, descriptions a million texts. Names' pinyin and simplified
 * forms are cached in the ledger (`merchant_search_keys`), so the libraries load only for names
 * not seen before. Every form is then an exact test: results never come from a guess.
 */
import { type MerchantPair, merchantPairs, nameKey } from '../../core/merchant-names.js';
import type { Db } from '../../ledger/open.js';
import { type MerchantSearchKeys, distinctMerchants, saveSearchKeys, searchKeysOf } from '../../ledger/merchants.js';
import { foldText, hasHan, loadPinyin, loadSimplifier, matchesPinyin, mayBeTraditional, pinyinQuery, simplifyQuery } from '../../rules/search-text.js';
import { toHalfWidth } from '../../core/money.js';

export interface SearchForms {
  texts: string[];
  merchants: string[];
}

/** The search keys of every name, from the cache, else computed (and cached when the ledger can take them). */
async function keysFor(db: Db, names: readonly string[]): Promise<Map<string, MerchantSearchKeys>> {
  const han = [...new Set(names.filter(hasHan))];
  const keys = new Map(searchKeysOf(db, han).map((k) => [k.name, k]));
  const missing = han.filter((n) => !keys.has(n));
  if (missing.length > 0) {
    const [simplify, pinyinOf] = await Promise.all([loadSimplifier(), loadPinyin()]);
    const fresh = missing.map((name) => {
      const simplified = simplify(name);
      return { name, simplified, ...pinyinOf(simplified) };
    });
    saveSearchKeys(db, fresh);
    for (const k of fresh) keys.set(k.name, k);
  }
  return keys;
}

type NameTest = (name: string) => boolean;

/**
 * Whether a name (or its simplified form, or its pinyin) answers the query: holds it (width, case
 * and runs of spaces folded, so `at` is not found across the words of `China Telecom`), or is the
 * same name written without spaces or marks (`luckincoffee`, `mcdonalds`).
 */
function nameTest(query: string, keys: Map<string, MerchantSearchKeys>, pinyin: string | undefined): NameTest {
  const key = nameKey(query);
  const holds = (name: string) => query !== '' && (foldText(name).includes(query) || nameKey(name) === key);
  return (name) => {
    if (holds(name)) return true;
    const k = keys.get(name);
    if (!k) return false;
    return holds(k.simplified) || (pinyin !== undefined && matchesPinyin(pinyin, k));
  };
}

const pairNames = (p: MerchantPair): string[] => [p.zh, p.en, ...p.also];

/** The exact forms `text` is searched for (see the file's comment). */
export async function searchForms(db: Db, text: string): Promise<SearchForms> {
  const halfWidth = toHalfWidth(text).normalize('NFKC');
  const simplified = mayBeTraditional(halfWidth) ? await simplifyQuery(halfWidth) : halfWidth;
  const query = foldText(simplified);
  const pinyin = pinyinQuery(text);
  const ledgerNames = distinctMerchants(db);
  const pairs = merchantPairs();
  const needKeys = pinyin !== undefined || hasHan(query);
  const keys = needKeys ? await keysFor(db, [...ledgerNames, ...pairs.flatMap(pairNames)]) : new Map<string, MerchantSearchKeys>();
  const test = nameTest(query, keys, pinyin);
  const named = pairs.filter((p) => pairNames(p).some(test));
  const namedKeys = new Set(named.flatMap(pairNames).map(nameKey));
  const merchants = ledgerNames.filter((n) => test(n) || namedKeys.has(nameKey(n)));
  const texts = [text, halfWidth, simplified].filter((t) => t.trim() !== '');
  return { texts: [...new Set(texts)], merchants };
}
