/** Accounts: the repository behind `account add|list|show|rename|remove` and import's account look-up. */
import type { Db } from './open.js';
import type { AccountType } from '../core/types.js';
import { entryOfBatch } from './batches.js';
import { afterEntriesDeleted, restoreBeforeLink } from './link-state.js';
import { hasBalanceMonths } from './balance-months.js';
import { refreshReportCache } from './report-cache.js';

/** The cached month sums (migration 17), refreshed so they are exact; else the entries themselves. */
function entriesSource(db: Db): 'balance_months' | 'transactions' {
  if (!hasBalanceMonths(db)) return 'transactions';
  refreshReportCache(db);
  return 'balance_months';
}

export interface Account {
  id: number;
  name: string;
  type: AccountType;
  institution: string | null;
  currency: string;
  numberSuffix: string | null;
  creditLimit: number | null;
  statementDay: number | null;
  /** Day of the month the bill is due (还款日); null until `account edit --due-day`. */
  dueDay: number | null;
  createdAt: string;
}

export interface NewAccount {
  name: string;
  type: AccountType;
  institution?: string | null;
  currency: string;
  numberSuffix?: string | null;
  creditLimit?: number | null;
  statementDay?: number | null;
}

interface AccountRow {
  id: number;
  name: string;
  type: AccountType;
  institution: string | null;
  currency: string;
  number_suffix: string | null;
  credit_limit: number | null;
  statement_day: number | null;
  due_day: number | null;
  created_at: string;
}

const COLUMNS = 'id, name, type, institution, currency, number_suffix, credit_limit, statement_day, due_day, created_at';

function toAccount(r: AccountRow): Account {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    institution: r.institution,
    currency: r.currency,
    numberSuffix: r.number_suffix,
    creditLimit: r.credit_limit,
    statementDay: r.statement_day,
    dueDay: r.due_day,
    createdAt: r.created_at,
  };
}

export function listAccounts(db: Db): Account[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM accounts ORDER BY name COLLATE NOCASE`).all() as AccountRow[]).map(toAccount);
}

export function findAccountByName(db: Db, name: string): Account | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE name = ? COLLATE NOCASE`).get(name.trim()) as AccountRow | undefined;
  return row ? toAccount(row) : undefined;
}

export function findAccountById(db: Db, id: number): Account | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`).get(id) as AccountRow | undefined;
  return row ? toAccount(row) : undefined;
}

/** Accounts whose number suffix is `suffix` (last 4 digits). */
export function findAccountsBySuffix(db: Db, suffix: string): Account[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE number_suffix = ?`).all(suffix) as AccountRow[]).map(toAccount);
}

export function insertAccount(db: Db, a: NewAccount, now: string): Account {
  const info = db
    .prepare(
      `INSERT INTO accounts (name, type, institution, currency, number_suffix, credit_limit, statement_day, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.name.trim(), a.type, a.institution ?? null, a.currency, a.numberSuffix ?? null, a.creditLimit ?? null, a.statementDay ?? null, now);
  return findAccountById(db, Number(info.lastInsertRowid))!;
}

export function renameAccount(db: Db, id: number, name: string): void {
  db.prepare('UPDATE accounts SET name = ? WHERE id = ?').run(name.trim(), id);
}

/** The fields `account edit` may change; an absent field stays as it is, null clears it. */
export interface AccountChanges {
  name?: string;
  type?: AccountType;
  institution?: string | null;
  currency?: string;
  numberSuffix?: string | null;
  creditLimit?: number | null;
  statementDay?: number | null;
  dueDay?: number | null;
}

const CHANGE_COLUMNS: Record<keyof AccountChanges, string> = {
  name: 'name', type: 'type', institution: 'institution', currency: 'currency', numberSuffix: 'number_suffix',
  creditLimit: 'credit_limit', statementDay: 'statement_day', dueDay: 'due_day',
};

/** Write the given fields of one account (one UPDATE). */
export function updateAccount(db: Db, id: number, changes: AccountChanges): void {
  const keys = (Object.keys(changes) as (keyof AccountChanges)[]).filter((k) => changes[k] !== undefined);
  if (keys.length === 0) return;
  const values = keys.map((k) => (k === 'name' ? (changes.name as string).trim() : changes[k]));
  db.prepare(`UPDATE accounts SET ${keys.map((k) => `${CHANGE_COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`).run(...values, id);
}

/** Whether any entry is booked on the account (whatever its currency). */
export function accountHasEntries(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM transactions WHERE account_id = ? LIMIT 1').pluck().get(id) !== undefined;
}

export interface AccountStats {
  entries: number;
  firstDate: string | null;
  lastDate: string | null;
  batches: number;
}

/** An account's entries of one currency: never added to another currency's. */
export interface CurrencyBalance {
  currency: string;
  entries: number;
  balance: number;
}

/** Per-currency counts and sums of an account's entries, its own currency first, then by code. */
export function accountBalances(db: Db, account: Pick<Account, 'id' | 'currency'>): CurrencyBalance[] {
  const sql = entriesSource(db) === 'balance_months'
    ? 'SELECT currency, sum(count) AS n, sum(amount) AS bal FROM balance_months WHERE account_id = ? GROUP BY currency ORDER BY currency'
    : 'SELECT currency, count(*) AS n, sum(amount) AS bal FROM transactions WHERE account_id = ? GROUP BY currency ORDER BY currency';
  const rows = db.prepare(sql).all(account.id) as { currency: string; n: number; bal: number }[];
  const own = (c: string) => (c === account.currency ? 0 : 1);
  return rows
    .map((r) => ({ currency: r.currency, entries: r.n, balance: r.bal }))
    .sort((a, b) => own(a.currency) - own(b.currency) || a.currency.localeCompare(b.currency));
}

export function accountStats(db: Db, id: number): AccountStats {
  const n = entriesSource(db) === 'balance_months'
    ? (db.prepare('SELECT coalesce(sum(count), 0) FROM balance_months WHERE account_id = ?').pluck().get(id) as number)
    : (db.prepare('SELECT count(*) FROM transactions WHERE account_id = ?').pluck().get(id) as number);
  // min and max each walk the (account_id, date) index from one end.
  const first = db.prepare('SELECT min(date) FROM transactions WHERE account_id = ?').pluck().get(id) as string | null;
  const last = db.prepare('SELECT max(date) FROM transactions WHERE account_id = ?').pluck().get(id) as string | null;
  const row = { n, first, last };
  const batches = (db.prepare('SELECT count(*) AS n FROM batches WHERE account_id = ?').get(id) as { n: number }).n;
  return { entries: row.n, firstDate: row.first, lastDate: row.last, batches };
}

/** Delete an account with its entries (and their notes, tags, splits, attachments rows) and its batches. */
export function deleteAccount(db: Db, id: number): { entries: number; batches: number } {
  return db.transaction(() => {
    db.prepare(`UPDATE transactions SET ${restoreBeforeLink('keep')} WHERE transfer_peer_id IN (SELECT id FROM transactions WHERE account_id = ?)`).run(id);
    db.prepare('UPDATE transactions SET mirror_of = NULL WHERE mirror_of IN (SELECT id FROM transactions WHERE account_id = ?)').run(id);
    const entries = db.prepare('DELETE FROM transactions WHERE account_id = ?').run(id).changes;
    afterEntriesDeleted(db);
    // Batches of this account, and batches left without any entry that pointed here.
    const batches = db.prepare(`DELETE FROM batches WHERE account_id = ? AND NOT EXISTS (SELECT 1 FROM transactions t WHERE ${entryOfBatch('t', 'batches')})`).run(id).changes;
    db.prepare('UPDATE batches SET account_id = NULL WHERE account_id = ?').run(id);
    db.prepare('DELETE FROM benefits WHERE account_id = ?').run(id);
    db.prepare('DELETE FROM accounts WHERE id = ?').run(id);
    return { entries, batches };
  }).immediate();
}
