/** `tx list --instalments`: the plans as a table (or JSON, CSV, Markdown). */
import type { CliContext } from '../runtime.js';
import { printTable } from '../print-table.js';
import { tBills as t } from '../../core/messages/bills.js';

export async function printInstalmentPlans(ctx: CliContext, opts: Record<string, unknown>): Promise<void> {
  const { instalmentPlans } = await import('../../app/entries/instalments.js');
  const plans = instalmentPlans(ctx, opts);
  if (plans.length === 0 && ctx.format === 'table') return void ctx.io.out(t('noPlans'));
  const rows = plans.map((p) => ({
    plan: p.plan,
    account: p.account,
    per_period: p.per_period,
    periods: t('periodsOf', { n: p.paid_periods, m: p.periods }),
    paid: p.paid,
    remaining: p.remaining,
    next: p.next_month ?? t('finished'),
  }));
  await printTable(ctx, {
    columns: [
      { key: 'plan', header: t('colPlan') }, { key: 'account', header: t('colPlanAccount') }, { key: 'per_period', header: t('colPerPeriod'), numeric: true },
      { key: 'periods', header: t('colPeriods') }, { key: 'paid', header: t('colPaid'), numeric: true }, { key: 'remaining', header: t('colRemaining'), numeric: true },
      { key: 'next', header: t('colNext') },
    ],
    rows,
  }, plans);
}
