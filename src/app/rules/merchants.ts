/**
 * Merchant use cases: list, rename (entries and future imports), alias (a spelling → a name).
 */
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { formatMinor } from '../../core/money.js';
import { checkSearchText } from '../../core/options.js';
import { listAliases, listMerchants, renameMerchantOnEntries, setAlias } from '../../ledger/merchants.js';
import { merchantKey, normalizeMerchant } from '../../rules/merchant.js';
import { withDb } from './rules.js';
import { tAppRules as say } from '../../core/messages/app-rules.js';

export interface MerchantView {
  merchant: string;
  count: number;
  total: string;
  currency: string;
  aliases: string[];
}

export function listMerchantViews(ctx: Context, opts: { search?: string; limit?: number }): MerchantView[] {
  if (opts.search !== undefined) checkSearchText(opts.search);
  return withDb(ctx, (db) => {
    const aliases = listAliases(db);
    return listMerchants(db, opts).map((m) => ({
      merchant: m.merchant, count: m.count, total: formatMinor(m.total, m.currency), currency: m.currency,
      aliases: aliases.filter((a) => a.merchant.toLowerCase() === m.merchant.toLowerCase()).map((a) => a.alias),
    }));
  });
}

/** Rename a merchant everywhere, and remember the old name as an alias for later imports. */
export function renameMerchant(ctx: Context, from: string, to: string): number {
  if (to.trim() === '') throw new PocketbookError('BAD_INPUT', say('merchantEmpty'));
  return withDb(ctx, (db) =>
    db.transaction(() => {
      const n = renameMerchantOnEntries(db, from, to.trim());
      if (n === 0 && !listAliases(db).some((a) => a.merchant.toLowerCase() === from.toLowerCase())) {
        throw new PocketbookError('NOT_FOUND', say('noMerchant', { name: from }), { hint: say('seeMerchants') });
      }
      setAlias(db, merchantKey(from), to.trim());
      return n;
    })(),
  );
}

/** `ALIAS` (a raw spelling or a normalized name) means `merchant` from now on; existing entries follow. */
export function aliasMerchant(ctx: Context, alias: string, merchant: string): { updated: number; keys: string[] } {
  if (alias.trim() === '' || merchant.trim() === '') throw new PocketbookError('BAD_INPUT', say('aliasEmpty'));
  return withDb(ctx, (db) =>
    db.transaction(() => {
      const keys = [...new Set([merchantKey(alias), ...(normalizeMerchant(alias) ? [merchantKey(normalizeMerchant(alias)!)] : [])])];
      let updated = 0;
      for (const k of keys) {
        setAlias(db, k, merchant.trim());
        updated += renameMerchantOnEntries(db, k, merchant.trim());
      }
      return { updated, keys };
    })(),
  );
}
