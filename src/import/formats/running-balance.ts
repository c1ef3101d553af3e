/**
 * A CSV running-balance column (Balance, Saldo, Solde, 余额, 残高 …) as one `running` checkpoint
 * per day and currency: the balance after the day's last row in chronological order. Files come
 * oldest first or newest first; the column itself says which (a row's balance is the previous
 * row's plus its amount when oldest first; the previous row's is its own plus the previous
 * row's amount when newest first),
 * and where it cannot tell, the dates do. Constant memory per day, not per row.
 */
import type { NormalizedRow } from '../../core/types.js';
import type { ReaderEvent } from '../types.js';

/** Header names of a running-balance column (the whole cell, case-insensitive). */
const BALANCE_HEADER =
  /^(?:running ?balance|balance|current balance|account balance|saldo|kontostand|solde|余额|账户余额|本次余额|联机余额|結餘|结余|残高|差引残高)$/iu;

/** The index of the header's running-balance column, if it has exactly one. */
export function balanceColumn(header: readonly string[] | undefined): number | undefined {
  if (!header) return undefined;
  const found = header.flatMap((cell, i) => (BALANCE_HEADER.test(cell.trim()) ? [i] : []));
  return found.length === 1 ? found[0] : undefined;
}

interface Seen {
  line: number;
  date: string;
  currency: string;
  amount: number;
  balance: number;
}

export class RunningBalances {
  /** Per currency|day: the first and the last row of that day in file order. */
  private readonly days = new Map<string, { first: Seen; last: Seen }>();
  private previous: Seen | undefined;
  private oldestFirst = 0;
  private newestFirst = 0;
  /** Rows whose balance moved against their amount (either order): a column in the issuer's view. */
  private opposite = 0;
  /** Steps (rows with an amount after a row of the same currency) that move against their amount, per order, and how many each order has. */
  private readonly against = { oldest: 0, newest: 0 };
  private readonly steps = { oldest: 0, newest: 0 };
  private firstDate: string | undefined;
  private lastDate: string | undefined;

  /** `balance` in the holder's view, minor units of the row's currency. */
  see(row: NormalizedRow, balance: number): void {
    const seen: Seen = { line: row.line, date: row.date, currency: row.currency, amount: row.amount, balance };
    const p = this.previous;
    if (p && p.currency === seen.currency && seen.amount !== 0) {
      if (p.balance + seen.amount === seen.balance) this.oldestFirst++;
      if (seen.balance + p.amount === p.balance && p.amount !== 0) this.newestFirst++;
      if (p.balance - seen.amount === seen.balance || (seen.balance - p.amount === p.balance && p.amount !== 0)) this.opposite++;
      this.steps.oldest++;
      if (p.balance - seen.amount === seen.balance) this.against.oldest++;
    }
    if (p && p.currency === seen.currency && p.amount !== 0) {
      this.steps.newest++;
      if (seen.balance - p.amount === p.balance) this.against.newest++;
    }
    this.previous = seen;
    this.firstDate ??= seen.date;
    this.lastDate = seen.date;
    const key = `${seen.currency}|${seen.date}`;
    const day = this.days.get(key);
    if (day) day.last = seen;
    else this.days.set(key, { first: seen, last: seen });
  }

  /**
   * How many steps contradict the amounts' sign when the column moves against the amounts on every
   * step (at least 3) of one order (the one it establishes) and never with them in either: the
   * amounts are read with the wrong sign. Undefined otherwise (mixed evidence is reconciliation's).
   */
  contradictedSign(): number | undefined {
    if (this.oldestFirst > 0 || this.newestFirst > 0) return undefined;
    for (const order of ['oldest', 'newest'] as const) {
      if (this.steps[order] >= 3 && this.against[order] === this.steps[order]) return this.steps[order];
    }
    return undefined;
  }

  /** Whether the file reads oldest first: by the balances when they tell, else by the dates. */
  oldestFirstOrder(): boolean {
    if (this.oldestFirst !== this.newestFirst) return this.oldestFirst > this.newestFirst;
    return (this.firstDate ?? '') <= (this.lastDate ?? '');
  }

  /**
   * One `running` balance event per currency and day. `issuerViewPossible` (a card layout): a
   * column that moves against the amounts more often than with them is the issuer's view (owed is
   * positive) and is negated. A bank account's column is never negated: one that moves against
   * its amounts means the amounts are of the wrong sign, which reconciliation must report.
   */
  events(issuerViewPossible = false): ReaderEvent[] {
    const ascending = this.oldestFirstOrder();
    const negate = issuerViewPossible && this.opposite > Math.max(this.oldestFirst, this.newestFirst);
    return [...this.days.values()].map(({ first, last }) => {
      const end = ascending ? last : first;
      const amount = negate ? -end.balance || 0 : end.balance;
      return { type: 'balance', balance: { kind: 'running', line: end.line, date: end.date, amount, currency: end.currency } };
    });
  }
}
