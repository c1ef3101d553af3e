/**
 * Migration 19: bilingual merchants and forgiving search (issue 24 points 4 and 5).
 * - `merchant_names`: the user's Chinese ↔ English pairs (`merchant alias --en NAME 中文名`); they
 *   win over the shipped pairs (src/core/merchant-names-data.ts). A name is in at most one pair.
 * - `merchant_search_keys`: derived, a cache of what a search compares a merchant name with —
 *   its simplified Chinese form and its pinyin (full and initials), so a search does not load the
 *   pinyin and conversion libraries for names it has seen. Filled by searches; rows of names no
 *   longer used are harmless.
 */
export const version = 19;
export const name = 'merchant names and search keys';

export const sql = `
CREATE TABLE merchant_names (
  zh TEXT NOT NULL UNIQUE COLLATE NOCASE,
  en TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE merchant_search_keys (
  name       TEXT PRIMARY KEY,
  simplified TEXT NOT NULL,
  pinyin     TEXT NOT NULL,   -- syllables joined by spaces, no tones
  initials   TEXT NOT NULL
) WITHOUT ROWID;
`;
