/**
 * Rewards in money (issue 26 point 2): a fixed amount for each period whose conditions all hold
 * (`--reward-fixed`), or cashback (`--cashback`, capped per period by `--cap`), either one capped
 * over the year by `--reward-cap-year`. Pure.
 *
 * The year: the calendar year in which the current period starts, i.e. this period and the earlier
 * periods starting in that year (a card year for anniversary periods, which is the period itself).
 * Periods are capped in order: each earns at most what the yearly cap has left after the ones before.
 */
import { allMet, evaluateConditions, specConditions } from './benefit-conditions.js';
import type { PeriodClock } from './periods.js';

export interface RewardSpec {
  metric: string;
  target?: number;
  minAmount?: number;
  conditions?: { metric: 'spend' | 'count'; target: number; minAmount?: number }[];
  rateBp?: number;
  cap?: number;
  rewardFixed?: number;
  rewardCapYear?: number;
}

export interface RewardFigures {
  /** Earned in the current period (after the yearly cap). */
  period: number;
  /** Earned over the year so far, this period included (after the yearly cap). */
  year: number;
  capYear: number | null;
}

/** Whether the benefit pays money (a fixed reward or cashback), so its rewards are worked out. */
export function paysMoney(spec: RewardSpec): boolean {
  return spec.rewardFixed !== undefined || spec.rateBp !== undefined;
}

/** rate × spend, rounded down to the minor unit, capped. */
export function cashback(spend: number, rateBp: number, cap: number): number {
  if (spend <= 0) return 0;
  const raw = Number((BigInt(spend) * BigInt(rateBp)) / 10_000n);
  return Math.min(raw, cap);
}

const DONE: PeriodClock = { total: 1, elapsed: 1, left: 0, over: true };

/** What one period earns before the yearly cap: the fixed reward when every condition holds, or its cashback. */
export function periodReward(spec: RewardSpec, figures: { spend: number; count: number }): number {
  if (spec.rewardFixed !== undefined) return allMet(evaluateConditions(specConditions(spec), figures, DONE)) ? spec.rewardFixed : 0;
  if (spec.rateBp !== undefined) return cashback(figures.spend, spec.rateBp, spec.cap ?? Number.MAX_SAFE_INTEGER);
  return 0;
}

/** The year's periods in order (the current one last), each capped by what the yearly cap has left. */
export function cappedRewards(raw: readonly number[], capYear: number | undefined): RewardFigures {
  let year = 0;
  let period = 0;
  for (const r of raw) {
    period = capYear === undefined ? r : Math.max(0, Math.min(r, capYear - year));
    year += period;
  }
  return { period, year, capYear: capYear ?? null };
}
