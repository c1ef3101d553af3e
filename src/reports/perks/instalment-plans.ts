/**
 * Instalment plans (issue 26 point 7): the billed periods of one purchase grouped together, by
 * account, description stem, number of periods and per-period amount. Pure.
 * Each billed period is an ordinary expense of the month it is billed in (so reports count the
 * plan month by month); a plan only gathers them to say how far it has got: N of M periods billed
 * (the highest period number seen: earlier ones may predate the ledger), N × amount paid,
 * (M − N) × amount remaining, and the month the next period is expected.
 */
import { addMonths } from '../../core/dates.js';
import { formatMinor } from '../../core/money.js';
import { recognizeInstalment } from '../../core/instalment.js';
import type { InstalmentRow } from '../../core/rows.js';

export type { InstalmentRow };

/** One plan as `tx list --instalments --json` gives it; amounts as decimal strings, positive. */
export interface InstalmentPlan {
  plan: string;
  account: string;
  currency: string;
  per_period: string;
  periods: number;
  paid_periods: number;
  paid: string;
  remaining_periods: number;
  remaining: string;
  /** YYYY-MM of the next period, null once the plan is finished. */
  next_month: string | null;
  first_date: string;
  last_date: string;
  /** The ids of its billed periods in the ledger. */
  entries: number[];
}

interface Group {
  plan: string;
  row: InstalmentRow;
  perPeriod: number;
  periods: number;
  paidPeriods: number;
  first: string;
  last: string;
  ids: number[];
}

export function groupInstalmentPlans(rows: readonly InstalmentRow[]): InstalmentPlan[] {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const mark = recognizeInstalment(r.description);
    if (!mark) continue;
    const plan = mark.stem || r.description;
    const key = [r.accountId, plan.toLowerCase(), mark.periods, r.amount, r.currency].join('\u0000');
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { plan, row: r, perPeriod: -r.amount, periods: mark.periods, paidPeriods: mark.period, first: r.date, last: r.date, ids: [r.id] });
      continue;
    }
    g.paidPeriods = Math.max(g.paidPeriods, mark.period);
    if (r.date < g.first) g.first = r.date;
    if (r.date > g.last) g.last = r.date;
    g.ids.push(r.id);
  }
  return [...groups.values()].map(toPlan).sort(
    (a, b) => Number(a.next_month === null) - Number(b.next_month === null) || (a.next_month ?? '').localeCompare(b.next_month ?? '') ||
      a.account.localeCompare(b.account) || a.plan.localeCompare(b.plan),
  );
}

function toPlan(g: Group): InstalmentPlan {
  const money = (minor: number) => formatMinor(minor, g.row.currency);
  const left = g.periods - g.paidPeriods;
  return {
    plan: g.plan,
    account: g.row.account,
    currency: g.row.currency,
    per_period: money(g.perPeriod),
    periods: g.periods,
    paid_periods: g.paidPeriods,
    paid: money(g.perPeriod * g.paidPeriods),
    remaining_periods: left,
    remaining: money(g.perPeriod * left),
    next_month: left > 0 ? addMonths(g.last.slice(0, 7), 1) : null,
    first_date: g.first,
    last_date: g.last,
    entries: g.ids,
  };
}
