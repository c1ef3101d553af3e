/**
 * `tx reimburse ID… [--from NAME] [--note N] [--paid-by ID] [--undo]` (报销, issue 28 point 3).
 *
 * Marking keeps the expense in spending; once its payment is linked (by hand with --paid-by, or
 * matched: reimburse-match.ts) both leave spending and income in every report. Every check runs
 * before anything is written, and the writes share one transaction.
 */
import type { Context } from '../../core/context.js';
import { PocketbookError, usageError } from '../../core/errors.js';
import { formatMinor } from '../../core/money.js';
import { tReimburse as t } from '../../core/messages/reimburse.js';
import type { Db } from '../../ledger/open.js';
import {
  type ReimburseEntry, clearReimbursement, entryForReimburse, unlinkPayment, expensesPaidBy, linkPayment, markReimbursement, outstandingWithPayer, reimbursementOf, unusedIncome,
} from '../../ledger/reimbursements.js';
import { withLedger } from '../with-ledger.js';
import { nowIso, parseId } from './notes.js';
import { type MatchLink, type MatchResult, type Unclear, matchReimbursements } from './reimburse-match.js';

export interface ReimburseOptions {
  from?: string;
  note?: string;
  paidBy?: string;
  undo?: boolean;
}

export interface LinkedPayment {
  payment: number;
  date: string;
  amount: string;
  currency: string;
  expenses: number[];
  linked_by: 'hand' | 'match';
}

/** What `tx reimburse` did (its --json form as well). */
export interface ReimburseOutcome {
  action: 'marked' | 'cleared';
  entries: { id: number; date: string; amount: string; currency: string; description: string }[];
  from: string | null;
  paid: LinkedPayment | null;
  unclear: Unclear[];
}

function findEntry(db: Db, id: number): ReimburseEntry {
  const e = entryForReimburse(db, id);
  if (!e) throw new PocketbookError('NOT_FOUND', t('notFound', { id }), { hint: t('notFoundHint') });
  return e;
}

/** An expense that can be owed back: money spent, not a transfer, not a mirrored row. */
function checkExpense(db: Db, id: number): ReimburseEntry {
  const e = findEntry(db, id);
  if (e.mirrorOf !== null) throw new PocketbookError('BAD_INPUT', t('isMirror', { id, of: e.mirrorOf }), { hint: t('isMirrorHint', { of: e.mirrorOf }) });
  if (e.kind === 'income') throw new PocketbookError('BAD_INPUT', t('isIncome', { id }), { hint: t('isIncomeHint', { id }) });
  if (e.kind === 'transfer') throw new PocketbookError('BAD_INPUT', t('isTransfer', { id }));
  if (e.kind !== 'expense' || e.amount >= 0) throw new PocketbookError('BAD_INPUT', t('notSpent', { id }));
  return e;
}

/** The income that paid `expenses` back: unused by others, same currency, not earlier, the exact sum. */
function checkPayment(db: Db, id: number, expenses: readonly ReimburseEntry[]): ReimburseEntry {
  if (expenses.some((e) => e.id === id)) throw new PocketbookError('BAD_INPUT', t('samePayment', { id }));
  const p = findEntry(db, id);
  if (p.kind !== 'income' || p.amount <= 0 || p.mirrorOf !== null) throw new PocketbookError('BAD_INPUT', t('paymentNotIncome', { id }));
  const ids = expenses.map((e) => e.id);
  const used = expensesPaidBy(db, id).filter((x) => !ids.includes(x));
  if (used.length > 0) {
    const all = [...new Set([...used, ...ids])].sort((a, b) => a - b).join(' ');
    throw new PocketbookError('CONFLICT', t('paymentUsed', { payment: id, ids: used.join(', ') }), { hint: t('paymentUsedHint', { all, payment: id }) });
  }
  for (const e of expenses) {
    if (e.currency !== p.currency) throw new PocketbookError('BAD_INPUT', t('paymentCurrency', { payment: id, paid: p.currency, owed: e.currency }));
    if (p.date < e.date) throw new PocketbookError('BAD_INPUT', t('paymentEarly', { payment: id, paid: p.date, id: e.id, spent: e.date }));
  }
  const owed = expenses.reduce((sum, e) => sum - e.amount, 0);
  if (owed !== p.amount) {
    const money = (m: number) => formatMinor(m, p.currency);
    throw new PocketbookError('BAD_INPUT', t('paymentAmount', { payment: id, paid: money(p.amount), owed: money(owed), currency: p.currency }), { hint: t('paymentAmountHint', { payment: id }) });
  }
  return p;
}

function linkedPayment(db: Db, link: MatchLink, how: 'hand' | 'match'): LinkedPayment {
  const p = findEntry(db, link.payment);
  return { payment: p.id, date: p.date, amount: formatMinor(p.amount, p.currency), currency: p.currency, expenses: link.expenses, linked_by: how };
}

/**
 * Match every outstanding expense with a payer against unused income (only the entries with ids
 * in `ids` when given: what an import just wrote), and link the clear matches.
 */
export function settleMatches(db: Db, now: string, ids?: { first: number; last: number }): MatchResult {
  const outstanding = outstandingWithPayer(db);
  if (outstanding.length === 0) return { links: [], unclear: [] };
  const from = outstanding.reduce((min, e) => (e.date < min ? e.date : min), outstanding[0]!.date);
  const payments = unusedIncome(db, { from, currencies: [...new Set(outstanding.map((e) => e.currency))], ...(ids ? { ids } : {}) });
  const result = matchReimbursements(outstanding, payments);
  for (const link of result.links) linkPayment(db, link.expenses, link.payment, 'match', now);
  return result;
}

function mark(db: Db, ids: readonly number[], o: ReimburseOptions): ReimburseOutcome {
  const expenses = ids.map((id) => checkExpense(db, id));
  const from = o.from?.trim() || null;
  const paidId = o.paidBy !== undefined ? parseId(o.paidBy) : undefined;
  for (const e of expenses) {
    const paid = reimbursementOf(db, e.id)?.paidBy ?? null;
    if (paid !== null && paidId !== undefined && paid !== paidId) throw new PocketbookError('CONFLICT', t('alreadyPaid', { id: e.id, payment: paid }), { hint: t('alreadyPaidHint', { id: e.id }) });
  }
  const payment = paidId !== undefined ? checkPayment(db, paidId, expenses) : undefined;
  const now = nowIso();
  return db.transaction((): ReimburseOutcome => {
    for (const e of expenses) markReimbursement(db, { txId: e.id, payer: from, note: o.note ?? null, now });
    let paid: LinkedPayment | null = null;
    let unclear: Unclear[] = [];
    if (payment) {
      linkPayment(db, ids, payment.id, 'hand', now);
      paid = linkedPayment(db, { payment: payment.id, expenses: [...ids] }, 'hand');
    } else {
      const result = settleMatches(db, now);
      const mine = result.links.find((l) => l.expenses.some((id) => ids.includes(id)));
      if (mine) paid = linkedPayment(db, mine, 'match');
      unclear = result.unclear.filter((u) => ids.includes(u.expense));
    }
    const first = reimbursementOf(db, ids[0]!);
    // Re-marked after it was paid back (a new note, say): say what paid it.
    if (!paid && first?.paidBy) paid = linkedPayment(db, { payment: first.paidBy, expenses: expensesPaidBy(db, first.paidBy) }, first.linkedBy ?? 'hand');
    const payer = first?.payer ?? null;
    const entries = expenses.map((e) => ({ id: e.id, date: e.date, amount: formatMinor(e.amount, e.currency), currency: e.currency, description: e.description }));
    return { action: 'marked', entries, from: payer, paid, unclear };
  }).immediate();
}

function clear(db: Db, ids: readonly number[]): ReimburseOutcome {
  const entries = ids.map((id) => {
    const e = findEntry(db, id);
    if (!reimbursementOf(db, id)) throw new PocketbookError('NOT_FOUND', t('notMarked', { id }), { hint: t('notMarkedHint') });
    return { id: e.id, date: e.date, amount: formatMinor(e.amount, e.currency), currency: e.currency, description: e.description };
  });
  db.transaction(() => {
    for (const id of ids) {
      // Expenses paid back together with this one are outstanding again: the payment no longer fits them.
      const paid = reimbursementOf(db, id)?.paidBy ?? null;
      if (paid !== null) unlinkPayment(db, paid);
      clearReimbursement(db, id);
    }
  }).immediate();
  return { action: 'cleared', entries, from: null, paid: null, unclear: [] };
}

/** `tx reimburse`: mark, link by hand, or (--undo) unmark. */
export function reimburseUseCase(ctx: Context, idTexts: readonly string[], o: ReimburseOptions): ReimburseOutcome {
  const ids = [...new Set(idTexts.map((text) => parseId(text)))];
  if (o.undo && (o.from !== undefined || o.note !== undefined || o.paidBy !== undefined)) throw usageError(t('undoAlone'));
  return withLedger(ctx, (db) => (o.undo ? clear(db, ids) : mark(db, ids, o)));
}
