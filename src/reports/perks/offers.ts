/**
 * Offers that fit (issue 26 point 5): what each offer of the user's file would have saved on their
 * actual purchases of the last 3 months, ranked best first. Pure: offers and purchases in, rows out.
 * Amounts are integer minor units; a percentage is kept in hundredths of a percent.
 */
import { addDays, addMonths, daysBetween, monthEnd, weekday } from '../../core/dates.js';
import type { PurchaseRow } from '../../core/rows.js';

export type OfferRule =
  | { kind: 'percent'; /** hundredths of a percent: 20% = 2000 */ basisPoints: number; maxOff?: number }
  | { kind: 'spend'; spend: number; off: number }
  | { kind: 'off'; off: number };

/** One offer as the file gives it (names not yet resolved against the ledger). */
export interface OfferSpec {
  /** 1-based position in the file. */
  index: number;
  line?: number;
  name: string;
  account?: string;
  merchant?: string;
  category?: string;
  rule: OfferRule;
  /** Days of the week it applies on, 0 = Monday … 6 = Sunday; undefined = every day. */
  days?: ReadonlySet<number>;
  validFrom?: string;
  validTo?: string;
}

/** An offer with its account and categories resolved to ledger ids. */
export interface ResolvedOffer extends OfferSpec {
  accountId?: number;
  categoryIds?: ReadonlySet<number>;
}

/** A purchase (core/rows.ts). */
export type Purchase = PurchaseRow;

export interface OfferResult {
  name: string;
  matches: number;
  spend: number;
  saving: number;
  validTo: string | null;
  /** Days from today to valid_to (negative once expired); null without an end. */
  daysLeft: number | null;
  expired: boolean;
}

/** How many days ahead `--expiring` looks. */
export const EXPIRING_DAYS = 7;

/** The look-back window: the 3 months up to and including `today`. */
export function lastThreeMonths(today: string): { from: string; to: string } {
  // The same day three months before (clamped to that month's end), then the day after it.
  const month = addMonths(today.slice(0, 7), -3);
  const end = monthEnd(month);
  const sameDay = `${month}-${today.slice(8, 10)}`;
  return { from: addDays(sameDay < end ? sameDay : end, 1), to: today };
}

/** What the rule takes off one purchase of `amount` (minor units). */
export function savingOn(rule: OfferRule, amount: number): number {
  if (amount <= 0) return 0;
  switch (rule.kind) {
    case 'percent': {
      const off = Math.round((amount * rule.basisPoints) / 10_000);
      return rule.maxOff !== undefined ? Math.min(off, rule.maxOff) : off;
    }
    case 'spend':
      return amount >= rule.spend ? Math.min(rule.off, amount) : 0;
    default:
      return Math.min(rule.off, amount);
  }
}

/** Does the purchase fall under the offer (account, merchant text, category, day of the week)? */
export function offerMatches(o: ResolvedOffer, p: Purchase): boolean {
  if (o.accountId !== undefined && p.accountId !== o.accountId) return false;
  if (o.merchant !== undefined) {
    const needle = o.merchant.toLowerCase();
    const hay = `${p.merchant ?? ''}\u0000${p.description}`.toLowerCase();
    if (!hay.includes(needle)) return false;
  }
  if (o.categoryIds !== undefined && (p.categoryId === null || !o.categoryIds.has(p.categoryId))) return false;
  if (o.days !== undefined && !o.days.has(weekday(p.date))) return false;
  return true;
}

/** One offer's figures over the purchases. */
export function evaluateOffer(o: ResolvedOffer, purchases: readonly Purchase[], today: string): OfferResult {
  let matches = 0;
  let spend = 0;
  let saving = 0;
  for (const p of purchases) {
    if (!offerMatches(o, p)) continue;
    matches++;
    spend += p.amount;
    saving += savingOn(o.rule, p.amount);
  }
  const daysLeft = o.validTo !== undefined ? daysBetween(today, o.validTo) : null;
  return { name: o.name, matches, spend, saving, validTo: o.validTo ?? null, daysLeft, expired: daysLeft !== null && daysLeft < 0 };
}

/**
 * The offers ranked best first (saving, then matches, then name). Expired ones are left out unless
 * `all`; `expiring` keeps only those ending within EXPIRING_DAYS of today (today included).
 */
export function rankOffers(
  offers: readonly ResolvedOffer[], purchases: readonly Purchase[], today: string, opts: { all?: boolean; expiring?: boolean } = {},
): OfferResult[] {
  return offers
    .map((o) => evaluateOffer(o, purchases, today))
    .filter((r) => (opts.expiring ? r.daysLeft !== null && r.daysLeft >= 0 && r.daysLeft <= EXPIRING_DAYS : opts.all || !r.expired))
    .sort((a, b) => b.saving - a.saving || b.matches - a.matches || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
