/**
 * Which income pays back which marked expense (报销, issue 28 point 3). Pure: rows in, links out.
 *
 * A payment matches an outstanding expense when it is income in the same currency, of exactly the
 * amount owed, dated on or after the expense, and its description or counterparty contains the
 * payer's name (case aside). When the evidence is unclear — two payments could pay one expense, or
 * one payment could pay two expenses — nothing is linked: the expense is reported as unclear with
 * its candidates, for the user to link by hand. A payment that matches no single expense may pay
 * all of one payer's remaining outstanding expenses at once (same currency, all dated on or before
 * it) when it equals their sum exactly. A smaller payment (a partial reimbursement) is never
 * matched: the expense stays outstanding, and linking by hand refuses it (reimburse.ts).
 */
import type { PaymentRow, ReimbursementRow } from '../../ledger/reimbursements.js';

export interface MatchLink {
  payment: number;
  expenses: number[];
}

export interface Unclear {
  expense: number;
  candidates: number[];
}

export interface MatchResult {
  links: MatchLink[];
  unclear: Unclear[];
}

/** Whether a payment names the payer in its description or counterparty. */
export function mentionsPayer(p: Pick<PaymentRow, 'description' | 'counterparty'>, payer: string): boolean {
  const name = payer.trim().toLowerCase();
  if (name === '') return false;
  return [p.description, p.counterparty ?? ''].some((text) => text.toLowerCase().includes(name));
}

function fits(e: ReimbursementRow, p: PaymentRow): boolean {
  return e.payer !== null && p.currency === e.currency && p.amount === -e.amount && p.date >= e.date && mentionsPayer(p, e.payer);
}

/** Payments equal to the sum of one payer's remaining expenses (two or more) settle them together. */
function matchSums(rest: readonly ReimbursementRow[], payments: readonly PaymentRow[]): MatchLink[] {
  const links: MatchLink[] = [];
  const left = new Set(rest.map((e) => e.id));
  for (const p of payments) {
    const owed = rest.filter((e) => left.has(e.id) && e.payer !== null && e.currency === p.currency && e.date <= p.date && mentionsPayer(p, e.payer));
    const payers = new Set(owed.map((e) => e.payer!.trim().toLowerCase()));
    if (owed.length < 2 || payers.size !== 1) continue;
    if (owed.reduce((sum, e) => sum - e.amount, 0) !== p.amount) continue;
    links.push({ payment: p.id, expenses: owed.map((e) => e.id) });
    for (const e of owed) left.delete(e.id);
  }
  return links;
}

/** Match outstanding expenses (with a payer) against unused income entries. */
export function matchReimbursements(outstanding: readonly ReimbursementRow[], payments: readonly PaymentRow[]): MatchResult {
  const candidates = new Map(outstanding.map((e) => [e.id, payments.filter((p) => fits(e, p))]));
  const claims = new Map<number, number>();
  for (const list of candidates.values()) for (const p of list) claims.set(p.id, (claims.get(p.id) ?? 0) + 1);
  const links: MatchLink[] = [];
  const unclear: Unclear[] = [];
  const rest: ReimbursementRow[] = [];
  for (const e of outstanding) {
    const list = candidates.get(e.id) ?? [];
    if (list.length === 0) rest.push(e);
    else if (list.length === 1 && claims.get(list[0]!.id) === 1) links.push({ payment: list[0]!.id, expenses: [e.id] });
    else unclear.push({ expense: e.id, candidates: list.map((p) => p.id) });
  }
  const unclaimed = payments.filter((p) => !claims.has(p.id));
  return { links: [...links, ...matchSums(rest, unclaimed)], unclear };
}
