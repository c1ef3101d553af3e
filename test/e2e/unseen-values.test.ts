/**
 * Issue 30, classes 2, 3, 6 and 9 through the built CLI: the made-up statements of
 * test/fixtures/unseen import with no options beyond the account (or refuse with one located line).
 */
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { REPO_ROOT, tempLedger } from './helpers.js';

const fixture = (name: string) => path.join(REPO_ROOT, 'test', 'fixtures', 'unseen', name);
const t = tempLedger('pb-unseen-');
afterAll(() => t.cleanup());

interface Tx { date: string; amount: string; currency: string; description: string }

function imported(file: string, account: string, extra: string[] = []): { files: Record<string, unknown>[] } {
  const r = t.run(['import', fixture(file), '--account', account, '--json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { files: Record<string, unknown>[] };
}

const entries = (account: string) =>
  (JSON.parse(t.run(['tx', 'list', '--account', account, '--json']).stdout) as Tx[]).map((x) => [x.date, x.amount, x.description]);

describe('unseen statements through the CLI', () => {
  it('month names and 12-hour times', () => {
    imported('month-names.csv', 'Names');
    expect(entries('Names')).toEqual([
      ['2020-05-06', '-4.50', 'COFFEE ROASTERS'],
      ['2020-05-07', '2500.00', 'SALARY MAY'],
      ['2020-05-08', '-12.99', 'BOOKSHOP'],
      ['2020-05-15', '-950.00', 'RENT'],
    ]);
  });

  it('day-first dates settled by the file; an unsettled order is one located question', () => {
    imported('day-first.csv', 'DayFirst');
    expect(entries('DayFirst').map((e) => e[0])).toEqual(['2020-05-29', '2020-06-05', '2020-07-01']);
    const r = t.run(['import', fixture('day-month-unclear.csv'), '--account', 'Unclear']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/day-month-unclear\.csv:2.*day-first or month-first.*date_format/);
    const all = JSON.parse(t.run(['tx', 'list', '--json']).stdout) as Tx[];
    expect(all.filter((x) => x.description === 'GROCER' && x.amount === '-41.75')).toHaveLength(1); // nothing written
    expect(r.stderr).toMatch(/DD\/MM\/YYYY/);
  });

  it('European amounts with a profile file', () => {
    expect(t.run(['account', 'add', 'Giro', '--type', 'checking', '--currency', 'EUR']).code).toBe(0);
    imported('amounts-eu.csv', 'Giro', ['--profile', fixture('amounts-eu.yaml')]);
    expect(entries('Giro').map((e) => e[1])).toEqual(['-4.00', '-1234.56', '2500.00', '-12.30']);
  });

  it('pending and balance rows are skipped and counted', () => {
    const out = imported('pending-balance.csv', 'Pending');
    expect(out.files[0]).toMatchObject({ new: 2 });
    expect(entries('Pending').map((e) => e[2])).toEqual(['Balance transfer fee', 'GROCER']);
  });

  it('Shift_JIS yen amounts written with a backslash', () => {
    expect(t.run(['account', 'add', 'Yen', '--type', 'checking', '--currency', 'JPY']).code).toBe(0);
    imported('yen-backslash.csv', 'Yen', ['--encoding', 'shift_jis']);
    expect(entries('Yen')).toEqual([['2026-04-30', '7000', '給料'], ['2026-05-01', '-1280', 'コンビニ']]);
  });

  it('a day-first QIF with decimal commas', () => {
    expect(t.run(['account', 'add', 'Livret', '--type', 'checking', '--currency', 'EUR']).code).toBe(0);
    imported('day-first.qif', 'Livret');
    expect(entries('Livret')).toEqual([
      ['2008-05-29', '-1234.50', 'Boulangerie'],
      ['2008-06-03', '-20.00', 'Café'],
      ['2008-06-12', '2000.00', 'Salaire'],
    ]);
  });

  it('an OFX whose header says CHARSET:1252 over a UTF-8 body', () => {
    imported('lying-charset.ofx', 'Courant');
    expect(entries('Courant').map((e) => e[2])).toEqual(['Café Crème Société Générale', 'Boulangerie Noël']);
  });

  it('a wallet amount finer than the minor unit is rounded with a warning at its line, the file imports', () => {
    const r = t.run(['import', fixture('wallet-precision.csv'), '--account', 'Wallet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('wallet-precision.csv:2: amount has more decimals than CNY keeps; rounded half-even to the minor unit');
    expect(r.stderr).toContain('wallet-precision.csv: 1 more row rounded the same way');
    expect(entries('Wallet').map((e) => e[1])).toEqual(['0.00', '100.00', '-3.50']);
  });
});
