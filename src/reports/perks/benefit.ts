/**
 * Card benefits: spend thresholds, purchase-count thresholds (any mix of them, all must hold:
 * benefit-conditions.ts) and capped cashback, each over a period, with money rewards capped per year
 * (benefit-rewards.ts); entitlements are in entitlement.ts. Pure: qualifying lines in, progress,
 * pace, projection and status out.
 *
 * Status: `met` once every condition is reached (cashback: once the cap is reached); `missed` when
 * the period is over and it was not; `on_track` when the straight-line projection of every condition
 * not yet reached reaches its target (or the period has not started yet); `at_risk` otherwise.
 * Cashback is an accrual, never at risk.
 *
 * Cashback rounding: rate × the period's net qualifying spend, computed exactly (BigInt) and
 * rounded DOWN to the minor unit, then capped.
 */
import type { BenefitLine } from '../../core/benefit-line.js';
import { formatMinor } from '../../core/money.js';
import { type ConditionResult, type ConditionSpec, allMet, evaluateConditions, furthestFromDone, specConditions } from './benefit-conditions.js';
import { type RewardFigures, cashback } from './benefit-rewards.js';
import { type Period, type PeriodKind, periodClock, project } from './periods.js';

export { cashback } from './benefit-rewards.js';

/** `balance`: a balance kept on one account (reports/perks/balance.ts); `entitlement`: free uses (entitlement.ts). */
export type Metric = 'spend' | 'count' | 'cashback' | 'balance' | 'entitlement';
export type BenefitState = 'met' | 'on_track' | 'at_risk' | 'missed';

/** What is stored in benefits.spec_json. */
export interface BenefitSpec {
  period: PeriodKind;
  /** Anniversary start. */
  from?: string;
  /** With several conditions: the first one's metric (what readers before issue 26 see). */
  metric: Metric;
  currency: string;
  /** Several conditions, all of which must hold (issue 26); absent when metric/target/minAmount say the only one. */
  conditions?: ConditionSpec[];
  /** A fixed reward for each period whose conditions all hold (minor units). */
  rewardFixed?: number;
  /** The most the money reward (fixed or cashback) pays in a year (minor units). */
  rewardCapYear?: number;
  /** entitlement: free uses per period. */
  allowed?: number;
  /** spend, balance: minor units; count: purchases. */
  target?: number;
  /** balance: the average daily balance over the period (default) or the balance at its end. */
  basis?: 'average' | 'end';
  /** count: smallest purchase that counts (minor units). */
  minAmount?: number;
  /** cashback: rate in hundredths of a percent (5% = 500). */
  rateBp?: number;
  /** cashback: cap per period (minor units). */
  cap?: number;
  category?: { id: number; name: string };
  merchant?: string;
  channel?: string;
  reward?: string;
}

export type { BenefitLine } from '../../core/benefit-line.js';

export interface Restrictions {
  /** Category ids (children included). */
  categoryIds?: readonly number[];
  merchant?: string;
  channel?: string;
  minAmount?: number;
}

/**
 * Net qualifying spend (purchases minus refunds, positive) and the purchases counted for a count
 * threshold (one per entry, of at least minAmount).
 */
export function qualify(lines: readonly BenefitLine[], r: Restrictions): { spend: number; count: number } {
  const perTx = new Map<number, { kind: string; amount: number }>();
  for (const l of lines) {
    if (!lineMatches(l, r)) continue;
    const t = perTx.get(l.txId) ?? { kind: l.kind, amount: 0 };
    t.amount += l.amount;
    perTx.set(l.txId, t);
  }
  let spend = 0;
  let count = 0;
  for (const t of perTx.values()) {
    spend -= t.amount;
    if (t.kind === 'expense' && t.amount < 0 && -t.amount >= (r.minAmount ?? 0)) count++;
  }
  return { spend, count };
}

/** Whether a line passes the benefit's category, merchant (text in merchant or description) and channel filters. */
export function lineMatches(l: BenefitLine, r: Restrictions): boolean {
  if (r.categoryIds && (l.categoryId === null || !r.categoryIds.includes(l.categoryId))) return false;
  const merchant = r.merchant?.toLowerCase();
  if (merchant !== undefined && !(l.merchant ?? '').toLowerCase().includes(merchant) && !l.description.toLowerCase().includes(merchant)) return false;
  return r.channel === undefined || l.channel === r.channel;
}

export interface BenefitResult {
  name: string;
  account: string | null;
  spec: BenefitSpec;
  period: Period;
  metric: Metric;
  target: number;
  progress: number;
  remaining: number;
  status: BenefitState;
  daysLeft: number;
  /** Needed per day / per week from today on to reach the target (money: minor units rounded up; counts: to 2 decimals, up); 0 once met or over. */
  pacePerDay: number;
  pacePerWeek: number;
  projected: number;
  spend: number;
  count: number;
  cashbackEarned: number | null;
  /** cashback: more qualifying spend needed to reach the cap. */
  spendToCap: number | null;
  /** balance: the balance to keep every day left (today included) to reach the target. */
  toHold?: number;
  /** spend/count benefits: every condition (the top-level figures are the one furthest from done). */
  conditions?: ConditionResult[];
  /** Money rewards (fixed or cashback) with the yearly cap; absent when the benefit pays none. */
  reward?: RewardFigures;
  /** entitlement: free uses this period. */
  entitlement?: { allowed: number; used: number; left: number; fromEntries: number; recorded: number };
}

const ceilDiv = (a: number, b: number): number => Math.ceil(a / b);

export function benefitStatus(
  b: { name: string; account: string | null; spec: BenefitSpec },
  period: Period,
  figures: { spend: number; count: number },
  today: string,
  reward?: RewardFigures,
): BenefitResult {
  const { spec } = b;
  const clock = periodClock(period, today);
  let metric: Metric = spec.metric;
  let target: number;
  let progress: number;
  let cashbackEarned: number | null = null;
  let spendToCap: number | null = null;
  let conditions: ConditionResult[] | undefined;
  let done: boolean;
  let onPace: boolean;
  if (spec.metric === 'cashback') {
    target = spec.cap ?? 0;
    cashbackEarned = cashback(figures.spend, spec.rateBp ?? 0, target);
    progress = cashbackEarned;
    const spendForCap = Number((BigInt(target) * 10_000n + BigInt((spec.rateBp ?? 1) - 1)) / BigInt(spec.rateBp ?? 1));
    spendToCap = Math.max(0, spendForCap - Math.max(0, figures.spend));
    done = progress >= target;
    onPace = true;
  } else {
    conditions = evaluateConditions(specConditions(spec), figures, clock);
    const furthest = furthestFromDone(conditions);
    ({ metric, target, progress } = furthest);
    done = allMet(conditions);
    onPace = conditions.every((c) => c.progress >= c.target || c.projected >= c.target);
  }
  const remaining = Math.max(0, target - progress);
  const status: BenefitState = done ? 'met' : clock.over ? 'missed' : clock.elapsed === 0 || onPace ? 'on_track' : 'at_risk';
  const open = status !== 'met' && !clock.over && clock.left > 0;
  const needed = metric === 'cashback' ? (spendToCap ?? 0) : remaining;
  return {
    name: b.name,
    account: b.account,
    spec,
    period,
    metric,
    target,
    progress,
    remaining,
    status,
    daysLeft: clock.left,
    pacePerDay: !open ? 0 : metric === 'count' ? Math.ceil((needed * 100) / clock.left) / 100 : ceilDiv(needed, clock.left),
    pacePerWeek: !open ? 0 : metric === 'count' ? Math.ceil((needed * 700) / clock.left) / 100 : ceilDiv(needed * 7, clock.left),
    projected: project(progress, clock),
    spend: figures.spend,
    count: figures.count,
    cashbackEarned,
    spendToCap,
    ...(conditions ? { conditions } : {}),
    ...(reward ? { reward } : {}),
  };
}

/** The `benefit status --json` contract plus a few extra fields. */
export function benefitJson(r: BenefitResult): Record<string, unknown> {
  const c = r.spec.currency;
  const money = (x: number) => formatMinor(x, c);
  // One type per field whatever the metric: decimal strings. For a count benefit these hold
  // purchase counts ("6"; paces to two decimals, "0.25"); `purchases` is always an integer.
  const counted = (metric: Metric) => metric === 'count' || metric === 'entitlement';
  const value = (x: number) => (counted(r.metric) ? String(x) : money(x));
  const pace = (x: number) => (r.metric === 'count' ? x.toFixed(2) : money(x));
  return {
    name: r.name,
    account: r.account,
    period: { start: r.period.start, end: r.period.end },
    metric: r.metric,
    target: value(r.target),
    progress: value(r.progress),
    remaining: value(r.remaining),
    status: r.status,
    cashback_earned: r.cashbackEarned === null ? null : money(r.cashbackEarned),
    cashback_cap: r.metric === 'cashback' ? money(r.target) : null,
    kind: r.spec.period,
    days_left: r.daysLeft,
    pace_per_day: pace(r.pacePerDay),
    pace_per_week: pace(r.pacePerWeek),
    projected: value(r.projected),
    qualifying_spend: money(r.spend),
    purchases: r.count,
    spend_to_cap: r.spendToCap === null ? null : money(r.spendToCap),
    reward: r.spec.reward ?? null,
    currency: c,
    balance_basis: r.metric === 'balance' ? (r.spec.basis ?? 'average') : null,
    balance_to_hold: r.toHold === undefined ? null : money(r.toHold),
    conditions: (r.conditions ?? [r]).map((x) => {
      const v = (n: number) => (counted(x.metric) ? String(n) : money(n));
      return { metric: x.metric, target: v(x.target), progress: v(x.progress), remaining: v(x.remaining), ...('minAmount' in x && x.minAmount !== undefined ? { min_amount: money(x.minAmount) } : {}) };
    }),
    reward_earned_period: r.reward ? money(r.reward.period) : null,
    reward_earned_year: r.reward ? money(r.reward.year) : null,
    reward_cap_year: r.reward?.capYear != null ? money(r.reward.capYear) : null,
    reward_fixed: r.spec.rewardFixed !== undefined ? money(r.spec.rewardFixed) : null,
    ...(r.entitlement ? { kind: 'entitlement', period_kind: r.spec.period, allowed: r.entitlement.allowed, used: r.entitlement.used, left: r.entitlement.left, uses_from_entries: r.entitlement.fromEntries, uses_recorded: r.entitlement.recorded } : {}),
  };
}
