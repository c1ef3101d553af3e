/**
 * Migration 10: the search index keeps no per-entry sizes. `contentless_delete = 1` let FTS5
 * delete an entry by rowid alone, at the price of a size row per entry (`tx_search_docsize`,
 * 11 MB for a million entries) that every indexing pass must write: a third of the time of
 * indexing a big import. Now (`columnsize = 0`) an entry is taken out of the index with FTS5's
 * 'delete' command and the document it was indexed with, which the triggers save in
 * `search_dirty` when an indexed entry changes or goes: the first change since the last sync
 * (INSERT OR IGNORE), so the saved document is the one in the index.
 *
 * The index is built after the migrations, in its own file (migration 14).
 */

export const version = 10;
export const name = 'search index without entry sizes';

const UPTO = "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'search_indexed_upto')";
const OLD_DOC = "old.description || char(10) || ifnull(old.merchant, '') || char(10) || char(10)";

export const sql = `
DROP TRIGGER tx_search_update;
DROP TRIGGER tx_search_delete;
DROP TABLE tx_search;
DROP TABLE search_dirty;
CREATE VIRTUAL TABLE tx_search USING fts5(doc, tokenize = 'trigram', content = '', columnsize = 0, detail = none);
INSERT INTO tx_search (tx_search, rank) VALUES ('hashsize', 16777216);
CREATE TABLE search_dirty (id INTEGER PRIMARY KEY, doc TEXT NOT NULL);
UPDATE meta SET value = '0' WHERE key = 'search_indexed_upto';
CREATE TRIGGER tx_search_update AFTER UPDATE OF description, merchant ON transactions
  WHEN old.id <= ${UPTO} AND (old.description IS NOT new.description OR old.merchant IS NOT new.merchant)
  BEGIN INSERT OR IGNORE INTO search_dirty (id, doc) VALUES (old.id, ${OLD_DOC}); END;
CREATE TRIGGER tx_search_delete AFTER DELETE ON transactions
  WHEN old.id <= ${UPTO}
  BEGIN INSERT OR IGNORE INTO search_dirty (id, doc) VALUES (old.id, ${OLD_DOC}); END;
`;
