/**
 * The report cache (migration 5): recompute the months that writes marked dirty, so that
 * `report_agg` always equals an aggregation of `report_lines`. Called before every cached read.
 * Updates and deletions mark months through triggers; inserted rows are found above a watermark
 * (migration 6), so every path that inserts entries is covered without a per-row trigger.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';

export const DIMENSIONS: Record<'c' | 'm' | 'h' | 'd', string> = {
  c: "coalesce(CAST(category_id AS TEXT), '')",
  m: "coalesce(merchant, '')",
  h: "coalesce(channel, '')",
  d: 'date',
};

function insertSql(where: string): string {
  return Object.entries(DIMENSIONS)
    .map(
      ([dim, key]) => `INSERT INTO report_agg (dim, currency, month, account_id, key, cls, amount, count)
        SELECT '${dim}', currency, substr(date, 1, 7), account_id, ${key},
               CASE kind WHEN 'income' THEN 'i' ELSE 's' END,
               sum(amount), sum(CASE kind WHEN 'income' THEN amount > 0 ELSE amount < 0 END)
        FROM report_lines WHERE ${where}
        GROUP BY 2, 3, 4, 5, 6`,
    )
    .join(';\n');
}

const UPTO_KEY = 'report_rows_upto';

/**
 * The watermark when rows were inserted above it since the last refresh (migration 6: inserts
 * carry no trigger), else undefined. A ledger without the watermark yet counts from 0.
 */
function newRowsAbove(db: Db): number | undefined {
  const upto = Number((db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(UPTO_KEY) as string | undefined) ?? 0);
  const max = (db.prepare('SELECT max(id) FROM transactions').pluck().get() as number | null) ?? 0;
  return max > upto ? upto : undefined;
}

/** Mark the months of rows inserted since the last refresh dirty and move the watermark (inside a write transaction). */
export function markNewRows(db: Db): void {
  const upto = newRowsAbove(db);
  if (upto === undefined) return;
  db.prepare('INSERT OR IGNORE INTO report_dirty SELECT DISTINCT substr(date, 1, 7) FROM transactions WHERE id > ?').run(upto);
  db.prepare('INSERT INTO meta (key, value) VALUES (?, (SELECT CAST(max(id) AS TEXT) FROM transactions)) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(UPTO_KEY);
}

/** How many months are waiting to be recomputed. */
export function dirtyMonths(db: Db): number {
  return db.prepare('SELECT count(*) FROM report_dirty').pluck().get() as number;
}

/** Per connection: whether the cache tables exist (only a migration adds them). */
const hasCache = new WeakMap<Db, boolean>();

/** Whether this ledger has the cache tables (an older schema reads the view directly). */
export function hasReportCache(db: Db): boolean {
  let has = hasCache.get(db);
  if (has === undefined) {
    has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'report_dirty'").get() !== undefined;
    // Only remembered once true: a connection that migrates later must see the tables appear.
    if (has) hasCache.set(db, has);
  }
  return has;
}

/** Per connection: the prepared "is anything to recompute?" probe (a report asks it a dozen times). */
const probes = new WeakMap<Db, Statement>();

/**
 * Bring `report_agg` up to date. Returns the number of months recomputed. Many dirty months
 * (a big import) are rebuilt in one pass over the table; a few, month by month.
 */
export function refreshReportCache(db: Db): number {
  if (!hasReportCache(db)) return 0;
  let probe = probes.get(db);
  if (!probe) {
    probe = db.prepare(
      `SELECT EXISTS (SELECT 1 FROM report_dirty)
         OR ifnull((SELECT max(id) FROM transactions), 0) > ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = '${UPTO_KEY}'), 0)`,
    ).pluck();
    probes.set(db, probe);
  }
  if (probe.get() === 0) return 0;
  let refreshed = 0;
  db.transaction(() => {
    markNewRows(db);
    const months = (db.prepare('SELECT month FROM report_dirty ORDER BY month').all() as { month: string }[]).map((r) => r.month);
    refreshed = months.length;
    if (months.length > 24) {
      db.exec(`DELETE FROM report_agg WHERE month IN (SELECT month FROM report_dirty);
        ${insertSql('substr(date, 1, 7) IN (SELECT month FROM report_dirty)')};
        DELETE FROM report_dirty;`);
      return;
    }
    const clear = db.prepare('DELETE FROM report_agg WHERE dim = ? AND month = ?');
    const inserts = insertSql('date >= @from AND date <= @to').split(';\n').map((s) => db.prepare(s));
    const done = db.prepare('DELETE FROM report_dirty WHERE month = ?');
    for (const month of months) {
      for (const dim of Object.keys(DIMENSIONS)) clear.run(dim, month);
      for (const stmt of inserts) stmt.run({ from: `${month}-01`, to: `${month}-31` });
      done.run(month);
    }
  }).immediate();
  return refreshed;
}
