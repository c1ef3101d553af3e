/** Balance checkpoints written straight into a temp ledger (the imports that record them are another engineer's work). */
import Database from 'better-sqlite3';
import type { TempLedger } from './helpers.js';

/** Add a booked checkpoint: `account` held `amount` (decimal, holder's view) at the end of `date`. */
export function seedCheckpoint(t: TempLedger, account: string, date: string, amount: string, currency = 'CNY'): void {
  const db = new Database(t.ledger);
  try {
    const id = db.prepare('SELECT id FROM accounts WHERE name = ?').pluck().get(account) as number | undefined;
    if (id === undefined) throw new Error(`no account ${account}`);
    const minor = Math.round(Number(amount) * 100); // test data: two decimals only
    db.prepare(
      `INSERT INTO balance_checkpoints (account_id, date, amount, currency, source, kind, created_at) VALUES (?, ?, ?, ?, 'manual', 'manual', '2026-01-01T00:00:00Z')`,
    ).run(id, date, minor, currency);
  } finally {
    db.close();
  }
}
