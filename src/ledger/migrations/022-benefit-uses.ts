/**
 * Migration 22 (issue 26 point 3): uses of an entitlement benefit recorded by hand
 * (`benefit use NAME [--date D]`), beside the matching entries that count on their own.
 * Frozen: plain SQL, no live code.
 */

export const version = 22;
export const name = 'benefit uses';

export const sql = `
CREATE TABLE benefit_uses (
  id         INTEGER PRIMARY KEY,
  benefit_id INTEGER NOT NULL REFERENCES benefits(id) ON DELETE CASCADE,
  date       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX benefit_uses_by_date ON benefit_uses(benefit_id, date);
`;
