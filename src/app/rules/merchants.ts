/**
 * Merchant use cases: list, rename (entries and future imports), alias (a spelling → a name).
 */
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { formatMinor } from '../../core/money.js';
import { checkSearchText } from '../../core/options.js';
import { listAliases, listMerchantNames, listMerchants, renameMerchantOnEntries, setAlias, setMerchantNames } from '../../ledger/merchants.js';
import { openLedger } from '../../ledger/open.js';
import { useMerchantNames } from '../../core/merchant-names.js';
import { tMerchants } from '../../core/messages/merchants.js';
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

export function listMerchantViews(ctx: Context, opts: { search?: string; names?: readonly string[]; limit?: number }): MerchantView[] {
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

/**
 * `merchant alias --en NAME 中文名` / `--zh 中文名 NAME`: the two names of one merchant. Reports and
 * listings then show the locale's name, and searches find it by either.
 */
export function nameMerchant(ctx: Context, merchant: string, other: { en?: string; zh?: string }): { zh: string; en: string } {
  if ((other.en === undefined) === (other.zh === undefined)) throw new PocketbookError('BAD_INPUT', tMerchants('bothLanguages'));
  const zh = (other.zh ?? merchant).trim();
  const en = (other.en ?? merchant).trim();
  if (zh === '' || en === '') throw new PocketbookError('BAD_INPUT', tMerchants('emptyName'));
  if (!/\p{Script=Han}/u.test(zh)) throw new PocketbookError('BAD_INPUT', tMerchants('notChinese', { name: zh }));
  withDb(ctx, (db) => db.transaction(() => setMerchantNames(db, zh, en))());
  return { zh, en };
}

/** `merchant list --search`, forgiving: either language, pinyin, traditional, width and case. */
export async function searchMerchantViews(ctx: Context, opts: { search: string; limit?: number }): Promise<MerchantView[]> {
  checkSearchText(opts.search);
  const { searchForms } = await import('./merchant-search.js');
  const db = openLedger(ctx.ledgerPath);
  let names: string[];
  try {
    useMerchantNames(listMerchantNames(db));
    const forms = await searchForms(db, opts.search);
    const byText = forms.texts.flatMap((t) => listMerchants(db, { search: t }).map((m) => m.merchant));
    names = [...new Set([...forms.merchants, ...byText])];
  } finally {
    db.close();
  }
  return listMerchantViews(ctx, { names, limit: opts.limit });
}
