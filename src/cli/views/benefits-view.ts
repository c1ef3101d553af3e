/** Terminal text for `benefit status`: per benefit a bar, numbers, days left, pace and projection. */
import { formatMoney } from '../../core/money.js';
import { progress } from '../../render/document.js';
import type { BenefitResult } from '../../app/perks/benefits.js';
import { escapeControls as shown } from '../../render/safe-text.js';
import { green, red } from './budgets-view.js';
import { tBenefitView as t } from '../../core/messages/benefit-view.js';
import { conditionLines, entitlementLines, rewardLine } from './benefit-extras-view.js';

const STATUS_KEY = { met: 'statusMet', on_track: 'statusOnTrack', at_risk: 'statusAtRisk', missed: 'statusMissed' } as const;

const daysText = (n: number): string => (n === 1 ? t('oneDay') : t('days', { n }));

export function benefitLines(results: readonly BenefitResult[], color: boolean): string {
  if (results.length === 0) return t('none');
  const out: string[] = [];
  for (const r of results) {
    const c = r.spec.currency;
    const m = (x: number) => formatMoney(x, c);
    const v = (x: number) => (r.metric === 'count' ? `${x}` : m(x));
    const pace = (x: number) => (r.metric === 'count' ? `${x}` : m(x));
    const status = t(STATUS_KEY[r.status]);
    const tone = r.status === 'met' ? green(status, color) : r.status === 'at_risk' || r.status === 'missed' ? red(status, color) : status;
    if (out.length) out.push('');
    out.push(`${shown(r.name)}${r.account ? ` · ${shown(r.account)}` : ''} · ${r.period.start} → ${r.period.end} · ${tone}`);
    const unit = r.metric === 'count' ? '' : ` ${c}`;
    if (r.metric === 'balance' || r.metric === 'entitlement') {
      out.push(...(r.metric === 'balance' ? balanceLines(r) : entitlementLines(r)));
      if (r.spec.reward) out.push(t('reward', { reward: shown(r.spec.reward) }));
      continue;
    }
    const extra = rewardLine(r);
    if ((r.conditions?.length ?? 0) > 1) {
      out.push(...conditionLines(r));
      if (extra) out.push(extra);
      if (r.spec.reward) out.push(t('reward', { reward: shown(r.spec.reward) }));
      continue;
    }
    const what =
      r.metric === 'cashback' ? t('whatCashback') : r.metric === 'count' ? (r.spec.minAmount ? t('whatPurchasesAtLeast', { amount: m(r.spec.minAmount) }) : t('whatPurchases')) : t('whatSpent');
    out.push(`  ${progress(r.target > 0 ? r.progress / r.target : 1)}  ${t('progressOf', { progress: v(r.progress), target: v(r.target), unit, what })}`);
    if (r.metric === 'cashback') {
      const rest = r.remaining > 0 ? t('cashbackLeft', { left: m(r.remaining), more: m(r.spendToCap ?? 0) }) : t('cashbackCapped');
      out.push(t('cashbackEarned', { earned: m(r.cashbackEarned ?? 0), cap: m(r.target), rate: (r.spec.rateBp ?? 0) / 100, spend: m(r.spend) }) + rest);
    } else if (r.status !== 'met') {
      out.push(t('toGo', { remaining: v(r.remaining), days: daysText(r.daysLeft) }));
    }
    if (r.status !== 'met' && r.daysLeft > 0) {
      const lead = r.metric === 'cashback' ? t('paceCap') : t('paceNeeded');
      out.push(`  ${t('pace', { lead, day: pace(r.pacePerDay), week: pace(r.pacePerWeek), projected: v(r.projected), earned: r.metric === 'cashback' ? t('paceEarned') : '', end: r.period.end })}`);
    }
    if (extra) out.push(extra);
    if (r.spec.reward) out.push(t('reward', { reward: shown(r.spec.reward) }));
  }
  return out.join('\n');
}

/** A balance benefit: the average (or current) balance against the target, and what to keep. */
function balanceLines(r: BenefitResult): string[] {
  const c = r.spec.currency;
  const m = (x: number) => formatMoney(x, c);
  const average = (r.spec.basis ?? 'average') === 'average';
  const what = average ? t('balanceAverage') : r.daysLeft === 0 ? t('balanceEnd') : t('balanceNow');
  const lines = [`  ${progress(r.target > 0 ? Math.max(0, r.progress) / r.target : 1)}  ${t('balanceProgress', { progress: m(r.progress), target: m(r.target), currency: c, what })}`];
  if (r.daysLeft > 0) {
    lines.push(t('balanceKeep', { hold: m(r.toHold ?? 0), currency: c, days: daysText(r.daysLeft), projected: m(r.projected), end: r.period.end }));
  }
  return lines;
}
