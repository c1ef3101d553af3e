/**
 * The Badges and Card benefits sections of `report month`, in sentences and progress bars (like
 * the standalone `badges` and `benefit status` commands), from the month report's JSON-shaped
 * extras. Every line fits 80 columns: names are cut, figures are grouped (`1,200.00`).
 */
import { tCharts as t } from '../core/messages/charts.js';
import type { Block, SummaryItem } from './document.js';
import { progress } from './document.js';
import { escapeControls as shown } from './safe-text.js';
import { cutText, textWidth } from './width.js';
import { rowName } from './labels.js';
import { tBenefitView as tb } from '../core/messages/benefit-view.js';
import { tBenefits2 } from '../core/messages/benefits2.js';

/** A badge as `badges --json` and the month report's extras hold it. */
export interface BadgeView {
  id: string;
  name: string;
  earned: boolean;
  progress: number;
  reason: string;
  new?: boolean;
}

/** A benefit as the month report's extras hold it (amounts are decimal strings). */
export interface BenefitView {
  name: string;
  account: string | null;
  period: { start: string; end: string };
  metric: 'spend' | 'count' | 'cashback' | 'balance' | 'entitlement';
  target: string;
  progress: string;
  remaining: string;
  status: 'met' | 'on_track' | 'at_risk' | 'missed';
  days_left: number;
}

/** `12345.6` / `-1200.00` → `12,345.6` / `-1,200.00`: a decimal string grouped, no float involved. */
export function groupDecimal(value: string | number | null | undefined): string {
  const text = String(value ?? '');
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text.trim());
  return m ? `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}` : text;
}

/** A 0..1 share (or a ratio of two decimal strings) without floats in the amounts themselves. */
export function ratio(progressText: string, targetText: string): number {
  const target = Number(targetText);
  return target > 0 ? Math.max(0, Number(progressText)) / target : 1;
}

const NAME_WIDTH = 28;

/**
 * `head — tail` on one line when it fits `width`, else `head` then `tail` on a line of its own,
 * indented under it (cut to the width): nothing wraps.
 */
export function fitLine(head: string, tail: string, width: number, indent: string): string[] {
  const one = `${head} — ${tail}`;
  if (textWidth(one) <= width) return [one];
  return [head, cutText(`${indent}— ${tail}`, width)];
}

/**
 * The standalone `badges` command's text: earned, nearly earned (at least `nearly` of the way), and
 * the rest in one line (or explained with `all`), each line within `width` columns.
 */
export function badgeLines(month: string, badges: readonly BadgeView[], opts: { color: boolean; all: boolean; nearly: number; width?: number }): string {
  const width = opts.width ?? 80;
  const earned = badges.filter((b) => b.earned);
  const nearly = badges.filter((b) => !b.earned && b.progress >= opts.nearly);
  const rest = badges.filter((b) => !b.earned && b.progress < opts.nearly);
  const out = [tb('badgesTitle', { month })];
  const star = opts.color ? '\x1b[32m★\x1b[39m' : '★';
  const lines = (mark: string, b: BadgeView) => fitLine(`  ${mark} ${shown(b.name)}${b.earned ? '' : ` ${progress(b.progress, 10)}`}`, shown(b.reason), width, '      ');
  out.push('', earned.length ? tb('earned') : tb('earnedNone'));
  for (const b of earned) out.push(...lines(star, b));
  if (nearly.length) {
    out.push('', tb('nearly'));
    for (const b of nearly) out.push(...lines('☆', b));
  }
  if (rest.length) {
    if (opts.all) {
      out.push('', tb('notYet'));
      for (const b of rest) out.push(...lines('·', b));
    } else out.push('', tb('notYetList', { names: rest.map((b) => shown(b.name)).join(', ') }));
  }
  return out.join('\n');
}

export function statusText(status: BenefitView['status']): string {
  return status === 'met' ? t('statusMet') : status === 'on_track' ? t('statusOnTrack') : status === 'at_risk' ? t('statusAtRisk') : t('statusMissed');
}

/** `[██████░░░░] 60%  1,200.00 of 2,000.00 spent`. */
export function benefitFigures(b: BenefitView): string {
  const params = { progress: groupDecimal(b.progress), target: groupDecimal(b.target) };
  const key = b.metric === 'count' ? 'benefitCount' : b.metric === 'cashback' ? 'benefitCashback' : b.metric === 'balance' ? 'benefitBalance' : 'benefitSpend';
  return `${progress(ratio(b.progress, b.target), 10)}  ${b.metric === 'entitlement' ? tBenefits2('monthUses', params) : t(key, params)}`;
}

export function badgesBlock(badges: readonly BadgeView[]): Block | undefined {
  if (badges.length === 0) return undefined;
  const items: SummaryItem[] = badges.map((b) => ({
    label: `${b.earned ? '★' : '☆'} ${cutText(shown(b.name), NAME_WIDTH)}`,
    value: b.earned
      ? t(b.new ? 'badgeEarnedNew' : 'badgeEarned', { reason: cutText(shown(b.reason), 40) })
      : `${progress(b.progress, 10)} ${cutText(shown(b.reason), 34)}`,
    tone: b.earned ? 'good' : 'plain',
  }));
  return { type: 'summary', title: t('badgesTitle'), items };
}

export function benefitsBlock(benefits: readonly BenefitView[]): Block | undefined {
  if (benefits.length === 0) return undefined;
  const items: SummaryItem[] = [];
  for (const b of benefits) {
    const tone = b.status === 'met' ? 'good' : b.status === 'at_risk' || b.status === 'missed' ? 'bad' : 'plain';
    items.push({ label: cutText(shown(b.name), NAME_WIDTH), value: t('benefitPeriod', { status: statusText(b.status), start: b.period.start, end: b.period.end }), tone });
    items.push({ label: '', value: benefitFigures(b) });
    const done = b.status === 'met' || Number(b.remaining) <= 0;
    const left = done ? t('benefitDone') : t('benefitToGo', { remaining: groupDecimal(b.remaining), days: b.days_left });
    items.push({ label: '', value: b.account ? `${cutText(shown(b.account), 20)} · ${left}` : left });
  }
  return { type: 'summary', title: t('benefitsTitle'), items };
}

/** A budget as the month report's extras hold it (`budget status --json`, amounts as decimal strings). */
export interface BudgetView {
  category: string;
  budget: string;
  spent: string;
  remaining: string;
  period: 'month' | 'year';
  used: number | null;
  status: 'ok' | 'over' | 'heading_over';
}

export function budgetsBlock(budgets: readonly BudgetView[]): Block | undefined {
  if (budgets.length === 0) return undefined;
  const items: SummaryItem[] = budgets.map((b) => {
    const over = Number(b.remaining) < 0;
    const left = over ? t('budgetOver', { amount: groupDecimal(String(b.remaining).replace('-', '')) }) : t('budgetLeft', { amount: groupDecimal(b.remaining) });
    const figures = t('budgetSpent', { spent: groupDecimal(b.spent), budget: groupDecimal(b.budget) });
    return {
      label: cutText(shown(rowName(b.category, 'category')), NAME_WIDTH),
      value: `${progress(b.used ?? ratio(b.spent, b.budget), 10)}  ${figures} · ${left}${b.status === 'heading_over' ? ` · ${t('budgetHeadingOver')}` : ''}`,
      tone: over ? 'bad' : b.status === 'heading_over' ? 'bad' : 'plain',
    };
  });
  return { type: 'summary', title: t('budgetsTitle'), items };
}
