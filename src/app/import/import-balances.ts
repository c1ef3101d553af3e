/**
 * The balances a statement states, on their way into the ledger (issue 27), and the
 * reconciliation every import runs inside its transaction. A balance event belongs to the
 * account of the statement it came in (the rows of that statement say which: the first row's
 * account).
 */
import path from 'node:path';
import type { Db } from '../../ledger/open.js';
import { type Account, findAccountByName } from '../../ledger/accounts.js';
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { type NewCheckpoint, addCheckpoints, checkpointCurrencies, entrySumsByDayThrough, listCheckpoints, unknownCheckpoints } from '../../ledger/checkpoints.js';
import type { StatementBalance } from '../../import/types.js';
import { formatMinor } from '../../core/money.js';
import { addDays } from '../../core/dates.js';
import { type Reconciliation, reconcile, suspectRange } from '../../reports/reconcile.js';
import { tAppImport as say } from '../../core/messages/app-import.js';

export interface FileReconciliation {
  status: 'ok' | 'mismatch' | 'none';
  checkpoints: number;
  first_mismatch: {
    account: string;
    currency: string;
    date: string;
    expected: string;
    actual: string;
    difference: string;
    /** The first day rows may be missing, doubled or of the wrong sign (null: any day up to `date`). */
    from: string | null;
  } | null;
}

/** Collects a file's balance events and the account of each statement. */
export class StatementBalances {
  private segment = 0;
  private readonly pending: { balance: StatementBalance; segment: number }[] = [];
  private readonly accounts = new Map<number, Account>();

  statement(): void {
    this.segment++;
  }

  row(account: Account): void {
    if (!this.accounts.has(this.segment)) this.accounts.set(this.segment, account);
  }

  balance(balance: StatementBalance): void {
    this.pending.push({ balance, segment: this.segment });
  }

  /**
   * The checkpoints, each with its statement's account; a statement without rows says nothing of
   * which account it is, so its balances go to `fallback` (the file's only account) only when it
   * is the file's only statement, else they are dropped.
   */
  checkpoints(fallback: Account | undefined, batchId: number, file: string): NewCheckpoint[] {
    return this.pending.flatMap(({ balance, segment }) => {
      const account = this.accounts.get(segment) ?? (this.segment <= 1 ? fallback : undefined);
      if (!account) return [];
      return [{
        accountId: account.id, date: balance.date, amount: balance.amount, currency: balance.currency,
        source: 'statement' as const, kind: balance.kind, batchId, file: path.basename(file), line: balance.line,
      }];
    });
  }
}

/** Add the checkpoints the ledger does not hold yet (same account, currency, day, kind and amount). */
export function keepCheckpoints(db: Db, rows: readonly NewCheckpoint[], now: string): number {
  const fresh = unknownCheckpoints(db, rows);
  addCheckpoints(db, fresh, now);
  return fresh.length;
}

/** An account's reconciliation in one currency: its booked checkpoints against its entries. */
export function reconcileAccount(db: Db, accountId: number, currency: string): Reconciliation<ReturnType<typeof listCheckpoints>[number]> {
  const checkpoints = listCheckpoints(db, accountId, currency);
  if (checkpoints.length === 0) return reconcile(checkpoints, []);
  const last = checkpoints[checkpoints.length - 1]!.date;
  const days = entrySumsByDayThrough(db, accountId, currency, last);
  return reconcile(checkpoints, days);
}

/** The currencies an account has checkpoints in. */
export { checkpointCurrencies };

export interface AccountMismatch {
  account: Account;
  currency: string;
  result: Reconciliation;
}

/** Reconcile every account (and currency) an import touched; one result for the file, and the mismatches. */
export function reconcileImport(db: Db, accounts: readonly Account[]): { file: FileReconciliation; mismatches: AccountMismatch[] } {
  let checkpoints = 0;
  let checked = false;
  const mismatches: AccountMismatch[] = [];
  for (const account of accounts) {
    for (const currency of checkpointCurrencies(db, account.id)) {
      const result = reconcileAccount(db, account.id, currency);
      checkpoints += result.checkpoints;
      if (result.status !== 'none') checked = true;
      if (result.status === 'mismatch') mismatches.push({ account, currency, result });
    }
  }
  const first = mismatches[0];
  const m = first?.result.firstMismatch;
  const status = mismatches.length > 0 ? 'mismatch' : checked ? 'ok' : 'none';
  const money = (n: number) => formatMinor(n, first!.currency);
  return {
    file: {
      status, checkpoints,
      first_mismatch: m ? {
        account: first.account.name, currency: first.currency, date: m.date,
        expected: money(m.expected), actual: money(m.actual), difference: money(m.difference), from: m.after === null ? null : addDays(m.after, 1),
      } : null,
    },
    mismatches,
  };
}

/** The one stderr line of an account that does not reconcile. */
export function mismatchLine(file: string, m: AccountMismatch): string {
  const f = m.result.firstMismatch!;
  const money = (n: number) => formatMinor(n, m.currency);
  const where = f.date === m.result.results.find((r) => !r.ok)?.checkpoint.date ? describeSource(m) : '';
  return say('mismatch', {
    file, name: m.account.name, currency: m.currency, date: f.date, expected: money(f.expected), where,
    actual: money(f.actual), difference: money(f.difference), range: suspectRange(f),
  });
}

function describeSource(m: AccountMismatch): string {
  const cp = m.result.results.find((r) => !r.ok)!.checkpoint as { kind: string; file?: string | null; line?: number | null };
  return cp.file ? ` (${cp.kind}, ${cp.file}${cp.line ? `:${cp.line}` : ''})` : ` (${cp.kind})`;
}

/**
 * After a file's rows, inside its transaction: its balances become checkpoints (those the ledger
 * holds already are not added again), then every account it touched is reconciled. A mismatch is
 * said on stderr, one line per account, or under --strict fails the file (the caller rolls back).
 */
export function checkBalances(
  ctx: Context, db: Db, file: string, balances: StatementBalances,
  o: { batchId: number; now: string; used: Account[]; strict: boolean; fallback: string | undefined },
): FileReconciliation {
  const only = o.used.length === 1 ? o.used[0] : o.fallback ? findAccountByName(db, o.fallback) : undefined;
  keepCheckpoints(db, balances.checkpoints(only, o.batchId, file), o.now);
  const accounts = o.used.length > 0 ? o.used : only ? [only] : [];
  const { file: summary, mismatches } = reconcileImport(db, accounts);
  if (mismatches.length > 0 && o.strict) {
    throw new PocketbookError('BAD_INPUT', say('strictNothing', { message: mismatchLine(file, mismatches[0]!).slice(file.length + 2) }));
  }
  for (const m of mismatches) ctx.io.err(`pocketbook: ${mismatchLine(file, m)}`);
  return summary;
}
