/**
 * Migration 16: balance checkpoints (issue 27). A checkpoint is what an account held at the end of a
 * day, in its currency and in the holder's view (money owed on a credit card is negative), as a
 * statement says it (OFX LEDGERBAL, camt OPBD/CLBD, a running-balance column, a QIF opening balance)
 * or as the user says it (`account set-balance`). Entries are never changed by a checkpoint: the
 * running sum of an account's entries must meet its checkpoints (reconciliation).
 *   kind: 'ledger' | 'closing' | 'opening' | 'running' (booked balances, reconciled),
 *         'available' (OFX AVAILBAL: money available, kept but never reconciled), 'manual'.
 * A statement's checkpoints belong to its batch and go with `import undo`.
 */
export const version = 16;
export const name = 'balance checkpoints';

export const sql = `
CREATE TABLE balance_checkpoints (
  id         INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  date       TEXT NOT NULL,
  amount     INTEGER NOT NULL,
  currency   TEXT NOT NULL,
  source     TEXT NOT NULL CHECK (source IN ('statement', 'manual')),
  kind       TEXT NOT NULL CHECK (kind IN ('ledger', 'closing', 'opening', 'running', 'available', 'manual')),
  batch_id   INTEGER REFERENCES batches(id) ON DELETE CASCADE,
  file       TEXT,
  line       INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX balance_checkpoints_account ON balance_checkpoints(account_id, currency, date);
CREATE INDEX balance_checkpoints_batch ON balance_checkpoints(batch_id);
`;
