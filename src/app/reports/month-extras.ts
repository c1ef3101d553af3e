/**
 * Sections of the month report that come from budgets, benefits and badges, in the same JSON
 * shapes as `budget status --json`, `benefit status --json` and `badges --json`.
 * Benefits are shown as of `today` when the month is the current one, else as of the month's
 * last day; badges list only those earned this month (`new` when not earned the month before).
 */
import type { Settings } from '../../core/context.js';
import { addMonths, monthEnd } from '../../core/dates.js';
import { withLocale } from '../../core/i18n.js';
import { tTerms } from '../../core/messages/report-terms.js';
import type { Db } from '../../ledger/open.js';
import { perksInUse } from '../../ledger/perk-queries.js';
import { badgeJson } from '../../reports/perks/badges.js';
import { type KnownFigures, evaluateBadges, loadCustomBadges } from '../perks/badges.js';

export interface MonthExtras {
  budgets: unknown[];
  benefits: unknown[];
  badges: unknown[];
}

/** Budgets and benefits code is loaded only when the ledger has some (start-up time counts). */
export async function monthExtras(db: Db, month: string, today: string, opts: { currency?: string; settings?: Settings; known?: KnownFigures } = {}): Promise<MonthExtras> {
  const asOf = today.slice(0, 7) === month ? today : monthEnd(month) < today ? monthEnd(month) : `${month}-01`;
  const inUse = perksInUse(db);
  let budgets: unknown[] = [];
  if (inUse.budgets) {
    const [{ budgetStatuses }, { budgetJson }] = await Promise.all([import('../perks/budgets.js'), import('../../reports/perks/budget.js')]);
    budgets = budgetStatuses(db, month, today, opts.settings?.locale ?? 'en').map((s) => {
      const j = budgetJson(s);
      // `over` is JSON: the same English words in every locale (scripts read it).
      const over = withLocale('en', () => (s.over ? tTerms('budget_over', { amount: String(j.remaining).replace('-', '') }) : s.heading_over ? tTerms('budget_heading_over') : ''));
      return { ...j, over };
    });
  }
  let benefits: unknown[] = [];
  if (inUse.benefits) {
    const [{ benefitResults }, { benefitJson }] = await Promise.all([import('../perks/benefits.js'), import('../../reports/perks/benefit.js')]);
    benefits = benefitResults(db, asOf).map((r) => {
      const j = benefitJson(r);
      return { name: j.name, account: j.account, period: j.period, metric: j.metric, target: j.target, progress: j.progress, remaining: j.remaining, status: j.status, cashback_earned: j.cashback_earned, cashback_cap: j.cashback_cap, days_left: j.days_left };
    });
  }
  const currency = opts.currency ?? opts.settings?.currency ?? 'CNY';
  const custom = opts.settings ? loadCustomBadges({ settings: opts.settings }) : [];
  const now = evaluateBadges(db, month, currency, custom, opts.known).filter((b) => b.earned);
  // Only badges earned now can be new: the month before is looked at only when there are some.
  const sameTree = opts.known?.categories ? { categories: opts.known.categories } : undefined;
  const before = new Set(now.length === 0 ? [] : evaluateBadges(db, addMonths(month, -1), currency, custom, sameTree).filter((b) => b.earned).map((b) => b.id));
  const badges = now.map((b) => ({ ...badgeJson(b), new: !before.has(b.id) }));
  return { budgets, benefits, badges };
}
