/**
 * A settled reimbursement (报销) leaves spending and income in every query, through the report
 * cache and through the view alike; an outstanding one stays in spending (issue 28 point 3).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { Db } from '../../../src/ledger/open.js';
import { clearReimbursement, linkPayment, markReimbursement, outstandingAt } from '../../../src/ledger/reimbursements.js';
import { groupIncome, groupSpending, largestSpending, monthTotals } from '../../../src/ledger/report-queries.js';
import { categorySpending } from '../../../src/ledger/perk-queries.js';
import { settleMatches } from '../../../src/app/entries/reimburse.js';
import { buildFixtureLedger, categoryId, insertEntries } from '../reports/fixture-ledger.js';

let db: Db;
let dir: string;
let hotel: number;
let payment: number;
const OCT = { from: '2026-10-01', to: '2026-10-31' };
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

beforeEach(() => {
  const f = buildFixtureLedger();
  db = f.db;
  dir = f.dir;
  [hotel, payment] = insertEntries(db, [
    { account: 'CMB Card', date: '2026-10-08', amount: -128_000, merchant: 'Hilton', category: 'Travel:Hotels', channel: 'card', description: 'Hilton Shanghai' },
    { account: 'Checking', date: '2026-11-02', amount: 128_000, merchant: null, category: 'Salary', channel: 'bank_transfer', description: 'ACME LTD expense claim' },
  ]) as [number, number];
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every figure the reports read, through the cache and through the view. */
function figures(noCache: boolean) {
  const f = { currency: 'CNY', ...(noCache ? { noCache: true } : {}) };
  const octTotals = monthTotals(db, f, OCT)[0]!;
  const novTotals = monthTotals(db, f, { from: '2026-11-01', to: '2026-11-30' })[0]!;
  return {
    octSpend: octTotals.spendAmount, octCount: octTotals.spendCount, novIncome: novTotals.income,
    yearSpend: monthTotals(db, f, YEAR).reduce((s, m) => s + m.spendAmount, 0),
    hilton: groupSpending(db, f, YEAR, 'merchant').find((r) => r.key === 'Hilton')?.amount ?? 0,
    salary: groupIncome(db, f, { from: '2026-11-01', to: '2026-11-30' }, 'category').reduce((s, r) => s + r.amount, 0),
    largest: largestSpending(db, f, OCT, 5).map((r) => r.txId),
  };
}

describe('settled reimbursements leave spending and income', () => {
  it('an outstanding reimbursement still counts; linking takes both sides out; unmarking brings them back', () => {
    const before = figures(false);
    const hotels = () => categorySpending(db, [categoryId(db, 'Travel:Hotels')], '2026-10-01', '2026-10-31', 'CNY');
    expect(before.hilton).toBe(-128_000);
    expect(hotels()).toBe(128_000 - 65_000); // with the fixture's own booking and its larger refund
    markReimbursement(db, { txId: hotel, payer: 'Acme', note: null, now: '2026-10-09T00:00:00Z' });
    expect(figures(false)).toEqual(before);
    expect(outstandingAt(db, 'CNY', '2026-10-31')).toBe(128_000);

    linkPayment(db, [hotel], payment, 'hand', '2026-11-02T00:00:00Z');
    const after = figures(false);
    expect(after.octSpend).toBe(before.octSpend + 128_000);
    expect(after.octCount).toBe(before.octCount - 1);
    expect(after.yearSpend).toBe(before.yearSpend + 128_000);
    expect(after.hilton).toBe(0);
    expect(after.novIncome).toBe(before.novIncome - 128_000);
    expect(after.salary).toBe(before.salary - 128_000);
    expect(before.largest).toContain(hotel);
    expect(after.largest).not.toContain(hotel);
    // The view (filters the cache cannot answer) agrees with the cache.
    expect(figures(true)).toEqual(after);
    expect(hotels()).toBe(-65_000); // budgets read the view: the fixture's booking and refund only
    // Owed at October's end (paid in November), nothing owed at November's.
    expect(outstandingAt(db, 'CNY', '2026-10-31')).toBe(128_000);
    expect(outstandingAt(db, 'CNY', '2026-11-30')).toBe(0);

    clearReimbursement(db, hotel);
    expect(figures(false)).toEqual(before);
    expect(figures(true)).toEqual(before);
  });

  it('deleting the payment (import undo) leaves the expense outstanding and counted again', () => {
    const before = figures(false);
    markReimbursement(db, { txId: hotel, payer: 'Acme', note: null, now: 'x' });
    linkPayment(db, [hotel], payment, 'hand', 'x');
    expect(figures(false)).not.toEqual(before);
    db.prepare('DELETE FROM transactions WHERE id = ?').run(payment);
    const after = figures(false);
    expect(after.octSpend).toBe(before.octSpend);
    expect(after.hilton).toBe(-128_000);
    expect(outstandingAt(db, 'CNY', '2026-11-30')).toBe(128_000);
  });

  it('settleMatches links the clear match and leaves spending agreeing through both paths', () => {
    markReimbursement(db, { txId: hotel, payer: 'acme', note: null, now: 'x' });
    expect(settleMatches(db, 'x')).toEqual({ links: [{ payment, expenses: [hotel] }], unclear: [] });
    expect(figures(false)).toEqual(figures(true));
    expect(figures(false).hilton).toBe(0);
  });
});
