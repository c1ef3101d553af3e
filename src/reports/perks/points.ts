/**
 * Card points: what entries earn and what is left of them, lot by lot. Pure.
 *
 * Earning (as the banks do it): each purchase earns on its own, one point per `per` of its amount,
 * rounded DOWN (a 39.90 purchase at one point per 20 earns 1), times the rule's multiplier. A
 * refund takes back what the same amount would have earned (floored the same way). A split entry
 * earns per part. The rule is the most specific one matching the line's category: a rule for the
 * category itself beats one for its parent, which beats the account's rule without a category; a
 * line no rule matches earns nothing (a rule with `times` 0 excludes a category).
 *
 * Lots: points earned in a month form a lot that lapses at the end of the month `M` months later
 * (`expire-months M`) or on 31 December of the year earned (`year-end`), or never. Refunds and
 * redemptions take from the oldest lots first; a refund with no points left to take leaves the
 * balance below zero until later earnings make it up.
 *
 * `points set` (the bank's figure N on day D): entries dated up to D are in N, so the lots are
 * brought to N on D: if they hold more, the difference was redeemed and is taken from the oldest
 * lots (their expiry dates stay); if they hold less, the difference becomes a lot of D's month,
 * lapsing as the account's rule without a category says. An opening balance is that second case.
 */
import { addMonths, monthEnd } from '../../core/dates.js';

export type Expiry = { kind: 'never' } | { kind: 'months'; months: number } | { kind: 'year-end' };

export interface PointsRule {
  /** The category and its children; null = every purchase on the account. */
  categoryIds: readonly number[] | null;
  perMinor: number;
  times: number;
  expiry: Expiry;
}

export interface PointsLine {
  date: string;
  amount: number;
  categoryId: number | null;
}

export interface Lot {
  /** YYYY-MM the points were earned (or the figure was given). */
  month: string;
  /** Last day the points can be used; null = never lapse. */
  expires: string | null;
  points: number;
}

/** The rule a line earns under: the matching rule with the narrowest category, else the account-wide one. */
export function ruleFor(rules: readonly PointsRule[], categoryId: number | null): PointsRule | undefined {
  let best: PointsRule | undefined;
  for (const r of rules) {
    if (r.categoryIds === null) {
      best ??= r;
      continue;
    }
    if (categoryId === null || !r.categoryIds.includes(categoryId)) continue;
    if (!best || best.categoryIds === null || r.categoryIds.length < best.categoryIds.length) best = r;
  }
  return best;
}

/** Points one line earns (negative for a refund): floor(|amount| / per) × times, signed. */
export function linePoints(rule: PointsRule | undefined, amount: number): number {
  if (!rule || amount === 0) return 0;
  const n = Math.floor(Math.abs(amount) / rule.perMinor) * rule.times;
  return amount < 0 ? n : -n;
}

/** The last day points earned in `month` can be used. */
export function expiryDate(expiry: Expiry, month: string): string | null {
  if (expiry.kind === 'never') return null;
  if (expiry.kind === 'year-end') return `${month.slice(0, 4)}-12-31`;
  return monthEnd(addMonths(month, expiry.months));
}

/** Lots, oldest first, and points owed (taken when no lot was left). */
class LotBook {
  lots: Lot[] = [];
  owed = 0;

  get balance(): number {
    return this.lots.reduce((a, l) => a + l.points, 0) - this.owed;
  }

  add(month: string, expires: string | null, points: number): void {
    const paid = Math.min(this.owed, points);
    this.owed -= paid;
    const left = points - paid;
    if (left === 0) return;
    const lot = this.lots.find((l) => l.month === month && l.expires === expires);
    if (lot) lot.points += left;
    else {
      this.lots.push({ month, expires, points: left });
      this.lots.sort((a, b) => a.month.localeCompare(b.month) || (a.expires ?? '~').localeCompare(b.expires ?? '~'));
    }
  }

  take(points: number): void {
    let left = points;
    for (const lot of this.lots) {
      const n = Math.min(lot.points, left);
      lot.points -= n;
      left -= n;
    }
    this.lots = this.lots.filter((l) => l.points > 0);
    this.owed += left;
  }

  /** Lots whose last day is before `date` lapse. */
  lapse(date: string): void {
    this.lots = this.lots.filter((l) => l.expires === null || l.expires >= date);
  }
}

export interface PointsInput {
  rules: readonly PointsRule[];
  /** The account's purchase and refund lines, oldest first. */
  lines: readonly PointsLine[];
  /** `points set` figures, oldest first. */
  figures: readonly { date: string; balance: number }[];
  asOf: string;
}

export interface PointsState {
  balance: number;
  /** Net points earned in the month of `asOf`, up to it. */
  earnedThisMonth: number;
  /** Lots still held on `asOf`, oldest first. */
  lots: Lot[];
}

/** The account's points on `asOf`. */
export function pointsOn(input: PointsInput): PointsState {
  const book = new LotBook();
  const base = input.rules.find((r) => r.categoryIds === null) ?? input.rules[0];
  const figureExpiry: Expiry = base?.expiry ?? { kind: 'never' };
  const month = input.asOf.slice(0, 7);
  let earnedThisMonth = 0;
  const lines = input.lines.filter((l) => l.date <= input.asOf);
  let i = 0;
  const upTo = (date: string) => {
    for (; i < lines.length && lines[i]!.date <= date; i++) {
      const line = lines[i]!;
      const rule = ruleFor(input.rules, line.categoryId);
      const n = linePoints(rule, line.amount);
      if (line.date.startsWith(month)) earnedThisMonth += n;
      book.lapse(line.date);
      if (n > 0) book.add(line.date.slice(0, 7), expiryDate(rule!.expiry, line.date.slice(0, 7)), n);
      else if (n < 0) book.take(-n);
    }
  };
  for (const f of input.figures.filter((x) => x.date <= input.asOf)) {
    upTo(f.date);
    book.lapse(f.date);
    const diff = f.balance - book.balance;
    if (diff < 0) book.take(-diff);
    else if (diff > 0) book.add(f.date.slice(0, 7), expiryDate(figureExpiry, f.date.slice(0, 7)), diff);
  }
  upTo(input.asOf);
  book.lapse(input.asOf);
  return { balance: book.balance, earnedThisMonth, lots: book.lots };
}

/** Points lapsing on each date from `asOf` on, soonest first. */
export function expiring(lots: readonly Lot[]): { date: string; points: number }[] {
  const byDate = new Map<string, number>();
  for (const l of lots) if (l.expires !== null && l.points > 0) byDate.set(l.expires, (byDate.get(l.expires) ?? 0) + l.points);
  return [...byDate].sort((a, b) => a[0].localeCompare(b[0])).map(([date, points]) => ({ date, points }));
}
