/**
 * What every report use case shares: opening the ledger, resolving filters (account, currency,
 * tag, category). The CLI prints the report models they return (cli/report-output.ts).
 */
import { useMerchantNames } from '../../core/merchant-names.js';
import { listMerchantNames } from '../../ledger/merchants.js';
import fs from 'node:fs';
import type { Context } from '../../core/context.js';
import { PocketbookError, notFound } from '../../core/errors.js';
import { isCurrencyCode } from '../../core/money.js';
import { tReportErrors as t } from '../../core/messages/report-errors.js';
import { parseWholeNumber } from '../../core/options.js';
import { isIsoDate, isValidDate } from '../../core/dates.js';
import { BUSY_MS, type Db, openLedger, waitForLocksAtMost } from '../../ledger/open.js';
import { findAccountByName } from '../../ledger/accounts.js';
import { type CategoryRow, allCategories, categoryWithChildren, findCategory } from '../../ledger/categories.js';
import { type DateRange, type LineFilter, currenciesPresent } from '../../ledger/report-queries.js';
import type { CategoryInfo } from '../../reports/model.js';

export type ReportFormat = 'table' | 'json' | 'csv' | 'markdown' | 'ndjson' | 'html' | 'svg';

export interface ReportContext extends Context {
  format?: ReportFormat;
  color?: boolean;
}

export interface FilterOptions {
  account?: string;
  currency?: string;
  tag?: string;
  category?: string;
}

export interface ResolvedFilter {
  filter: LineFilter;
  /** Other currencies with lines in the period. */
  others: string[];
  /** The drill-down category id, when --category was given. */
  scope?: number;
  /** Filters as the user named them, for headings and JSON. */
  named: { account?: string; tag?: string; category?: string };
}

export function openReportLedger(ctx: Context): Db {
  if (!fs.existsSync(ctx.ledgerPath)) throw notFound(t('noLedger'), t('noLedgerHint'));
  const started = Date.now();
  const db = openLedger(ctx.ledgerPath, { mapped: true });
  // Waiting while the ledger opened counts against the same 15 s: the report's queries get what is left.
  waitForLocksAtMost(db, BUSY_MS - (Date.now() - started));
  useMerchantNames(listMerchantNames(db)); // the user's bilingual merchant names, for merchantName
  return db;
}

/** A report month, YYYY-MM from 0001-01 to 9999-12 (year 0000 has no month before it to compare with). */
export function parseMonth(text: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m || !isValidDate(Number(m[1]), Number(m[2]), 1)) throw new PocketbookError('BAD_INPUT', t('notAMonth', { text }), { hint: t('monthHint') });
  if (m[1] === '0000') throw new PocketbookError('BAD_INPUT', t('monthTooEarly', { text }));
  return text;
}

/** A report year, YYYY from 0001 to 9999. */
export function parseYear(text: string): string {
  if (!/^\d{4}$/.test(text)) throw new PocketbookError('BAD_INPUT', t('notAYear', { text }), { hint: t('yearHint') });
  if (text === '0000') throw new PocketbookError('BAD_INPUT', t('yearTooEarly'));
  return text;
}

export function parseDay(text: string, option: string): string {
  if (!isIsoDate(text)) throw new PocketbookError('BAD_INPUT', t('notADay', { option, text }), { hint: t('dayHint') });
  return text;
}

export function parseTop(text: string | number | undefined, fallback: unknown): number {
  if (text !== undefined) return parseWholeNumber(text, '--top', { min: 1, code: 'BAD_INPUT' });
  if (fallback === undefined) return 10;
  return parseWholeNumber(fallback as string | number, t('topSetting'), { min: 1, code: 'BAD_INPUT' });
}

/** Resolve names to ids and pick the currency (explicit, else settings, else the most used one present). */
export function resolveFilter(db: Db, ctx: Context, opts: FilterOptions, period: DateRange): ResolvedFilter {
  const named: ResolvedFilter['named'] = {};
  const filter: LineFilter = { currency: '' };
  if (opts.account !== undefined) {
    const account = findAccountByName(db, opts.account);
    if (!account) throw notFound(t('noAccount', { name: opts.account }), t('seeAccounts'));
    filter.accountIds = [account.id];
    named.account = account.name;
  }
  let scope: number | undefined;
  if (opts.category !== undefined) {
    const category = findCategory(db, opts.category);
    if (!category) throw notFound(t('noCategory', { name: opts.category }), t('seeCategories'));
    scope = category.id;
    filter.categoryIds = categoryWithChildren(db, category.id);
    named.category = categoryInfos(db, ctx.settings.locale).find((c) => c.id === category.id)?.path ?? opts.category;
  }
  if (opts.tag !== undefined) {
    filter.tag = opts.tag;
    named.tag = opts.tag;
  }
  const present = currenciesPresent(db, period).map((c) => c.currency);
  if (opts.currency !== undefined) {
    const code = opts.currency.toUpperCase();
    if (!isCurrencyCode(code)) throw new PocketbookError('BAD_INPUT', t('notCurrency', { text: opts.currency }), { hint: t('currencyHint') });
    filter.currency = code;
  } else {
    const preferred = ctx.settings.currency.toUpperCase();
    filter.currency = present.length === 0 || present.includes(preferred) ? preferred : present[0]!;
  }
  return { filter, others: present.filter((c) => c !== filter.currency), named, ...(scope !== undefined ? { scope } : {}) };
}

/** Categories with display paths in the chosen locale. */
export function categoryInfos(db: Db, locale: 'en' | 'zh', cats: readonly CategoryRow[] = allCategories(db)): CategoryInfo[] {
  const byId = new Map(cats.map((c) => [c.id, c]));
  const own = (c: { name_en: string; name_zh: string }) => (locale === 'zh' ? c.name_zh : c.name_en);
  return cats.map((c) => {
    const parent = c.parent_id !== null ? byId.get(c.parent_id) : undefined;
    return { id: c.id, parentId: c.parent_id, path: parent ? `${own(parent)}:${own(c)}` : own(c) };
  });
}
