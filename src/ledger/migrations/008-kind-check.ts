/**
 * Migration 8: the `kind` CHECK of `transactions` written as ORs instead of `IN (…)`.
 *
 * SQLite evaluates `x IN (list)` by filling a temporary table once per statement run, and an
 * import runs its INSERT once per row: that cost about 3.5 µs of every imported row's ~10 µs.
 * The two forms accept exactly the same values. SQLite cannot alter a CHECK in place (and
 * better-sqlite3 forbids editing the schema table), so the table is rebuilt as SQLite's
 * documentation describes: new table, copy (same ids), drop, rename, then its indexes and
 * triggers again. Runs with foreign keys off (a DROP would otherwise cascade to notes, tags,
 * splits and attachments); the runner checks `foreign_key_check` before committing.
 */
import type { Database } from 'better-sqlite3';

export const version = 8;
export const name = 'cheaper kind check on transactions';
export const foreignKeysOff = true;

const OLD_CHECK = "CHECK (kind IN ('expense','income','transfer','refund'))";
const NEW_CHECK = "CHECK (kind = 'expense' OR kind = 'income' OR kind = 'transfer' OR kind = 'refund')";

export function up(db: Database): void {
  const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'transactions'").pluck().get() as string;
  if (!table.includes(OLD_CHECK)) throw new Error('migration 8: the transactions table does not have the expected kind CHECK');
  const dependents = db
    .prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'transactions' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")
    .pluck()
    .all() as string[];
  db.exec(table.replace(/^CREATE TABLE transactions\b/, 'CREATE TABLE transactions_v8').replace(OLD_CHECK, NEW_CHECK));
  db.exec('INSERT INTO transactions_v8 SELECT * FROM transactions');
  db.exec('DROP TABLE transactions');
  // Legacy rename: views and other tables' triggers name `transactions`, which exists again right after.
  db.pragma('legacy_alter_table = ON');
  try {
    db.exec('ALTER TABLE transactions_v8 RENAME TO transactions');
  } finally {
    db.pragma('legacy_alter_table = OFF');
  }
  for (const sql of dependents) db.exec(sql);
}
