/**
 * Migration 20 (issue 28): entries made by hand and account aliases.
 *
 * - `hand_entries`: which entries were typed in by hand (`tx add`) and, once a statement row
 *   arrived for one, when it was merged and from which hand entry id. A hand entry not yet merged
 *   has `merged_at` NULL; the import merges a statement row into at most one such entry.
 * - `account_aliases`: short names for accounts (`account alias 招行 "CMB Card"`), used by `tx add`.
 * The default `Cash` account is not a row here: `tx add` creates it the first time an entry names
 * cash (现金) in a ledger without a cash account (app/entries/tx-add.ts), so ledgers that never use
 * it keep exactly the accounts their statements made.
 * Frozen: plain SQL and data only, no live code.
 */

export const version = 20;
export const name = 'hand entries, account aliases';

export const sql = `
CREATE TABLE hand_entries (
  tx_id       INTEGER PRIMARY KEY REFERENCES transactions(id) ON DELETE CASCADE,
  entered_at  TEXT NOT NULL,
  merged_at   TEXT,
  merged_from INTEGER
);
CREATE INDEX hand_entries_open ON hand_entries(merged_at);

CREATE TABLE account_aliases (
  alias      TEXT PRIMARY KEY COLLATE NOCASE,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE INDEX account_aliases_account ON account_aliases(account_id);
`;
