/** The charges `report recurring` looks through (issue 28): money out, no transfers, mirrored rows once. */
import type { Db } from './open.js';

export interface ChargeRow {
  date: string;
  /** Negative minor units. */
  amount: number;
  currency: string;
  merchant: string | null;
  description: string;
}

/** The shortest gap between two charges of a recurring series (the weekly band's lower end). */
export const MIN_GAP_DAYS = 5;

/**
 * The charges dated from..to, less the merchants that cannot recur: a series recurs only when every
 * gap between its days is 5 days or more (reports/recurring.ts: the weekly band's lower end), so a
 * merchant charged on more distinct days than its span allows (days ÷ 5 + 1: the supermarket, the
 * canteen) is left out here, in SQLite, instead of reading its thousands of rows. The test holds for
 * any subset of a series' days, so grouping by the stored merchant (the finder also folds case)
 * never drops a charge a series needs. Charges without a merchant are all read (their series key
 * is worked out from the description).
 */
export function chargesBetween(db: Db, from: string, to: string): ChargeRow[] {
  return db
    .prepare(
      `WITH charges AS (
         SELECT id, date, amount, currency, merchant, description FROM transactions
         WHERE kind = 'expense' AND amount < 0 AND mirror_of IS NULL AND date BETWEEN ? AND ?),
       spaced AS (
         SELECT merchant, currency FROM charges WHERE merchant IS NOT NULL GROUP BY merchant, currency
         HAVING count(DISTINCT date) <= (julianday(max(date)) - julianday(min(date))) / ${MIN_GAP_DAYS} + 1)
       SELECT date, amount, currency, merchant, description FROM charges
       WHERE merchant IS NULL OR (merchant, currency) IN (SELECT merchant, currency FROM spaced)
       ORDER BY date, id`,
    )
    .all(from, to) as ChargeRow[];
}

const hasCache = (db: Db): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'recurring_cache'").get() !== undefined;

/** What was found as of `asOf` and cached (JSON), if the cache holds it (migration 27). */
export function cachedRecurring(db: Db, asOf: string): string | undefined {
  if (!hasCache(db)) return undefined;
  return db.prepare('SELECT data FROM recurring_cache WHERE as_of = ?').pluck().get(asOf) as string | undefined;
}

/** Days kept in the cache: a month report asks for its month's end, `report recurring` for today. */
const CACHED_DAYS = 24;

/**
 * Keep what was found as of `asOf`. A connection that cannot write (read-only, or a writer holding
 * the ledger) keeps nothing: the next report finds the series again.
 */
export function saveRecurring(db: Db, asOf: string, data: string): void {
  if (db.readonly || !hasCache(db)) return;
  try {
    db.transaction(() => {
      db.prepare('INSERT OR REPLACE INTO recurring_cache (as_of, data) VALUES (?, ?)').run(asOf, data);
      db.prepare(`DELETE FROM recurring_cache WHERE as_of NOT IN (SELECT as_of FROM recurring_cache ORDER BY as_of DESC LIMIT ${CACHED_DAYS})`).run();
    })();
  } catch (err) {
    if (!String((err as { code?: string }).code ?? '').startsWith('SQLITE_BUSY')) throw err;
  }
}

/** Forget every cached result (called by the report cache when it finds writes it has not summed). */
export function forgetRecurring(db: Db): void {
  if (hasCache(db)) db.prepare('DELETE FROM recurring_cache').run();
}
