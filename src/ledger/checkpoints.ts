/**
 * Balance checkpoints (migration 16): what an account held at the end of a day, from a statement or
 * from the user, and the balances its entries give. Every balance here is in minor units of the
 * account's currency, in the holder's view (a credit card owed is negative).
 *
 * An account's balance on day D is its opening balance plus the sum of its entries dated D or
 * before. The opening balance comes from its earliest booked checkpoint (any kind but 'available'):
 * opening = that checkpoint − the entries up to its date. With no checkpoint it is 0 (the balance is
 * then only the sum of what was imported).
 */
import type { Db } from './open.js';

export type CheckpointKind = 'ledger' | 'closing' | 'opening' | 'running' | 'available' | 'manual';
export type CheckpointSource = 'statement' | 'manual';

export interface NewCheckpoint {
  accountId: number;
  /** The balance at the end of this day (YYYY-MM-DD). */
  date: string;
  amount: number;
  currency: string;
  source: CheckpointSource;
  kind: CheckpointKind;
  batchId?: number | null;
  file?: string | null;
  line?: number | null;
}

export interface Checkpoint extends Required<NewCheckpoint> {
  id: number;
  createdAt: string;
}

/** Kinds that say what was booked (reconciled); 'available' is money one may spend, not a balance. */
export const BOOKED_KINDS_SQL = "('ledger', 'closing', 'opening', 'running', 'manual')";

const COLUMNS = `id, account_id AS accountId, date, amount, currency, source, kind, batch_id AS batchId, file, line, created_at AS createdAt`;

export function addCheckpoints(db: Db, rows: readonly NewCheckpoint[], createdAt: string): number[] {
  const insert = db.prepare(
    `INSERT INTO balance_checkpoints (account_id, date, amount, currency, source, kind, batch_id, file, line, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return rows.map((r) =>
    Number(insert.run(r.accountId, r.date, r.amount, r.currency, r.source, r.kind, r.batchId ?? null, r.file ?? null, r.line ?? null, createdAt).lastInsertRowid),
  );
}

/** An account's checkpoints in one currency, oldest first (booked ones only unless `all`). */
export function listCheckpoints(db: Db, accountId: number, currency: string, opts: { all?: boolean } = {}): Checkpoint[] {
  const booked = opts.all ? '' : ` AND kind IN ${BOOKED_KINDS_SQL}`;
  return db
    .prepare(`SELECT ${COLUMNS} FROM balance_checkpoints WHERE account_id = ? AND currency = ?${booked} ORDER BY date, id`)
    .all(accountId, currency) as Checkpoint[];
}

/** The checkpoints a batch brought in. */
export function batchCheckpoints(db: Db, batchId: number): Checkpoint[] {
  return db.prepare(`SELECT ${COLUMNS} FROM balance_checkpoints WHERE batch_id = ? ORDER BY account_id, currency, date, id`).all(batchId) as Checkpoint[];
}

export function deleteBatchCheckpoints(db: Db, batchId: number): number {
  return db.prepare('DELETE FROM balance_checkpoints WHERE batch_id = ?').run(batchId).changes;
}

/** Sum of an account's entries in one currency dated `date` or before (no opening balance). */
export function entrySumThrough(db: Db, accountId: number, currency: string, date: string): number {
  return db
    .prepare('SELECT coalesce(sum(amount), 0) FROM transactions WHERE account_id = ? AND currency = ? AND date <= ?')
    .pluck()
    .get(accountId, currency, date) as number;
}

/**
 * The opening balance: the earliest day's booked checkpoint (the last one recorded that day, as
 * everywhere a day has several) less the entries up to its date; 0 without one.
 */
export function openingBalance(db: Db, accountId: number, currency: string): number {
  const first = db
    .prepare(`SELECT date, amount FROM balance_checkpoints WHERE account_id = ? AND currency = ? AND kind IN ${BOOKED_KINDS_SQL} ORDER BY date, id DESC LIMIT 1`)
    .get(accountId, currency) as { date: string; amount: number } | undefined;
  return first ? first.amount - entrySumThrough(db, accountId, currency, first.date) : 0;
}

/** The balance at the end of `date`: opening balance plus the entries up to it. */
export function balanceAt(db: Db, accountId: number, currency: string, date: string): number {
  return openingBalance(db, accountId, currency) + entrySumThrough(db, accountId, currency, date);
}

/** The checkpoints of `rows` the ledger does not hold yet (same account, currency, day, kind and amount). */
export function unknownCheckpoints<T extends Pick<NewCheckpoint, 'accountId' | 'currency' | 'date' | 'kind' | 'amount'>>(db: Db, rows: readonly T[]): T[] {
  const known = db.prepare('SELECT 1 FROM balance_checkpoints WHERE account_id = ? AND currency = ? AND date = ? AND kind = ? AND amount = ?').pluck();
  return rows.filter((r) => known.get(r.accountId, r.currency, r.date, r.kind, r.amount) === undefined);
}

/** An account's entries in one currency summed per day, for the days up to `date`. */
export function entrySumsByDayThrough(db: Db, accountId: number, currency: string, date: string): { date: string; sum: number }[] {
  return db
    .prepare('SELECT date, sum(amount) AS sum FROM transactions WHERE account_id = ? AND currency = ? AND date <= ? GROUP BY date')
    .all(accountId, currency, date) as { date: string; sum: number }[];
}

/** The currencies an account has checkpoints in. */
export function checkpointCurrencies(db: Db, accountId: number): string[] {
  return db.prepare('SELECT DISTINCT currency FROM balance_checkpoints WHERE account_id = ? ORDER BY currency').pluck().all(accountId) as string[];
}
