/**
 * `cards best`: what a card would earn on a set of purchases, by its cashback benefits and its
 * points rules. Pure.
 *
 * Cashback: each cashback benefit of the card, rate × the qualifying net spend of each of its
 * periods (rounded down, capped per period, as `benefit status` computes it). The lines are taken
 * alone: a cap is not shared with spending elsewhere, so the figures say what the card would earn
 * on this spending if it were the only spending on it.
 * Points: earned per entry as `points status` does (reports/perks/points.ts), valued at the best
 * value per point of the rewards catalogue, rounded down; without a catalogue, points are worth 0.
 */
import type { BenefitLine } from '../../core/benefit-line.js';
import { cashback, qualify, type Restrictions } from './benefit.js';
import { type PointsRule, linePoints, ruleFor } from './points.js';
import { type Reward, pointsWorth } from './points-catalogue.js';

export interface CashbackTerms {
  rateBp: number;
  cap: number;
  restrictions: Restrictions;
  /** The benefit period (a key such as its start date) a day falls in. */
  periodOf: (date: string) => string;
}

export interface CardTerms {
  accountId: number;
  account: string;
  cashback: readonly CashbackTerms[];
  points: readonly PointsRule[];
  /** What values this card's points (the catalogue given, else the one `points advise` kept); null: worth 0. */
  pointValue: Reward | null;
}

export type DatedLine = BenefitLine & { date: string };

export interface Earnings {
  cashback: number;
  points: number;
  /** Cashback plus the points' value, minor units. */
  total: number;
}

function cashbackOn(lines: readonly DatedLine[], terms: CashbackTerms): number {
  const byPeriod = new Map<string, DatedLine[]>();
  for (const l of lines) {
    const key = terms.periodOf(l.date);
    const list = byPeriod.get(key);
    if (list) list.push(l);
    else byPeriod.set(key, [l]);
  }
  let total = 0;
  for (const group of byPeriod.values()) total += cashback(qualify(group, terms.restrictions).spend, terms.rateBp, terms.cap);
  return total;
}

/** What a card earns on these lines. `pointValue`: the reward whose value per point values the points. */
export function cardEarnings(lines: readonly DatedLine[], card: CardTerms): Earnings {
  const { pointValue } = card;
  const cash = card.cashback.reduce((a, terms) => a + cashbackOn(lines, terms), 0);
  const points = card.points.length === 0 ? 0 : lines.reduce((a, l) => a + linePoints(ruleFor(card.points, l.categoryId), l.amount), 0);
  const worth = pointValue ? (points >= 0 ? pointsWorth(points, pointValue) : -pointsWorth(-points, pointValue)) : 0;
  return { cashback: cash, points, total: cash + worth };
}

export interface BestRow {
  category: string;
  spend: number;
  best: { account: string; earnings: Earnings } | null;
  actual: Earnings;
}

/** The card earning most on the lines (ties: the first given); null when none earns anything. */
export function bestCard(lines: readonly DatedLine[], cards: readonly CardTerms[]): { account: string; earnings: Earnings } | null {
  let best: { account: string; earnings: Earnings } | null = null;
  for (const card of cards) {
    const earnings = cardEarnings(lines, card);
    if (earnings.total > 0 && (!best || earnings.total > best.earnings.total)) best = { account: card.account, earnings };
  }
  return best;
}
