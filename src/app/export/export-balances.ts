/**
 * Balance checkpoints in the journal exports (issue 27, point 5), merged into the entry stream:
 *  - the openings (ledger/export-checkpoints.ts) come first, so every assertion can hold;
 *  - each booked checkpoint (the last of its day) is written once the stream has passed its date:
 *    ledger/hledger as a zero posting `= AMOUNT` after that day's entries, beancount as a `balance`
 *    directive the day after (checked at the start of its date).
 * The assertion is the checkpoint plus what mirrored card rows posted onto the account so far
 * (see export-checkpoints.ts), so it holds exactly when the entries meet the checkpoint. Pure but for
 * the iterator it is given: the caller owns the database.
 */
import { addDays } from '../../core/dates.js';
import type { AssertionRow, OpeningRow } from '../../ledger/export-checkpoints.js';
import { offsetKey } from '../../ledger/export-checkpoints.js';
import { formatBeancountBalance, formatLedgerAssertion, formatOpening } from './journal-format.js';
import { EQUITY, type JournalFormat, type JournalNames } from './journal-names.js';

export interface BalanceStream {
  /** The assertions dated before `date`, one text each (take them before writing an entry of `date`). */
  before(date: string): Generator<string>;
  /** Count a mirrored card row's posting onto the wallet (`account` is the wallet's id). */
  mirror(account: number, currency: string, amount: number): void;
  /** The assertions left. */
  end(): Generator<string>;
}

export function formatOpenings(format: JournalFormat, openings: readonly OpeningRow[], names: JournalNames): string {
  return openings.map((o) => `\n\n${formatOpening(format, o.date, names.asset(o.account_id), o.amount, o.currency, EQUITY.opening)}`).join('');
}

export function createBalanceStream(format: JournalFormat, rows: Iterator<AssertionRow>, offsets: Map<string, number>, names: JournalNames): BalanceStream {
  let next = rows.next();
  const format1 = (r: AssertionRow): string => {
    const source = [r.kind, r.file !== null ? `${r.file}${r.line !== null ? `:${r.line}` : ''}` : null].filter(Boolean).join(', ');
    const a = { date: r.date, account: names.asset(r.account_id), amount: r.amount + (offsets.get(offsetKey(r.account_id, r.currency)) ?? 0), currency: r.currency, source };
    return `\n\n${format === 'beancount' ? formatBeancountBalance(a, addDays(r.date, 1)) : formatLedgerAssertion(a)}`;
  };
  function* until(date: string | undefined): Generator<string> {
    while (!next.done && (date === undefined || next.value.date < date)) {
      yield format1(next.value);
      next = rows.next();
    }
  }
  return {
    before: (date) => until(date),
    mirror(account, currency, amount) {
      const key = offsetKey(account, currency);
      if (offsets.has(key)) offsets.set(key, offsets.get(key)! + amount);
    },
    end: () => until(undefined),
  };
}
