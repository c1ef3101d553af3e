/**
 * Reimbursements (报销, migration 26): expenses marked as owed back and the income entries that
 * paid them back. A settled pair leaves every report through `reimbursed_entries`; the triggers of
 * migration 26 mark the months of both sides for the report cache.
 */
import type { Db } from './open.js';
import type { ReimbursementRow } from '../core/rows.js';

/** An entry as the reimbursement rules look at it. */
export interface ReimburseEntry {
  id: number;
  date: string;
  amount: number;
  currency: string;
  kind: string;
  description: string;
  counterparty: string | null;
  mirrorOf: number | null;
}

export type { ReimbursementRow };

const ENTRY_COLUMNS = 'id, date, amount, currency, kind, description, counterparty, mirror_of AS mirrorOf';

export function entryForReimburse(db: Db, id: number): ReimburseEntry | undefined {
  return db.prepare(`SELECT ${ENTRY_COLUMNS} FROM transactions WHERE id = ?`).get(id) as ReimburseEntry | undefined;
}

/** The first entry of a day with this exact description (the demo's set-up names entries so). */
export function entryIdByDescription(db: Db, date: string, description: string): number | undefined {
  return db.prepare('SELECT id FROM transactions WHERE date = ? AND description = ? ORDER BY id LIMIT 1').pluck().get(date, description) as number | undefined;
}

/** Mark (or re-mark, keeping any payment) an expense as owed back. */
export function markReimbursement(db: Db, r: { txId: number; payer: string | null; note: string | null; now: string }): void {
  db.prepare(
    `INSERT INTO reimbursements (tx_id, payer, note, marked_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (tx_id) DO UPDATE SET payer = coalesce(excluded.payer, payer), note = coalesce(excluded.note, note)`,
  ).run(r.txId, r.payer, r.note, r.now);
}

/** Unmark an expense (its payment, if linked, counts as income again). False when it was not marked. */
export function clearReimbursement(db: Db, txId: number): boolean {
  return db.prepare('DELETE FROM reimbursements WHERE tx_id = ?').run(txId).changes > 0;
}

/** Link marked expenses to the income entry that paid them back. */
export function linkPayment(db: Db, txIds: readonly number[], paymentId: number, how: 'hand' | 'match', now: string): void {
  const link = db.prepare('UPDATE reimbursements SET paid_by = ?, linked_at = ?, linked_by = ? WHERE tx_id = ?');
  for (const id of txIds) link.run(paymentId, now, how, id);
}

/** Unlink a payment from every expense it settled: they are outstanding again. */
export function unlinkPayment(db: Db, paymentId: number): void {
  db.prepare('UPDATE reimbursements SET paid_by = NULL, linked_at = NULL, linked_by = NULL WHERE paid_by = ?').run(paymentId);
}

/** The expenses a payment already settles. */
export function expensesPaidBy(db: Db, paymentId: number): number[] {
  return db.prepare('SELECT tx_id FROM reimbursements WHERE paid_by = ? ORDER BY tx_id').pluck().all(paymentId) as number[];
}

const ROW_SELECT = `SELECT t.id, t.date, t.amount, t.currency, t.description, r.payer, r.note,
    p.id AS paidBy, p.date AS paidDate, CASE WHEN p.id IS NULL THEN NULL ELSE r.linked_by END AS linkedBy
  FROM reimbursements r JOIN transactions t ON t.id = r.tx_id LEFT JOIN transactions p ON p.id = r.paid_by`;

export function reimbursementOf(db: Db, txId: number): ReimbursementRow | undefined {
  return db.prepare(`${ROW_SELECT} WHERE r.tx_id = ?`).get(txId) as ReimbursementRow | undefined;
}

/** Every marked expense, oldest first (outstanding and settled). */
export function listReimbursements(db: Db): ReimbursementRow[] {
  return db.prepare(`${ROW_SELECT} ORDER BY t.date, t.id`).all() as ReimbursementRow[];
}

/** Outstanding expenses owed by a named payer, oldest first (the candidates for matching). */
export function outstandingWithPayer(db: Db): ReimbursementRow[] {
  return db.prepare(`${ROW_SELECT} WHERE p.id IS NULL AND r.payer IS NOT NULL ORDER BY t.date, t.id`).all() as ReimbursementRow[];
}

/** An income entry that could be a reimbursement. */
export interface PaymentRow {
  id: number;
  date: string;
  amount: number;
  currency: string;
  description: string;
  counterparty: string | null;
}

/**
 * Income entries not yet used as a payment, not mirrored, dated on or after `from`, in the
 * given currencies; only those with ids in `ids` when given (the entries an import just wrote).
 */
export function unusedIncome(db: Db, q: { from: string; currencies: readonly string[]; ids?: { first: number; last: number } }): PaymentRow[] {
  if (q.currencies.length === 0) return [];
  const params: unknown[] = [q.from, ...q.currencies];
  let where = `t.kind = 'income' AND t.amount > 0 AND t.mirror_of IS NULL AND t.date >= ? AND t.currency IN (${q.currencies.map(() => '?').join(', ')})
    AND NOT EXISTS (SELECT 1 FROM reimbursements r WHERE r.paid_by = t.id)`;
  if (q.ids) {
    where += ' AND t.id BETWEEN ? AND ?';
    params.push(q.ids.first, q.ids.last);
  }
  return db
    .prepare(`SELECT t.id, t.date, t.amount, t.currency, t.description, t.counterparty FROM transactions t WHERE ${where} ORDER BY t.date, t.id`)
    .all(...params) as PaymentRow[];
}

/**
 * What was owed back at the end of `day`, in a currency: marked expenses dated up to then whose
 * payment had not arrived by then (positive minor units).
 */
export function outstandingAt(db: Db, currency: string, day: string): number {
  return db
    .prepare(
      `SELECT coalesce(-sum(t.amount), 0) FROM reimbursements r JOIN transactions t ON t.id = r.tx_id LEFT JOIN transactions p ON p.id = r.paid_by
       WHERE t.currency = ? AND t.date <= ? AND (p.id IS NULL OR p.date > ?)`,
    )
    .pluck()
    .get(currency, day, day) as number;
}

/** Whether any reimbursement is marked (reports skip the query otherwise). */
export function anyReimbursement(db: Db): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM reimbursements)').pluck().get() === 1;
}

/** How many entries dated from..to (either open) belong to a settled reimbursement (the expense or its payment). */
export function settledReimbursementEntries(db: Db, range: { from?: string; to?: string }): number {
  return db
    .prepare(
      `SELECT count(*) FROM reimbursed_entries r JOIN transactions t ON t.id = r.tx_id
       WHERE (@from IS NULL OR t.date >= @from) AND (@to IS NULL OR t.date <= @to)`,
    )
    .pluck()
    .get({ from: range.from ?? null, to: range.to ?? null }) as number;
}
