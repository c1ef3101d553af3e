import { describe, expect, it } from 'vitest';
import { budgetJson, budgetStatus } from '../../../src/reports/perks/budget.js';

const sept = { start: '2026-09-01', end: '2026-09-30' };

describe('budget status', () => {
  it('projects spending so far to the month end', () => {
    const s = budgetStatus({ category: 'Dining', period: 'month', amount: 200_000, currency: 'CNY', spent: 78_000, range: sept }, '2026-09-10');
    expect(s).toMatchObject({ remaining: 122_000, projected: 234_000, over: false, heading_over: true, partial: true });
    expect(budgetJson(s)).toMatchObject({ category: 'Dining', budget: '2000.00', spent: '780.00', remaining: '1220.00', projected: '2340.00', status: 'heading_over' });
  });

  it('over budget shows a negative remaining; a past month projects what was spent', () => {
    const s = budgetStatus({ category: 'Dining', period: 'month', amount: 100_000, currency: 'CNY', spent: 120_050, range: sept }, '2026-10-03');
    expect(s).toMatchObject({ over: true, partial: false, projected: 120_050 });
    expect(budgetJson(s)).toMatchObject({ remaining: '-200.50', status: 'over' });
  });
});
