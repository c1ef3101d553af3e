/** Terminal text for `benefit status`: per benefit a bar, numbers, days left, pace and projection. */
import { formatMoney } from '../../core/money.js';
import { progress } from '../../render/document.js';
import type { BenefitResult } from '../../app/perks/benefits.js';
import { escapeControls as shown } from '../../render/safe-text.js';
import { green, red } from './budgets-view.js';

const STATUS_TEXT = { met: 'MET', on_track: 'on track', at_risk: 'AT RISK', missed: 'missed' } as const;

export function benefitLines(results: readonly BenefitResult[], color: boolean): string {
  if (results.length === 0) return 'no benefits yet (add one with `pocketbook benefit add`)';
  const out: string[] = [];
  for (const r of results) {
    const c = r.spec.currency;
    const m = (x: number) => formatMoney(x, c);
    const v = (x: number) => (r.metric === 'count' ? `${x}` : m(x));
    const pace = (x: number) => (r.metric === 'count' ? `${x}` : m(x));
    const status = STATUS_TEXT[r.status];
    const tone = r.status === 'met' ? green(status, color) : r.status === 'at_risk' || r.status === 'missed' ? red(status, color) : status;
    if (out.length) out.push('');
    out.push(`${shown(r.name)}${r.account ? ` · ${shown(r.account)}` : ''} · ${r.period.start} → ${r.period.end} · ${tone}`);
    const unit = r.metric === 'count' ? '' : ` ${c}`;
    if (r.metric === 'balance') {
      out.push(...balanceLines(r));
      if (r.spec.reward) out.push(`  reward: ${shown(r.spec.reward)}`);
      continue;
    }
    const what = r.metric === 'cashback' ? 'cashback' : r.metric === 'count' ? `purchases${r.spec.minAmount ? ` ≥ ${m(r.spec.minAmount)}` : ''}` : 'spent';
    out.push(`  ${progress(r.target > 0 ? r.progress / r.target : 1)}  ${v(r.progress)} of ${v(r.target)}${unit} ${what}`);
    if (r.metric === 'cashback') {
      out.push(`  earned ${m(r.cashbackEarned ?? 0)} of the ${m(r.target)} cap (${(r.spec.rateBp ?? 0) / 100}% of ${m(r.spend)}); ${r.remaining > 0 ? `${m(r.remaining)} left to the cap, reached after ${m(r.spendToCap ?? 0)} more spend` : 'cap reached: further spending earns nothing this period'}`);
    } else if (r.status !== 'met') {
      out.push(`  ${v(r.remaining)} to go · ${r.daysLeft} day${r.daysLeft === 1 ? '' : 's'} left`);
    }
    if (r.status !== 'met' && r.daysLeft > 0) {
      out.push(`  ${r.metric === 'cashback' ? 'to reach the cap, spend' : 'needed:'} ${pace(r.pacePerDay)} a day, ${pace(r.pacePerWeek)} a week · at the current pace: ${v(r.projected)}${r.metric === 'cashback' ? ' earned' : ''} by ${r.period.end}`);
    }
    if (r.spec.reward) out.push(`  reward: ${shown(r.spec.reward)}`);
  }
  return out.join('\n');
}

/** A balance benefit: the average (or current) balance against the target, and what to keep. */
function balanceLines(r: BenefitResult): string[] {
  const c = r.spec.currency;
  const m = (x: number) => formatMoney(x, c);
  const average = (r.spec.basis ?? 'average') === 'average';
  const what = average ? 'average daily balance' : r.daysLeft === 0 ? 'balance at the period end' : 'balance now (counted at the period end)';
  const lines = [`  ${progress(r.target > 0 ? Math.max(0, r.progress) / r.target : 1)}  ${m(r.progress)} of ${m(r.target)} ${c} ${what}`];
  if (r.daysLeft > 0) {
    lines.push(`  keep at least ${m(r.toHold ?? 0)} ${c} every day of the ${r.daysLeft} day${r.daysLeft === 1 ? '' : 's'} left · keeping today's balance: ${m(r.projected)} by ${r.period.end}`);
  }
  return lines;
}
