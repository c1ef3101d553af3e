/**
 * Migration 26 (issue 28 point 3): reimbursements (报销).
 *
 * - `reimbursements`: an expense marked as owed back (`tx reimburse ID --from NAME`), by whom, with
 *   a note; `paid_by` is the income entry that paid it back once linked (by hand or matched), and
 *   several expenses may share one payment (paid together). An expense without `paid_by` is
 *   outstanding and still counts in spending.
 * - `reimbursed_entries`: the entries of settled pairs (the expenses and their payments, both
 *   existing). They leave every report: `report_lines` is rebuilt without them, and the report
 *   cache (src/ledger/report-cache.ts) leaves them out too.
 * - Triggers mark the months of both sides dirty whenever a reimbursement changes, and a deleted
 *   payment (import undo) leaves its expenses outstanding again.
 * Frozen: plain SQL only, no live code.
 */

export const version = 26;
export const name = 'reimbursements';

const DIRTY = (col: string) => `INSERT OR IGNORE INTO report_dirty SELECT substr(date, 1, 7) FROM transactions WHERE id = ${col};`;

export const sql = `
CREATE TABLE reimbursements (
  tx_id     INTEGER PRIMARY KEY REFERENCES transactions(id) ON DELETE CASCADE,
  payer     TEXT,
  note      TEXT,
  marked_at TEXT NOT NULL,
  paid_by   INTEGER,
  linked_at TEXT,
  linked_by TEXT CHECK (linked_by IN ('hand', 'match'))
);
CREATE INDEX reimbursements_paid_by ON reimbursements(paid_by) WHERE paid_by IS NOT NULL;

CREATE VIEW reimbursed_entries AS
SELECT r.tx_id FROM reimbursements r JOIN transactions p ON p.id = r.paid_by
UNION
SELECT r.paid_by FROM reimbursements r JOIN transactions p ON p.id = r.paid_by;

DROP VIEW report_lines;
-- What reports count: no transfers, mirrored card rows counted once (on the wallet side),
-- splits per part, refunds netting inside their category, settled reimbursements nowhere.
CREATE VIEW report_lines AS
SELECT t.id AS tx_id, t.date, t.account_id, t.currency, t.kind, t.channel, t.merchant,
       coalesce(s.category_id, t.category_id) AS category_id,
       coalesce(s.amount, t.amount) AS amount
FROM transactions t
LEFT JOIN splits s ON s.tx_id = t.id
WHERE t.kind <> 'transfer' AND t.mirror_of IS NULL AND t.id NOT IN (SELECT tx_id FROM reimbursed_entries);

CREATE TRIGGER reimbursement_insert AFTER INSERT ON reimbursements WHEN NEW.paid_by IS NOT NULL BEGIN
  ${DIRTY('NEW.tx_id')}
  ${DIRTY('NEW.paid_by')}
END;
CREATE TRIGGER reimbursement_update AFTER UPDATE ON reimbursements WHEN OLD.paid_by IS NOT NEW.paid_by BEGIN
  ${DIRTY('NEW.tx_id')}
  ${DIRTY('OLD.paid_by')}
  ${DIRTY('NEW.paid_by')}
END;
CREATE TRIGGER reimbursement_delete AFTER DELETE ON reimbursements WHEN OLD.paid_by IS NOT NULL BEGIN
  ${DIRTY('OLD.tx_id')}
  ${DIRTY('OLD.paid_by')}
END;
CREATE TRIGGER reimbursement_entry_delete AFTER DELETE ON transactions BEGIN
  UPDATE reimbursements SET paid_by = NULL, linked_at = NULL, linked_by = NULL WHERE paid_by = OLD.id;
  DELETE FROM reimbursements WHERE tx_id = OLD.id;
END;
`;
