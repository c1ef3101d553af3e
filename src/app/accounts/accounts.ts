/** Account use cases: add, list, show, rename, remove. */
import type { Context } from '../../core/context.js';
import { PocketbookError, notFound } from '../../core/errors.js';
import { formatMinor } from '../../core/money.js';
import { parseAccountType, parseCreditLimit, parseCurrency, parseMonthDay, parseNumberSuffix } from './account-fields.js';
import { isIsoDate } from '../../core/dates.js';
import { type AccountAmount, balancesAt } from '../../ledger/balances.js';
import type { Db } from '../../ledger/open.js';
import {
  type Account, accountBalances, accountStats, deleteAccount, findAccountByName, insertAccount, listAccounts, renameAccount,
} from '../../ledger/accounts.js';
import { withLedger } from '../with-ledger.js';
import { tAccount as t } from '../../core/messages/cli-account.js';

export { withLedger };

export interface AddAccountInput {
  name: string;
  type?: string;
  institution?: string;
  currency?: string;
  numberSuffix?: string;
  creditLimit?: string;
  statementDay?: string;
}

/** An account as scripts see it (`--json`): amounts as decimal strings. */
export interface AccountView {
  id: number;
  name: string;
  type: string;
  institution: string | null;
  currency: string;
  number_suffix: string | null;
  credit_limit: string | null;
  statement_day: number | null;
  /** Day of the month the bill is due (还款日), null when not set. */
  due_day: number | null;
  entries: number;
  /** The sum of its entries in the account's own currency (entries in other currencies are in `balances`). */
  balance: string;
  /** One line per currency its entries are in (the account's own first); amounts of different currencies are never added. */
  balances: CurrencyLine[];
  /** The day the `balance_as_of` figures are for (`--as-of`, default today). */
  as_of: string;
  /**
   * Real money at the end of `as_of` in the account's currency: its opening balance (from its earliest
   * checkpoint, 0 without one) plus its entries up to that day. Signed in the holder's view: a credit card owed is negative.
   */
  balance_as_of: string;
  /** Credit accounts: what is owed at the end of `as_of` (−balance_as_of, negative when in credit); null for other types. */
  owed: string | null;
  first_date: string | null;
  last_date: string | null;
  created_at: string;
}

/** An account's figures in one currency. */
export interface CurrencyLine {
  currency: string;
  entries: number;
  /** The sum of its entries in this currency. */
  balance: string;
  /** Opening balance plus entries up to `as_of`, holder's view. */
  balance_as_of: string;
  /** Credit accounts: money owed in this currency at `as_of`; null for other types. */
  owed: string | null;
}

/** `--as-of D`: a calendar day, default today. */
export function parseAsOf(text: string | undefined, today: string): string {
  if (text === undefined) return today;
  if (!isIsoDate(text)) throw new PocketbookError('BAD_INPUT', t('asOfNotDate', { text }), { hint: t('writeIso') });
  return text;
}

/** Balances at `asOf` per currency, looked up from `atDate` (all accounts at once, or one account's). */
type BalanceLookup = (accountId: number, currency: string) => number;

export function view(db: Db, a: Account, asOf: string, at: BalanceLookup): AccountView {
  const s = accountStats(db, a.id);
  const owedOf = (minor: number, currency: string) => (a.type === 'credit' ? formatMinor(-minor, currency) : null);
  const lines = accountBalances(db, a);
  if (!lines.some((b) => b.currency === a.currency)) lines.unshift({ currency: a.currency, entries: 0, balance: 0 });
  const balances = lines.map((b) => {
    const real = at(a.id, b.currency);
    return { currency: b.currency, entries: b.entries, balance: formatMinor(b.balance, b.currency), balance_as_of: formatMinor(real, b.currency), owed: owedOf(real, b.currency) };
  });
  const own = balances.find((b) => b.currency === a.currency)!;
  return {
    id: a.id,
    name: a.name,
    type: a.type,
    institution: a.institution,
    currency: a.currency,
    number_suffix: a.numberSuffix,
    credit_limit: a.creditLimit === null ? null : formatMinor(a.creditLimit, a.currency),
    statement_day: a.statementDay,
    due_day: a.dueDay,
    entries: s.entries,
    balance: own.balance,
    // One line per currency its entries are in, as before (the own-currency line added above is left out when empty).
    balances: balances.filter((b) => b.entries > 0),
    first_date: s.firstDate,
    last_date: s.lastDate,
    created_at: a.createdAt,
    as_of: asOf,
    balance_as_of: own.balance_as_of,
    owed: own.owed,
  };
}

export function requireAccount(db: Db, name: string): Account {
  const account = findAccountByName(db, name);
  if (!account) throw notFound(t('noAccountNamed', { name }), t('seeAccountList'));
  return account;
}

export function addAccount(ctx: Context, input: AddAccountInput): AccountView {
  const name = input.name.trim();
  if (name === '') throw new PocketbookError('BAD_INPUT', t('nameEmpty'));
  const type = parseAccountType(input.type);
  const currency = parseCurrency(input.currency ?? ctx.settings.currency);
  const suffix = input.numberSuffix !== undefined ? parseNumberSuffix(input.numberSuffix) : null;
  const creditLimit = input.creditLimit !== undefined ? parseCreditLimit(input.creditLimit, currency) : null;
  const statementDay = input.statementDay !== undefined ? parseMonthDay(input.statementDay, '--statement-day') : null;
  return withLedger(ctx, (db) => {
    if (findAccountByName(db, name)) throw new PocketbookError('CONFLICT', t('exists', { name }));
    const account = insertAccount(db, { name, type, institution: input.institution ?? null, currency, numberSuffix: suffix, creditLimit, statementDay }, new Date().toISOString());
    return view(db, account, ctx.today, () => 0);
  });
}

export function listAccountViews(ctx: Context, opts: { asOf?: string } = {}): AccountView[] {
  const asOf = parseAsOf(opts.asOf, ctx.today);
  return withLedger(ctx, (db) => {
    // Every account's balances in one statement pair, not a query per account.
    const all = new Map(balancesAt(db, asOf).map((b: AccountAmount) => [`${b.accountId} ${b.currency}`, b.amount]));
    return listAccounts(db).map((a) => view(db, a, asOf, (id, currency) => all.get(`${id} ${currency}`) ?? 0));
  });
}

export function showAccount(ctx: Context, name: string, opts: { asOf?: string } = {}): AccountView & { batches: number } {
  const asOf = parseAsOf(opts.asOf, ctx.today);
  return withLedger(ctx, (db) => {
    const account = requireAccount(db, name);
    const all = new Map(balancesAt(db, asOf).filter((b) => b.accountId === account.id).map((b) => [b.currency, b.amount]));
    return { ...view(db, account, asOf, (_id, currency) => all.get(currency) ?? 0), batches: accountStats(db, account.id).batches };
  });
}

export function renameAccountByName(ctx: Context, from: string, to: string): { from: string; to: string } {
  const target = to.trim();
  if (target === '') throw new PocketbookError('BAD_INPUT', t('newNameEmpty'));
  return withLedger(ctx, (db) => {
    const account = requireAccount(db, from);
    const clash = findAccountByName(db, target);
    if (clash && clash.id !== account.id) throw new PocketbookError('CONFLICT', t('exists', { name: target }));
    renameAccount(db, account.id, target);
    return { from: account.name, to: target };
  });
}

export function removeAccount(ctx: Context, name: string, force: boolean): { name: string; entries: number; batches: number } {
  return withLedger(ctx, (db) => {
    const account = requireAccount(db, name);
    const stats = accountStats(db, account.id);
    if (stats.entries > 0 && !force) {
      throw new PocketbookError('CONFLICT', t('stillHolds', { name: account.name, n: stats.entries }), {
        hint: t('removeHint'),
      });
    }
    const removed = deleteAccount(db, account.id);
    return { name: account.name, ...removed };
  });
}
