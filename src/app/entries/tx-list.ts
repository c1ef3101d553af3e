/**
 * `tx list`: resolve the user's filters, then stream matching entries to the chosen format
 * (table, json, csv, ndjson, markdown) without holding them all (except for the aligned table).
 */
import type { Context } from '../../core/context.js';
import { notFound, usageError } from '../../core/errors.js';
import { isIsoDate, monthEnd } from '../../core/dates.js';
import { checkSearchText, parseWholeNumber } from '../../core/options.js';
import { formatMinor, parseUserAmount } from '../../core/money.js';
import { KINDS, isKind } from '../../core/types.js';
import { openLedger } from '../../ledger/open.js';
import { listMerchantNames } from '../../ledger/merchants.js';
import { useMerchantNames } from '../../core/merchant-names.js';
import type { Db } from '../../ledger/open.js';
import { findAccountByName } from '../../ledger/accounts.js';
import { categoryWithChildren, findCategory } from '../../ledger/categories.js';
import { type TxFilter, type TxListRow, iterateTransactions } from '../../ledger/tx-query.js';
import { tTx as t } from '../../core/messages/cli-tx.js';
import type { TxWriter } from './tx-format.js';

export interface TxListOptions {
  month?: string;
  year?: string;
  from?: string;
  to?: string;
  account?: string;
  category?: string;
  merchant?: string;
  tag?: string;
  search?: string;
  min?: string;
  max?: string;
  kind?: string;
  uncategorized?: boolean;
  sort?: string;
  limit?: string;
}

/** One entry as `tx list --json` prints it (SPEC JSON contract). */
export interface TxJson {
  id: number;
  date: string;
  /** Time of day `HH:MM` when the statement gave one (issue 26 point 8), else null. */
  time: string | null;
  amount: string;
  currency: string;
  account: string;
  description: string;
  merchant: string | null;
  category: string | null;
  kind: string;
  channel: string;
  tags: string[];
  notes: string[];
}

export function resolveFilter(db: Db, ctx: Context, o: TxListOptions): TxFilter {
  const f: TxFilter = {};
  const periods = [o.month, o.year, o.from ?? o.to].filter((v) => v !== undefined).length;
  if (periods > 1) throw usageError(t('onePeriod'));
  if (o.month !== undefined) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.month)) throw usageError(t('badMonth', { value: o.month }));
    f.from = `${o.month}-01`;
    f.to = monthEnd(o.month);
  }
  if (o.year !== undefined) {
    if (!/^\d{4}$/.test(o.year)) throw usageError(t('badYear', { value: o.year }));
    f.from = `${o.year}-01-01`;
    f.to = `${o.year}-12-31`;
  }
  for (const [flag, value] of [['--from', o.from], ['--to', o.to]] as const) {
    if (value !== undefined && !isIsoDate(value)) throw usageError(t('badDate', { flag, value }));
  }
  if (o.from) f.from = o.from;
  if (o.to) f.to = o.to;
  let currency = ctx.settings.currency;
  if (o.account !== undefined) {
    const account = findAccountByName(db, o.account);
    if (!account) throw notFound(t('noAccountNamed', { name: o.account }), t('seeAccountList'));
    f.accountId = account.id;
    currency = account.currency;
  }
  if (o.category !== undefined) {
    const category = findCategory(db, o.category);
    if (!category) throw notFound(t('noCategory', { name: o.category }), t('seeCategoryList'));
    f.categoryIds = categoryWithChildren(db, category.id);
  }
  if (o.merchant) f.merchant = checkSearchText(o.merchant, '--merchant');
  if (o.tag) f.tag = o.tag.replace(/^#/, '');
  if (o.search) f.search = checkSearchText(o.search);
  if (o.min !== undefined) f.min = parseUserAmount(o.min, currency);
  if (o.max !== undefined) f.max = parseUserAmount(o.max, currency);
  if (o.kind !== undefined) {
    if (!isKind(o.kind)) throw usageError(t('kindOneOf', { kinds: KINDS.join(', ') }));
    f.kind = o.kind;
  }
  if (o.uncategorized) f.uncategorized = true;
  if (o.sort !== undefined) {
    if (o.sort !== 'date' && o.sort !== 'amount') throw usageError(t('sortOneOf'));
    f.sort = o.sort;
  }
  if (o.limit !== undefined) {
    f.limit = parseWholeNumber(o.limit, '--limit', { min: 0 });
  }
  return f;
}

/** A stored time (`HH:MM:SS`, `H:MM`) as `HH:MM`; null when there is none. */
export function clockTime(time: string | null): string | null {
  const m = time === null ? null : /^(\d{1,2}):(\d{2})/.exec(time);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
}

export function toJson(r: TxListRow, locale: 'en' | 'zh'): TxJson {
  const own = locale === 'zh' ? r.category_zh : r.category_en;
  const parent = locale === 'zh' ? r.parent_zh : r.parent_en;
  return {
    id: r.id,
    date: r.date,
    time: clockTime(r.time),
    amount: formatMinor(r.amount, r.currency),
    currency: r.currency,
    account: r.account,
    description: r.description,
    merchant: r.merchant,
    category: own === null ? null : parent ? `${parent}:${own}` : own,
    kind: r.kind,
    channel: r.channel,
    tags: r.tags ? r.tags.split('\u001f') : [],
    notes: r.notes ? r.notes.split('\u001e') : [],
  };
}

export type TxFormat = 'table' | 'json' | 'csv' | 'ndjson' | 'markdown';

/** Entries written between two calls to `pause`. */
const PAUSE_EVERY = 1024;

/**
 * Stream the listing; `write` gets chunks of text. `pause`, awaited every PAUSE_EVERY entries, lets
 * the caller wait for a full pipe to drain and notice a reader that went away (`| head -1`).
 * Returns the number of entries.
 */
export async function listTransactions(
  ctx: Context, o: TxListOptions, out: TxWriter, pause?: () => Promise<void>,
): Promise<number> {
  const db = openLedger(ctx.ledgerPath, { mapped: true });
  try {
    const filter = resolveFilter(db, ctx, o);
    useMerchantNames(listMerchantNames(db));
    if (filter.search) {
      const { searchForms } = await import('../rules/merchant-search.js');
      filter.searchForms = await searchForms(db, filter.search);
    }
    const locale = ctx.settings.locale === 'zh' ? 'zh' : 'en';
    const rows = iterateTransactions(db, filter);
    let n = 0;
    for (const row of rows) {
      out.entry(toJson(row, locale));
      n++;
      if (pause && n % PAUSE_EVERY === 0) await pause();
    }
    out.end();
    return n;
  } finally {
    db.close();
  }
}
