/**
 * Migration 6: no per-row trigger on INSERT for the report cache.
 *
 * Any AFTER INSERT trigger on `transactions` (even an empty one) roughly doubles the cost of an
 * imported row, so new rows are found by a watermark instead: meta `report_rows_upto` is the
 * highest transaction id the cache has accounted for, and `refreshReportCache` marks the months
 * of every row above it dirty (a primary-key range scan) before reading. Updates and deletions
 * keep their triggers. A deletion lowers the watermark below the deleted id, because SQLite may
 * hand that id (or any id above the remaining maximum) to the next insert.
 */
export const version = 6;
export const name = 'report cache watermark for inserts';

export const sql = `
DROP TRIGGER IF EXISTS report_tx_insert;
INSERT INTO meta (key, value) SELECT 'report_rows_upto', CAST(ifnull(max(id), 0) AS TEXT) FROM transactions WHERE true
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
DROP TRIGGER IF EXISTS report_tx_delete;
CREATE TRIGGER report_tx_delete AFTER DELETE ON transactions BEGIN
  INSERT OR IGNORE INTO report_dirty VALUES (substr(OLD.date, 1, 7));
  UPDATE meta SET value = CAST(OLD.id - 1 AS TEXT) WHERE key = 'report_rows_upto' AND CAST(value AS INTEGER) >= OLD.id;
END;
`;
