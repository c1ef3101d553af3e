import { describe, expect, it } from 'vitest';
import { type PointsRule, expiring, expiryDate, linePoints, pointsOn, ruleFor } from '../../../src/reports/perks/points.js';
import { bestWithin, parseRewardsCatalogue, pointsWorth, rankRewards, valuePerPoint } from '../../../src/reports/perks/points-catalogue.js';
import { type CardTerms, type DatedLine, bestCard, cardEarnings } from '../../../src/reports/perks/cards-best.js';
import { PocketbookError, formatError } from '../../../src/core/errors.js';
import { withLocale } from '../../../src/core/i18n.js';

const never = { kind: 'never' } as const;
const base: PointsRule = { categoryIds: null, perMinor: 2000, times: 1, expiry: { kind: 'months', months: 12 } };
const dining: PointsRule = { categoryIds: [10, 11], perMinor: 2000, times: 2, expiry: { kind: 'months', months: 12 } };
const coffee: PointsRule = { categoryIds: [11], perMinor: 1000, times: 3, expiry: never };
const utilities: PointsRule = { categoryIds: [20], perMinor: 2000, times: 0, expiry: never };
const line = (date: string, amount: number, categoryId: number | null = null) => ({ date, amount, categoryId });

describe('earning', () => {
  it('floors per entry: 39.90 at one point per 20 earns 1; two of them earn 2, not 3', () => {
    expect(linePoints(base, -3990)).toBe(1);
    expect(pointsOn({ rules: [base], lines: [line('2026-09-01', -3990), line('2026-09-02', -3990)], figures: [], asOf: '2026-09-30' }).balance).toBe(2);
    expect(linePoints(base, -1999)).toBe(0);
    expect(linePoints(undefined, -100_000)).toBe(0);
  });

  it('category multipliers: the narrowest matching rule wins; times 0 excludes', () => {
    expect(ruleFor([base, dining, coffee], 10)).toBe(dining);
    expect(ruleFor([base, dining, coffee], 11)).toBe(coffee);
    expect(ruleFor([coffee, dining, base], 11)).toBe(coffee);
    expect(ruleFor([base, dining], 99)).toBe(base);
    expect(ruleFor([base, dining], null)).toBe(base);
    expect(ruleFor([dining], 99)).toBeUndefined();
    expect(linePoints(ruleFor([base, dining], 10), -10_000)).toBe(10); // 100 / 20 × 2
    expect(linePoints(ruleFor([base, dining, coffee], 11), -4500)).toBe(12); // 45 / 10 = 4 × 3
    expect(linePoints(ruleFor([base, utilities], 20), -50_000)).toBe(0);
  });

  it('refunds take points back, floored the same way, from the oldest lots', () => {
    expect(linePoints(base, 3990)).toBe(-1);
    const s = pointsOn({
      rules: [base],
      lines: [line('2026-08-10', -20_000), line('2026-09-10', -20_000), line('2026-09-20', 12_000)],
      figures: [],
      asOf: '2026-09-30',
    });
    expect(s.balance).toBe(14);
    expect(s.earnedThisMonth).toBe(4); // 10 − 6
    expect(s.lots).toEqual([{ month: '2026-08', expires: '2027-08-31', points: 4 }, { month: '2026-09', expires: '2027-09-30', points: 10 }]);
  });

  it('a refund with nothing to take leaves the balance below zero until earnings make it up', () => {
    const s = pointsOn({ rules: [base], lines: [line('2026-09-01', 4000), line('2026-09-02', -10_000)], figures: [], asOf: '2026-09-30' });
    expect(s.balance).toBe(3);
    expect(s.lots).toEqual([{ month: '2026-09', expires: '2027-09-30', points: 3 }]);
  });
});

describe('expiry lots', () => {
  it('months later at month end, or the year end of the year earned', () => {
    expect(expiryDate({ kind: 'months', months: 12 }, '2026-09')).toBe('2027-09-30');
    expect(expiryDate({ kind: 'months', months: 1 }, '2026-01')).toBe('2026-02-28');
    expect(expiryDate({ kind: 'year-end' }, '2026-03')).toBe('2026-12-31');
    expect(expiryDate(never, '2026-03')).toBeNull();
  });

  it('a lot lapses the day after its last day', () => {
    const rule: PointsRule = { ...base, expiry: { kind: 'months', months: 1 } };
    const input = { rules: [rule], lines: [line('2026-08-05', -20_000), line('2026-09-05', -4000)], figures: [] };
    const onLastDay = pointsOn({ ...input, asOf: '2026-09-30' });
    expect(onLastDay.balance).toBe(12);
    expect(expiring(onLastDay.lots)).toEqual([{ date: '2026-09-30', points: 10 }, { date: '2026-10-31', points: 2 }]);
    expect(pointsOn({ ...input, asOf: '2026-10-01' }).balance).toBe(2);
  });

  it('entries after the as-of day do not count', () => {
    expect(pointsOn({ rules: [base], lines: [line('2026-09-01', -2000), line('2026-10-01', -2000)], figures: [], asOf: '2026-09-30' }).balance).toBe(1);
  });
});

describe('points set', () => {
  it('an opening balance is a lot of its month; entries up to its day are in it, later ones add', () => {
    const s = pointsOn({ rules: [base], lines: [line('2026-08-20', -20_000), line('2026-09-02', -4000)], figures: [{ date: '2026-08-31', balance: 500 }], asOf: '2026-09-30' });
    expect(s.balance).toBe(502);
    expect(s.lots).toEqual([{ month: '2026-08', expires: '2027-08-31', points: 500 }, { month: '2026-09', expires: '2027-09-30', points: 2 }]);
  });

  it('a lower figure is a redemption taken from the oldest lots; their expiry dates stay', () => {
    const s = pointsOn({
      rules: [base],
      lines: [line('2026-07-10', -20_000), line('2026-08-10', -20_000)],
      figures: [{ date: '2026-09-01', balance: 15 }],
      asOf: '2026-09-30',
    });
    expect(s.lots).toEqual([{ month: '2026-07', expires: '2027-07-31', points: 5 }, { month: '2026-08', expires: '2027-08-31', points: 10 }]);
  });

  it('a higher figure adds a lot of its month with the account rule\'s expiry', () => {
    const s = pointsOn({ rules: [dining, base], lines: [line('2026-07-10', -20_000)], figures: [{ date: '2026-09-15', balance: 40 }], asOf: '2026-09-30' });
    expect(s.balance).toBe(40);
    expect(s.lots).toEqual([{ month: '2026-07', expires: '2027-07-31', points: 10 }, { month: '2026-09', expires: '2027-09-30', points: 30 }]);
  });
});

describe('rewards catalogue', () => {
  const text = 'rewards:\n  - {name: Coffee, points: 1800, value: 30}\n  - {name: Phone credit, points: 1200, value: 10}\n  - {name: Miles, points: 5000, value: 60}\n';

  it('ranks by value per point, best first, and marks what the balance affords', () => {
    const ranked = rankRewards(parseRewardsCatalogue(text, 'r.yaml', 'CNY'), 2000);
    expect(ranked.map((r) => [r.name, r.affordable])).toEqual([['Coffee', true], ['Miles', false], ['Phone credit', true]]);
    expect(ranked.map((r) => valuePerPoint(r, 'CNY'))).toEqual(['0.016666', '0.012', '0.008333']);
    expect(valuePerPoint({ name: 'x', points: 1, value: 100 }, 'CNY')).toBe('1.00');
    expect(pointsWorth(900, ranked[0]!)).toBe(1500); // 900 × 3000 / 1800 fen
    expect(bestWithin(ranked, 1500)?.name).toBe('Phone credit');
    expect(bestWithin(ranked, 1000)).toBeUndefined();
  });

  it('a bad catalogue: one located line naming the file and the entry, in both languages', () => {
    const bad = (yaml: string) => {
      try {
        parseRewardsCatalogue(yaml, 'r.yaml', 'CNY');
      } catch (e) {
        return formatError(e as PocketbookError);
      }
      throw new Error('accepted');
    };
    expect(bad('rewards:\n  - {name: A, points: 10, value: 1}\n  - {name: Lamp, points: ten, value: 5}\n')).toMatch(/^r\.yaml:3: reward 2 \("Lamp"\): points must be a whole number above 0, not "ten"/);
    expect(bad('rewards:\n  - name: Lamp\n    points: 10\n    value: -5\n')).toMatch(/^r\.yaml:4: reward 1 \("Lamp"\): value must be an amount above 0/);
    expect(bad('gifts: []\n')).toMatch(/^r\.yaml:1: rewards must be a non-empty list/);
    expect(bad('rewards: [\n')).toMatch(/^r\.yaml:\d+: not valid YAML/);
    expect(withLocale('zh', () => bad('rewards:\n  - {points: 1, value: 1}\n'))).toMatch(/^r\.yaml:2: 第 1 个礼品没有 name/);
  });
});

describe('cards best earnings', () => {
  let id = 0;
  const dl = (date: string, amount: number, categoryId = 10): DatedLine => ({ txId: ++id, date, kind: amount < 0 ? 'expense' : 'refund', amount, categoryId, merchant: null, description: 'X', channel: 'card' });
  const monthly = (d: string) => d.slice(0, 7);
  const cash: CardTerms = { accountId: 1, account: 'Cash card', cashback: [{ rateBp: 500, cap: 5000, restrictions: { categoryIds: [10] }, periodOf: monthly }], points: [], pointValue: null };
  const pts: CardTerms = { accountId: 2, account: 'Points card', cashback: [], points: [dining], pointValue: { name: 'Coffee', points: 1800, value: 3000 } };

  it('cashback capped per period; points valued at the reward rate; refunds net', () => {
    const lines = [dl('2026-09-03', -200_000), dl('2026-10-03', -40_000), dl('2026-10-09', 10_000)];
    // Sep: 5% of 2000 = 100 → cap 50; Oct: 5% of 300 = 15 → 65.00
    expect(cardEarnings(lines, cash)).toEqual({ cashback: 6500, points: 0, total: 6500 });
    // (100 + 20 − 5 points) × 2 = 230 points × 30.00 / 1800 = 3.83 (rounded down)
    expect(cardEarnings(lines, pts)).toEqual({ cashback: 0, points: 230, total: 383 });
    expect(bestCard(lines, [cash, pts])?.account).toBe('Cash card');
    expect(bestCard([dl('2026-09-03', -40_000)], [cash, pts])?.account).toBe('Cash card'); // 20.00 vs 40 points = 0.66
    expect(bestCard([dl('2026-09-03', -40_000)], [{ ...cash, cashback: [] }, pts])?.account).toBe('Points card');
    expect(bestCard([dl('2026-09-03', -100_000)], [cash, pts])?.account).toBe('Cash card'); // 50.00 (capped) vs 100 points = 1.66
    expect(cardEarnings(lines, { ...pts, pointValue: null }).total).toBe(0);
    expect(bestCard([dl('2026-09-03', -100_000, 99)], [cash, pts])).toBeNull();
  });
});
