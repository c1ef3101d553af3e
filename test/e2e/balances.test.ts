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
    expect(text.stdout).toMatch(/2026-02\s+57,500\.00\s+1,000\.00\s+56,500\.00/);
    expect(text.stdout).toContain('Net worth · CNY');
    expect(text.stdout).toMatch(/┼|┤/); // the asciichart plot
    const csv = t.run(['report', 'networth', '--months', '2', '--format', 'csv'], TODAY).stdout;
    expect(csv).toContain('Month,Assets,Liabilities,Net worth\n2026-02,57500.00,1000.00,56500.00\n2026-03,67500.00,1000.00,66500.00');
    const md = t.run(['report', 'networth', '--months', '2', '--format', 'markdown'], TODAY).stdout;
    expect(md).toContain('| 2026-03 | 67,500.00 | 1,000.00 | 66,500.00 |');
  });

  it('rejects a bad --months with one line', () => {
    const r = t.run(['report', 'networth', '--months', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
