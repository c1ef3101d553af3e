/** Balance-threshold benefits: average daily balance from daily sums, end balance, status over the period. */
import { describe, expect, it } from 'vitest';
import { balanceBenefitStatus, balanceFigures } from '../../../src/reports/perks/balance.js';
import type { BenefitSpec } from '../../../src/reports/perks/benefit.js';

const JUNE = { start: '2026-06-01', end: '2026-06-30' };
const spec = (target: number, basis?: 'average' | 'end'): BenefitSpec => ({ period: 'month', currency: 'CNY', metric: 'balance', target, ...(basis ? { basis } : {}) });
const b = (target: number, basis?: 'average' | 'end') => ({ name: 'Tier', account: 'Savings', spec: spec(target, basis) });
// 1,000.00 before June; +500.00 on the 11th; −1,500.00 on the 21st (and a second entry that day).
const input = { before: 100_000, daily: [{ date: '2026-06-11', amount: 50_000 }, { date: '2026-06-21', amount: -100_000 }, { date: '2026-06-21', amount: -50_000 }] };

describe('balance benefits', () => {
  it('walks the days: balances at each end of day, entries on a day counted that day', () => {
    expect(balanceFigures(input, JUNE, '2026-06-10')).toEqual({ daySum: 10 * 100_000, days: 10, last: 100_000 });
    expect(balanceFigures(input, JUNE, '2026-06-11')).toEqual({ daySum: 10 * 100_000 + 150_000, days: 11, last: 150_000 });
    expect(balanceFigures(input, JUNE, '2026-07-05')).toEqual({ daySum: 10 * 100_000 + 10 * 150_000 + 10 * 0, days: 30, last: 0 });
  });

  it('average basis: met or missed once the period is over, from the whole period\'s average', () => {
    // 2,500,000 / 30 = 83,333.33 → 83,333 (rounded down)
    expect(balanceBenefitStatus(b(83_333), JUNE, input, '2026-07-01')).toMatchObject({ progress: 83_333, status: 'met', remaining: 0, daysLeft: 0, toHold: 0 });
    expect(balanceBenefitStatus(b(83_334), JUNE, input, '2026-07-01')).toMatchObject({ status: 'missed', remaining: 1 });
  });

  it('average basis while the period runs: never met early; projection keeps today\'s balance', () => {
    const r = balanceBenefitStatus(b(100_000), JUNE, input, '2026-06-15');
    // days 1–10 at 1,000, 11–15 at 1,500: 1,750,000 / 15 = 116,666; projection (1,750,000 + 15 × 150,000) / 30 = 133,333
    expect(r).toMatchObject({ metric: 'balance', progress: 116_666, projected: 133_333, status: 'on_track', daysLeft: 16 });
    // to hold over the 16 days left (today included): (100,000 × 30 − 1,600,000) / 16 = 87,500
    expect(r.toHold).toBe(87_500);
    expect(balanceBenefitStatus(b(140_000), JUNE, input, '2026-06-15').status).toBe('at_risk');
  });

  it('before the period starts, progress is the balance before it and the whole period is left', () => {
    expect(balanceBenefitStatus(b(100_000), JUNE, input, '2026-05-20')).toMatchObject({ progress: 100_000, status: 'on_track', daysLeft: 30, toHold: 100_000 });
  });

  it('end basis: the balance on the last day (today\'s while it runs)', () => {
    expect(balanceBenefitStatus(b(100_000, 'end'), JUNE, input, '2026-06-15')).toMatchObject({ progress: 150_000, status: 'on_track', toHold: 100_000 });
    expect(balanceBenefitStatus(b(100_000, 'end'), JUNE, input, '2026-06-25')).toMatchObject({ progress: 0, status: 'at_risk', remaining: 100_000 });
    expect(balanceBenefitStatus(b(1, 'end'), JUNE, input, '2026-07-02')).toMatchObject({ progress: 0, status: 'missed' });
  });
});
