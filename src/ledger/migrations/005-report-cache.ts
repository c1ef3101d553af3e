/**
 * Migration 5: exact monthly aggregates for reports.
 *
 * `report_agg` holds, per month, the sums of `report_lines` along four dimensions (category,
 * merchant, channel, day), split by class ('s' = expense/refund lines, 'i' = income lines).
 * Triggers never compute anything: every write that can change a report line marks its month
 * in `report_dirty` (one tiny insert), and readers recompute the dirty months before reading
 * (src/ledger/report-cache.ts). So the cache is never stale, and imports stay cheap.
 */
export const version = 5;
export const name = 'report aggregates';

const COLUMNS = ['date', 'amount', 'currency', 'kind', 'channel', 'merchant', 'category_id', 'account_id', 'mirror_of'];
const changed = COLUMNS.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

export const sql = `
CREATE TABLE report_agg (
  dim        TEXT NOT NULL,     -- 'c' category id | 'm' merchant | 'h' channel | 'd' date
  currency   TEXT NOT NULL,
  month      TEXT NOT NULL,     -- YYYY-MM
  account_id INTEGER NOT NULL,
  key        TEXT NOT NULL,     -- '' when the line has none
  cls        TEXT NOT NULL,     -- 's' expense/refund, 'i' income
  amount     INTEGER NOT NULL,  -- signed sum of the lines
  count      INTEGER NOT NULL,  -- lines taking money out ('s') or bringing it in ('i')
  PRIMARY KEY (dim, currency, month, account_id, key, cls)
) WITHOUT ROWID;

-- The largest spends of any period without scanning it (report month/year "largest entries").
CREATE INDEX report_tx_spend ON transactions(currency, amount, date) WHERE kind = 'expense' AND mirror_of IS NULL;

CREATE TABLE report_dirty (month TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO report_dirty SELECT DISTINCT substr(date, 1, 7) FROM transactions;

CREATE TRIGGER report_tx_insert AFTER INSERT ON transactions BEGIN
  INSERT OR IGNORE INTO report_dirty VALUES (substr(NEW.date, 1, 7));
END;
CREATE TRIGGER report_tx_delete AFTER DELETE ON transactions BEGIN
  INSERT OR IGNORE INTO report_dirty VALUES (substr(OLD.date, 1, 7));
END;
CREATE TRIGGER report_tx_update AFTER UPDATE ON transactions WHEN ${changed} BEGIN
  INSERT OR IGNORE INTO report_dirty VALUES (substr(OLD.date, 1, 7));
  INSERT OR IGNORE INTO report_dirty VALUES (substr(NEW.date, 1, 7));
END;
CREATE TRIGGER report_split_insert AFTER INSERT ON splits BEGIN
  INSERT OR IGNORE INTO report_dirty SELECT substr(date, 1, 7) FROM transactions WHERE id = NEW.tx_id;
END;
CREATE TRIGGER report_split_delete AFTER DELETE ON splits BEGIN
  INSERT OR IGNORE INTO report_dirty SELECT substr(date, 1, 7) FROM transactions WHERE id = OLD.tx_id;
END;
CREATE TRIGGER report_split_update AFTER UPDATE ON splits BEGIN
  INSERT OR IGNORE INTO report_dirty SELECT substr(date, 1, 7) FROM transactions WHERE id IN (OLD.tx_id, NEW.tx_id);
END;
`;
