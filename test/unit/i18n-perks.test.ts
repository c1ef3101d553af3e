/**
 * Issue 24 point 1 for budgets, benefits and badges (the parts in reports/perks and app/perks): badge
 * reasons, the rules `benefit list` describes and the errors of badge and reference-profile files
 * read in Chinese under zh and as before under en.
 */
import { describe, expect, it } from 'vitest';
import { withLocale } from '../../src/core/i18n.js';
import { builtinBadges } from '../../src/reports/perks/badges.js';
import { parseBadgeFile } from '../../src/reports/perks/badge-file.js';
import { parseReferenceFile } from '../../src/reports/perks/compare.js';
import type { MonthFigures } from '../../src/reports/perks/figures.js';
import { describeSpec } from '../../src/app/perks/benefits.js';

const figures: MonthFigures = {
  month: '2026-09', currency: 'CNY', spending: 250_000, income: 900_000, entries: 40, merchants: 20, newMerchants: 3,
  previous3: [300_000, 280_000, 320_000], importedMonths: [false, true, true],
  categories: new Map([['dining', { amount: 80_000, count: 7 }]]), merchantGroups: new Map(), channels: new Map(),
};

const message = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return '';
};

describe('badge reasons', () => {
  it('zh: Chinese sentences with the same figures; en as before', () => {
    const zh = withLocale('zh', () => builtinBadges(figures).map((b) => b.reason));
    expect(zh).toEqual(['餐饮消费 7 笔（需要 10 笔）', '新商户 3 家（需要 5 家）', '本月支出 2,500.00，前 3 个月平均 3,000.00', '近 3 个月中有 2 个月导入了账单']);
    const en = withLocale('en', () => builtinBadges(figures).map((b) => b.reason));
    expect(en).toEqual(['7 dining purchases (needs 10)', '3 new merchants (needs 5)', 'spent 2,500.00 vs 3-month average 3,000.00', 'statements imported for 2 of the last 3 months']);
    expect(withLocale('zh', () => builtinBadges({ ...figures, empty: true })[0]!.reason)).toBe('本月没有记录');
  });
});

describe('benefit rules', () => {
  it('zh describes each kind of rule; the period keeps its enum value', () => {
    const zh = (spec: Parameters<typeof describeSpec>[0]) => withLocale('zh', () => describeSpec(spec));
    expect(zh({ period: 'quarter', metric: 'spend', currency: 'CNY', target: 100_000, channel: 'alipay' })).toEqual({ period: 'quarter', rule: '消费 ≥ 1000.00（渠道 alipay）', reward: null });
    expect(zh({ period: 'month', metric: 'count', currency: 'CNY', target: 6, minAmount: 1_000 }).rule).toBe('单笔 ≥ 10.00 的消费 6 笔');
    expect(zh({ period: 'month', metric: 'cashback', currency: 'CNY', rateBp: 500, cap: 5_000 }).rule).toBe('5% 返现，上限 50.00');
    expect(zh({ period: 'anniversary', from: '2025-09-12', metric: 'balance', basis: 'average', currency: 'CNY', target: 5_000_000 })).toMatchObject({ period: '自 2025-09-12 起一年', rule: '日均余额 ≥ 50000.00' });
    expect(withLocale('en', () => describeSpec({ period: 'month', metric: 'count', currency: 'CNY', target: 6, minAmount: 1_000 }).rule)).toBe('6 purchases of ≥ 10.00');
  });
});

describe('file errors', () => {
  it('a custom badges file: the same located error in either language', () => {
    const bad = 'badges:\n  - id: a\n    name: A\n';
    expect(withLocale('zh', () => message(() => parseBadgeFile(bad, 'my-badges.yaml')))).toBe('徽章缺少“when”');
    expect(withLocale('en', () => message(() => parseBadgeFile(bad, 'my-badges.yaml')))).toBe('badge is missing "when"');
  });

  it('a reference profile whose shares do not add up', () => {
    const bad = 'name: x\ngroups:\n  - id: a\n    share: 40\n    categories: [Dining]\n';
    expect(withLocale('zh', () => message(() => parseReferenceFile(bad, 'ref.yaml')))).toBe('各类别占比合计 40.0%，不是 100%');
    expect(withLocale('en', () => message(() => parseReferenceFile(bad, 'ref.yaml')))).toBe('group shares add up to 40.0%, not 100%');
  });
});
