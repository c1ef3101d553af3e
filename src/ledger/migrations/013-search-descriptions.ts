/**
 * Migration 13: the search index holds descriptions only.
 *
 * Merchants are few (a ledger of a million entries has hundreds), so a search finds the entries
 * of every merchant name holding the text through the merchant index instead (search.ts), and
 * the trigram index no longer takes each entry's merchant a second time: a fifth less to index on
 * every import. A merchant's rename or a rule's new merchant no longer queues entries to be
 * indexed again.
 *
 * It used to rebuild the index here. Migration 14 moves the index into a file of its own, built
 * after the migrations, so the table is left empty (every entry above the watermark 0: searches
 * test them directly) for migration 14 to drop.
 */

export const version = 13;
export const name = 'search index of descriptions';

const UPTO = "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'search_indexed_upto')";
const OLD_DOC = 'old.description || char(10) || char(10)';

export const sql = `
DROP TRIGGER tx_search_update;
DROP TRIGGER tx_search_delete;
DROP TABLE tx_search;
DELETE FROM search_dirty;
CREATE VIRTUAL TABLE tx_search USING fts5(doc, tokenize = 'trigram', content = '', columnsize = 0, detail = none);
INSERT INTO tx_search (tx_search, rank) VALUES ('hashsize', 16777216);
UPDATE meta SET value = '0' WHERE key = 'search_indexed_upto';
CREATE TRIGGER tx_search_update AFTER UPDATE OF description ON transactions
  WHEN old.id <= ${UPTO} AND old.description IS NOT new.description
  BEGIN INSERT OR IGNORE INTO search_dirty (id, doc) VALUES (old.id, ${OLD_DOC}); END;
CREATE TRIGGER tx_search_delete AFTER DELETE ON transactions
  WHEN old.id <= ${UPTO}
  BEGIN INSERT OR IGNORE INTO search_dirty (id, doc) VALUES (old.id, ${OLD_DOC}); END;
`;
