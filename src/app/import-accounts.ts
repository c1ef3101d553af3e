/**
 * Which account a statement's rows land in (SPEC "Import"): `--account NAME` (created if missing,
 * typed from the statement), else the statement's own hint (a card-number column, a number line,
 * an OFX account id) matched by number suffix within its currency and institution
 * (account-match.ts), else a new account named after the institution (and currency) and the
 * last four digits; otherwise ACCOUNT_REQUIRED.
 */
import type { Db } from '../ledger/open.js';
import type { AccountHint, AccountType, NormalizedRow } from '../core/types.js';
import { PocketbookError } from '../core/errors.js';
import { type Account, findAccountByName, findAccountsBySuffix, insertAccount } from '../ledger/accounts.js';
import { mismatch } from './account-match.js';

export interface ResolverOptions {
  /** --account NAME */
  accountName?: string;
  /** Reader id (or profile name) used to name accounts created from a bare number. */
  formatName: string;
  /** Account type the detected layout implies (a profile's account_type). */
  layoutType?: AccountType;
  defaultCurrency: string;
  now: string;
  dryRun: boolean;
  /** Tell the user about accounts created on the way (stderr). */
  notify(message: string): void;
}

export interface AccountResolver {
  /** A `statement` event: the rows that follow belong to this account. */
  statement(hint: AccountHint): void;
  /** The account for this row. */
  forRow(row: NormalizedRow): Account;
  /**
   * Rows went to the `--account` account without passing through forRow (the reading thread
   * enriched them): count it as used. Only once it exists (it does by then).
   */
  usedFixed(): void;
  /** Names of every account rows went to, in first-use order. */
  used(): Account[];
}

const digitsOf = (n: string | undefined) => (n ?? '').replace(/\D/g, '');

export function createAccountResolver(db: Db, fileName: string, opts: ResolverOptions): AccountResolver {
  const fixedExisting = opts.accountName ? findAccountByName(db, opts.accountName) : undefined;
  let fixed: Account | undefined = fixedExisting;
  let current: Account | undefined;
  let lastHint: AccountHint | undefined;
  const byNumber = new Map<string, Account>();
  const byHint = new WeakMap<AccountHint, Account>();
  const used = new Map<number, Account>();

  const create = (name: string, hint: AccountHint | undefined, row: NormalizedRow | undefined): Account => {
    let suffix = digitsOf(hint?.number).slice(-4);
    // Adopt the statement's number unless an account it could belong to claims it (keeps suffix matching
    // unambiguous); one of another currency or institution does not stand in the way.
    if (suffix.length === 4 && findAccountsBySuffix(db, suffix).some((a) => mismatch(a, hint ?? {}) === undefined)) suffix = '';
    const account = insertAccount(
      db,
      {
        name,
        type: hint?.type ?? opts.layoutType ?? 'checking',
        institution: hint?.institution ?? null,
        currency: hint?.currency ?? row?.currency ?? opts.defaultCurrency,
        numberSuffix: suffix.length === 4 ? suffix : null,
      },
      opts.now,
    );
    opts.notify(
      `${opts.dryRun ? 'would create' : 'created'} account "${account.name}" (${account.type}, ${account.currency}` +
        `${account.numberSuffix ? `, ••${account.numberSuffix}` : ''})`,
    );
    return account;
  };

  /** The account named `name` when it fits the statement, else a new one by that name. */
  const named = (name: string, hint: AccountHint, row: NormalizedRow | undefined): Account => {
    const existing = findAccountByName(db, name);
    if (!existing) return create(name, hint, row);
    const why = mismatch(existing, hint);
    if (why) throw accountRequired(fileName, why);
    return existing;
  };

  /**
   * The account whose number suffix is the statement's, when exactly one fits its currency and
   * institution; a suffix held only by accounts of another currency or institution gets the
   * statement an account of its own (said on stderr).
   */
  const bySuffix = (hint: AccountHint, digits: string, row: NormalizedRow | undefined): Account | undefined => {
    const suffix = digits.slice(-4);
    const matches = findAccountsBySuffix(db, suffix);
    const fits = matches.filter((a) => mismatch(a, hint) === undefined);
    if (fits.length > 1) {
      throw new PocketbookError('ACCOUNT_REQUIRED', `several accounts end in ${suffix} (${fits.map((a) => a.name).join(', ')})`, {
        location: { file: fileName },
        hint: 'say which with --account NAME',
      });
    }
    if (fits[0]) return fits[0];
    const label = hint.institution ?? hint.name ?? opts.formatName.toUpperCase();
    if (matches.length > 0) {
      const currency = hint.currency ?? row?.currency ?? opts.defaultCurrency;
      opts.notify(`not put in ${matches.map((a) => `"${a.name}"`).join(', ')} although the number ends in ${suffix}: ${mismatch(matches[0]!, hint)}`);
      return named(`${label} ${currency} ••${suffix}`, hint, row);
    }
    // A full number, or a card the statement's own institution issued: an account of its own.
    if (digits.length > 4 || hint.institution) return named(`${label} ••${suffix}`, hint, row);
    return undefined;
  };

  const fromHint = (hint: AccountHint, row?: NormalizedRow): Account => {
    const digits = digitsOf(hint.number);
    if (digits.length >= 4) {
      const key = `${digits}|${hint.currency ?? ''}|${hint.institution ?? ''}`;
      const account = byNumber.get(key) ?? bySuffix(hint, digits, row);
      if (account) {
        byNumber.set(key, account);
        return account;
      }
    }
    if (hint.name) {
      const byName = findAccountByName(db, hint.name);
      if (byName) return byName;
      if (hint.type === 'wallet') return create(hint.name, hint, row);
    }
    throw accountRequired(fileName, digits.length >= 4 ? `no account ends in ${digits.slice(-4)}` : undefined);
  };

  const note = (a: Account): Account => {
    if (!used.has(a.id)) used.set(a.id, a);
    return a;
  };

  return {
    statement(hint) {
      lastHint = hint;
      if (opts.accountName) {
        fixed ??= create(opts.accountName, hint, undefined);
        return;
      }
      // A statement that names no account (a bank layout without a number line) leaves it to its rows.
      current = hint.number || hint.name ? fromHint(hint) : undefined;
    },
    forRow(row) {
      if (opts.accountName) {
        fixed ??= create(opts.accountName, { ...lastHint, ...row.account }, row);
        return note(fixed);
      }
      if (row.account && (row.account.number || row.account.name)) {
        // A CSV's rows share one hint object per card: look it up once.
        let account = byHint.get(row.account);
        if (!account) byHint.set(row.account, (account = fromHint({ ...lastHint, ...row.account }, row)));
        return note(account);
      }
      if (current) return note(current);
      throw accountRequired(fileName);
    },
    usedFixed() {
      if (fixed) note(fixed);
    },
    used: () => [...used.values()],
  };
}

function accountRequired(fileName: string, why?: string): PocketbookError {
  return new PocketbookError(
    'ACCOUNT_REQUIRED',
    `cannot tell which account this statement belongs to${why ? ` (${why})` : ''}`,
    { location: { file: fileName }, hint: 'name it with --account NAME; it is created if it does not exist' },
  );
}
