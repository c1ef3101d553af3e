/**
 * Balance checkpoints for the journal exports (issue 27, point 5): the assertions, streamed in date
 * order, and the opening balance each asserted account needs at the start of the file.
 *
 * The journal posts a card row mirroring a wallet purchase back onto the wallet (app/export/export-journal.ts),
 * so the journal balance of a wallet is its entries plus those mirror postings ("mirror offset"): the
 * assertions and openings add it, so that they hold exactly when the entries meet the checkpoints.
 */
import { FIRST_DATE, addDays } from '../core/dates.js';
import { BOOKED_KINDS_SQL, entrySumThrough, openingBalance } from './checkpoints.js';
import type { DateRange } from './export-rows.js';
import type { Db } from './open.js';

/** The last booked checkpoint of an account, currency and day. */
export interface AssertionRow {
  account_id: number;
  currency: string;
  date: string;
  amount: number;
  kind: string;
  file: string | null;
  line: number | null;
}

/** What an account holds in the journal before the file's first posting on it (never 0). */
export interface OpeningRow {
  account_id: number;
  currency: string;
  /** The day before the account's first entry or checkpoint, or before --from. */
  date: string;
  amount: number;
}

function rangeWhere(range: DateRange): { sql: string; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  if (range.from) where.push('c.date >= ?'), params.push(range.from);
  if (range.to) where.push('c.date <= ?'), params.push(range.to);
  return { sql: where.length ? where.join(' AND ') : '1', params };
}

/**
 * Booked checkpoints in the range, one per account, currency and day (the last recorded: highest id),
 * ordered by date, account, currency. SQLite takes the bare columns from the max(id) row.
 */
export function iterateAssertions(db: Db, range: DateRange): IterableIterator<AssertionRow> {
  const w = rangeWhere(range);
  return db
    .prepare(
      `SELECT c.account_id, c.currency, c.date, c.amount, c.kind, c.file, c.line, max(c.id) AS id
       FROM balance_checkpoints c
       WHERE c.kind IN ${BOOKED_KINDS_SQL} AND ${w.sql}
       GROUP BY c.account_id, c.currency, c.date
       ORDER BY c.date, c.account_id, c.currency`,
    )
    .iterate(...w.params) as IterableIterator<AssertionRow>;
}

/** The currencies (declared in the journal header) and first date of the booked checkpoints in the range. */
export function assertionSpan(db: Db, range: DateRange): { currencies: string[]; firstDate?: string } {
  const w = rangeWhere(range);
  const where = `c.kind IN ${BOOKED_KINDS_SQL} AND ${w.sql}`;
  const currencies = db.prepare(`SELECT DISTINCT c.currency FROM balance_checkpoints c WHERE ${where} ORDER BY 1`).pluck().all(...w.params) as string[];
  const first = db.prepare(`SELECT min(c.date) FROM balance_checkpoints c WHERE ${where}`).pluck().get(...w.params) as string | null;
  return first === null ? { currencies } : { currencies, firstDate: first };
}

/** What card rows mirroring this account's entries post onto it in the journal, dated `date` or before. */
export function mirrorOffsetThrough(db: Db, accountId: number, currency: string, date: string): number {
  return db
    .prepare('SELECT coalesce(-sum(t.amount), 0) FROM transactions t JOIN transactions m ON m.id = t.mirror_of WHERE m.account_id = ? AND t.currency = ? AND t.date <= ?')
    .pluck()
    .get(accountId, currency, date) as number;
}

interface Pair {
  account_id: number;
  currency: string;
  first: string;
  in_range: number;
}

/**
 * The openings of the accounts (and currencies) that have booked checkpoints:
 *  - whole export (or the account starts within --from): its opening balance, dated the day before its
 *    first entry or checkpoint;
 *  - the account started before --from: its balance on the day before --from, but only when a
 *    checkpoint falls in the range (an export without one stays a plain sum of its entries, so that
 *    period exports can be joined);
 *  - nothing when the account starts after --to, or when the amount is 0.
 * Also returns the mirror offsets at the day before --from (what the stream starts from).
 */
export function exportOpenings(db: Db, range: DateRange): { openings: OpeningRow[]; offsets: Map<string, number> } {
  const w = rangeWhere(range);
  const pairs = db
    .prepare(
      `SELECT c.account_id, c.currency,
              min(min(c.date), coalesce((SELECT min(t.date) FROM transactions t WHERE t.account_id = c.account_id AND t.currency = c.currency), '9999-12-31')) AS first,
              max(CASE WHEN ${w.sql} THEN 1 ELSE 0 END) AS in_range
       FROM balance_checkpoints c WHERE c.kind IN ${BOOKED_KINDS_SQL}
       GROUP BY c.account_id, c.currency ORDER BY c.account_id, c.currency`,
    )
    .all(...w.params) as Pair[];
  const openings: OpeningRow[] = [];
  const offsets = new Map<string, number>();
  // Nothing is dated before the calendar's first day: an export from 0000-01-01 has no "before".
  const before = range.from && range.from > FIRST_DATE ? addDays(range.from, -1) : undefined;
  for (const p of pairs) {
    const offset = before ? mirrorOffsetThrough(db, p.account_id, p.currency, before) : 0;
    offsets.set(offsetKey(p.account_id, p.currency), offset);
    if (range.to && p.first > range.to) continue;
    const startsBefore = before !== undefined && p.first <= before;
    if (startsBefore && !p.in_range) continue;
    const held = openingBalance(db, p.account_id, p.currency) + (startsBefore ? entrySumThrough(db, p.account_id, p.currency, before) : 0);
    const amount = held + offset;
    if (amount !== 0) openings.push({ account_id: p.account_id, currency: p.currency, date: startsBefore ? before : p.first > FIRST_DATE ? addDays(p.first, -1) : FIRST_DATE, amount });
  }
  return { openings, offsets };
}

export const offsetKey = (accountId: number, currency: string): string => `${accountId}|${currency}`;
