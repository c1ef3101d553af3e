/**
 * `offers --file FILE`: read the user's offers file, resolve its accounts and categories against
 * the ledger, and rank the offers by what they would have saved over the last 3 months of purchases.
 */
import fs from 'node:fs';
import type { Context } from '../../core/context.js';
import { isIsoDate } from '../../core/dates.js';
import { PocketbookError, usageError } from '../../core/errors.js';
import { formatMinor } from '../../core/money.js';
import { tOffers as t } from '../../core/messages/offers.js';
import { findAccountByName } from '../../ledger/accounts.js';
import { categoryWithChildren, findCategory } from '../../ledger/categories.js';
import type { Db } from '../../ledger/open.js';
import { purchasesBetween } from '../../ledger/purchase-queries.js';
import { parseOffersFile } from '../../reports/perks/offers-file.js';
import { type OfferResult, type OfferSpec, type ResolvedOffer, lastThreeMonths, rankOffers } from '../../reports/perks/offers.js';
import { openReportLedger } from '../reports/report-common.js';

export interface OffersOptions {
  file?: string;
  all?: boolean;
  expiring?: boolean;
  date?: string;
}

export interface OffersView {
  today: string;
  from: string;
  to: string;
  currency: string;
  expiring: boolean;
  offers: OfferResult[];
}

/** The offers of the file, or a located error naming the file. */
export function loadOffers(file: string, currency: string): OfferSpec[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new PocketbookError('NOT_FOUND', t('unreadable', { code: (err as NodeJS.ErrnoException).code ?? 'error' }), { location: { file } });
  }
  return parseOffersFile(text, file, currency);
}

/** Accounts and categories named by the offers → ledger ids; an unknown name is the file's error. */
export function resolveOffers(db: Db, offers: readonly OfferSpec[], file: string): ResolvedOffer[] {
  return offers.map((o) => {
    const fail = (problem: string): never => {
      throw new PocketbookError('BAD_INPUT', t('offerWhere', { index: o.index, name: o.name, problem }), {
        location: { file, ...(o.line !== undefined ? { line: o.line } : {}) },
      });
    };
    const resolved: ResolvedOffer = { ...o };
    if (o.account !== undefined) resolved.accountId = findAccountByName(db, o.account)?.id ?? fail(t('noAccount', { name: o.account }));
    if (o.category !== undefined) {
      const category = findCategory(db, o.category) ?? fail(t('noCategory', { name: o.category }));
      resolved.categoryIds = new Set(categoryWithChildren(db, category.id));
    }
    return resolved;
  });
}

export function offersUse(ctx: Context, opts: OffersOptions): OffersView {
  if (opts.file === undefined || opts.file === '') throw usageError(t('fileRequired'));
  if (opts.date !== undefined && !isIsoDate(opts.date)) throw usageError(t('badAsOf', { value: opts.date }));
  const today = opts.date ?? ctx.today;
  const currency = ctx.settings.currency.toUpperCase();
  const specs = loadOffers(opts.file, currency);
  const db = openReportLedger(ctx);
  try {
    const offers = resolveOffers(db, specs, opts.file);
    const range = lastThreeMonths(today);
    const purchases = purchasesBetween(db, range, currency);
    const ranked = rankOffers(offers, purchases, today, { all: opts.all === true, expiring: opts.expiring === true });
    return { today, ...range, currency, expiring: opts.expiring === true, offers: ranked };
  } finally {
    db.close();
  }
}

/** The `offers --json` contract: `[{name, matches, spend, saving_3m, valid_to}]` (plus days_left, expired). */
export function offersJson(view: OffersView): Record<string, unknown>[] {
  return view.offers.map((o) => ({
    name: o.name,
    matches: o.matches,
    spend: formatMinor(o.spend, view.currency),
    saving_3m: formatMinor(o.saving, view.currency),
    valid_to: o.validTo,
    days_left: o.daysLeft,
    expired: o.expired,
  }));
}
