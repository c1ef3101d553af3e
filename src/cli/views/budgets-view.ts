/** Terminal text for `budget status`: one block per budget with a bar, what is left and the pace. */
import { formatMoney } from '../../core/money.js';
import { tPerks as t } from '../../core/messages/perks.js';
import { monthLabel } from '../../core/period-text.js';
import { progress } from '../../render/document.js';
import type { BudgetStatus } from '../../app/perks/budgets.js';
import { escapeControls } from '../../render/safe-text.js';

export const red = (text: string, color: boolean): string => (color ? `\x1b[31m${text}\x1b[39m` : text);
export const green = (text: string, color: boolean): string => (color ? `\x1b[32m${text}\x1b[39m` : text);

export function budgetLines(month: string, statuses: readonly BudgetStatus[], color: boolean): string {
  if (statuses.length === 0) return t('noBudgets');
  const out = [t('budgetsHeading', { month: monthLabel(month) })];
  for (const s of statuses) {
    const m = (x: number) => formatMoney(x, s.currency);
    const category = escapeControls(s.category);
    const label = s.period === 'year' ? t('budgetYear', { category, year: s.range.start.slice(0, 4) }) : category;
    const left = s.remaining >= 0 ? t('budgetLeft', { amount: m(s.remaining) }) : red(t('budgetOver', { amount: m(-s.remaining) }), color);
    out.push('');
    out.push(label);
    out.push(`  ${s.used === null ? '' : progress(s.used)}  ${t('budgetSpentOf', { spent: m(s.spent), budget: m(s.budget), currency: s.currency })} · ${left}`);
    if (s.partial) {
      const pace = t(s.period === 'year' ? 'paceYear' : 'paceMonth', { amount: m(s.projected) });
      out.push(`  ${s.heading_over ? red(t('paceOver', { pace }), color) : pace}`);
    }
  }
  return out.join('\n');
}
