/**
 * Migration 27: a cache of what `report recurring` finds as of a day (the recurring charges the
 * month report shows), so that a month report does not read two years of charges each time.
 * Derived data only: emptied whenever the report cache finds a write it has not summed
 * (ledger/report-cache.ts `refreshReportCache`), and rebuilt by the next report that asks.
 * Frozen: plain SQL, no live code.
 */

export const version = 27;
export const name = 'recurring charges cache';

export const sql = `
CREATE TABLE recurring_cache (
  as_of TEXT PRIMARY KEY,   -- the day the series were found as of (YYYY-MM-DD)
  data  TEXT NOT NULL       -- the finder's result, as JSON
) WITHOUT ROWID;
`;
