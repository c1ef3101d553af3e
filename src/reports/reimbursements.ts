/**
 * `report reimbursements` (报销, issue 28 point 3): marked expenses → what is owed back, by whom
 * and since when, with totals per payer; the settled ones with --all. Pure.
 */
import { daysBetween } from '../core/dates.js';
import { formatMinor } from '../core/money.js';
import type { ReimbursementRow } from '../core/rows.js';

/** A marked expense as the ledger gives it. */
export type ReimbursementInput = ReimbursementRow;

export interface OwedItem {
  id: number;
  date: string;
  description: string;
  /** What is owed back (positive minor units). */
  amount: number;
  currency: string;
  from: string | null;
  note: string | null;
  /** Days from the expense to today (outstanding) or to its payment (settled). */
  sinceDays: number;
  status: 'outstanding' | 'settled';
  paidBy: number | null;
  paidDate: string | null;
  linkedBy: 'hand' | 'match' | null;
}

export interface PayerTotal {
  from: string | null;
  currency: string;
  amount: number;
  count: number;
  /** The oldest outstanding expense's date. */
  since: string;
}

export interface ReimbursementsReport {
  today: string;
  outstanding: OwedItem[];
  byPayer: PayerTotal[];
  totals: { currency: string; amount: number; count: number }[];
  /** Only with --all. */
  settled?: OwedItem[];
}

function item(r: ReimbursementInput, today: string): OwedItem {
  const settled = r.paidBy !== null && r.paidDate !== null;
  return {
    id: r.id, date: r.date, description: r.description, amount: -r.amount, currency: r.currency, from: r.payer, note: r.note,
    sinceDays: daysBetween(r.date, settled ? r.paidDate! : today),
    status: settled ? 'settled' : 'outstanding',
    paidBy: settled ? r.paidBy : null, paidDate: settled ? r.paidDate : null, linkedBy: settled ? r.linkedBy : null,
  };
}

/** Totals per payer and currency, the largest first (a payer not named is one group). */
function byPayer(items: readonly OwedItem[]): PayerTotal[] {
  const groups = new Map<string, PayerTotal>();
  for (const i of items) {
    const key = `${i.currency}|${i.from ?? ''}`;
    const g = groups.get(key) ?? { from: i.from, currency: i.currency, amount: 0, count: 0, since: i.date };
    g.amount += i.amount;
    g.count++;
    if (i.date < g.since) g.since = i.date;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.amount - a.amount || (a.from ?? '').localeCompare(b.from ?? ''));
}

function totals(items: readonly OwedItem[]): ReimbursementsReport['totals'] {
  const sums = new Map<string, { currency: string; amount: number; count: number }>();
  for (const i of items) {
    const s = sums.get(i.currency) ?? { currency: i.currency, amount: 0, count: 0 };
    s.amount += i.amount;
    s.count++;
    sums.set(i.currency, s);
  }
  return [...sums.values()].sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency));
}

export function buildReimbursementsReport(rows: readonly ReimbursementInput[], today: string, opts: { all?: boolean } = {}): ReimbursementsReport {
  const items = rows.map((r) => item(r, today));
  const outstanding = items.filter((i) => i.status === 'outstanding');
  return {
    today,
    outstanding,
    byPayer: byPayer(outstanding),
    totals: totals(outstanding),
    ...(opts.all ? { settled: items.filter((i) => i.status === 'settled') } : {}),
  };
}

function itemJson(i: OwedItem): Record<string, unknown> {
  return {
    id: i.id, date: i.date, description: i.description, amount: formatMinor(i.amount, i.currency), currency: i.currency,
    from: i.from, since_days: i.sinceDays, status: i.status, note: i.note,
    ...(i.status === 'settled' ? { paid_by: i.paidBy, paid_date: i.paidDate, linked_by: i.linkedBy } : {}),
  };
}

/**
 * The JSON contract: `{outstanding: [{id, date, description, amount, currency, from, since_days,
 * status, note}], by_payer: [{from, currency, amount, count, since}], totals: [{currency, amount,
 * count}]}`, plus `settled` (the same items with paid_by, paid_date, linked_by) with --all.
 * Amounts are decimal strings of what is owed back (positive).
 */
export function reimbursementsJson(r: ReimbursementsReport): Record<string, unknown> {
  return {
    outstanding: r.outstanding.map(itemJson),
    by_payer: r.byPayer.map((p) => ({ from: p.from, currency: p.currency, amount: formatMinor(p.amount, p.currency), count: p.count, since: p.since })),
    totals: r.totals.map((s) => ({ currency: s.currency, amount: formatMinor(s.amount, s.currency), count: s.count })),
    ...(r.settled ? { settled: r.settled.map(itemJson) } : {}),
  };
}
