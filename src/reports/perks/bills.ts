/**
 * A credit card's current bill (issue 26 point 7): the last closed statement, what it asked for,
 * what has been repaid since, and whether it is paid, due or overdue. Pure: the app gives the
 * ledger's figures.
 *
 * The statement balance is, by preference, what the card owed at the close of the statement day
 * (basis `balance`): that needs the ledger to know a real balance of the card (a statement balance
 * or `account set-balance`), so that a carried balance, earlier repayments, fees and interest are in
 * it. Without one, it is the new charges of the period (basis `new_charges`): spending minus refunds
 * dated in the period, carrying nothing over from earlier statements. The output says which.
 * Repaid is every repayment into the card (a transfer in, linked to the paying account or lone)
 * dated after the statement date and up to today.
 */
import { daysBetween } from '../../core/dates.js';
import { formatMinor } from '../../core/money.js';
import { billDueDate, lastStatementDate, statementPeriod } from './bill-dates.js';

export type BillStatus = 'paid' | 'due' | 'overdue';
export type BillBasis = 'balance' | 'new_charges';

export interface BillCard {
  name: string;
  currency: string;
  statementDay: number | null;
  dueDay: number | null;
}

/** What the ledger knows of one card around a statement (minor units, holder's view). */
export interface BillFigures {
  /** The card's real balance at the end of the statement day, when the ledger knows a real balance; else undefined. */
  closingBalance: number | undefined;
  /** Spending minus refunds dated in the period, and the number of purchases. */
  periodSpending: { amount: number; count: number };
  /** Repayments into the card after the statement date, up to today. */
  repaid: { amount: number; count: number };
}

/** One card's bill as `cards --json` gives it; amounts as decimal strings. */
export interface Bill {
  account: string;
  currency: string;
  statement_day: number | null;
  due_day: number | null;
  /** What is missing to work the bill out (the text says how to set it). */
  missing: ('statement_day' | 'due_day')[];
  statement_date: string | null;
  period: { from: string; to: string } | null;
  statement_balance: string | null;
  basis: BillBasis | null;
  purchases: number | null;
  due_date: string | null;
  repaid: string | null;
  repayments: number | null;
  /** Statement balance less repaid, never below 0. */
  left_to_pay: string | null;
  /** Days from today to the due date (negative once past it). */
  days_left: number | null;
  status: BillStatus | null;
}

/** The statement a card's bill is about on `today`, or null without a statement day. */
export function billStatement(card: BillCard, today: string): { date: string; period: { from: string; to: string } } | null {
  if (card.statementDay === null) return null;
  const date = lastStatementDate(today, card.statementDay);
  return { date, period: statementPeriod(date, card.statementDay) };
}

export function buildBill(card: BillCard, today: string, figures: BillFigures | undefined): Bill {
  const missing = [...(card.statementDay === null ? ['statement_day' as const] : []), ...(card.dueDay === null ? ['due_day' as const] : [])];
  const base = { account: card.name, currency: card.currency, statement_day: card.statementDay, due_day: card.dueDay, missing };
  const statement = billStatement(card, today);
  if (!statement || !figures || card.statementDay === null) {
    return { ...base, statement_date: null, period: null, statement_balance: null, basis: null, purchases: null, due_date: null, repaid: null, repayments: null, left_to_pay: null, days_left: null, status: null };
  }
  const basis: BillBasis = figures.closingBalance !== undefined ? 'balance' : 'new_charges';
  // Owed is the holder's balance turned round: a card that owes 100 has a balance of −100.
  const owed = -(figures.closingBalance ?? figures.periodSpending.amount);
  const left = Math.max(0, owed - figures.repaid.amount);
  const dueDate = card.dueDay === null ? null : billDueDate(statement.date, card.statementDay, card.dueDay);
  const daysLeft = dueDate === null ? null : daysBetween(today, dueDate);
  const status: BillStatus = left === 0 ? 'paid' : daysLeft !== null && daysLeft < 0 ? 'overdue' : 'due';
  const money = (minor: number) => formatMinor(minor, card.currency);
  return {
    ...base,
    statement_date: statement.date,
    period: statement.period,
    statement_balance: money(owed),
    basis,
    purchases: figures.periodSpending.count,
    due_date: dueDate,
    repaid: money(figures.repaid.amount),
    repayments: figures.repaid.count,
    left_to_pay: money(left),
    days_left: daysLeft,
    status,
  };
}

/** `cards --exit-code`: a bill unpaid and due within `days` days (or already overdue). */
export function billNeedsPaying(b: Bill, days = 3): boolean {
  return (b.status === 'due' || b.status === 'overdue') && b.days_left !== null && b.days_left <= days;
}
