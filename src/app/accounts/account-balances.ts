/**
 * `account reconcile NAME` (an account's checkpoints against the balances its entries give, per
 * currency) and `account set-balance NAME AMOUNT --date D` (a manual checkpoint: cash, a wallet,
 * an opening balance). Reconciliation is the same pure code the import runs (reports/reconcile.ts).
 */
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { formatMinor, parseUserAmount } from '../../core/money.js';
import { addDays, isIsoDate } from '../../core/dates.js';
import { addCheckpoints, balanceAt, listCheckpoints, type Checkpoint } from '../../ledger/checkpoints.js';
import { requireAccount, withLedger } from './accounts.js';
import { checkpointCurrencies, reconcileAccount } from '../import/import-balances.js';
import { tAccount as t } from '../../core/messages/cli-account.js';

export interface CheckpointLine {
  date: string;
  kind: string;
  source: string;
  expected: string;
  computed: string;
  difference: string;
  /** null for an `available` balance (money one may spend): listed, never reconciled. */
  ok: boolean | null;
  reconciled: boolean;
}

export interface CurrencyReconciliation {
  currency: string;
  status: 'ok' | 'mismatch' | 'none';
  opening: string;
  checkpoints: CheckpointLine[];
  first_mismatch: { date: string; expected: string; actual: string; difference: string; from: string | null } | null;
}

export interface ReconcileView {
  account: string;
  currencies: CurrencyReconciliation[];
}

function sourceOf(c: Pick<Checkpoint, 'file' | 'line' | 'source'>): string {
  return c.file ? `${c.file}${c.line ? `:${c.line}` : ''}` : c.source;
}

export function reconcileView(ctx: Context, name: string): ReconcileView {
  return withLedger(ctx, (db) => {
    const account = requireAccount(db, name);
    const currencies = checkpointCurrencies(db, account.id).map((currency): CurrencyReconciliation => {
      const r = reconcileAccount(db, account.id, currency);
      const money = (n: number) => formatMinor(n, currency);
      const m = r.firstMismatch;
      return {
        currency, status: r.status, opening: money(r.opening),
        checkpoints: [
          ...r.results.map((x) => ({
            date: x.checkpoint.date, kind: x.checkpoint.kind, source: sourceOf(x.checkpoint),
            expected: money(x.expected), computed: money(x.computed), difference: money(x.difference), ok: x.ok, reconciled: true,
          })),
          ...listCheckpoints(db, account.id, currency, { all: true }).filter((c) => c.kind === 'available').map((c) => {
            const computed = balanceAt(db, account.id, currency, c.date);
            return {
              date: c.date, kind: c.kind, source: sourceOf(c),
              expected: money(c.amount), computed: money(computed), difference: money(computed - c.amount), ok: null, reconciled: false,
            };
          }),
        ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
        first_mismatch: m ? { date: m.date, expected: money(m.expected), actual: money(m.actual), difference: money(m.difference), from: m.after ? addDays(m.after, 1) : null } : null,
      };
    });
    return { account: account.name, currencies };
  });
}

export interface SetBalanceResult {
  account: string;
  date: string;
  amount: string;
  currency: string;
  status: 'ok' | 'mismatch' | 'none';
}

/** A manual checkpoint in the account's currency (holder's view: a card owed is negative). */
export function setBalance(ctx: Context, name: string, amountText: string, date: string | undefined): SetBalanceResult {
  if (!date || !isIsoDate(date)) {
    throw new PocketbookError('BAD_INPUT', t('dateNotDate', { date: date ?? '' }), { hint: t('writeDate') });
  }
  return withLedger(ctx, (db) => {
    const account = requireAccount(db, name);
    const amount = parseUserAmount(amountText, account.currency);
    db.transaction(() => {
      addCheckpoints(db, [{ accountId: account.id, date, amount, currency: account.currency, source: 'manual', kind: 'manual' }], new Date().toISOString());
    })();
    const status = reconcileAccount(db, account.id, account.currency).status;
    return { account: account.name, date, amount: formatMinor(amount, account.currency), currency: account.currency, status };
  });
}
