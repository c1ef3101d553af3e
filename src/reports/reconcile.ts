/**
 * Reconciliation (issue 27), pure: an account's booked checkpoints (one currency, oldest first)
 * against the daily sums of its entries. The balance at the end of day D is the opening balance
 * plus the entries dated D or before; the opening balance is set by the earliest day's checkpoint
 * (the last one of that day: opening = its amount − the entries up to its date), so that checkpoint
 * always holds and checks nothing by itself.
 *
 * Status: 'none' when there is nothing to check against — no booked checkpoint, or only the one
 * that sets the opening balance (every checkpoint on that same earliest date with the same amount
 * holds trivially too, so it does not count either); 'ok' when every checkpoint holds; 'mismatch'
 * otherwise. The first failing checkpoint is reported with the narrowest range where rows are
 * missing, doubled or of the wrong sign: after the last checkpoint before it that holds, up to it.
 */
import { addDays } from '../core/dates.js';

export interface CheckpointIn {
  date: string;
  amount: number;
  kind: string;
  file?: string | null;
  line?: number | null;
}

export interface DaySum {
  date: string;
  sum: number;
}

export interface CheckpointResult<C extends CheckpointIn = CheckpointIn> {
  checkpoint: C;
  expected: number;
  computed: number;
  /** computed − expected. */
  difference: number;
  ok: boolean;
}

export interface Mismatch {
  date: string;
  expected: number;
  actual: number;
  difference: number;
  /** The last checkpoint date before it that holds (rows from the day after are suspect); null: none. */
  after: string | null;
}

export interface Reconciliation<C extends CheckpointIn = CheckpointIn> {
  status: 'ok' | 'mismatch' | 'none';
  /** Checkpoints checked (all booked ones, the one setting the opening balance included). */
  checkpoints: number;
  opening: number;
  results: CheckpointResult<C>[];
  firstMismatch: Mismatch | null;
}

/** Checkpoints (oldest first) against daily entry sums (any order). */
export function reconcile<C extends CheckpointIn>(checkpoints: readonly C[], days: readonly DaySum[]): Reconciliation<C> {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const cps = [...checkpoints].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (cps.length === 0) return { status: 'none', checkpoints: 0, opening: 0, results: [], firstMismatch: null };
  const through = sumsThrough(sorted, cps.map((c) => c.date));
  // The earliest day's last checkpoint sets the opening balance (as in ledger/checkpoints.ts openingBalance).
  const openAt = cps.filter((c) => c.date === cps[0]!.date).length - 1;
  const opening = cps[openAt]!.amount - through[openAt]!;
  const results = cps.map((checkpoint, i) => {
    const computed = opening + through[i]!;
    return { checkpoint, expected: checkpoint.amount, computed, difference: computed - checkpoint.amount, ok: computed === checkpoint.amount };
  });
  const failing = results.findIndex((r) => !r.ok);
  const trivial = cps.every((c) => c.date === cps[0]!.date && c.amount === cps[0]!.amount);
  const status = failing >= 0 ? 'mismatch' : trivial ? 'none' : 'ok';
  return { status, checkpoints: cps.length, opening, results, firstMismatch: failing >= 0 ? mismatchAt(results, failing) : null };
}

function mismatchAt(results: readonly CheckpointResult[], i: number): Mismatch {
  const r = results[i]!;
  let after: string | null = null;
  for (let j = i - 1; j >= 0; j--) {
    if (results[j]!.ok && results[j]!.checkpoint.date < r.checkpoint.date) {
      after = results[j]!.checkpoint.date;
      break;
    }
  }
  return { date: r.checkpoint.date, expected: r.expected, actual: r.computed, difference: r.difference, after };
}

/** For each date (ascending), the sum of the entries dated on or before it. */
function sumsThrough(days: readonly DaySum[], dates: readonly string[]): number[] {
  const out: number[] = [];
  let at = 0;
  let total = 0;
  for (const date of dates) {
    while (at < days.length && days[at]!.date <= date) total += days[at++]!.sum;
    out.push(total);
  }
  return out;
}

/** Where the rows in question are: "between D1 and D2" (dates inclusive), or "on or before D". */
export function suspectRange(m: Mismatch): string {
  if (m.after === null) return `on or before ${m.date}`;
  const from = addDays(m.after, 1);
  return from === m.date ? `on ${m.date}` : `between ${from} and ${m.date}`;
}
