/** Issue 26 point 7: statement and due dates of a credit-card bill, and the bill's status. */
import { describe, expect, it } from 'vitest';
import { billDueDate, lastStatementDate, statementPeriod } from '../../../src/reports/perks/bill-dates.js';
import { type BillFigures, billNeedsPaying, buildBill } from '../../../src/reports/perks/bills.js';

describe('statement dates', () => {
  it.each([
    // today, statement day → last statement date
    ['2026-10-20', 5, '2026-10-05'],
    ['2026-10-05', 5, '2026-10-05'], // issued on the statement day itself
    ['2026-10-04', 5, '2026-09-05'],
    ['2026-01-03', 5, '2025-12-05'], // across a year
    ['2026-03-10', 31, '2026-02-28'], // 31 in February: its last day
    ['2028-03-10', 31, '2028-02-29'], // leap year
    ['2026-02-28', 31, '2026-02-28'],
    ['2026-02-27', 31, '2026-01-31'],
    ['2026-05-30', 31, '2026-04-30'],
    ['2026-05-31', 31, '2026-05-31'],
    ['2026-03-01', 30, '2026-02-28'],
  ])('on %s with statement day %i the last statement is dated %s', (today, day, expected) => {
    expect(lastStatementDate(today, day)).toBe(expected);
  });

  it.each([
    ['2026-10-05', 5, '2026-09-06', '2026-10-05'],
    ['2026-03-31', 31, '2026-03-01', '2026-03-31'], // after February's clamped 28th
    ['2026-02-28', 31, '2026-02-01', '2026-02-28'],
    ['2026-04-30', 31, '2026-04-01', '2026-04-30'],
    ['2026-01-20', 20, '2025-12-21', '2026-01-20'],
  ])('the statement of %s (day %i) covers %s … %s', (date, day, from, to) => {
    expect(statementPeriod(date, day)).toEqual({ from, to });
  });

  it.each([
    // statement date, statement day, due day → due date
    ['2026-10-05', 5, 23, '2026-10-23'], // due after the statement day: same month
    ['2026-10-20', 20, 8, '2026-11-08'], // due before it: next month
    ['2026-10-20', 20, 20, '2026-11-20'], // same day: a month later
    ['2026-12-20', 20, 8, '2027-01-08'], // across a year
    ['2026-01-31', 31, 31, '2026-02-28'], // next month, clamped
    ['2026-01-25', 25, 30, '2026-01-30'],
    ['2026-02-25', 25, 30, '2026-02-28'], // same month, clamped to February's end
    ['2028-01-31', 31, 30, '2028-02-29'],
    ['2026-02-28', 31, 18, '2026-03-18'],
  ])('the bill of %s (statement day %i, due day %i) is due %s', (date, s, d, due) => {
    expect(billDueDate(date, s, d)).toBe(due);
  });
});

const card = { name: 'CMB Card', currency: 'CNY', statementDay: 5, dueDay: 23 };
const figures = (o: Partial<BillFigures> = {}): BillFigures => ({
  closingBalance: undefined, periodSpending: { amount: -300000, count: 12 }, repaid: { amount: 0, count: 0 }, ...o,
});

describe('a bill', () => {
  it('new charges of the period when the ledger knows no balance; due, with days left', () => {
    const b = buildBill(card, '2026-10-20', figures());
    expect(b).toMatchObject({
      statement_date: '2026-10-05', period: { from: '2026-09-06', to: '2026-10-05' }, basis: 'new_charges', statement_balance: '3000.00',
      purchases: 12, due_date: '2026-10-23', repaid: '0.00', left_to_pay: '3000.00', days_left: 3, status: 'due', missing: [],
    });
    expect(billNeedsPaying(b)).toBe(true);
    expect(billNeedsPaying(buildBill(card, '2026-10-19', figures()))).toBe(false); // 4 days left
  });

  it('the real balance at the close when known (carried balance and earlier payments in it)', () => {
    const b = buildBill(card, '2026-10-20', figures({ closingBalance: -450000, repaid: { amount: 100000, count: 1 } }));
    expect(b).toMatchObject({ basis: 'balance', statement_balance: '4500.00', repaid: '1000.00', left_to_pay: '3500.00', status: 'due' });
  });

  it('paid once repayments reach the balance (a larger payment leaves nothing to pay, not a negative)', () => {
    const b = buildBill(card, '2026-10-25', figures({ repaid: { amount: 350000, count: 2 } }));
    expect(b).toMatchObject({ status: 'paid', left_to_pay: '0.00', repayments: 2, days_left: -2 });
    expect(billNeedsPaying(b)).toBe(false);
    expect(buildBill(card, '2026-10-20', figures({ periodSpending: { amount: 0, count: 0 } })).status).toBe('paid');
  });

  it('overdue after the due date while unpaid', () => {
    const b = buildBill(card, '2026-10-26', figures({ repaid: { amount: 100000, count: 1 } }));
    expect(b).toMatchObject({ status: 'overdue', days_left: -3, left_to_pay: '2000.00' });
    expect(billNeedsPaying(b)).toBe(true);
  });

  it('no statement day: nothing guessed; no due day: never overdue', () => {
    expect(buildBill({ ...card, statementDay: null, dueDay: null }, '2026-10-20', undefined)).toMatchObject({
      missing: ['statement_day', 'due_day'], statement_date: null, status: null, due_date: null,
    });
    const b = buildBill({ ...card, dueDay: null }, '2026-11-30', figures());
    expect(b).toMatchObject({ missing: ['due_day'], status: 'due', due_date: null, days_left: null });
    expect(billNeedsPaying(b)).toBe(false);
  });
});
