/**
 * Balance-threshold benefits (资产达标, issue 27): keep at least a balance on one account over a
 * period, as the average daily balance (the default) or the balance at the end of the period. Pure:
 * the balance before the period and the daily sums of its entries in, a BenefitResult out.
 *
 * A day's balance is its end-of-day balance. The average is the sum of every day's balance over the
 * period divided by its days, rounded down to the minor unit. While the period runs:
 * - progress is the average of the days so far (basis average) or today's balance (basis end);
 * - projected assumes today's balance is kept to the end of the period;
 * - status is on_track when the projection reaches the target, at_risk otherwise — never met before
 *   the period is over, since a balance can still fall; once it is over, met or missed.
 * `toHold` is the balance to keep every remaining day (today included) to reach the target.
 */
import { addDays } from '../../core/dates.js';
import type { BenefitResult, BenefitSpec, BenefitState } from './benefit.js';
import { type Period, periodClock } from './periods.js';

export type BalanceBasis = 'average' | 'end';
export const BALANCE_BASES: readonly BalanceBasis[] = ['average', 'end'];

export interface BalanceInput {
  /** The balance at the end of the day before the period starts (opening balance included). */
  before: number;
  /** Sums of the account's entries per day, from the period start to today (or its end), ascending. */
  daily: readonly { date: string; amount: number }[];
}

export interface BalanceFigures {
  /** Sum of the end-of-day balances of the days so far. */
  daySum: number;
  /** Days so far (today included, at most the period's). */
  days: number;
  /** The balance at the end of the last day so far. */
  last: number;
}

/** Walk the days so far from the daily sums: one pass, no query per day. */
export function balanceFigures(input: BalanceInput, period: Period, today: string): BalanceFigures {
  const clock = periodClock(period, today);
  let balance = input.before;
  let daySum = 0;
  let next = 0;
  let day = period.start;
  for (let i = 0; i < clock.elapsed; i++, day = addDays(day, 1)) {
    for (let d = input.daily[next]; d !== undefined && d.date <= day; d = input.daily[++next]) balance += d.amount;
    daySum += balance;
  }
  return { daySum, days: clock.elapsed, last: balance };
}

const floorDiv = (a: number, b: number): number => Math.floor(a / b);

export function balanceBenefitStatus(
  b: { name: string; account: string | null; spec: BenefitSpec },
  period: Period,
  input: BalanceInput,
  today: string,
): BenefitResult {
  const basis: BalanceBasis = b.spec.basis ?? 'average';
  const clock = periodClock(period, today);
  const f = balanceFigures(input, period, today);
  const target = b.spec.target ?? 0;
  const current = f.days === 0 ? input.before : f.last;
  let progress: number;
  let projected: number;
  let toHold: number;
  if (basis === 'average') {
    progress = f.days === 0 ? input.before : floorDiv(f.daySum, f.days);
    projected = floorDiv(f.daySum + current * (clock.total - f.days), clock.total);
    // Days left include today, whose balance is already counted in daySum: hold over today and the rest.
    const counted = f.days > 0 && clock.left > 0 ? f.daySum - current : f.daySum;
    toHold = clock.left === 0 ? 0 : Math.max(0, Math.ceil((target * clock.total - counted) / clock.left));
  } else {
    progress = current;
    projected = current;
    toHold = clock.left === 0 ? 0 : target;
  }
  const status: BenefitState = clock.over ? (progress >= target ? 'met' : 'missed') : projected >= target ? 'on_track' : 'at_risk';
  return {
    name: b.name,
    account: b.account,
    spec: b.spec,
    period,
    metric: 'balance',
    target,
    progress,
    remaining: Math.max(0, target - progress),
    status,
    daysLeft: clock.left,
    pacePerDay: 0,
    pacePerWeek: 0,
    projected,
    spend: 0,
    count: 0,
    cashbackEarned: null,
    spendToCap: null,
    toHold,
  };
}
