/**
 * Migration 15, for transfer links:
 * - what a link replaced: linking two entries (at import or with `tx link`) makes both kind
 *   'transfer'; each keeps the kind and kind source it had just before, so that `tx unlink` (and
 *   undoing the import of the other side) gives it back exactly. NULL while the entry is not
 *   linked, and for links made before this migration (their earlier state is unknown);
 * - link_hints: the entries that may start a transfer (kind 'transfer', or a description holding
 *   a transfer hint word: src/ledger/links.ts), by date, so that an import finds those of the
 *   ledger through an index instead of testing every description of its dates. Filled by the
 *   linking step for the entries above `link_hints_upto` (from 0: the first import after this
 *   migration fills it once), and by the trigger when an entry's kind becomes 'transfer'. A
 *   superset: each use checks the entry again. A change of the hint words must reset the mark.
 */
export const version = 15;
export const name = 'transfer links: state before, hints';

export const sql = `
ALTER TABLE transactions ADD COLUMN kind_before_link TEXT;
ALTER TABLE transactions ADD COLUMN kind_source_before_link TEXT;
CREATE TABLE link_hints (tx_id INTEGER PRIMARY KEY, date TEXT NOT NULL);
CREATE INDEX link_hints_date ON link_hints(date);
INSERT INTO meta (key, value) VALUES ('link_hints_upto', '0');
CREATE TRIGGER link_hints_kind AFTER UPDATE OF kind ON transactions WHEN NEW.kind = 'transfer' AND OLD.kind <> 'transfer' BEGIN
  INSERT OR REPLACE INTO link_hints (tx_id, date) VALUES (NEW.id, NEW.date);
END;
`;
