import { describe, expect, it } from 'vitest';
import { builtinBadges, customBadge } from '../../../src/reports/perks/badges.js';
import { parseBadgeFile } from '../../../src/reports/perks/badge-file.js';
import { ConditionError, evaluate, parseCondition } from '../../../src/reports/perks/conditions.js';
import type { MonthFigures } from '../../../src/reports/perks/figures.js';
import { PocketbookError } from '../../../src/core/errors.js';

const figures = (over: Partial<MonthFigures> = {}): MonthFigures => ({
  month: '2026-09', currency: 'CNY', spending: 250_000, income: 900_000, entries: 40, merchants: 20, newMerchants: 5,
  previous3: [300_000, 280_000, 320_000], importedMonths: [true, true, true],
  categories: new Map([['dining', { amount: 80_000, count: 12 }], ['餐饮', { amount: 80_000, count: 12 }], ['dining:coffee & tea', { amount: 9000, count: 8 }]]),
  merchantGroups: new Map([['starbucks', { amount: 9000, count: 8 }]]),
  channels: new Map([['alipay', { amount: 50_000, count: 20 }]]),
  ...over,
});

const byId = (f: MonthFigures) => Object.fromEntries(builtinBadges(f).map((b) => [b.id, b]));

describe('built-in badges', () => {
  it('earned at their published thresholds', () => {
    const b = byId(figures());
    expect(Object.values(b).every((x) => x.earned)).toBe(true);
    expect(b['savvy-spender']!.reason).toBe('spent 2,500.00 vs 3-month average 3,000.00');
  });

  it('not earned just below, with progress', () => {
    const b = byId(figures({
      categories: new Map([['dining', { amount: 1, count: 9 }]]), newMerchants: 4, spending: 300_000, importedMonths: [false, true, true],
    }));
    expect(b['star-foodie']).toMatchObject({ earned: false, progress: 0.9 });
    expect(b['life-explorer']).toMatchObject({ earned: false, progress: 0.8 });
    expect(b['savvy-spender']).toMatchObject({ earned: false, progress: 1 }); // equal to the mean is not below it
    expect(b['pocket-star']).toMatchObject({ earned: false });
    expect(b['pocket-star']!.progress).toBeCloseTo(2 / 3);
  });

  it('savvy spender needs three months of history', () => {
    expect(byId(figures({ previous3: [null, 1, 1], spending: 0 }))['savvy-spender']).toMatchObject({ earned: false, reason: 'needs entries in each of the 3 previous months' });
  });
});

describe('condition language', () => {
  it('evaluates figures, groups, and/or with precedence', () => {
    const f = figures();
    const holds = (src: string) => evaluate(parseCondition(src), f).holds;
    expect(holds('spending < 3000')).toBe(true);
    expect(holds('spending < 2500')).toBe(false);
    expect(holds('spending <= 2500')).toBe(true);
    expect(holds('count(category = "Dining") >= 10')).toBe(true);
    expect(holds('count(category = "餐饮") >= 13')).toBe(false);
    expect(holds('spent(merchant = "STARBUCKS") = 90')).toBe(true);
    expect(holds('count(channel = "wechat") = 0')).toBe(true);
    expect(holds('new_merchants >= 3 and spending < average_3m')).toBe(true);
    expect(holds('entries > 100 or merchants = 20 and income > 9000')).toBe(false);
    expect(holds('(entries > 100 or merchants = 20) and income >= 9000')).toBe(true);
  });

  it('progress toward a threshold', () => {
    const r = evaluate(parseCondition('count(category = "Dining") >= 16'), figures());
    expect(r).toMatchObject({ holds: false, progress: 0.75 });
    expect(r.reason).toBe('count(category = "Dining") >= 16: 12 >= 16 ✗');
  });

  it('rejects bad conditions with a column', () => {
    const col = (src: string) => {
      try {
        parseCondition(src);
      } catch (err) {
        if (err instanceof ConditionError) return `${err.column}: ${err.message}`;
      }
      return 'parsed';
    };
    expect(col('spending <')).toBe('11: expected a figure or a number at the end');
    expect(col('spendng < 3')).toMatch(/^1: unknown figure "spendng"/);
    expect(col('spending < 3 and')).toBe('17: expected a figure or a number at the end');
    expect(col('spending < entries')).toBe('1: compares an amount with a count');
    expect(col('entries > 2.5')).toBe('1: a count must be a whole number, not 2.5');
    expect(col('count(tag = "x") > 1')).toBe('7: expected category, merchant, channel or hour, found "tag"');
    expect(col('spending ; 3')).toBe('10: unexpected "; 3"');
    expect(col('3 < 4')).toBe('1: compares two numbers');
    expect(col('')).toBe('1: is empty');
  });
});

describe('custom badges file', () => {
  const file = 'my-badges.yaml';
  const err = (text: string) => {
    try {
      parseBadgeFile(text, file);
    } catch (e) {
      if (e instanceof PocketbookError) return `${e.location?.file}:${e.location?.line}: ${e.message}`;
      throw e;
    }
    return 'ok';
  };

  it('parses badges and evaluates them', () => {
    const badges = parseBadgeFile('badges:\n  - id: frugal\n    name: Frugal 节俭\n    when: spending < 3000\n', file);
    expect(customBadge(badges[0]!, figures())).toMatchObject({ id: 'frugal', earned: true, progress: 1 });
  });

  it('locates every problem at FILE:LINE', () => {
    expect(err('badges:\n  - id: a\n    name: A\n    when: spending << 3\n')).toBe('my-badges.yaml:4: badge "a": when: expected a figure or a number, found "<" (column 11 of "spending << 3")');
    expect(err('badges:\n  - id: a\n    name: A\n')).toBe('my-badges.yaml:2: badge is missing "when"');
    expect(err('badges:\n  - id: a\n    name: A\n    when: entries > 1\n    colour: red\n')).toBe('my-badges.yaml:5: unknown field "colour" (allowed: id, name, when, description)');
    expect(err('badges:\n  - {id: a, name: A, when: entries > 1}\n  - {id: A, name: B, when: entries > 2}\n')).toBe('my-badges.yaml:3: badge id "A" is used twice');
    expect(err('badges: [\n')).toMatch(/^my-badges.yaml:\d+: not valid YAML/);
    expect(err('- a\n')).toBe('my-badges.yaml:1: expected a "badges:" list at the top');
  });
});
