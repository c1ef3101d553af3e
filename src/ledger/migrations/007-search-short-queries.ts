/**
 * Migration 7: the search document ends in two line feeds, so every character of description
 * and merchant starts an indexed trigram, and 1–2 character queries find their entries through
 * the index's term dictionary instead of a scan (src/ledger/search.ts). 
 *
 * The index is built after the migrations, in its own file (migration 14).
 */

export const version = 7;
export const name = 'search index for short queries';

export const sql = `
DROP TABLE tx_search;
CREATE VIRTUAL TABLE tx_search USING fts5(doc, tokenize = 'trigram', content = '', contentless_delete = 1, detail = none);
DELETE FROM search_dirty;
UPDATE meta SET value = '0' WHERE key = 'search_indexed_upto';
`;
