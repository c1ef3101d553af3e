/**
 * Issue 26 points 2 and 3: benefits with several conditions (all must hold, the one furthest from
 * done at the top), fixed and cashback rewards capped per year, and entitlements (uses counted
 * from entries and records, capped at what is allowed, at risk when they lapse within 7 days).
 */
import { describe, expect, it } from 'vitest';
import { withLocale } from '../../../src/core/i18n.js';
import { type BenefitLine, type BenefitSpec, benefitJson, benefitStatus } from '../../../src/reports/perks/benefit.js';
import { furthestFromDone, specConditions } from '../../../src/reports/perks/benefit-conditions.js';
import { cappedRewards, periodReward } from '../../../src/reports/perks/benefit-rewards.js';
import { LAPSE_DAYS, countUseEntries, entitlementStatus } from '../../../src/reports/perks/entitlement.js';
import { periodContaining, periodsOfYear } from '../../../src/reports/perks/periods.js';
import { benefitLines } from '../../../src/cli/views/benefits-view.js';

const SEP = { start: '2026-09-01', end: '2026-09-30' };
const both: BenefitSpec = {
  period: 'month', currency: 'CNY', metric: 'spend', target: 200_000,
  conditions: [{ metric: 'spend', target: 200_000 }, { metric: 'count', target: 5, minAmount: 5_000 }],
  rewardFixed: 5_600, rewardCapYear: 67_200,
};
const who = (spec: BenefitSpec, name = 'Spend & swipe') => ({ name, account: 'PA Card', spec });

describe('several conditions', () => {
  it('every condition must hold: spend met alone is not met', () => {
    const r = benefitStatus(who(both), SEP, { spend: 250_000, count: 3 }, '2026-09-30');
    expect(r.status).toBe('at_risk');
    expect(r.conditions?.map((c) => [c.metric, c.progress, c.remaining])).toEqual([['spend', 250_000, 0], ['count', 3, 2]]);
    expect(benefitStatus(who(both), SEP, { spend: 250_000, count: 5 }, '2026-09-30').status).toBe('met');
    expect(benefitStatus(who(both), SEP, { spend: 250_000, count: 3 }, '2026-10-01').status).toBe('missed');
  });

  it('the top-level figures are the condition furthest from done', () => {
    // spend 88% (1,760 of 2,000), count 40% (2 of 5): count is furthest.
    const r = benefitStatus(who(both), SEP, { spend: 176_000, count: 2 }, '2026-09-20');
    expect([r.metric, r.target, r.progress, r.remaining]).toEqual(['count', 5, 2, 3]);
    // spend 10%, count 80%: spend is furthest.
    expect(benefitStatus(who(both), SEP, { spend: 20_000, count: 4 }, '2026-09-20').metric).toBe('spend');
    // A tie goes to the first condition; a condition over its target counts as done (100%), not more.
    expect(furthestFromDone([{ progress: 1, target: 2 }, { progress: 50, target: 100 }])).toEqual({ progress: 1, target: 2 });
    expect(furthestFromDone([{ progress: 900, target: 100 }, { progress: 5, target: 5 }])).toEqual({ progress: 900, target: 100 });
  });

  it('on_track needs every open condition projected to its target', () => {
    // Half the month gone: spend projects to 2,000 (on pace), count 2 → 4 (short).
    expect(benefitStatus(who(both), SEP, { spend: 100_000, count: 2 }, '2026-09-15').status).toBe('at_risk');
    expect(benefitStatus(who(both), SEP, { spend: 100_000, count: 3 }, '2026-09-15').status).toBe('on_track');
  });

  it('JSON: conditions one per condition, the top level furthest from done, rewards as decimal strings', () => {
    const j = benefitJson({ ...benefitStatus(who(both), SEP, { spend: 188_000, count: 3 }, '2026-09-20'), reward: { period: 0, year: 11_200, capYear: 67_200 } });
    expect(j).toMatchObject({
      metric: 'count', target: '5', progress: '3', remaining: '2',
      conditions: [{ metric: 'spend', target: '2000.00', progress: '1880.00', remaining: '120.00' }, { metric: 'count', target: '5', progress: '3', remaining: '2', min_amount: '50.00' }],
      reward_earned_period: '0.00', reward_earned_year: '112.00', reward_cap_year: '672.00',
    });
  });

  it('a benefit stored before issue 26 reads as its one condition', () => {
    expect(specConditions({ metric: 'count', target: 6, minAmount: 1000 })).toEqual([{ metric: 'count', target: 6, minAmount: 1000 }]);
    const j = benefitJson(benefitStatus(who({ period: 'year', currency: 'CNY', metric: 'spend', target: 1000 }), SEP, { spend: 400, count: 1 }, '2026-09-20'));
    expect(j.conditions).toEqual([{ metric: 'spend', target: '10.00', progress: '4.00', remaining: '6.00' }]);
    expect(j.reward_earned_year).toBeNull();
  });

  it('the text says what is left in one sentence, in English and Chinese', () => {
    const r = benefitStatus(who(both), SEP, { spend: 188_000, count: 3 }, '2026-09-20');
    expect(withLocale('en', () => benefitLines([r], false))).toContain('  2 more purchases of at least 50 and 120.00 more spend by 2026-09-30');
    expect(withLocale('zh', () => benefitLines([r], false))).toContain('  还差 2 笔满 50 元的消费和120.00 元消费，截至 2026-09-30');
    const one = benefitStatus(who(both), SEP, { spend: 200_000, count: 4 }, '2026-09-20');
    expect(withLocale('en', () => benefitLines([one], false))).toContain('  1 more purchase of at least 50 by 2026-09-30');
  });
});

describe('fixed reward with a yearly cap', () => {
  it('pays the fixed amount only in periods whose conditions all hold', () => {
    expect(periodReward(both, { spend: 300_000, count: 5 })).toBe(5_600);
    expect(periodReward(both, { spend: 300_000, count: 4 })).toBe(0);
    expect(periodReward({ ...both, rewardFixed: undefined, rateBp: 500, cap: 4_000 }, { spend: 100_000, count: 0 })).toBe(4_000);
  });

  it('caps the year: ¥56 a month, at most ¥100 a year → 56, then 44, then 0', () => {
    expect(cappedRewards([5_600], 10_000)).toEqual({ period: 5_600, year: 5_600, capYear: 10_000 });
    expect(cappedRewards([5_600, 0, 5_600], 10_000)).toEqual({ period: 4_400, year: 10_000, capYear: 10_000 });
    expect(cappedRewards([5_600, 5_600, 5_600], 10_000)).toEqual({ period: 0, year: 10_000, capYear: 10_000 });
    // ¥56 × 12 = ¥672: the cap of the issue is just reached in December.
    expect(cappedRewards(Array(12).fill(5_600), 67_200)).toEqual({ period: 5_600, year: 67_200, capYear: 67_200 });
    expect(cappedRewards([5_600, 5_600], undefined)).toEqual({ period: 5_600, year: 11_200, capYear: null });
  });

  it('the year is the calendar year the period starts in', () => {
    expect(periodsOfYear('month', periodContaining('month', '2026-03-10'))).toEqual([
      { start: '2026-01-01', end: '2026-01-31' }, { start: '2026-02-01', end: '2026-02-28' }, { start: '2026-03-01', end: '2026-03-31' },
    ]);
    expect(periodsOfYear('quarter', periodContaining('quarter', '2026-08-01')).map((p) => p.start)).toEqual(['2026-01-01', '2026-04-01', '2026-07-01']);
    expect(periodsOfYear('year', periodContaining('year', '2026-08-01'))).toHaveLength(1);
    // Statement cycles (day 5): the cycle starting 2025-12-06 belongs to 2025.
    expect(periodsOfYear('cycle', periodContaining('cycle', '2026-02-10', { statementDay: 5 }), { statementDay: 5 }).map((p) => p.start)).toEqual(['2026-01-06', '2026-02-06']);
  });
});

let id = 0;
const line = (amount: number, extra: Partial<BenefitLine> = {}): BenefitLine => ({
  txId: ++id, date: '2026-12-02', kind: amount < 0 || amount === 0 ? 'expense' : 'refund', amount, categoryId: 1, merchant: 'Car Wash Co', description: 'CAR WASH', channel: 'card', ...extra,
});
const DEC = { start: '2026-12-01', end: '2026-12-31' };
const wash: BenefitSpec = { period: 'month', currency: 'CNY', metric: 'entitlement', allowed: 2, merchant: 'car wash' };

describe('entitlements', () => {
  it('a use is a matching purchase of any amount (0.00 included); refunds and other merchants are not', () => {
    const lines = [line(0), line(-1500), line(1500), line(-9900, { merchant: 'Hema', description: 'HEMA' })];
    expect(countUseEntries(lines, { merchant: 'car wash' })).toBe(2);
    // Split parts of one entry are one use.
    expect(countUseEntries([line(-500, { txId: 900 }), line(-300, { txId: 900, categoryId: 2 })], { merchant: 'car wash' })).toBe(1);
    // Without a filter, entries never count: only recorded uses do.
    expect(countUseEntries(lines, {})).toBe(0);
  });

  it('used is at most allowed; left is what is still free', () => {
    const r = entitlementStatus(who(wash, '洗车'), DEC, { fromEntries: 2, recorded: 1 }, '2026-12-10');
    expect(r.entitlement).toEqual({ allowed: 2, used: 2, left: 0, fromEntries: 2, recorded: 1 });
    expect(r.status).toBe('met');
    expect(benefitJson(r)).toMatchObject({ kind: 'entitlement', allowed: 2, used: 2, left: 0, period: DEC, period_kind: 'month' });
  });

  it(`unused uses are at risk once the period ends within ${LAPSE_DAYS} days`, () => {
    const at = (today: string) => entitlementStatus(who(wash, '洗车'), DEC, { fromEntries: 0, recorded: 1 }, today).status;
    expect(at('2026-12-24')).toBe('on_track'); // 8 days left, today included
    expect(at('2026-12-25')).toBe('at_risk'); // 7 days left
    expect(at('2026-12-31')).toBe('at_risk');
    expect(entitlementStatus(who(wash, '洗车'), DEC, { fromEntries: 2, recorded: 0 }, '2026-12-31').status).toBe('met');
  });

  it('the text lists what is still unused this period, in Chinese and English', () => {
    const r = entitlementStatus(who(wash, '洗车'), DEC, { fromEntries: 1, recorded: 0 }, '2026-12-10');
    expect(withLocale('zh', () => benefitLines([r], false))).toContain('本月还可免费使用 1 次洗车，2026-12-31 到期');
    expect(withLocale('en', () => benefitLines([r], false))).toContain('1 free use of 洗车 left this month, lapsing after 2026-12-31');
  });
});
