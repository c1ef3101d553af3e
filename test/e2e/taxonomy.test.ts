/**
 * Issue 24 point 6 through the built CLI: the tree (23 + 19 top-level categories, both
 * languages) and income by category in `report month --json` and `report year --json`.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempLedger, type TempLedger } from './helpers.js';

let t: TempLedger;
function ok(args: string[]) {
  const r = t.run(args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

const CSV = `Date,Description,Amount
2026-09-05,代发工资 ACME,15000.00
2026-09-08,SALARY BONUS ADJ,100.00
2026-09-10,活期结息,12.34
2026-09-12,微信红包,200.00
2026-09-15,住房公积金提取,3000.00
2026-09-18,信用卡还款,5000.00
2026-09-20,本人转账 工资卡,800.00
2026-09-21,星巴克 静安嘉里,-38.00
2026-09-22,盒马鲜生,-186.45
2026-10-05,代发工资 ACME,15000.00
2026-10-06,现金红利 分红,88.00
`;

beforeAll(() => {
  t = tempLedger('pb-taxonomy-');
  writeFileSync(t.file('bank.csv'), CSV);
  ok(['import', t.file('bank.csv'), '--account', 'Checking']);
});
afterAll(() => t.cleanup());

interface CategoryView { path: string; name_en: string; name_zh: string; parent: string | null; kind: string }
interface Ranked { category: string; amount: string; count: number; share: number | null }

describe('the taxonomy', () => {
  it('category list shows 23 expense and 19 income top-level categories, in English and in Chinese', () => {
    const en = JSON.parse(ok(['category', 'list', '--json']).stdout) as CategoryView[];
    const top = (list: CategoryView[], kind: string) => list.filter((c) => c.parent === null && c.kind === kind);
    expect(top(en, 'expense')).toHaveLength(23);
    expect(top(en, 'income')).toHaveLength(19);
    expect(top(en, 'income').map((c) => c.path)).toEqual(expect.arrayContaining(['Salary', 'Bonus', 'Part-time', 'Freelance', 'Investment returns', 'Interest', 'Dividends', 'Rental income', 'Reimbursement', 'Red packets received', 'Deposit refunds', 'Pension', 'Benefits', 'Prizes', 'Housing fund', 'Other income']));
    expect(en.find((c) => c.path === 'Bonus:Year-end bonus')).toMatchObject({ name_zh: '年终奖', kind: 'income' });
    const text = ok(['category', 'list']).stdout;
    expect(text).toMatch(/Investment returns\s+投资收益/);
    expect(text).toMatch(/Daily necessities\s+日用百货/);
    ok(['config', 'set', 'locale', 'zh']);
    try {
      const zh = JSON.parse(ok(['category', 'list', '--json']).stdout) as CategoryView[];
      expect(top(zh, 'expense')).toHaveLength(23);
      expect(top(zh, 'income').map((c) => c.path)).toEqual(expect.arrayContaining(['工资', '奖金', '兼职', '劳务报酬', '投资收益', '股息分红', '押金退还', '养老金', '公积金提取', '其他收入']));
      expect(zh.find((c) => c.name_en === 'Year-end bonus')).toMatchObject({ path: '奖金:年终奖', parent: '奖金' });
      expect(ok(['category', 'list']).stdout).toMatch(/汽车\s+Car/);
    } finally {
      ok(['config', 'set', 'locale', 'en']);
    }
  });

  it('report month --json: income_categories beside categories; transfers and repayments are not income', () => {
    const r = JSON.parse(ok(['report', 'month', '2026-09', '--json']).stdout) as { income: string; categories: Ranked[]; income_categories: Ranked[] };
    expect(r.income).toBe('18312.34');
    expect(r.income_categories).toEqual([
      { category: 'Salary', amount: '15000.00', count: 1, share: 0.8191 },
      { category: 'Housing fund', amount: '3000.00', count: 1, share: 0.1638 },
      { category: 'Red packets received', amount: '200.00', count: 1, share: 0.0109 },
      { category: 'Bonus', amount: '100.00', count: 1, share: 0.0055 },
      { category: 'Interest', amount: '12.34', count: 1, share: 0.0007 },
    ]);
    expect(r.categories.map((c) => c.category)).toEqual(['Groceries', 'Dining']);
    const text = ok(['report', 'month', '2026-09']).stdout;
    expect(text).toMatch(/Income by category/);
    expect(text).toMatch(/Housing fund\s+3,000\.00/);
  });

  it('report year --json: income_categories over the year', () => {
    const r = JSON.parse(ok(['report', 'year', '2026', '--json']).stdout) as { income: string; income_categories: Ranked[] };
    expect(r.income).toBe('33400.34');
    expect(r.income_categories.map((c) => [c.category, c.amount, c.count])).toEqual([
      ['Salary', '30000.00', 2], ['Housing fund', '3000.00', 1], ['Red packets received', '200.00', 1], ['Bonus', '100.00', 1], ['Dividends', '88.00', 1], ['Interest', '12.34', 1],
    ]);
    expect(r.income_categories.reduce((s, c) => s + (c.share ?? 0), 0)).toBeCloseTo(1, 3);
    expect(ok(['report', 'year', '2026', '--format', 'markdown']).stdout).toMatch(/### Income by category/);
  });
});
