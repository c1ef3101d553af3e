/** Income by category in the month and year models, their JSON and their text block (issue 24 point 6). */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupIncome } from '../../../src/ledger/report-queries.js';
import { buildFixtureLedger } from './fixture-ledger.js';
import { withLocale } from '../../../src/core/i18n.js';
import { buildMonthReport, monthReportJson, type MonthData } from '../../../src/reports/month.js';
import { buildYearReport, yearReportJson } from '../../../src/reports/year.js';
import { monthDocument, yearDocument } from '../../../src/render/report-views.js';
import { renderMarkdownDocument } from '../../../src/render/document-text.js';

const categories = [
  { id: 1, parentId: null, path: 'Salary' },
  { id: 2, parentId: 1, path: 'Salary:Overtime' },
  { id: 3, parentId: null, path: 'Interest' },
  { id: 4, parentId: null, path: 'Dining' },
];
// Income lines: positive = money in; one salary line given back (-100.00) nets inside its category.
const byIncomeCategory = [
  { key: '1', amount: 1_000_000, count: 1 },
  { key: '2', amount: 50_000, count: 1 },
  { key: '1', amount: -10_000, count: 0 },
  { key: '3', amount: 1_234, count: 1 },
  { key: '', amount: 8_766, count: 1 },
];
const data: MonthData = {
  month: '2026-09', today: '2026-11-15', currency: 'CNY', otherCurrencies: [], filters: {}, categories,
  totals: [{ month: '2026-09', spendAmount: -3_500, spendCount: 1, income: 1_050_000, incomeCount: 4 }],
  byCategory: [{ key: '4', amount: -3_500, count: 1 }], byIncomeCategory, byMerchant: [], byChannel: [], cards: [], largest: [], newMerchants: [],
  extras: { budgets: [], benefits: [], badges: [] },
};

describe('income by category', () => {
  it('rolls children into their top category, nets money given back, ranks by amount with shares of the income', () => {
    const r = buildMonthReport(data);
    expect(r.incomeCategories).toEqual([
      { name: 'Salary', amount: 1_040_000, count: 2, share: 1_040_000 / 1_050_000 },
      { name: 'Uncategorized', amount: 8_766, count: 1, share: 8_766 / 1_050_000 },
      { name: 'Interest', amount: 1_234, count: 1, share: 1_234 / 1_050_000 },
    ]);
    expect((monthReportJson(r).income_categories as unknown[])[0]).toEqual({ category: 'Salary', amount: '10400.00', count: 2, share: 0.9905 });
    // Spending categories are untouched by income lines.
    expect(r.categories.map((c) => c.name)).toEqual(['Dining']);
  });

  it('the year report has the same block', () => {
    const y = buildYearReport({ year: '2026', today: '2026-11-15', currency: 'CNY', otherCurrencies: [], filters: {}, categories, totals: data.totals, byCategory: data.byCategory, byIncomeCategory, byMerchant: [], byChannel: [], byDate: [], largest: [] });
    expect(y.incomeCategories.map((c) => [c.name, c.amount])).toEqual([['Salary', 1_040_000], ['Uncategorized', 8_766], ['Interest', 1_234]]);
    expect((yearReportJson(y).income_categories as { category: string }[]).map((c) => c.category)).toEqual(['Salary', 'Uncategorized', 'Interest']);
    expect(renderMarkdownDocument(yearDocument(y))).toContain('### Income by category');
  });

  it('the text block is headed in the locale; a month without income has none', () => {
    const r = buildMonthReport(data);
    expect(renderMarkdownDocument(monthDocument(r))).toMatch(/### Income by category\n\n\| # \| Category \|/);
    const zh = withLocale('zh', () => renderMarkdownDocument(monthDocument(r)));
    expect(zh).toMatch(/### 收入分类\n\n\| 排名 \| 收入类别 \|/);
    const none = buildMonthReport({ ...data, byIncomeCategory: [] });
    expect(none.incomeCategories).toEqual([]);
    expect(renderMarkdownDocument(monthDocument(none))).not.toContain('Income by category');
  });
});

describe('groupIncome', () => {
  it('reads the same groups from the report cache and from the report lines', () => {
    const f = buildFixtureLedger();
    try {
      for (const range of [{ from: '2026-10-01', to: '2026-10-31' }, { from: '2026-01-01', to: '2026-12-31' }]) {
        const sorted = (rows: { key: string }[]) => [...rows].sort((a, b) => (a.key < b.key ? -1 : 1));
        const cached = groupIncome(f.db, { currency: 'CNY' }, range, 'category');
        expect(cached.length).toBeGreaterThan(0);
        expect(sorted(cached)).toEqual(sorted(groupIncome(f.db, { currency: 'CNY', noCache: true }, range, 'category')));
      }
    } finally {
      f.db.close();
      rmSync(f.dir, { recursive: true, force: true });
    }
  });
});
