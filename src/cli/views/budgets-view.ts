/** Terminal text for `budget status`: one block per budget with a bar, what is left and the pace. */
import { formatMoney } from '../../core/money.js';
import { progress } from '../../render/document.js';
import type { BudgetStatus } from '../../app/perks/budgets.js';
import { escapeControls } from '../../render/safe-text.js';

export const red = (text: string, color: boolean): string => (color ? `\x1b[31m${text}\x1b[39m` : text);
export const green = (text: string, color: boolean): string => (color ? `\x1b[32m${text}\x1b[39m` : text);

export function budgetLines(month: string, statuses: readonly BudgetStatus[], color: boolean): string {
  if (statuses.length === 0) return 'no budgets yet (set one with `pocketbook budget set Dining 2000`)';
  const out = [`Budgets ${month}`];
  for (const s of statuses) {
    const m = (x: number) => formatMoney(x, s.currency);
    const label = `${escapeControls(s.category)}${s.period === 'year' ? ` (year ${s.range.start.slice(0, 4)})` : ''}`;
    const left = s.remaining >= 0 ? `${m(s.remaining)} left` : red(`OVER BUDGET by ${m(-s.remaining)}`, color);
    out.push('');
    out.push(`${label}`);
    out.push(`  ${s.used === null ? '' : progress(s.used)}  ${m(s.spent)} of ${m(s.budget)} ${s.currency} · ${left}`);
    if (s.partial) {
      const pace = `at this rate you will spend ${m(s.projected)} by ${s.period === 'year' ? 'year' : 'month'} end`;
      out.push(`  ${s.heading_over ? red(`${pace} (over budget)`, color) : pace}`);
    }
  }
  return out.join('\n');
}
