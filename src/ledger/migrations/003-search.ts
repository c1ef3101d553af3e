/**
 * Migration 3: history search. A contentless FTS5 trigram index (detail=none: rowids only, the
 * cheapest to build) over `description ⏎ merchant` of every entry, keyed by transaction id.
 *
 * Inserts carry no trigger (an FTS5 write inside a trigger flushes a segment per row and costs
 * 10× more): new rows are indexed in bulk by `syncSearchIndex` (import calls it before commit), and
 * until then they sit above the `search_indexed_upto` watermark where searches scan them directly.
 * Updates of description/merchant and deletions of indexed rows are queued in `search_dirty` by
 * cheap triggers; searches check queued rows directly and the next sync re-indexes them. Every
 * candidate is verified by an exact substring test, so results never depend on the sync state.
 *
 * Whatever an older ledger already holds is indexed after the migrations (migration 14).
 */

export const version = 3;
export const name = 'history search index';

export const sql = `
CREATE VIRTUAL TABLE tx_search USING fts5(doc, tokenize = 'trigram', content = '', contentless_delete = 1, detail = none);
CREATE TABLE search_dirty (id INTEGER PRIMARY KEY);
INSERT INTO meta (key, value) VALUES ('search_indexed_upto', '0') ON CONFLICT (key) DO NOTHING;
CREATE TRIGGER tx_search_update AFTER UPDATE OF description, merchant ON transactions
  WHEN old.description IS NOT new.description OR old.merchant IS NOT new.merchant
  BEGIN INSERT OR IGNORE INTO search_dirty (id) VALUES (new.id); END;
CREATE TRIGGER tx_search_delete AFTER DELETE ON transactions
  WHEN old.id <= (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'search_indexed_upto')
  BEGIN INSERT OR IGNORE INTO search_dirty (id) VALUES (old.id); END;
`;
