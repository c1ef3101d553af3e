/**
 * Migration 11: the largest spends of each month live in the report cache, not in an index.
 *
 * `report_tx_spend` (migration 5) ordered every expense by amount so that a report could walk
 * to the largest ones. Keeping it costs every import a sort of all its rows by amount (about a
 * second per million entries), for a question that only ever asks for a handful per period. The
 * cache now keeps, per currency, month and account, the TOP_ENTRIES most negative expense entries
 * (src/ledger/report-cache.ts), recomputed with the rest of a dirty month; the largest spends of
 * any run of whole months are among theirs. Every month is marked dirty so the next report fills it.
 */
export const version = 11;
export const name = 'largest spends in the report cache';

export const sql = `
DROP INDEX IF EXISTS report_tx_spend;
CREATE TABLE report_top (
  currency   TEXT NOT NULL,
  month      TEXT NOT NULL,     -- YYYY-MM
  account_id INTEGER NOT NULL,
  rank       INTEGER NOT NULL,  -- 1 = the most negative (then earliest date, lowest id)
  tx_id      INTEGER NOT NULL,
  amount     INTEGER NOT NULL,
  date       TEXT NOT NULL,
  PRIMARY KEY (currency, month, account_id, rank)
) WITHOUT ROWID;
INSERT OR IGNORE INTO report_dirty SELECT DISTINCT substr(date, 1, 7) FROM transactions;
`;
