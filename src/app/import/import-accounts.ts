/**
 * Which account a statement's rows land in (SPEC "Import"): `--account NAME` (created if missing,
 * typed from the statement), else the statement's own hint (a card-number column, a number line,
 * an OFX account id) matched by number suffix within its currency and institution
 * (account-match.ts), else a new account named after the institution (and currency) and the
 * last four digits; otherwise ACCOUNT_REQUIRED.
 */
import type { Db } from '../../ledger/open.js';
import type { AccountHint, AccountType, NormalizedRow } from '../../core/types.js';
import { PocketbookError } from '../../core/errors.js';
import { type Account, findAccountByName, findAccountsBySuffix, insertAccount } from '../../ledger/accounts.js';
import { mismatch } from './account-match.js';
import { tAppImport as say } from '../../core/messages/app-import.js';

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
  markAccountOptionUsed(): void;
  /** Names of every account rows went to, in first-use order. */
  used(): Account[];
}

const digitsOf = (n: string | undefined) => (n ?? '').replace(/\D/g, '');

export function createAccountResolver(db: Db, fileName: string, opts: ResolverOptions): AccountResolver {
  return new StatementAccountResolver(db, fileName, opts);
}

class StatementAccountResolver implements AccountResolver {
  /** The `--account` account, once it exists. */
  private fixed: Account | undefined;
  /** The account of the last statement event, for rows that carry no hint of their own. */
  private current: Account | undefined;
  private lastHint: AccountHint | undefined;
  /** Accounts found by number, currency and institution: one lookup per card, not per row. */
  private readonly byNumber = new Map<string, Account>();
  private readonly byHint = new WeakMap<AccountHint, Account>();
  private readonly usedAccounts = new Map<number, Account>();

  constructor(
    private readonly db: Db,
    private readonly fileName: string,
    private readonly opts: ResolverOptions,
  ) {
    this.fixed = opts.accountName ? findAccountByName(db, opts.accountName) : undefined;
  }

  statement(hint: AccountHint): void {
    this.lastHint = hint;
    if (this.opts.accountName) {
      this.fixed ??= this.create(this.opts.accountName, hint, undefined);
      return;
    }
    // A statement that names no account (a bank layout without a number line) leaves it to its rows.
    this.current = hint.number || hint.name ? this.fromHint(hint) : undefined;
  }

  forRow(row: NormalizedRow): Account {
    if (this.opts.accountName) {
      this.fixed ??= this.create(this.opts.accountName, { ...this.lastHint, ...row.account }, row);
      return this.note(this.fixed);
    }
    if (row.account && (row.account.number || row.account.name)) {
      // A CSV's rows share one hint object per card: look it up once.
      let account = this.byHint.get(row.account);
      if (!account) this.byHint.set(row.account, (account = this.fromHint({ ...this.lastHint, ...row.account }, row)));
      return this.note(account);
    }
    if (this.current) return this.note(this.current);
    throw accountRequired(this.fileName);
  }

  markAccountOptionUsed(): void {
    if (this.fixed) this.note(this.fixed);
  }

  used(): Account[] {
    return [...this.usedAccounts.values()];
  }

  private note(a: Account): Account {
    if (!this.usedAccounts.has(a.id)) this.usedAccounts.set(a.id, a);
    return a;
  }

  /** The account a statement's or row's hint points at: by number, else by name, else ACCOUNT_REQUIRED. */
  private fromHint(hint: AccountHint, row?: NormalizedRow): Account {
    const digits = digitsOf(hint.number);
    if (digits.length >= 4) {
      const key = `${digits}|${hint.currency ?? ''}|${hint.institution ?? ''}`;
      const account = this.byNumber.get(key) ?? this.bySuffix(hint, digits, row);
      if (account) {
        this.byNumber.set(key, account);
        return account;
      }
    }
    if (hint.name) {
      const byName = findAccountByName(this.db, hint.name);
      if (byName) return byName;
      if (hint.type === 'wallet') return this.create(hint.name, hint, row);
    }
    throw accountRequired(this.fileName, digits.length >= 4 ? say('noAccountEnds', { suffix: digits.slice(-4) }) : undefined);
  }

  /**
   * The account whose number suffix is the statement's, when exactly one fits its currency and
   * institution; a suffix held only by accounts of another currency or institution gets the
   * statement an account of its own (said on stderr).
   */
  private bySuffix(hint: AccountHint, digits: string, row: NormalizedRow | undefined): Account | undefined {
    const suffix = digits.slice(-4);
    const matches = findAccountsBySuffix(this.db, suffix);
    const fits = matches.filter((a) => mismatch(a, hint) === undefined);
    if (fits.length > 1) {
      throw new PocketbookError('ACCOUNT_REQUIRED', say('severalEnd', { suffix, names: fits.map((a) => a.name).join(', ') }), {
        location: { file: this.fileName },
        hint: say('sayWhich'),
      });
    }
    if (fits[0]) return fits[0];
    const label = hint.institution ?? hint.name ?? this.opts.formatName.toUpperCase();
    if (matches.length > 0) {
      const currency = hint.currency ?? row?.currency ?? this.opts.defaultCurrency;
      this.opts.notify(say('notPutIn', { names: matches.map((a) => `"${a.name}"`).join(', '), suffix, why: String(mismatch(matches[0]!, hint)) }));
      return this.named(`${label} ${currency} ••${suffix}`, hint, row);
    }
    // A full number, or a card the statement's own institution issued: an account of its own.
    if (digits.length > 4 || hint.institution) return this.named(`${label} ••${suffix}`, hint, row);
    return undefined;
  }

  /** The account named `name` when it fits the statement, else a new one by that name. */
  private named(name: string, hint: AccountHint, row: NormalizedRow | undefined): Account {
    const existing = findAccountByName(this.db, name);
    if (!existing) return this.create(name, hint, row);
    const why = mismatch(existing, hint);
    if (why) throw accountRequired(this.fileName, why);
    return existing;
  }

  private create(name: string, hint: AccountHint | undefined, row: NormalizedRow | undefined): Account {
    const { db, opts } = this;
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
    const said = { name: account.name, type: account.type, currency: account.currency, suffix: account.numberSuffix ? `, ••${account.numberSuffix}` : '' };
    opts.notify(say(opts.dryRun ? 'wouldCreate' : 'created', said));
    return account;
  }
}

function accountRequired(fileName: string, why?: string): PocketbookError {
  return new PocketbookError(
    'ACCOUNT_REQUIRED',
    why ? say('whichAccountWhy', { why }) : say('whichAccount'),
    { location: { file: fileName }, hint: say('nameIt') },
  );
}
