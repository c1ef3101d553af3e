/** `account alias NAME ACCOUNT` (issue 28): a short name `tx add` understands as that account. */
import type { Context } from '../../core/context.js';
import { PocketbookError, notFound } from '../../core/errors.js';
import { tEntriesAdd as t } from '../../core/messages/entries-add.js';
import { dateInWords } from '../../core/quick-words.js';
import { findAccountByName } from '../../ledger/accounts.js';
import { type AccountAlias, listAccountAliases, setAccountAlias } from '../../ledger/account-aliases.js';
import { withLedger } from '../with-ledger.js';

export function setAlias(ctx: Context, alias: string, accountName: string): { alias: string; account: string } {
  const name = alias.trim();
  if (name === '') throw new PocketbookError('BAD_INPUT', t('aliasEmpty'));
  // A short name must stay a word tx add places as an account, never as an amount or a date.
  if (/^[+-]?[¥￥$]?\d/.test(name) || dateInWords([name], 0, ctx.today)) throw new PocketbookError('BAD_INPUT', t('aliasIsAmount', { alias: name }));
  return withLedger(ctx, (db) => {
    const account = findAccountByName(db, accountName);
    if (!account) throw notFound(t('noSuchAccount', { name: accountName }), t('noSuchAccountHint'));
    setAccountAlias(db, name, account.id, new Date().toISOString());
    return { alias: name, account: account.name };
  });
}

export function listAliases(ctx: Context): AccountAlias[] {
  return withLedger(ctx, (db) => listAccountAliases(db));
}
