import { describe, expect, it } from 'vitest';
import {
  type Purchase, type ResolvedOffer, evaluateOffer, lastThreeMonths, offerMatches, rankOffers, savingOn,
} from '../../../src/reports/perks/offers.js';
import { dayOfWeek, parseOffersFile } from '../../../src/reports/perks/offers-file.js';
import { PocketbookError, formatError } from '../../../src/core/errors.js';
import { withLocale } from '../../../src/core/i18n.js';

const buy = (date: string, amount: number, over: Partial<Purchase> = {}): Purchase => ({
  date, amount, accountId: 1, categoryId: 10, merchant: 'Starbucks', description: 'STARBUCKS #0042', ...over,
});

describe('saving maths (integer minor units)', () => {
  it('percent_off is capped by max_off per purchase', () => {
    const rule = { kind: 'percent', basisPoints: 2000, maxOff: 1000 } as const;
    expect(savingOn(rule, 3800)).toBe(760); // 20% of 38.00
    expect(savingOn(rule, 8000)).toBe(1000); // 16.00 capped at 10.00
    expect(savingOn({ kind: 'percent', basisPoints: 1250 }, 999)).toBe(125); // 12.5% of 9.99, rounded
  });

  it('spend/off gives off for each purchase of at least spend; off gives it on every purchase', () => {
    expect(savingOn({ kind: 'spend', spend: 15000, off: 2000 }, 14999)).toBe(0);
    expect(savingOn({ kind: 'spend', spend: 15000, off: 2000 }, 15000)).toBe(2000);
    expect(savingOn({ kind: 'off', off: 500 }, 1800)).toBe(500);
    expect(savingOn({ kind: 'off', off: 500 }, 300)).toBe(300); // never more than the purchase
  });
});

describe('matching', () => {
  const base: ResolvedOffer = { index: 1, name: 'x', merchant: 'starbucks', rule: { kind: 'off', off: 100 } };

  it('merchant text in the merchant or the description, any case', () => {
    expect(offerMatches(base, buy('2026-10-01', 100))).toBe(true);
    expect(offerMatches(base, buy('2026-10-01', 100, { merchant: null }))).toBe(true);
    expect(offerMatches(base, buy('2026-10-01', 100, { merchant: 'Luckin', description: 'LUCKIN' }))).toBe(false);
  });

  it('account and category', () => {
    expect(offerMatches({ ...base, accountId: 2 }, buy('2026-10-01', 100))).toBe(false);
    const coffee: ResolvedOffer = { index: 1, name: 'c', categoryIds: new Set([10, 11]), rule: { kind: 'off', off: 1 } };
    expect(offerMatches(coffee, buy('2026-10-01', 100, { categoryId: 11 }))).toBe(true);
    expect(offerMatches(coffee, buy('2026-10-01', 100, { categoryId: null }))).toBe(false);
  });

  it('days of the week: 2026-10-03 is a Saturday, 2026-10-05 a Monday', () => {
    const weekend = { ...base, days: new Set([5, 6]) };
    expect(offerMatches(weekend, buy('2026-10-03', 100))).toBe(true);
    expect(offerMatches(weekend, buy('2026-10-05', 100))).toBe(false);
    expect([dayOfWeek('mon'), dayOfWeek('周日'), dayOfWeek('7'), dayOfWeek('Sat'), dayOfWeek('星期三'), dayOfWeek('funday')]).toEqual([0, 6, 6, 5, 2, undefined]);
  });
});

describe('ranking and validity', () => {
  const purchases = [buy('2026-09-05', 3800), buy('2026-10-03', 20000, { merchant: 'Hema', description: 'HEMA' }), buy('2026-10-10', 4200)];
  const offers: ResolvedOffer[] = [
    { index: 1, name: 'coffee', merchant: 'starbucks', rule: { kind: 'percent', basisPoints: 2000, maxOff: 500 }, validTo: '2026-12-31' },
    { index: 2, name: 'hema', merchant: 'hema', rule: { kind: 'spend', spend: 15000, off: 2000 }, validTo: '2026-11-05' },
    { index: 3, name: 'old', merchant: 'starbucks', rule: { kind: 'off', off: 5000 }, validTo: '2026-09-30' },
    { index: 4, name: 'nothing', merchant: 'ikea', rule: { kind: 'off', off: 100 } },
  ];

  it('best first by saving over the purchases; expired hidden unless all', () => {
    const ranked = rankOffers(offers, purchases, '2026-10-31');
    expect(ranked.map((r) => [r.name, r.matches, r.spend, r.saving, r.validTo, r.daysLeft])).toEqual([
      ['hema', 1, 20000, 2000, '2026-11-05', 5],
      ['coffee', 2, 8000, 500 + 500, '2026-12-31', 61], // 7.60 and 8.40 each capped at 5.00
      ['nothing', 0, 0, 0, null, null],
    ]);
    expect(rankOffers(offers, purchases, '2026-10-31', { all: true })[0]).toMatchObject({ name: 'old', saving: 8000, expired: true, daysLeft: -31 });
  });

  it('--expiring keeps offers ending within 7 days (today included)', () => {
    expect(rankOffers(offers, purchases, '2026-10-31', { expiring: true }).map((r) => r.name)).toEqual(['hema']);
    expect(rankOffers(offers, purchases, '2026-09-30', { expiring: true }).map((r) => r.name)).toEqual(['old']);
    expect(evaluateOffer(offers[2]!, purchases, '2026-10-01').expired).toBe(true);
  });

  it('the last 3 months end today and start the day after the same day 3 months before', () => {
    expect(lastThreeMonths('2026-10-31')).toEqual({ from: '2026-08-01', to: '2026-10-31' });
    expect(lastThreeMonths('2026-10-15')).toEqual({ from: '2026-07-16', to: '2026-10-15' });
    expect(lastThreeMonths('2026-05-31')).toEqual({ from: '2026-03-01', to: '2026-05-31' });
  });
});

describe('offers file', () => {
  const ok = `offers:
  - name: Luckin
    merchant: luckin
    rule: { percent_off: 12.5, max_off: 10 }
    days: [sat, 周日, 1]
    valid: { from: 2026-10-01, to: 2026-12-31 }
  - name: Hema
    category: Supermarkets
    account: Alipay
    rule: { spend: 150, off: 20 }
`;

  it('reads names, rules in minor units, days and validity', () => {
    const [a, b] = parseOffersFile(ok, 'o.yaml', 'CNY');
    expect(a).toMatchObject({ index: 1, line: 2, name: 'Luckin', merchant: 'luckin', rule: { kind: 'percent', basisPoints: 1250, maxOff: 1000 }, validFrom: '2026-10-01', validTo: '2026-12-31' });
    expect([...a!.days!].sort()).toEqual([0, 5, 6]);
    expect(b).toMatchObject({ name: 'Hema', category: 'Supermarkets', account: 'Alipay', rule: { kind: 'spend', spend: 15000, off: 2000 } });
    expect(b!.days).toBeUndefined();
  });

  const problem = (text: string, locale: 'en' | 'zh' = 'en') =>
    withLocale(locale, () => {
      try {
        parseOffersFile(text, 'o.yaml', 'CNY');
      } catch (err) {
        if (err instanceof PocketbookError) return `${err.code} ${formatError(err)}`;
        throw err;
      }
      return 'parsed';
    });

  it('one located line naming the file, the offer and the problem', () => {
    expect(problem('offers:\n  - name: A\n    merchant: a\n    rule: { percent_off: 20, off: 3 }\n')).toBe(
      'BAD_INPUT o.yaml:4: offer 1 "A": rule must be {percent_off, max_off}, {spend, off} or {off}, not {off, percent_off} (see `pocketbook offers --help` for the format)',
    );
    expect(problem('offers:\n  - name: A\n    merchant: a\n    rule: { off: 3 }\n  - name: B\n    merchant: b\n    rule: { off: 1 }\n    days: [someday]\n')).toMatch(
      /^BAD_INPUT o\.yaml:8: offer 2 "B": days: "someday" is not a day of the week/,
    );
    expect(problem('offers:\n  - name: A\n    rule: { off: 3 }\n')).toMatch(/^BAD_INPUT o\.yaml:2: offer 1 "A": needs a merchant or a category/);
    expect(problem('offers:\n  - name: A\n    merchant: a\n    rule: { off: 3 }\n    valid: { to: 2026-02-30 }\n')).toMatch(/o\.yaml:5: offer 1 "A": valid\.to "2026-02-30" is not a date/);
    expect(problem('offers:\n  - name: A\n    merchant: a\n    rule: { percent_off: 120 }\n')).toMatch(/o\.yaml:4: offer 1 "A": percent_off "120" must be a number above 0/);
    expect(problem('offers:\n  - name: A\n    merchant: a\n    rule: { spend: -5, off: 1 }\n')).toMatch(/o\.yaml:4: offer 1 "A": spend "-5" must be an amount above zero/);
    expect(problem('offers:\n  - merchant: a\n    rule: { off: 1 }\n')).toMatch(/o\.yaml:2: offer 1 "": needs a name/);
    expect(problem('offers:\n  - name: A\n    merchant: a\n    rule: { off: 1 }\n    colour: red\n')).toMatch(/o\.yaml:5: offer 1 "A": unknown field "colour"/);
    expect(problem('offer:\n  - name: A\n')).toMatch(/^BAD_INPUT o\.yaml:1: expected an "offers:" list/);
    expect(problem('offers: [\n')).toMatch(/^BAD_INPUT o\.yaml:\d+: not valid YAML/);
  });

  it('in Chinese too', () => {
    expect(problem('offers:\n  - name: 瑞幸\n    merchant: 瑞幸\n    rule: { off: 3 }\n    days: 周八\n', 'zh')).toBe(
      'BAD_INPUT o.yaml:5: 第 1 个优惠“瑞幸”：days：“周八”不是星期几（可写 周一..周日、mon..sun 或 1..7）（提示：格式见 `pocketbook offers --help`）',
    );
  });
});
