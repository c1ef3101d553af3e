/**
 * Migration 17: the sum of every account's entries per currency and month (issue 27), so that a
 * balance at any date is a few hundred cached month sums plus the entries of one month, not a pass
 * over the whole ledger (net worth in `report month`/`year`, `report networth`, `account list`).
 * Kept exact with the report cache: every write marks its months in `report_dirty` (triggers for
 * updates and deletions, the insert watermark for new rows, transfers included), and
 * refreshReportCache recomputes these sums for the dirty months before any report reads them.
 */
export const version = 17;
export const name = 'balance month sums';

export const sql = `
CREATE TABLE balance_months (
  account_id INTEGER NOT NULL,
  currency   TEXT NOT NULL,
  month      TEXT NOT NULL,     -- YYYY-MM
  amount     INTEGER NOT NULL,  -- the sum of the account's entries in this currency and month
  count      INTEGER NOT NULL,
  PRIMARY KEY (account_id, currency, month)
) WITHOUT ROWID;
INSERT INTO balance_months SELECT account_id, currency, substr(date, 1, 7), sum(amount), count(*) FROM transactions GROUP BY 1, 2, 3;
`;
