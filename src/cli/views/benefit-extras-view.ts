/**
 * Terminal text of `benefit status` for issue 26: several conditions (a bar each and what is left
 * in one sentence), the money reward with its yearly cap, and entitlements (what is still free to
 * use this period and when it lapses).
 */
import { formatMoney } from '../../core/money.js';
import { progress } from '../../render/document.js';
import type { BenefitResult } from '../../app/perks/benefits.js';
import { escapeControls as shown } from '../../render/safe-text.js';
import { tBenefitView as t } from '../../core/messages/benefit-view.js';
import { tBenefits2 as t2 } from '../../core/messages/benefits2.js';

const THIS_PERIOD = { month: 'thisMonth', quarter: 'thisQuarter', year: 'thisYear', cycle: 'thisCycle', anniversary: 'thisCardYear' } as const;

/** "this month", "本月" … for the benefit's period kind. */
export const thisPeriod = (r: BenefitResult): string => t2(THIS_PERIOD[r.spec.period]);

/** 50.00 → "50", 49.90 stays: a minimum purchase reads as people say it. */
const plain = (amount: number, currency: string) => formatMoney(amount, currency).replace(/\.00$/, '');

/** A bar per condition, then what is left in one sentence ("2 more purchases of at least 50 and 120.00 more spend by 2026-09-30"). */
export function conditionLines(r: BenefitResult): string[] {
  const c = r.spec.currency;
  const m = (x: number) => formatMoney(x, c);
  const out: string[] = [];
  for (const x of r.conditions ?? []) {
    const count = x.metric === 'count';
    const what = count ? (x.minAmount ? t('whatPurchasesAtLeast', { amount: m(x.minAmount) }) : t('whatPurchases')) : t('whatSpent');
    const v = (n: number) => (count ? String(n) : m(n));
    out.push(`  ${progress(x.target > 0 ? x.progress / x.target : 1)}  ${t('progressOf', { progress: v(x.progress), target: v(x.target), unit: count ? '' : ` ${c}`, what })}`);
  }
  // Purchases first, then spend, as the banks' apps say it (还差 2 笔满 50 元的消费和 120.00 元消费).
  const parts = [...(r.conditions ?? [])].sort((a, b) => (a.metric === b.metric ? 0 : a.metric === 'count' ? -1 : 1)).filter((x) => x.remaining > 0).map((x) => {
    if (x.metric === 'spend') return t2('partSpend', { amount: m(x.remaining) });
    if (x.minAmount) return x.remaining === 1 ? t2('partCountMinOne', { amount: plain(x.minAmount, c) }) : t2('partCountMin', { n: x.remaining, amount: plain(x.minAmount, c) });
    return x.remaining === 1 ? t2('partCountOne') : t2('partCount', { n: x.remaining });
  });
  if (parts.length > 0) out.push(t2('needMore', { parts: parts.reduce((a, b) => t2('partsJoin', { a, b })), end: r.period.end }));
  else out.push(t2('allConditionsMet', { when: thisPeriod(r) }));
  return out;
}

/** "reward: 56.00 this month · 112.00 of the 672.00 yearly cap". */
export function rewardLine(r: BenefitResult): string | undefined {
  if (!r.reward) return undefined;
  const m = (x: number) => formatMoney(x, r.spec.currency);
  const params = { period: m(r.reward.period), year: m(r.reward.year), when: thisPeriod(r) };
  return r.reward.capYear === null ? t2('rewardEarned', params) : t2('rewardEarnedCap', { ...params, cap: m(r.reward.capYear) });
}

/** An entitlement: uses taken, then what is still free this period and when it lapses. */
export function entitlementLines(r: BenefitResult): string[] {
  const e = r.entitlement;
  if (!e) return [];
  const name = shown(r.name);
  const when = thisPeriod(r);
  const lines = [`  ${progress(e.allowed > 0 ? e.used / e.allowed : 1)}  ${t2('entUsed', { used: e.used, allowed: e.allowed, entries: e.fromEntries, recorded: e.recorded })}`];
  if (e.left === 0) lines.push(t2('entAllUsed', { allowed: e.allowed, name, when }));
  else lines.push(e.left === 1 ? t2('entLeftOne', { name, when, end: r.period.end }) : t2('entLeft', { left: e.left, name, when, end: r.period.end }));
  return lines;
}
