/**
 * Which account a statement's rows land in (SPEC "Import"): `--account NAME` (created if missing,
 * typed from the statement), else the statement's own hint matched by number suffix, else a new
 * account named after the institution and the last four digits; otherwise ACCOUNT_REQUIRED.
 */
import type { Db } from '../ledger/open.js';
import type { AccountHint, AccountType, NormalizedRow } from '../core/types.js';
import { PocketbookError } from '../core/errors.js';
import { type Account, findAccountByName, findAccountsBySuffix, insertAccount } from '../ledger/accounts.js';

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
  const used = new Map<number, Account>();

  const create = (name: string, hint: AccountHint | undefined, row: NormalizedRow | undefined): Account => {
    let suffix = digitsOf(hint?.number).slice(-4);
    // Adopt the statement's number only when no other account claims it (keeps suffix matching unambiguous).
    if (suffix.length === 4 && findAccountsBySuffix(db, suffix).length > 0) suffix = '';
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

  const fromHint = (hint: AccountHint, row?: NormalizedRow): Account => {
    const digits = digitsOf(hint.number);
    const suffix = digits.slice(-4);
    if (suffix.length === 4) {
      const cached = byNumber.get(digits);
      if (cached) return cached;
      const matches = findAccountsBySuffix(db, suffix);
      if (matches.length > 1) {
        throw new PocketbookError('ACCOUNT_REQUIRED', `several accounts end in ${suffix} (${matches.map((a) => a.name).join(', ')})`, {
          location: { file: fileName },
          hint: 'say which with --account NAME',
        });
      }
      let account = matches[0];
      if (!account && digits.length > 4) {
        const name = `${hint.institution ?? hint.name ?? opts.formatName.toUpperCase()} ••${suffix}`;
        account = findAccountByName(db, name) ?? create(name, hint, row);
      }
      if (account) {
        byNumber.set(digits, account);
        return account;
      }
    }
    if (hint.name) {
      const named = findAccountByName(db, hint.name);
      if (named) return named;
      if (hint.type === 'wallet') return create(hint.name, hint, row);
    }
    throw accountRequired(fileName, suffix.length === 4 ? `no account ends in ${suffix}` : undefined);
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
      current = fromHint(hint);
    },
    forRow(row) {
      if (opts.accountName) {
        fixed ??= create(opts.accountName, row.account ?? lastHint, row);
        return note(fixed);
      }
      if (row.account && (row.account.number || row.account.name)) return note(fromHint(row.account, row));
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
