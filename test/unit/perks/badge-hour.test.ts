import { describe, expect, it } from 'vitest';
import { ConditionError, evaluate, parseCondition } from '../../../src/reports/perks/conditions.js';
import { customBadge } from '../../../src/reports/perks/badges.js';
import type { MonthFigures } from '../../../src/reports/perks/figures.js';
import { withLocale } from '../../../src/core/i18n.js';

const figures = (hours?: [number, number, number][]): MonthFigures => ({
  month: '2026-09', currency: 'CNY', spending: 250_000, income: 0, entries: 40, merchants: 20, newMerchants: 0,
  previous3: [null, null, null], importedMonths: [true, true, true],
  categories: new Map(), merchantGroups: new Map(), channels: new Map(),
  ...(hours ? { hours: new Map(hours.map(([h, amount, count]) => [h, { amount, count }])) } : {}),
});

const holds = (src: string, f: MonthFigures) => evaluate(parseCondition(src), f).holds;

describe('badge condition hour (issue 26 point 8)', () => {
  // 21:xx two purchases, 22:xx three, 23:xx two: five from 22:00 on.
  const night = figures([[9, 5000, 4], [21, 3000, 2], [22, 6000, 3], [23, 2000, 2]]);

  it('count(hour >= 22) counts purchases from 22:00 to 23:59', () => {
    expect(holds('count(hour >= 22) >= 5', night)).toBe(true);
    expect(holds('count(hour >= 22) >= 6', night)).toBe(false);
    expect(holds('count(hour > 22) = 2', night)).toBe(true);
    expect(holds('count(hour < 10) = 4 and count(hour = 21) = 2', night)).toBe(true);
    expect(holds('count(hour != 9) = 7', night)).toBe(true);
  });

  it('spent(hour ...) sums money in major units', () => {
    expect(holds('spent(hour >= 21) = 110', night)).toBe(true);
    expect(holds('spent(hour >= 21) > 110', night)).toBe(false);
  });

  it('entries without a time never match an hour condition', () => {
    const none = figures();
    expect(holds('count(hour >= 0) = 0', none)).toBe(true);
  });

  it('night-owl badge: earned with progress', () => {
    const badge = { id: 'night-owl', name: 'Night owl 夜猫子', when: 'count(hour >= 22) >= 5', condition: parseCondition('count(hour >= 22) >= 5') };
    expect(customBadge(badge, night)).toMatchObject({ earned: true, progress: 1 });
    const two = customBadge(badge, figures([[22, 1000, 2]]));
    expect(two).toMatchObject({ earned: false, progress: 0.4 });
    expect(two.reason).toBe('count(hour >= 22) >= 5: 2 >= 5 ✗');
  });

  it('rejects an hour outside 0..23, a fraction, and a missing comparison', () => {
    const err = (src: string) => {
      try {
        parseCondition(src);
      } catch (e) {
        return e instanceof ConditionError ? `${e.column}: ${e.message}` : String(e);
      }
      return 'parsed';
    };
    expect(err('count(hour >= 24) > 1')).toBe('15: hour must be a whole number from 0 to 23, not 24');
    expect(withLocale('zh', () => err('count(hour >= 7.5) > 1'))).toBe('15: 小时必须是 0 到 23 的整数，而不是 7.5');
    expect(err('count(hour "x") > 1')).toMatch(/^12: expected a comparison/);
  });
});
