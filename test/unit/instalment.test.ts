/** Issue 26 point 7: instalment rows recognized (and dates or other numbers not), plans grouped, conversions given back. */
import { describe, expect, it } from 'vitest';
import { isInstalmentConversion, recognizeInstalment } from '../../src/core/instalment.js';
import { creditInflowKind } from '../../src/core/card-inflow.js';
import { groupInstalmentPlans, type InstalmentRow } from '../../src/reports/perks/instalment-plans.js';

describe('recognizeInstalment', () => {
  it.each([
    ['Apple Store 分期 第3/12期', 3, 12, 'Apple Store'],
    ['京东商城 分期付款 第1/6期', 1, 6, '京东商城'],
    ['消费分期-苹果官网 第3期/共12期', 3, 12, '苹果官网'],
    ['苹果官网 第3期共12期', 3, 12, '苹果官网'],
    ['账单分期 共24期 第10期', 10, 24, ''],
    ['华为商城 3/12期', 3, 12, '华为商城'],
    ['华为商城 ３／１２期', 3, 12, '华为商城'], // full-width digits and slash
    ['分期(2/3) 宜家家居', 2, 3, '宜家家居'],
    ['宜家家居 分期 12/12', 12, 12, '宜家家居'],
    ['INSTALLMENT 3 OF 12 IKEA SHANGHAI', 3, 12, 'IKEA SHANGHAI'],
    ['Best Buy installment 3 of 12', 3, 12, 'Best Buy'],
    ['Instalment 3/12 - Dyson', 3, 12, 'Dyson'],
    ['AMAZON.COM INSTALLMENT PLAN 01/06', 1, 6, 'AMAZON.COM'],
    ['（分期）银联分期00000000000/10/12期', 10, 12, '银联'], // CGB: plan number / period / periods
  ])('%s → period %i of %i, plan "%s"', (text, period, periods, stem) => {
    expect(recognizeInstalment(text)).toEqual({ period, periods, stem });
  });

  it.each([
    'STARBUCKS 3/12', // a date
    '2026/3/12 京东商城',
    '美团外卖 3/12 订单',
    '分期手续费', // a fee of a plan, no period
    '第3期会员费', // no count
    '苹果官网 分期付款', // the purchase itself, no period
    'NETFLIX.COM 12/2026',
    'Installment plan fee',
    '第13/12期', // period past the count
    '0/12期',
    '理财产品 第1期',
    '期货 3/12',
  ])('not an instalment period: %s', (text) => {
    expect(recognizeInstalment(text)).toBeNull();
  });
});

describe('instalment conversions on a card', () => {
  it.each(['分期转出 苹果官网', '账单分期', '消费分期交易转出-京东商城', 'INSTALLMENT PLAN CONVERSION'])('%s is money given back (refund)', (text) => {
    expect(isInstalmentConversion(text)).toBe(true);
    expect(creditInflowKind(text)).toBe('refund');
  });
  it.each(['分期还款', 'INSTALLMENT PAYMENT THANK YOU', '苹果官网 分期 第3/12期', '还款'])('%s is not a conversion', (text) => {
    expect(isInstalmentConversion(text)).toBe(false);
  });
  it('a card payment stays a transfer', () => {
    expect(creditInflowKind('PAYMENT RECEIVED - THANK YOU')).toBe('transfer');
  });
});

const row = (id: number, date: string, amount: number, description: string, accountId = 1): InstalmentRow => ({
  id, accountId, account: accountId === 1 ? 'CMB Card' : 'PA Card', date, amount, currency: 'CNY', description,
});

describe('groupInstalmentPlans', () => {
  it('groups by account, stem, count and amount; paid, remaining and the next month', () => {
    const plans = groupInstalmentPlans([
      row(1, '2026-08-06', -100000, 'Apple Store 分期 第2/12期'),
      row(2, '2026-09-06', -100000, 'Apple Store 分期 第3/12期'),
      row(3, '2026-10-06', -100000, 'APPLE STORE 分期 第4/12期'),
      row(4, '2026-10-06', -100000, 'Apple Store 分期 第4/12期', 2), // another card: another plan
      row(5, '2026-09-10', -50000, '宜家家居 分期 3/3期'),
      row(6, '2026-09-10', -3800, 'STARBUCKS 3/12'),
    ]);
    expect(plans.map((p) => [p.plan, p.account, p.per_period, p.paid_periods, p.periods, p.paid, p.remaining, p.remaining_periods, p.next_month, p.entries])).toEqual([
      ['Apple Store', 'CMB Card', '1000.00', 4, 12, '4000.00', '8000.00', 8, '2026-11', [1, 2, 3]],
      ['Apple Store', 'PA Card', '1000.00', 4, 12, '4000.00', '8000.00', 8, '2026-11', [4]],
      ['宜家家居', 'CMB Card', '500.00', 3, 3, '1500.00', '0.00', 0, null, [5]],
    ]);
  });

  it('two plans of one merchant with different amounts stay apart', () => {
    const plans = groupInstalmentPlans([row(1, '2026-09-06', -100000, '苹果官网 第1/12期'), row(2, '2026-09-06', -25000, '苹果官网 第1/12期')]);
    expect(plans.map((p) => p.per_period).sort()).toEqual(['1000.00', '250.00']);
  });
});
