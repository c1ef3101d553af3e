import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempLedger } from './helpers.js';
import { importRows, json, txId } from './perks-helpers.js';

const t = tempLedger('pb-budget-');
const today = { env: { POCKETBOOK_TODAY: '2026-09-10' } };
afterAll(() => t.cleanup());

beforeAll(() => {
  t.run(['account', 'add', 'Card', '--type', 'credit']);
  importRows(t, 'Card', 'sep.csv', [
    ['2026-09-01', 'STARBUCKS COFFEE', '-35.00'],
    ['2026-09-02', 'HAIDILAO HOTPOT', '-420.00'],
    ['2026-09-04', 'HAIDILAO REFUND', '20.00'],
    ['2026-09-05', 'MOVE TO SAVINGS', '-500.00'],
    ['2026-09-06', 'METRO', '-5.00'],
    ['2026-08-20', 'HAIDILAO HOTPOT', '-99.00'],
  ]);
  // A dining-looking row marked as a transfer never counts.
  expect(t.run(['tx', 'edit', String(txId(t, 'MOVE TO SAVINGS')), '--category', 'Dining', '--kind', 'transfer']).code).toBe(0);
});

describe('pocketbook budget', () => {
  it('sets, changes and lists budgets by either-language name', () => {
    expect(t.run(['budget', 'set', 'Dining', '1000']).stdout).toMatch(/set monthly budget for Dining: 1000.00 CNY/);
    expect(t.run(['budget', 'set', '餐饮', '1200']).stdout).toMatch(/changed monthly budget for Dining: 1200.00/);
    expect(t.run(['budget', 'set', 'Transport', '100', '--year']).code).toBe(0);
    expect(json(t.run(['budget', 'list', '--json']))).toEqual([
      { category: 'Dining', period: 'month', amount: '1200.00', currency: 'CNY' },
      { category: 'Transport', period: 'year', amount: '100.00', currency: 'CNY' },
    ]);
  });

  it('status: children included, refunds net, transfers excluded, projected from the pace', () => {
    const rows = json(t.run(['budget', 'status', '--json'], today));
    // Dining: 35 + 420 − 20 = 435 over 10 of 30 days → 1,305 projected.
    expect(rows[0]).toMatchObject({ category: 'Dining', budget: '1200.00', spent: '435.00', remaining: '765.00', projected: '1305.00', status: 'heading_over' });
    expect(rows[1]).toMatchObject({ category: 'Transport', budget: '100.00', spent: '5.00', remaining: '95.00', period: 'year' });
    const text = t.run(['budget', 'status'], today).stdout;
    expect(text).toMatch(/Dining\n {2}\[███████░+\] 36% {2}435.00 of 1,200.00 CNY · 765.00 left/);
    expect(text).toMatch(/at this rate you will spend 1,305.00 by month end \(over budget\)/);
  });

  it('a past month: over budget, no pace line', () => {
    t.run(['budget', 'set', 'Dining', '50']);
    const rows = json(t.run(['budget', 'status', '2026-08', '--json'], today));
    expect(rows[0]).toMatchObject({ spent: '99.00', remaining: '-49.00', projected: '99.00', status: 'over' });
    const text = t.run(['budget', 'status', '2026-08'], today).stdout;
    expect(text).toMatch(/OVER BUDGET by 49.00/);
    expect(text).not.toMatch(/by month end/); // the yearly Transport budget still shows its pace to year end
  });

  it('report month shows budgets with over-budget ones marked', () => {
    const report = json<{ budgets: Record<string, unknown>[] }>(t.run(['report', 'month', '2026-09', '--json'], today));
    expect(report.budgets[0]).toMatchObject({ category: 'Dining', budget: '50.00', spent: '435.00', status: 'over', over: 'OVER by 385.00' });
    expect(t.run(['report', 'month', '2026-09'], today).stdout).toMatch(/Budgets[\s\S]*Dining[\s\S]*OVER by 385.00/);
  });

  it('removes, and rejects bad input with one line', () => {
    expect(t.run(['budget', 'remove', 'Transport']).stdout).toMatch(/removed 1 budget for Transport/);
    for (const args of [['budget', 'set', 'Nope', '10'], ['budget', 'set', 'Dining', 'lots'], ['budget', 'set', 'Dining', '-5'], ['budget', 'set', 'Salary', '10'], ['budget', 'remove', 'Transport'], ['budget', 'status', '2026-13']]) {
      const r = t.run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
