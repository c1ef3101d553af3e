import { describe, expect, it } from 'vitest';
import { reconcile, suspectRange } from '../../../src/reports/reconcile.js';
import { RunningBalances, balanceColumn } from '../../../src/import/formats/running-balance.js';
import type { NormalizedRow } from '../../../src/core/types.js';

const cp = (date: string, amount: number, kind = 'ledger') => ({ date, amount, kind });
const days = [
  { date: '2026-03-02', sum: -480 },
  { date: '2026-03-05', sum: 230_000 },
  { date: '2026-03-08', sum: -4_975 },
];

describe('reconcile (pure)', () => {
  it('none without checkpoints, or with only the one that sets the opening balance', () => {
    expect(reconcile([], days).status).toBe('none');
    const one = reconcile([cp('2026-03-05', 239_520)], days);
    expect(one).toMatchObject({ status: 'none', checkpoints: 1, opening: 10_000, firstMismatch: null });
    expect(reconcile([cp('2026-03-05', 239_520), cp('2026-03-05', 239_520, 'running')], days).status).toBe('none');
  });

  it('ok when every checkpoint meets opening + entries through its day', () => {
    const r = reconcile([cp('2026-03-01', 10_000, 'opening'), cp('2026-03-05', 239_520), cp('2026-03-09', 234_545)], days);
    expect(r.status).toBe('ok');
    expect(r.results.map((x) => x.computed)).toEqual([10_000, 239_520, 234_545]);
  });

  it('the first failing checkpoint, and the range after the last one that holds', () => {
    const r = reconcile([cp('2026-03-01', 10_000), cp('2026-03-05', 239_520), cp('2026-03-08', 239_520 - 9_600), cp('2026-03-20', 0)], days);
    expect(r.status).toBe('mismatch');
    expect(r.firstMismatch).toEqual({ date: '2026-03-08', expected: 229_920, actual: 234_545, difference: 4_625, after: '2026-03-05' });
    expect(suspectRange(r.firstMismatch!)).toBe('between 2026-03-06 and 2026-03-08');
    expect(suspectRange({ ...r.firstMismatch!, after: '2026-03-07' })).toBe('on 2026-03-08');
    expect(suspectRange({ ...r.firstMismatch!, after: null })).toBe('on or before 2026-03-08');
  });

  it('two checkpoints of one day that disagree fail with no earlier day holding', () => {
    const r = reconcile([cp('2026-03-05', 239_520), cp('2026-03-05', 1)], days);
    expect(r.firstMismatch).toMatchObject({ date: '2026-03-05', after: null });
  });
});

const row = (line: number, date: string, amount: number): NormalizedRow => ({ line, date, amount, currency: 'EUR', description: 'x' });

describe('RunningBalances', () => {
  it('finds the balance column by its header name', () => {
    expect(balanceColumn(['Date', 'Amount', 'Saldo'])).toBe(2);
    expect(balanceColumn(['交易日期', '交易金额', '余额'])).toBe(2);
    expect(balanceColumn(['Date', 'Balance', 'Balance currency'])).toBe(1);
    expect(balanceColumn(['Date', 'Amount'])).toBeUndefined();
  });

  it('oldest first: the day ends with its last row', () => {
    const b = new RunningBalances();
    b.see(row(2, '2026-01-01', -100), 900);
    b.see(row(3, '2026-01-01', -50), 850);
    b.see(row(4, '2026-01-02', 25), 875);
    expect(b.events().map((e) => (e.type === 'balance' ? [e.balance.date, e.balance.amount, e.balance.line] : null))).toEqual([
      ['2026-01-01', 850, 3], ['2026-01-02', 875, 4],
    ]);
  });

  it('newest first: the day ends with its first row in the file, even when the dates do not tell', () => {
    const b = new RunningBalances();
    b.see(row(2, '2026-01-01', -50), 850);
    b.see(row(3, '2026-01-01', -100), 900);
    expect(b.oldestFirstOrder()).toBe(false);
    expect(b.events()).toEqual([{ type: 'balance', balance: { kind: 'running', line: 2, date: '2026-01-01', amount: 850, currency: 'EUR' } }]);
  });

  it("a card column in the issuer's view is negated; a bank column never is", () => {
    const feed = (b: RunningBalances) => {
      b.see(row(2, '2026-01-01', -100), 100); // a purchase: owed goes up
      b.see(row(3, '2026-01-02', -50), 150);
      return b;
    };
    expect(feed(new RunningBalances()).events(true).map((e) => (e.type === 'balance' ? e.balance.amount : 0))).toEqual([-100, -150]);
    expect(feed(new RunningBalances()).events(false).map((e) => (e.type === 'balance' ? e.balance.amount : 0))).toEqual([100, 150]);
  });
});
