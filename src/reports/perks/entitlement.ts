/**
 * Entitlements (issue 26 point 3): N free uses per period (2 car washes a month, a coffee, lounge
 * visits). Pure: the period's candidate lines and the uses recorded by hand in, a BenefitResult out.
 *
 * A use is a recorded `benefit use` or an entry that matches the benefit's --merchant, --category or
 * --channel: any purchase entry, whatever its amount — a free use often shows as a 0.00 row, a
 * co-paid one as a small charge. Refunds are not uses and do not undo one; split parts of one entry
 * are one use. Without any of those filters only recorded uses count (every purchase on the card
 * is not a car wash). `used` is at most `allowed`.
 *
 * Status: `met` when every use is taken; `missed` when the period ended with uses left (they
 * lapsed); `at_risk` when uses are left and the period ends within 7 days (days_left ≤ 7, today
 * included); `on_track` otherwise.
 */
import type { BenefitLine } from '../../core/benefit-line.js';
import type { BenefitResult, BenefitSpec, BenefitState, Restrictions } from './benefit.js';
import { lineMatches } from './benefit.js';
import { type Period, periodClock } from './periods.js';

/** Unused uses lapse "soon" when the period ends within this many days (today included). */
export const LAPSE_DAYS = 7;

export interface EntitlementFigures {
  allowed: number;
  used: number;
  left: number;
  /** Uses found among the entries and recorded by hand (before capping at allowed). */
  fromEntries: number;
  recorded: number;
}

/** Entries that are uses: distinct purchase entries (kind expense, any amount ≤ 0) matching a filter. */
export function countUseEntries(lines: readonly BenefitLine[], r: Restrictions): number {
  if (r.categoryIds === undefined && r.merchant === undefined && r.channel === undefined) return 0;
  const net = new Map<number, number>();
  for (const l of lines) {
    if (l.kind !== 'expense' || !lineMatches(l, r)) continue;
    net.set(l.txId, (net.get(l.txId) ?? 0) + l.amount);
  }
  return [...net.values()].filter((amount) => amount <= 0).length;
}

export function entitlementStatus(
  b: { name: string; account: string | null; spec: BenefitSpec },
  period: Period,
  uses: { fromEntries: number; recorded: number },
  today: string,
): BenefitResult {
  const clock = periodClock(period, today);
  const allowed = b.spec.allowed ?? 0;
  const used = Math.min(allowed, uses.fromEntries + uses.recorded);
  const left = allowed - used;
  const status: BenefitState = left === 0 ? 'met' : clock.over ? 'missed' : clock.left <= LAPSE_DAYS ? 'at_risk' : 'on_track';
  return {
    name: b.name,
    account: b.account,
    spec: b.spec,
    period,
    metric: 'entitlement',
    target: allowed,
    progress: used,
    remaining: left,
    status,
    daysLeft: clock.left,
    pacePerDay: 0,
    pacePerWeek: 0,
    projected: used,
    spend: 0,
    count: used,
    cashbackEarned: null,
    spendToCap: null,
    entitlement: { allowed, used, left, ...uses },
  };
}
