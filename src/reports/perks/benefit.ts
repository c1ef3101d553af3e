/**
 * Card benefits: spend thresholds, purchase-count thresholds and capped cashback, each over a
 * period. Pure: qualifying lines in, progress, pace, projection and status out.
 *
 * Status: `met` once the target is reached (cashback: once the cap is reached); `missed` when the
 * period is over and it was not; `on_track` when the straight-line projection reaches the target
 * (or the period has not started yet); `at_risk` otherwise. Cashback is an accrual, never at risk.
 *
 * Cashback rounding: rate × the period's net qualifying spend, computed exactly (BigInt) and
 * rounded DOWN to the minor unit, then capped.
 */
import type { BenefitLine } from '../../core/benefit-line.js';
import { formatMinor } from '../../core/money.js';
import { type Period, type PeriodKind, periodClock, project } from './periods.js';

/** `balance`: a balance kept on one account (reports/perks/balance.ts). */
export type Metric = 'spend' | 'count' | 'cashback' | 'balance';
export type BenefitState = 'met' | 'on_track' | 'at_risk' | 'missed';

/** What is stored in benefits.spec_json. */
export interface BenefitSpec {
  period: PeriodKind;
  /** Anniversary start. */
  from?: string;
  metric: Metric;
  currency: string;
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
  const merchant = r.merchant?.toLowerCase();
  const perTx = new Map<number, { kind: string; amount: number }>();
  for (const l of lines) {
    if (r.categoryIds && (l.categoryId === null || !r.categoryIds.includes(l.categoryId))) continue;
    if (merchant !== undefined && !(l.merchant ?? '').toLowerCase().includes(merchant) && !l.description.toLowerCase().includes(merchant)) continue;
    if (r.channel !== undefined && l.channel !== r.channel) continue;
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

/** rate × spend, rounded down to the minor unit, capped. */
export function cashback(spend: number, rateBp: number, cap: number): number {
  if (spend <= 0) return 0;
  const raw = Number((BigInt(spend) * BigInt(rateBp)) / 10_000n);
  return Math.min(raw, cap);
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
}

const ceilDiv = (a: number, b: number): number => Math.ceil(a / b);

export function benefitStatus(
  b: { name: string; account: string | null; spec: BenefitSpec },
  period: Period,
  figures: { spend: number; count: number },
  today: string,
): BenefitResult {
  const { spec } = b;
  const clock = periodClock(period, today);
  let target: number;
  let progress: number;
  let cashbackEarned: number | null = null;
  let spendToCap: number | null = null;
  if (spec.metric === 'cashback') {
    target = spec.cap ?? 0;
    cashbackEarned = cashback(figures.spend, spec.rateBp ?? 0, target);
    progress = cashbackEarned;
    const spendForCap = Number((BigInt(target) * 10_000n + BigInt((spec.rateBp ?? 1) - 1)) / BigInt(spec.rateBp ?? 1));
    spendToCap = Math.max(0, spendForCap - Math.max(0, figures.spend));
  } else {
    target = spec.target ?? 0;
    progress = spec.metric === 'count' ? figures.count : figures.spend;
  }
  const remaining = Math.max(0, target - progress);
  const projected = project(progress, clock);
  const status: BenefitState =
    progress >= target ? 'met'
      : clock.over ? 'missed'
        : spec.metric === 'cashback' || clock.elapsed === 0 || projected >= target ? 'on_track'
          : 'at_risk';
  const open = status !== 'met' && !clock.over && clock.left > 0;
  const needed = spec.metric === 'cashback' ? (spendToCap ?? 0) : remaining;
  return {
    name: b.name,
    account: b.account,
    spec,
    period,
    metric: spec.metric,
    target,
    progress,
    remaining,
    status,
    daysLeft: clock.left,
    pacePerDay: !open ? 0 : spec.metric === 'count' ? Math.ceil((needed * 100) / clock.left) / 100 : ceilDiv(needed, clock.left),
    pacePerWeek: !open ? 0 : spec.metric === 'count' ? Math.ceil((needed * 700) / clock.left) / 100 : ceilDiv(needed * 7, clock.left),
    projected,
    spend: figures.spend,
    count: figures.count,
    cashbackEarned,
    spendToCap,
  };
}

/** The `benefit status --json` contract plus a few extra fields. */
export function benefitJson(r: BenefitResult): Record<string, unknown> {
  const c = r.spec.currency;
  const money = (x: number) => formatMinor(x, c);
  // One type per field whatever the metric: decimal strings. For a count benefit these hold
  // purchase counts ("6"; paces to two decimals, "0.25"); `purchases` is always an integer.
  const value = (x: number) => (r.metric === 'count' ? String(x) : money(x));
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
  };
}
