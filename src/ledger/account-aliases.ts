/** Short names of accounts for `tx add` (`account alias 招行 "CMB Card"`, migration 20). */
import type { Db } from './open.js';

export interface AccountAlias {
  alias: string;
  accountId: number;
  account: string;
}

/** Make `alias` mean the account (replacing what it meant before). */
export function setAccountAlias(db: Db, alias: string, accountId: number, now: string): void {
  db.prepare(
    'INSERT INTO account_aliases (alias, account_id, created_at) VALUES (?, ?, ?) ON CONFLICT (alias) DO UPDATE SET account_id = excluded.account_id, created_at = excluded.created_at',
  ).run(alias, accountId, now);
}

export function listAccountAliases(db: Db): AccountAlias[] {
  return db
    .prepare('SELECT x.alias, x.account_id AS accountId, a.name AS account FROM account_aliases x JOIN accounts a ON a.id = x.account_id ORDER BY x.alias')
    .all() as AccountAlias[];
}
