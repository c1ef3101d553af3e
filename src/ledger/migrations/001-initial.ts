/** Migration 1: accounts, batches, categories, transactions and the user's own data beside them. */
export const version = 1;
export const name = 'initial schema';

export const sql = `
CREATE TABLE accounts (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  type          TEXT NOT NULL CHECK (type IN ('checking','savings','credit','wallet','cash')),
  institution   TEXT,
  currency      TEXT NOT NULL,
  number_suffix TEXT,
  credit_limit  INTEGER,
  statement_day INTEGER CHECK (statement_day BETWEEN 1 AND 31),
  created_at    TEXT NOT NULL
);

CREATE TABLE batches (
  id          INTEGER PRIMARY KEY,
  file        TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  account_id  INTEGER REFERENCES accounts(id),
  format      TEXT NOT NULL,
  profile     TEXT,
  rows        INTEGER NOT NULL,
  new         INTEGER NOT NULL,
  duplicates  INTEGER NOT NULL,
  skipped     INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);

CREATE TABLE categories (
  id        INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES categories(id),
  name_en   TEXT NOT NULL,
  name_zh   TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('expense','income','transfer')),
  position  INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX categories_en ON categories(ifnull(parent_id, 0), name_en COLLATE NOCASE);
CREATE UNIQUE INDEX categories_zh ON categories(ifnull(parent_id, 0), name_zh);

CREATE TABLE transactions (
  id               INTEGER PRIMARY KEY,
  account_id       INTEGER NOT NULL REFERENCES accounts(id),
  batch_id         INTEGER REFERENCES batches(id),
  source_line      INTEGER,
  date             TEXT NOT NULL,
  time             TEXT,
  amount           INTEGER NOT NULL,
  currency         TEXT NOT NULL,
  description      TEXT NOT NULL,
  dedup_key        TEXT NOT NULL,
  occurrence       INTEGER NOT NULL,
  external_id      TEXT,
  counterparty     TEXT,
  source_category  TEXT,
  funding          TEXT,
  merchant         TEXT,
  merchant_source  TEXT,
  category_id      INTEGER REFERENCES categories(id),
  category_source  TEXT,
  kind             TEXT NOT NULL CHECK (kind IN ('expense','income','transfer','refund')),
  kind_source      TEXT,
  channel          TEXT NOT NULL DEFAULT 'unknown',
  channel_source   TEXT,
  transfer_peer_id INTEGER,
  mirror_of        INTEGER,
  created_at       TEXT NOT NULL
);
CREATE UNIQUE INDEX tx_dedup ON transactions(account_id, dedup_key, occurrence);
CREATE INDEX tx_date ON transactions(date);
CREATE INDEX tx_account_date ON transactions(account_id, date);
CREATE INDEX tx_batch ON transactions(batch_id);
CREATE INDEX tx_merchant ON transactions(merchant, date);
CREATE INDEX tx_category ON transactions(category_id, date);

CREATE TABLE notes (
  id         INTEGER PRIMARY KEY,
  tx_id      INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
  text       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX notes_tx ON notes(tx_id);

CREATE TABLE tags (
  tx_id INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
  tag   TEXT NOT NULL,
  PRIMARY KEY (tx_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_tag ON tags(tag, tx_id);

CREATE TABLE attachments (
  id       INTEGER PRIMARY KEY,
  tx_id    INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
  sha256   TEXT NOT NULL,
  name     TEXT NOT NULL,
  mime     TEXT NOT NULL,
  size     INTEGER NOT NULL,
  added_at TEXT NOT NULL
);
CREATE INDEX attachments_tx ON attachments(tx_id);
CREATE INDEX attachments_sha ON attachments(sha256);

CREATE TABLE splits (
  id          INTEGER PRIMARY KEY,
  tx_id       INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
  category_id INTEGER REFERENCES categories(id),
  amount      INTEGER NOT NULL,
  position    INTEGER NOT NULL
);
CREATE INDEX splits_tx ON splits(tx_id);

CREATE TABLE rules (
  id         INTEGER PRIMARY KEY,
  position   INTEGER NOT NULL,
  name       TEXT NOT NULL UNIQUE,
  match_json TEXT NOT NULL,
  set_json   TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE merchant_aliases (
  alias    TEXT PRIMARY KEY,
  merchant TEXT NOT NULL
);

CREATE TABLE budgets (
  category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
  period      TEXT NOT NULL CHECK (period IN ('month','year')),
  amount      INTEGER NOT NULL,
  currency    TEXT NOT NULL,
  PRIMARY KEY (category_id, period)
);

CREATE TABLE benefits (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
  spec_json  TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- What reports count: no transfers, mirrored card rows counted once (on the wallet side),
-- splits per part, refunds netting inside their category (they keep their own sign).
CREATE VIEW report_lines AS
SELECT t.id AS tx_id, t.date, t.account_id, t.currency, t.kind, t.channel, t.merchant,
       coalesce(s.category_id, t.category_id) AS category_id,
       coalesce(s.amount, t.amount) AS amount
FROM transactions t
LEFT JOIN splits s ON s.tx_id = t.id
WHERE t.kind <> 'transfer' AND t.mirror_of IS NULL;

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
