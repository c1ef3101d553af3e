import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempLedger } from './helpers.js';
import { importRows, json, txId } from './perks-helpers.js';

const t = tempLedger('pb-benefit-');
const on = (day: string) => ({ env: { POCKETBOOK_TODAY: day } });
afterAll(() => t.cleanup());

type Row = Record<string, unknown> & { name: string };
const status = (day: string) => Object.fromEntries(json<Row[]>(t.run(['benefit', 'status', '--json'], on(day))).map((r) => [r.name, r]));

beforeAll(() => {
  t.run(['account', 'add', 'CMB Card', '--type', 'credit', '--statement-day', '5']);
  t.run(['account', 'add', 'Wallet', '--type', 'wallet']);
  importRows(t, 'CMB Card', 'cmb.csv', [
    ['2026-09-05', 'HAIDILAO HOTPOT', '-300.00'], // last day of the cycle ending 09-05
    ['2026-09-06', 'STARBUCKS COFFEE', '-40.00'], // first day of the next cycle
    ['2026-09-12', 'HAIDILAO HOTPOT', '-600.00'],
    ['2026-09-15', 'HAIDILAO REFUND', '100.00'],
    ['2026-09-16', 'METRO', '-5.00'],
    ['2026-09-18', 'CARD REPAYMENT', '2000.00'],
    ['2026-10-02', 'SUPERMARKET', '-200.00'],
  ]);
  importRows(t, 'Wallet', 'wallet.csv', [['2026-09-10', 'HAIDILAO HOTPOT', '-77.00']]);
  expect(t.run(['tx', 'edit', String(txId(t, 'CARD REPAYMENT')), '--kind', 'transfer']).code).toBe(0);
});

describe('pocketbook benefit', () => {
  it('adds benefits of every period kind and lists them', () => {
    const add = (...args: string[]) => t.run(['benefit', 'add', ...args]);
    expect(add('Fee waiver', '--account', 'CMB Card', '--period', 'year', '--min-count', '6', '--min-amount', '10').stdout).toMatch(/added benefit "Fee waiver" on CMB Card: 6 purchases of ≥ 10.00 per year/);
    expect(add('Q3 bonus', '--account', 'CMB Card', '--period', 'quarter', '--min-spend', '1000', '--reward', '500 points').code).toBe(0);
    expect(add('Dining 5%', '--account', 'CMB Card', '--cashback', '5%', '--cap', '40', '--category', '餐饮', '--period', 'month').code).toBe(0);
    expect(add('Cycle', '--account', 'CMB Card', '--period', 'cycle', '--min-spend', '500').code).toBe(0);
    expect(add('Card year', '--account', 'CMB Card', '--period', 'anniversary', '--from', '2025-09-12', '--min-spend', '600').code).toBe(0);
    expect(add('Hotpot anywhere', '--merchant', 'haidilao', '--period', 'month', '--min-count', '3').code).toBe(0);
    const list = json<Row[]>(t.run(['benefit', 'list', '--json']));
    expect(list.map((b) => [b.name, b.period])).toEqual([
      ['Fee waiver', 'year'], ['Q3 bonus', 'quarter'], ['Dining 5%', 'month'], ['Cycle', 'cycle'], ['Card year', 'year from 2025-09-12'], ['Hotpot anywhere', 'month'],
    ]);
  });

  it('status JSON follows the contract; refunds reduce spend, transfers never count', () => {
    const s = status('2026-09-20');
    // Q3 on the card: 300 + 40 + 600 − 100 + 5 = 845; 82 of 92 days → 948.04 projected → at risk.
    expect(s['Q3 bonus']).toMatchObject({
      account: 'CMB Card', period: { start: '2026-07-01', end: '2026-09-30' }, metric: 'spend', target: '1000.00', progress: '845.00',
      remaining: '155.00', status: 'at_risk', cashback_earned: null, cashback_cap: null, days_left: 11, projected: '948.04', reward: '500 points',
    });
    expect(s['Fee waiver']).toMatchObject({ metric: 'count', target: '6', progress: '3', remaining: '3', period: { start: '2026-01-01', end: '2026-12-31' } });
    // Dining on the card in September: 300 + 40 + 600 − 100 = 840 → 5% = 42 → capped at 40 mid-month.
    expect(s['Dining 5%']).toMatchObject({ metric: 'cashback', status: 'met', progress: '40.00', cashback_earned: '40.00', cashback_cap: '40.00', remaining: '0.00' });
    // No account: every account, mirrored rows once: 3 Haidilao purchases (wallet one included).
    expect(s['Hotpot anywhere']).toMatchObject({ progress: '3', status: 'met' });
    // Anniversary year from 2025-09-12: the year 2025-09-12 … 2026-09-11 is over on 09-20, so 2026-09-12 … 2027-09-11.
    expect(s['Card year']).toMatchObject({ period: { start: '2026-09-12', end: '2027-09-11' }, progress: '505.00', status: 'on_track' });
  });

  it('statement cycle edges: day 5 closes the cycle, day 6 starts the next', () => {
    expect(status('2026-09-05').Cycle).toMatchObject({ period: { start: '2026-08-06', end: '2026-09-05' }, progress: '300.00', status: 'at_risk', days_left: 1 });
    expect(status('2026-09-06').Cycle).toMatchObject({ period: { start: '2026-09-06', end: '2026-10-05' }, progress: '40.00', days_left: 30 });
    expect(status('2026-10-05').Cycle).toMatchObject({ progress: '745.00', status: 'met' });
  });

  it('cashback below the cap early in the month; a new quarter starts from zero', () => {
    expect(status('2026-09-10')['Dining 5%']).toMatchObject({ status: 'on_track', cashback_earned: '17.00', remaining: '23.00', spend_to_cap: '460.00' });
    expect(status('2026-10-01')['Q3 bonus']).toMatchObject({ period: { start: '2026-10-01', end: '2026-12-31' }, progress: '0.00', status: 'at_risk' }); // nothing yet on day 1: the projection is 0
  });

  it('terminal output shows bars, days left, pace and projection', () => {
    const out = t.run(['benefit', 'status'], on('2026-09-20')).stdout;
    expect(out).toMatch(/Q3 bonus · CMB Card · 2026-07-01 → 2026-09-30 · AT RISK\n {2}\[█{17}░{3}\] 85% {2}845.00 of 1,000.00 CNY spent\n {2}155.00 to go · 11 days left\n {2}needed: 14.10 a day, 98.64 a week · at the current pace: 948.04 by 2026-09-30\n {2}reward: 500 points/);
    expect(out).toMatch(/Dining 5%[^\n]*MET\n.*\n {2}earned 40.00 of the 40.00 cap \(5% of 840.00\); cap reached/);
  });

  it('--exit-code exits 3 only when a benefit is at risk', () => {
    expect(t.run(['benefit', 'status', '--exit-code'], on('2026-09-20')).code).toBe(3);
    expect(t.run(['benefit', 'status'], on('2026-09-20')).code).toBe(0);
    expect(t.run(['benefit', 'remove', 'Q3 bonus']).code).toBe(0);
    expect(t.run(['benefit', 'remove', 'Fee waiver']).code).toBe(0);
    expect(t.run(['benefit', 'remove', 'Cycle']).code).toBe(0);
    const r = t.run(['benefit', 'status', '--exit-code', '--json'], on('2026-09-20'));
    expect(json<Row[]>(r).every((b) => b.status !== 'at_risk')).toBe(true);
    expect(r.code).toBe(0);
  });

  it('report month carries benefits', () => {
    const report = json<{ benefits: Row[] }>(t.run(['report', 'month', '2026-09', '--json'], on('2026-09-20')));
    expect(report.benefits.map((b) => b.name)).toEqual(['Dining 5%', 'Card year', 'Hotpot anywhere']);
    expect(report.benefits[0]).toMatchObject({ status: 'met', cashback_earned: '40.00' });
  });

  it('rejects bad input with one line and writes nothing', () => {
    const before = t.run(['benefit', 'list', '--json']).stdout;
    for (const args of [
      ['X', '--account', 'Wallet', '--min-balance', '10', '--min-spend', '10'],
      ['X', '--period', 'week', '--min-spend', '10'],
      ['X', '--period', 'cycle', '--min-spend', '10'],
      ['X', '--account', 'Wallet', '--period', 'cycle', '--min-spend', '10'],
      ['X', '--period', 'anniversary', '--min-spend', '10'],
      ['X', '--cashback', '5%'],
      ['X', '--cashback', 'five', '--cap', '1'],
      ['X', '--min-count', '2.5'],
      ['X', '--min-spend', '10', '--account', 'Nope'],
      ['X', '--min-spend', '10', '--category', 'Nope'],
      ['Dining 5%', '--min-spend', '10'],
    ]) {
      const r = t.run(['benefit', 'add', ...args]);
      expect(r.code, args.join(' ')).toBeGreaterThan(0);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(t.run(['benefit', 'add']).code).toBe(2);
    expect(t.run(['benefit', 'list', '--json']).stdout).toBe(before);
  });
});
