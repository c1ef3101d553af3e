/**
 * Migration 14: the search index moves out of the ledger into a file of its own beside it
 * (`<ledger>-search`, src/ledger/search-store.ts), so that a big import can build it on a second
 * thread while the ledger's own indexes are built. The table goes; the queue of changed entries
 * (search_dirty), its triggers and the watermark stay in the ledger. With no token in the ledger
 * yet, no index file is used until one is built: right after the migrations (afterCommit), and
 * again by any import that finds the file missing or not the ledger's own.
 */
import type { Database } from 'better-sqlite3';
import { syncSearchIndex } from '../search.js';

export const version = 14;
export const name = 'search index in its own file';

export const sql = `
DROP TABLE tx_search;
DELETE FROM search_dirty;
UPDATE meta SET value = '0' WHERE key = 'search_indexed_upto';
DELETE FROM meta WHERE key = 'search_token';
`;

export function afterCommit(db: Database): void {
  syncSearchIndex(db);
}
