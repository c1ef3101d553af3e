/**
 * `balance_months` (migration 17): each account's entries summed per currency and month, recomputed
 * with the report cache for the months writes marked dirty (report-cache.ts), so it is never stale.
 */
import type { Db } from './open.js';

/** Per connection, once true: whether the table exists (a read-only connection to an old ledger may lack it). */
const known = new WeakSet<Db>();

export function hasBalanceMonths(db: Db): boolean {
  if (known.has(db)) return true;
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'balance_months'").get() !== undefined;
  if (has) known.add(db);
  return has;
}

/** Recompute one month's sums, or every month in report_dirty ('all-dirty'); inside the caller's transaction. */
export function recomputeBalanceMonths(db: Db, month: string): void {
  if (month === 'all-dirty') {
    db.exec(`DELETE FROM balance_months WHERE month IN (SELECT month FROM report_dirty);
      INSERT INTO balance_months SELECT account_id, currency, substr(date, 1, 7), sum(amount), count(*) FROM transactions
      WHERE substr(date, 1, 7) IN (SELECT month FROM report_dirty) GROUP BY 1, 2, 3;`);
    return;
  }
  db.prepare('DELETE FROM balance_months WHERE month = ?').run(month);
  db.prepare(
    `INSERT INTO balance_months SELECT account_id, currency, substr(date, 1, 7), sum(amount), count(*) FROM transactions
     WHERE date BETWEEN ? AND ? GROUP BY 1, 2, 3`,
  ).run(`${month}-01`, `${month}-31`);
}
