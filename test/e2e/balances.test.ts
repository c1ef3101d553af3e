import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempLedger } from './helpers.js';
import { importRows, json } from './perks-helpers.js';
import { seedCheckpoint } from './balance-helpers.js';

const t = tempLedger();
const TODAY = { env: { POCKETBOOK_TODAY: '2026-03-20' } };
afterAll(() => t.cleanup());

beforeAll(() => {
  expect(t.run(['account', 'add', 'Checking', '--type', 'checking']).code).toBe(0);
  expect(t.run(['account', 'add', 'Card', '--type', 'credit']).code).toBe(0);
  expect(t.run(['account', 'add', 'Wallet', '--type', 'wallet', '--currency', 'USD']).code).toBe(0);
  importRows(t, 'Checking', 'checking.csv', [
    ['2026-01-05', 'SALARY', '10000.00'], ['2026-01-20', 'RENT', '-2000.00'], ['2026-02-10', 'CARD REPAYMENT', '-500.00'], ['2026-03-05', 'SALARY', '10000.00'],
    ['2026-04-05', 'SALARY IN THE FUTURE', '10000.00'],
  ]);
  importRows(t, 'Card', 'card.csv', [['2026-01-10', 'SHOP', '-1200.00'], ['2026-02-10', 'REPAYMENT', '500.00'], ['2026-02-15', 'CAFE', '-300.00']]);
  importRows(t, 'Wallet', 'wallet.csv', [['2026-01-02', 'TOP UP', '100.00']]);
  // The bank said 58000.00 at the end of January: the opening balance is 58000 − 8000 = 50000.
  seedCheckpoint(t, 'Checking', '2026-01-31', '58000.00');
});

type View = Record<string, unknown> & { name: string };

describe('account list/show --as-of: real money, credit cards as money owed', () => {
  it('gives each balance at the end of the day, opening balance included, keeping the old fields', () => {
    const list = json<View[]>(t.run(['account', 'list', '--as-of', '2026-02-28', '--json'], TODAY));
    const by = Object.fromEntries(list.map((a) => [a.name, a]));
    expect(by.Checking).toMatchObject({ as_of: '2026-02-28', balance_as_of: '57500.00', owed: null, balance: '27500.00', entries: 5 });
    expect(by.Card).toMatchObject({ balance_as_of: '-1000.00', owed: '1000.00', balance: '-1000.00' });
    expect(by.Wallet).toMatchObject({ currency: 'USD', balance_as_of: '100.00', owed: null });
    const jan = json<View>(t.run(['account', 'show', 'Checking', '--as-of', '2026-01-31', '--json'], TODAY));
    expect(jan).toMatchObject({ balance_as_of: '58000.00', balance: '27500.00' });
    expect(json<View>(t.run(['account', 'show', 'Card', '--as-of', '2026-01-31', '--json'], TODAY))).toMatchObject({ owed: '1200.00' });
  });

  it('defaults to today (entries dated later are not money yet) and shows the columns', () => {
    const show = json<View>(t.run(['account', 'show', 'Checking', '--json'], TODAY));
    expect(show).toMatchObject({ as_of: '2026-03-20', balance_as_of: '67500.00' });
    const table = t.run(['account', 'list'], TODAY).stdout;
    expect(table).toMatch(/Balance 2026-03-20\s+Owed/);
    expect(table).toMatch(/Card\s+credit.*-1000\.00\s+-1000\.00\s+1000\.00/);
  });

  it('rejects a bad --as-of with one line', () => {
    const r = t.run(['account', 'list', '--as-of', '2026-02-30']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--as-of "2026-02-30" is not a date/);
  });
});

describe('report networth', () => {
  it('gives assets, liabilities (owed) and net worth per month-end and currency as decimal strings', () => {
    const rows = json<Record<string, string>[]>(t.run(['report', 'networth', '--months', '4', '--json'], TODAY));
    expect(rows).toEqual([
      { month: '2025-12', currency: 'CNY', assets: '50000.00', liabilities: '0.00', net_worth: '50000.00' },
      { month: '2025-12', currency: 'USD', assets: '0.00', liabilities: '0.00', net_worth: '0.00' },
      { month: '2026-01', currency: 'CNY', assets: '58000.00', liabilities: '1200.00', net_worth: '56800.00' },
      { month: '2026-01', currency: 'USD', assets: '100.00', liabilities: '0.00', net_worth: '100.00' },
      { month: '2026-02', currency: 'CNY', assets: '57500.00', liabilities: '1000.00', net_worth: '56500.00' },
      { month: '2026-02', currency: 'USD', assets: '100.00', liabilities: '0.00', net_worth: '100.00' },
      // This month as of today: April's salary is not money yet.
      { month: '2026-03', currency: 'CNY', assets: '67500.00', liabilities: '1000.00', net_worth: '66500.00' },
      { month: '2026-03', currency: 'USD', assets: '100.00', liabilities: '0.00', net_worth: '100.00' },
    ]);
    expect(json<unknown[]>(t.run(['report', 'networth', '--json'], TODAY))).toHaveLength(24); // 12 months by default
  });

  it('prints a table and a chart per currency, and Markdown and CSV like other reports', () => {
    const text = t.run(['report', 'networth', '--months', '3'], TODAY);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Feb 2026\s+57,500\.00\s+1,000\.00\s+56,500\.00/);
    expect(text.stdout).toContain('Net worth · CNY');
    expect(text.stdout).toMatch(/┼|┤/); // the asciichart plot
    const csv = t.run(['report', 'networth', '--months', '2', '--format', 'csv'], TODAY).stdout;
    expect(csv).toContain('Month,Assets,Liabilities,Net worth\n2026-02,57500.00,1000.00,56500.00\n2026-03,67500.00,1000.00,66500.00');
    const md = t.run(['report', 'networth', '--months', '2', '--format', 'markdown'], TODAY).stdout;
    expect(md).toContain('| Mar 2026 | 67,500.00 | 1,000.00 | 66,500.00 |');
  });

  it('rejects a bad --months with one line', () => {
    const r = t.run(['report', 'networth', '--months', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('benefit --min-balance (资产达标)', () => {
  type Status = Record<string, unknown> & { name: string };
  beforeAll(() => {
    for (const args of [
      ['Tier 60k', '--min-balance', '60000'],
      ['Tier 70k', '--min-balance', '70000', '--reward', 'VIP lounge'],
      ['End 60k', '--min-balance', '60000', '--balance-basis', 'end'],
    ]) expect(t.run(['benefit', 'add', args[0]!, '--account', 'Checking', '--period', 'month', ...args.slice(1)], TODAY).code).toBe(0);
  });

  it('computes the average daily balance of the days so far, projects today\'s balance to the month end, and says what to hold', () => {
    // March so far: 4 days at 57,500 then 16 at 67,500 (salary on the 5th): 1,310,000 / 20 = 65,500.
    const all = json<Status[]>(t.run(['benefit', 'status', '--json'], TODAY));
    const by = Object.fromEntries(all.map((s) => [s.name, s]));
    expect(by['Tier 60k']).toMatchObject({
      account: 'Checking', period: { start: '2026-03-01', end: '2026-03-31' }, metric: 'balance', target: '60000.00', progress: '65500.00',
      remaining: '0.00', status: 'on_track', balance_basis: 'average', days_left: 12,
      projected: '66209.67', // (1,310,000 + 11 × 67,500) / 31, rounded down
      balance_to_hold: '51458.34', // (60,000 × 31 − 1,242,500) / 12 days, rounded up
      cashback_earned: null, cashback_cap: null,
    });
    expect(by['Tier 70k']).toMatchObject({ progress: '65500.00', remaining: '4500.00', status: 'at_risk', balance_to_hold: '77291.67' });
    expect(by['End 60k']).toMatchObject({ progress: '67500.00', status: 'on_track', balance_basis: 'end', balance_to_hold: '60000.00' });
    // Other benefits keep their shape: the new fields are null for them.
    expect(t.run(['benefit', 'add', 'Spend', '--account', 'Card', '--period', 'month', '--min-spend', '100'], TODAY).code).toBe(0);
    const spend = json<Status[]>(t.run(['benefit', 'status', '--json'], TODAY)).find((s) => s.name === 'Spend');
    expect(spend).toMatchObject({ metric: 'spend', balance_basis: null, balance_to_hold: null });
    expect(t.run(['benefit', 'remove', 'Spend']).code).toBe(0);
  });

  it('prints the balance, the target and what to keep; benefit list says the rule', () => {
    const text = t.run(['benefit', 'status'], TODAY).stdout;
    expect(text).toContain('Tier 70k · Checking · 2026-03-01 → 2026-03-31 · AT RISK');
    expect(text).toContain('65,500.00 of 70,000.00 CNY average daily balance');
    expect(text).toContain('keep at least 77,291.67 CNY every day of the 12 days left');
    expect(text).toContain('reward: VIP lounge');
    const list = json<Status[]>(t.run(['benefit', 'list', '--json'], TODAY));
    expect(list.map((b) => b.rule)).toEqual(['average daily balance ≥ 60000.00', 'average daily balance ≥ 70000.00', 'balance at the period end ≥ 60000.00']);
  });

  it('rejects what a balance benefit cannot be, with one line each', () => {
    for (const args of [
      ['X', '--min-balance', '100', '--period', 'month'], // no --account
      ['X', '--account', 'Checking', '--min-balance', '100', '--balance-basis', 'median'],
      ['X', '--account', 'Checking', '--min-balance', 'lots'],
      ['X', '--account', 'Checking', '--min-balance', '0'],
      ['X', '--account', 'Checking', '--min-balance', '100', '--category', 'Dining'],
      ['X', '--account', 'Checking', '--min-spend', '100', '--balance-basis', 'end'],
    ]) {
      const r = t.run(['benefit', 'add', ...args], TODAY);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(t.run(['benefit', 'add', 'X', '--account', 'Checking', '--min-balance', '1', '--min-spend', '1'], TODAY).code).toBe(2);
  });
});

describe('report month and year: the change in net worth', () => {
  it('month: net worth at the end of the day before the month and at its end, in the report currency', () => {
    const feb = json<Record<string, unknown>>(t.run(['report', 'month', '2026-02', '--json'], TODAY));
    expect(feb.net_worth).toEqual({ start: '56800.00', end: '56500.00', change: '-300.00', start_date: '2026-01-31', end_date: '2026-02-28' });
    expect(feb).toHaveProperty('spending'); // existing fields kept
    // One account: the card owed 1,200 then 1,000.
    const card = json<Record<string, unknown>>(t.run(['report', 'month', '2026-02', '--account', 'Card', '--json'], TODAY));
    expect(card.net_worth).toMatchObject({ start: '-1200.00', end: '-1000.00', change: '200.00' });
    // Another currency's report never mixes CNY in.
    const usd = json<Record<string, unknown>>(t.run(['report', 'month', '2026-01', '--currency', 'USD', '--json'], TODAY));
    expect(usd.net_worth).toMatchObject({ start: '0.00', end: '100.00', change: '100.00' });
    expect(json<Record<string, unknown>>(t.run(['report', 'month', '2026-02', '--tag', 'x', '--json'], TODAY)).net_worth).toBeNull();
    const text = t.run(['report', 'month', '2026-02'], TODAY).stdout;
    expect(text).toMatch(/Net worth\nat Sat 31 Jan\s+56,800\.00\nat Sat 28 Feb\s+56,500\.00\nChange\s+-300\.00/);
  });

  it('year: from the end of the year before to today while the year runs', () => {
    const year = json<Record<string, unknown>>(t.run(['report', 'year', '--json'], TODAY));
    expect(year.net_worth).toEqual({ start: '50000.00', end: '66500.00', change: '16500.00', start_date: '2025-12-31', end_date: '2026-03-20' });
    expect(t.run(['report', 'year', '--format', 'csv'], TODAY).stdout).toContain('Net worth,Value\nat 2025-12-31,50000.00\nat 2026-03-20,66500.00\nChange,16500.00');
  });
});
