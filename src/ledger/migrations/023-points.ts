/**
 * Migration 23 (issue 26 point 4): card points.
 *
 * - `points_rules`: how an account earns points. One point per `per_minor` of qualifying spend
 *   (floored per entry), times `times`; a rule with a category (children included) is for that
 *   category only and beats the account's rule without one. `expire_months` (points earned in a
 *   month lapse that many months later, at the month's end) or `expire_year_end` (at the end of the
 *   year they were earned); neither means they never lapse.
 * - `points_balances`: `points set`: the bank's figure for an account on a day (an opening balance
 *   or a correction). At most one per account and day.
 * - `points_values`: the best value per point `points advise` last found for an account (a reward's
 *   value and points), which `cards best` uses to value that card's points.
 * Frozen: plain SQL, no live code.
 */

export const version = 23;
export const name = 'points rules and balances';

export const sql = `
CREATE TABLE points_rules (
  id              INTEGER PRIMARY KEY,
  account_id      INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  category_id     INTEGER REFERENCES categories(id) ON DELETE CASCADE,
  per_minor       INTEGER NOT NULL CHECK (per_minor > 0),
  times           INTEGER NOT NULL DEFAULT 1 CHECK (times >= 0),
  expire_months   INTEGER CHECK (expire_months IS NULL OR expire_months > 0),
  expire_year_end INTEGER NOT NULL DEFAULT 0 CHECK (expire_year_end IN (0, 1)),
  created_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX points_rules_scope ON points_rules(account_id, ifnull(category_id, 0));

CREATE TABLE points_balances (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  date       TEXT NOT NULL,
  balance    INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (account_id, date)
);

CREATE TABLE points_values (
  account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  reward     TEXT NOT NULL,
  value      INTEGER NOT NULL CHECK (value > 0),
  points     INTEGER NOT NULL CHECK (points > 0),
  updated_at TEXT NOT NULL
);
`;
