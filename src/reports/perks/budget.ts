/**
 * Budget status: spent against a monthly or yearly budget, what is left, and the straight-line
 * projection to the end of the period. Pure; amounts are integer minor units, spending positive.
 */
import { formatMinor } from '../../core/money.js';
import { type Period, periodClock, project } from './periods.js';

export interface BudgetInput {
  category: string;
  period: 'month' | 'year';
  /** Budget amount (minor units). */
  amount: number;
  currency: string;
  /** Net spending of the category (children included) in the period, positive. */
  spent: number;
  range: Period;
}

export interface BudgetStatus {
  category: string;
  period: 'month' | 'year';
  range: Period;
  currency: string;
  budget: number;
  spent: number;
  /** budget − spent (negative when over). */
  remaining: number;
  /** Spending by the end of the period at the current pace. */
  projected: number;
  /** spent / budget (null for a zero budget). */
  used: number | null;
  over: boolean;
  /** Not over yet, but the projection is. */
  heading_over: boolean;
  partial: boolean;
}

export function budgetStatus(b: BudgetInput, today: string): BudgetStatus {
  const clock = periodClock(b.range, today);
  const projected = project(b.spent, clock);
  const over = b.spent > b.amount;
  return {
    category: b.category,
    period: b.period,
    range: b.range,
    currency: b.currency,
    budget: b.amount,
    spent: b.spent,
    remaining: b.amount - b.spent,
    projected,
    used: b.amount > 0 ? b.spent / b.amount : null,
    over,
    heading_over: !over && projected > b.amount,
    partial: clock.elapsed > 0 && !clock.over,
  };
}

/** The `budget status --json` contract: {category, budget, spent, remaining, projected} + extras. */
export function budgetJson(s: BudgetStatus): Record<string, unknown> {
  const m = (x: number) => formatMinor(x, s.currency);
  return {
    category: s.category,
    budget: m(s.budget),
    spent: m(s.spent),
    remaining: m(s.remaining),
    projected: m(s.projected),
    period: s.period,
    range: { start: s.range.start, end: s.range.end },
    currency: s.currency,
    used: s.used === null ? null : Math.round(s.used * 10_000) / 10_000,
    status: s.over ? 'over' : s.heading_over ? 'heading_over' : 'ok',
  };
}
