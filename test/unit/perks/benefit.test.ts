import { describe, expect, it } from 'vitest';
import { type BenefitLine, type BenefitSpec, benefitJson, benefitStatus, cashback, qualify } from '../../../src/reports/perks/benefit.js';

let id = 0;
const line = (amount: number, extra: Partial<BenefitLine> = {}): BenefitLine => ({
  txId: ++id, date: '2026-10-01', kind: amount < 0 ? 'expense' : 'refund', amount, categoryId: 1, merchant: 'Shop', description: 'SHOP', channel: 'card', ...extra,
});
const Q4 = { start: '2026-10-01', end: '2026-12-31' };

describe('qualifying spend', () => {
  it('refunds reduce spend; counts need the minimum amount; restrictions filter', () => {
    const lines = [line(-5000), line(-900), line(2000), line(-3000, { categoryId: 2, merchant: 'Starbucks' }), line(-1000, { channel: 'alipay' })];
    expect(qualify(lines, {})).toEqual({ spend: 7900, count: 4 });
    expect(qualify(lines, { minAmount: 1000 })).toEqual({ spend: 7900, count: 3 });
    expect(qualify(lines, { categoryIds: [2] })).toEqual({ spend: 3000, count: 1 });
    expect(qualify(lines, { merchant: 'starbucks' })).toEqual({ spend: 3000, count: 1 });
    expect(qualify(lines, { channel: 'alipay' })).toEqual({ spend: 1000, count: 1 });
  });

  it('a split entry counts once, with only its matching parts', () => {
    const lines = [line(-3000, { txId: 99, categoryId: 1 }), line(-2000, { txId: 99, categoryId: 2 })];
    expect(qualify(lines, {})).toEqual({ spend: 5000, count: 1 });
    expect(qualify(lines, { categoryIds: [2], minAmount: 2500 })).toEqual({ spend: 2000, count: 0 });
  });
});

describe('cashback', () => {
  it('rate × spend rounded down, capped', () => {
    expect(cashback(12345, 500, 100_000)).toBe(617); // 617.25 → 617
    expect(cashback(1999, 150, 100_000)).toBe(29); // 29.985 → 29
    expect(cashback(-500, 500, 1000)).toBe(0);
    expect(cashback(9_000_000_000_000, 500, 67_200)).toBe(67_200);
  });
});

const spec = (s: Partial<BenefitSpec>): BenefitSpec => ({ period: 'quarter', metric: 'spend', currency: 'CNY', target: 500_000, ...s });
const status = (s: Partial<BenefitSpec>, figures: { spend: number; count: number }, today: string, period = Q4) =>
  benefitStatus({ name: 'X', account: 'Card', spec: spec(s) }, period, figures, today);

describe('benefit status', () => {
  it('on track when the projection reaches the target, at risk when not', () => {
    // 2026-11-15: day 46 of 92
    const on = status({}, { spend: 250_000, count: 0 }, '2026-11-15');
    expect(on).toMatchObject({ status: 'on_track', projected: 500_000, remaining: 250_000, daysLeft: 47 });
    expect(on.pacePerDay).toBe(Math.ceil(250_000 / 47));
    expect(on.pacePerWeek).toBe(Math.ceil((250_000 * 7) / 47));
    const risk = status({}, { spend: 249_000, count: 0 }, '2026-11-15');
    expect(risk.status).toBe('at_risk');
    expect(risk.projected).toBe(Math.floor((249_000 * 92) / 46));
  });

  it('met once reached; missed when the period is over; on track before it starts', () => {
    expect(status({}, { spend: 500_000, count: 0 }, '2026-10-02').status).toBe('met');
    expect(status({}, { spend: 100, count: 0 }, '2027-01-01')).toMatchObject({ status: 'missed', daysLeft: 0, pacePerDay: 0 });
    expect(status({}, { spend: 0, count: 0 }, '2026-09-30').status).toBe('on_track');
  });

  it('count thresholds', () => {
    const r = status({ metric: 'count', target: 6, period: 'year' }, { spend: 0, count: 3 }, '2026-11-15', { start: '2026-01-01', end: '2026-12-31' });
    expect(r).toMatchObject({ metric: 'count', target: 6, progress: 3, remaining: 3, status: 'at_risk', projected: 3, pacePerWeek: 0.45 }); // 3 × 7 / 47 days left, rounded up
    const early = status({ metric: 'count', target: 6, period: 'year' }, { spend: 0, count: 3 }, '2026-05-01', { start: '2026-01-01', end: '2026-12-31' });
    expect(early).toMatchObject({ status: 'on_track', projected: 9 });
    expect(benefitJson(r)).toMatchObject({ target: '6', progress: '3', remaining: '3', pace_per_week: '0.45', purchases: 3, cashback_earned: null, cashback_cap: null });
  });

  it('cashback: cap reached mid-period is met, earned stops at the cap', () => {
    const s = { metric: 'cashback' as const, rateBp: 500, cap: 67_200, target: undefined };
    const mid = status(s, { spend: 2_000_000, count: 10 }, '2026-11-01');
    expect(mid).toMatchObject({ status: 'met', progress: 67_200, cashbackEarned: 67_200, remaining: 0, spendToCap: 0 });
    const part = status(s, { spend: 100_000, count: 2 }, '2026-11-01');
    expect(part).toMatchObject({ status: 'on_track', cashbackEarned: 5000, remaining: 62_200, spendToCap: 1_244_000 });
    expect(benefitJson(part)).toMatchObject({ metric: 'cashback', target: '672.00', progress: '50.00', cashback_earned: '50.00', cashback_cap: '672.00', period: Q4 });
  });
});
