/** A small month report built by the real model code (reports/month.ts), for render tests. */
import { buildMonthReport, type MonthData, type MonthReport } from '../../src/reports/month.js';

export function sampleMonthReport(over: Partial<MonthData> = {}): MonthReport {
  const totals = (month: string, spend: number, income: number) => ({ month, spendAmount: -spend, spendCount: 3, income, incomeCount: 1 });
  return buildMonthReport({
    month: '2026-09',
    today: '2026-11-15',
    currency: 'CNY',
    otherCurrencies: [],
    filters: {},
    categories: [{ id: 1, parentId: null, path: '餐饮' }, { id: 2, parentId: null, path: 'Shopping' }],
    totals: [totals('2026-08', 751_600, 1_000_000), totals('2026-09', 763_711, 1_200_000)],
    firstMonth: '2026-08',
    byCategory: [{ key: '1', amount: -229_113, count: 12 }, { key: '2', amount: -534_598, count: 4 }],
    byMerchant: [{ key: '<script>alert(1)</script> Café', amount: -120_000, count: 2 }, { key: '盒马鲜生', amount: -50_045, count: 3 }],
    byChannel: [{ key: 'card', amount: -763_711, count: 16 }],
    cards: [{ name: 'CMB Credit Card', cycle: { from: '2026-09-06', to: '2026-10-05' }, amount: -443_475, count: 10, limit: 5_000_000 }],
    largest: [{ txId: 7, date: '2026-09-03', amount: -120_000, merchant: '<b>x</b>', description: 'd', categoryId: 2, account: 'CMB' }],
    newMerchants: [],
    extras: {
      budgets: [{ category: '餐饮', budget: '2000.00', spent: '2291.13', remaining: '-291.13', projected: '2291.13', period: 'month', used: 1.1456, status: 'over' }],
      benefits: [{ name: 'Annual fee waiver', account: 'CMB Credit Card', period: { start: '2026-01-01', end: '2026-12-31' }, metric: 'count', target: '18', progress: '6', remaining: '12', status: 'at_risk', cashback_earned: null, cashback_cap: null, days_left: 107 }],
      badges: [{ id: 'life-explorer', name: 'Life Explorer 生活探险家', earned: true, progress: 1, reason: '6 new merchants (needs 5)', criteria: 'x', new: true }],
    },
    ...over,
  });
}
