/**
 * `account edit NAME` (issue 26 point 1): change any field of an account, including one an import
 * created. The currency is refused while the account holds entries (their amounts are in it);
 * a credit limit and a due day only mean something on a credit card and are refused elsewhere.
 * The result says what changed, field by field.
 */
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { formatMinor } from '../../core/money.js';
import { type Account, type AccountChanges, accountBalances, findAccountById, findAccountByName, updateAccount } from '../../ledger/accounts.js';
import { balancesAt } from '../../ledger/balances.js';
import { withLedger } from '../with-ledger.js';
import { type AccountView, requireAccount, view } from './accounts.js';
import { parseAccountType, parseCreditLimit, parseCurrency, parseMonthDay, parseNumberSuffix } from './account-fields.js';
import { tAccount as t } from '../../core/messages/cli-account.js';
import { tAccountEdit as te } from '../../core/messages/account-edit.js';

export interface EditAccountInput {
  name?: string;
  type?: string;
  currency?: string;
  numberSuffix?: string;
  creditLimit?: string;
  statementDay?: string;
  dueDay?: string;
  institution?: string;
}

/** One changed field: JSON names (snake_case) and values as `account list --json` shows them. */
export interface FieldChange {
  field: 'name' | 'type' | 'institution' | 'currency' | 'number_suffix' | 'credit_limit' | 'statement_day' | 'due_day';
  from: string | number | null;
  to: string | number | null;
}

export interface EditResult {
  name: string;
  changes: FieldChange[];
  /** Things worth knowing about the new values (a due day in the next month, no statement day yet). */
  notes: string[];
  account: AccountView;
}

const FIELDS: readonly [keyof AccountChanges, FieldChange['field']][] = [
  ['name', 'name'], ['type', 'type'], ['institution', 'institution'], ['currency', 'currency'], ['numberSuffix', 'number_suffix'],
  ['creditLimit', 'credit_limit'], ['statementDay', 'statement_day'], ['dueDay', 'due_day'],
];

/** `none` (any case) clears an optional field. */
const cleared = (text: string): boolean => text.trim().toLowerCase() === 'none';

/** The new values the options ask for, checked against the account as it is. */
function requestedChanges(account: Account, o: EditAccountInput, held: { n: number; currency: string } | undefined): AccountChanges {
  const c: AccountChanges = {};
  if (o.name !== undefined) {
    if (o.name.trim() === '') throw new PocketbookError('BAD_INPUT', t('newNameEmpty'));
    c.name = o.name.trim();
  }
  if (o.type !== undefined) c.type = parseAccountType(o.type);
  if (o.currency !== undefined) {
    c.currency = parseCurrency(o.currency);
    if (held && c.currency !== account.currency) {
      throw new PocketbookError('CONFLICT', te('currencyHeld', { name: account.name, n: held.n, currency: held.currency }), { hint: te('currencyHeldHint') });
    }
  }
  if (o.institution !== undefined) c.institution = cleared(o.institution) || o.institution.trim() === '' ? null : o.institution.trim();
  if (o.numberSuffix !== undefined) c.numberSuffix = cleared(o.numberSuffix) ? null : parseNumberSuffix(o.numberSuffix);
  const currency = c.currency ?? account.currency;
  if (o.creditLimit !== undefined) c.creditLimit = cleared(o.creditLimit) ? null : parseCreditLimit(o.creditLimit, currency);
  if (o.statementDay !== undefined) c.statementDay = cleared(o.statementDay) ? null : parseMonthDay(o.statementDay, '--statement-day');
  if (o.dueDay !== undefined) c.dueDay = cleared(o.dueDay) ? null : parseMonthDay(o.dueDay, '--due-day');
  const type = c.type ?? account.type;
  if (type !== 'credit') {
    // Checked on the values the account will have: a card turned into another type must clear them too.
    const kept = <T>(v: T | undefined, was: T) => (v === undefined ? was : v);
    for (const [flag, value] of [['--credit-limit', kept(c.creditLimit, account.creditLimit)], ['--due-day', kept(c.dueDay, account.dueDay)]] as const) {
      if (value !== null) {
        throw new PocketbookError('BAD_INPUT', te('creditOnly', { flag, name: account.name, type }), { hint: te('creditOnlyHint', { flag }) });
      }
    }
  }
  return c;
}

/** A field's value as the JSON shows it (a credit limit as a decimal string). */
function shown(a: Account, key: keyof AccountChanges): string | number | null {
  const v = a[key];
  if (key === 'creditLimit') return v === null ? null : formatMinor(v as number, a.currency);
  return v as string | number | null;
}

export function editAccount(ctx: Context, name: string, o: EditAccountInput): EditResult {
  if (Object.values(o).every((v) => v === undefined)) throw new PocketbookError('BAD_INPUT', te('nothingGiven'), { hint: te('nothingGivenHint') });
  return withLedger(ctx, (db) => db.transaction(() => {
    const before = requireAccount(db, name);
    const lines = accountBalances(db, before);
    const held = lines.length > 0 ? { n: lines.reduce((s, l) => s + l.entries, 0), currency: lines.map((l) => l.currency).join(', ') } : undefined;
    const changes = requestedChanges(before, o, held);
    if (changes.name !== undefined) {
      const clash = findAccountByName(db, changes.name);
      if (clash && clash.id !== before.id) throw new PocketbookError('CONFLICT', t('exists', { name: changes.name }));
    }
    updateAccount(db, before.id, changes);
    const after = findAccountById(db, before.id)!;
    const changed = FIELDS.filter(([key]) => changes[key] !== undefined && shown(before, key) !== shown(after, key))
      .map(([key, field]) => ({ field, from: shown(before, key), to: shown(after, key) }));
    const notes: string[] = [];
    if (held && before.type !== after.type && (before.type === 'credit' || after.type === 'credit')) notes.push(te('kindsKept', { n: held.n }));
    if (after.dueDay !== null && (changes.dueDay !== undefined || changes.statementDay !== undefined)) {
      if (after.statementDay === null) notes.push(te('dueWithoutStatement', { name: after.name }));
      else if (after.dueDay <= after.statementDay) notes.push(te('dueBeforeStatement', { due: after.dueDay, statement: after.statementDay }));
    }
    const real = new Map(balancesAt(db, ctx.today).filter((b) => b.accountId === after.id).map((b) => [b.currency, b.amount]));
    return { name: after.name, changes: changed, notes, account: view(db, after, ctx.today, (_id, currency) => real.get(currency) ?? 0) };
  }).immediate());
}
