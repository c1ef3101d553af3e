/**
 * The sign convention and row order a file's own evidence shows: a running balance that follows
 * the running sum of the amounts (one way or the other, oldest or newest first), and the rows that
 * name a payment or a refund (on a card statement, the few rows with the other sign). Pure.
 */
import { PAYMENT_WORDS } from './words.js';
import { tEvidence as tV } from '../../core/messages/import-evidence.js';

export interface SignRow {
  /** The amount as the layout reads it before any inversion; undefined when unreadable. */
  amount?: number;
  balance?: number;
  description: string;
}

export type SignVerdict =
  | { sign: 'as-is' | 'invert'; by: 'balance' | 'payments' | 'mixed signs' | 'all out'; card?: boolean; detail: string }
  | { sign: 'unknown'; detail: string };

/** How many steps of the balance column follow the amounts with sign `s`, oldest or newest first. */
function follows(rows: readonly SignRow[], s: 1 | -1): { steps: number; oldest: number; newest: number } {
  let steps = 0;
  let oldest = 0;
  let newest = 0;
  for (let i = 1; i < rows.length; i++) {
    const p = rows[i - 1]!;
    const r = rows[i]!;
    if (p.balance === undefined || r.balance === undefined || p.amount === undefined || r.amount === undefined) continue;
    steps++;
    if (p.balance + s * r.amount === r.balance) oldest++;
    if (r.balance + s * p.amount === p.balance) newest++;
  }
  return { steps, oldest, newest };
}

/** What a balance column says of the sign: undefined when it has too few steps or says nothing clear. */
export function balanceVerdict(rows: readonly SignRow[]): SignVerdict | undefined {
  const plus = follows(rows, 1);
  const minus = follows(rows, -1);
  if (plus.steps < 2) return undefined;
  const bestPlus = Math.max(plus.oldest, plus.newest);
  const bestMinus = Math.max(minus.oldest, minus.newest);
  const needed = Math.max(2, Math.ceil(plus.steps * 0.8));
  if (bestPlus >= needed && bestMinus < needed / 2) {
    return { sign: 'as-is', by: 'balance', detail: tV('balanceFollows', { n: bestPlus, steps: plus.steps }) };
  }
  if (bestMinus >= needed && bestPlus < needed / 2) {
    return { sign: 'invert', by: 'balance', detail: tV('balanceAgainst', { n: bestMinus, steps: minus.steps }) };
  }
  return undefined;
}

/**
 * What the amounts' own signs and the payment rows say. Mostly positive amounts whose negative
 * rows are payments or refunds: a card export printing purchases as positive. Mixed signs
 * otherwise: as printed. Only positive amounts: unknown unless the account is a card.
 */
export function amountsVerdict(rows: readonly SignRow[], card: boolean): SignVerdict {
  const read = rows.filter((r) => r.amount !== undefined && r.amount !== 0);
  const positive = read.filter((r) => r.amount! > 0);
  const negative = read.filter((r) => r.amount! < 0);
  if (read.length === 0) return { sign: 'unknown', detail: tV('noAmount') };
  const paysNeg = negative.filter((r) => PAYMENT_WORDS.test(r.description)).length;
  const paysPos = positive.filter((r) => PAYMENT_WORDS.test(r.description)).length;
  if (negative.length > 0 && positive.length >= negative.length * 2 && paysNeg > 0 && paysNeg >= paysPos) {
    return { sign: 'invert', by: 'payments', card: true, detail: tV('cardPayments', { positive: positive.length, negative: negative.length }) };
  }
  if (negative.length === 0) {
    if (card) return { sign: 'invert', by: 'payments', card: true, detail: tV('cardAllPositive') };
    if (paysPos > 0 && paysPos < positive.length) {
      return { sign: 'unknown', detail: tV('allPositivePayments') };
    }
    return { sign: 'unknown', detail: tV('allPositive') };
  }
  if (positive.length === 0) return { sign: 'as-is', by: 'all out', detail: tV('allNegative') };
  return { sign: 'as-is', by: 'mixed signs', detail: tV('mixed', { negative: negative.length, positive: positive.length }) };
}
