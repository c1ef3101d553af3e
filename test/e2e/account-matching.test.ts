/**
 * Issue 22 points 2 and 3: the CMB card export imports with no profile and no --account (full or
 * yearless dates, the card-number line and column); a card-number column picks each row's account;
 * matching by number suffix never crosses currencies or institutions; `account list` never adds
 * two currencies. Through the built CLI on temporary ledgers.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, tempLedger, type TempLedger } from './helpers.js';

const FIX = path.join(REPO_ROOT, 'test', 'fixtures', 'issue22');
const fixture = (name: string) => path.join(FIX, name);

interface Entry {
  date: string;
  amount: string;
  currency: string;
  account: string;
  description: string;
  kind: string;
}
interface AccountJson {
  name: string;
  type: string;
  currency: string;
  number_suffix: string | null;
  entries: number;
  balance: string;
  balances: { currency: string; entries: number; balance: string }[];
}

const entries = (t: TempLedger): Entry[] => JSON.parse(t.run(['tx', 'list', '--json']).stdout) as Entry[];
const accounts = (t: TempLedger): AccountJson[] => JSON.parse(t.run(['account', 'list', '--json']).stdout) as AccountJson[];

function withLedger(fn: (t: TempLedger) => void): void {
  const t = tempLedger('pb-acct-match-');
  try {
    fn(t);
  } finally {
    t.cleanup();
  }
}

describe('the CMB card export (issue 22 point 2)', () => {
  it('imports with no profile and no --account into the account whose suffix is 8842', () => {
    withLedger((t) => {
      expect(t.run(['account', 'add', 'CMB Card', '--type', 'credit', '--number-suffix', '8842']).code).toBe(0);
      const r = t.run(['import', fixture('cmb-card-8842-2026-09.csv'), '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as { files: { account: string; profile: string; new: number }[] }).files[0]).toMatchObject({
        account: 'CMB Card', profile: 'cmb-credit', new: 5,
      });
      const list = entries(t);
      // 人民币金额 prints purchases as + (the issuer's view): the layout flips them.
      expect(list.map((e) => [e.date, e.amount])).toEqual([
        ['2026-09-03', '-35.00'], ['2026-09-05', '120.00'], ['2026-09-10', '3000.00'], ['2026-09-14', '-38.00'], ['2026-09-20', '0.12'],
      ]);
      expect(accounts(t)).toHaveLength(1);
    });
  });

  it('with an empty ledger creates a credit account named after the bank and the card', () => {
    withLedger((t) => {
      const r = t.run(['import', fixture('cmb-card-8842-2026-09.csv')]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/created account "CMB 招商银行 ••8842" \(credit, CNY, ••8842\)/);
      expect(accounts(t)[0]).toMatchObject({ type: 'credit', number_suffix: '8842' });
    });
  });

  it('dates MM/DD rows by the 账单周期 line, a December → January cycle included', () => {
    withLedger((t) => {
      expect(t.run(['account', 'add', 'CMB Card', '--type', 'credit', '--number-suffix', '8842']).code).toBe(0);
      const r = t.run(['import', fixture('cmb-card-yearless-2026-12.csv')]);
      expect(r.code, r.stderr).toBe(0);
      expect(entries(t).map((e) => e.date)).toEqual(['2026-12-18', '2026-12-31', '2027-01-05', '2027-01-15']);
    });
  });

  it('a card-number column picks the account of each row; a preamble number line picks it for the file', () => {
    withLedger((t) => {
      const none = t.run(['import', fixture('card-no-column.csv')]);
      expect(none.code).toBe(1);
      expect(none.stderr).toMatch(/no account ends in 1111/);
      expect(entries(t)).toHaveLength(0);
      t.run(['account', 'add', 'Visa', '--type', 'credit', '--number-suffix', '1111']);
      t.run(['account', 'add', 'Master', '--type', 'credit', '--number-suffix', '2222']);
      expect(t.run(['import', fixture('card-no-column.csv')]).code).toBe(0);
      expect(entries(t).map((e) => [e.description, e.account, e.kind])).toEqual([
        ['CORNER BAKERY', 'Visa', 'expense'], ['HARDWARE STORE', 'Master', 'expense'], ['PAYMENT THANK YOU', 'Visa', 'transfer'],
      ]);
      const file = t.file('preamble.csv');
      writeFileSync(file, 'Kartennummer: **** **** **** 2222\nDate,Description,Amount\n2026-09-05,BUCHLADEN,-9.00\n');
      expect(t.run(['import', file]).code).toBe(0);
      expect(entries(t).find((e) => e.description === 'BUCHLADEN')?.account).toBe('Master');
    });
  });
});

describe('matching by number suffix (issue 22 point 3)', () => {
  it('a USD statement ending 9876 does not go into the CNY account ending 9876', () => {
    withLedger((t) => {
      expect(t.run(['account', 'add', 'Savings', '--type', 'savings', '--currency', 'CNY', '--number-suffix', '9876']).code).toBe(0);
      const r = t.run(['import', fixture('usd-card-9876.qfx')]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/not put in "Savings" although the number ends in 9876: the statement is in USD, "Savings" in CNY/);
      expect(r.stderr).toMatch(/created account "Maple Card Co USD ••9876" \(credit, USD, ••9876\)/);
      const list = accounts(t);
      expect(list.find((a) => a.name === 'Savings')).toMatchObject({ entries: 0 });
      expect(list.find((a) => a.name === 'Maple Card Co USD ••9876')).toMatchObject({ currency: 'USD', entries: 4, number_suffix: '9876' });
      // The same file again finds the account it made by its number and currency, renamed or not: nothing new.
      expect(t.run(['account', 'rename', 'Maple Card Co USD ••9876', 'Maple USD']).code).toBe(0);
      const again = t.run(['import', fixture('usd-card-9876.qfx'), '--json']);
      expect((JSON.parse(again.stdout) as { files: { account: string; new: number; duplicates: number }[] }).files[0]).toMatchObject({
        account: 'Maple USD', new: 0, duplicates: 4,
      });
      // A statement that names no currency could be either account ending 9876: the import asks.
      const file = t.file('no-currency.csv');
      writeFileSync(file, 'Date,Description,Amount,Card No.\n2026-09-05,KIOSK,-9.00,9876\n');
      const either = t.run(['import', file]);
      expect(either.code).toBe(1);
      expect(either.stderr).toMatch(/several accounts end in 9876 \(.*Savings.*\).*--account/);
    });
  });

  it('does not cross institutions either, and asks for --account when two accounts could fit', () => {
    withLedger((t) => {
      t.run(['account', 'add', 'Other Bank Card', '--type', 'credit', '--institution', 'Harbor Bank', '--currency', 'USD', '--number-suffix', '9876']);
      const r = t.run(['import', fixture('usd-card-9876.qfx')]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/the statement is from Maple Card Co, "Other Bank Card" from Harbor Bank/);
      expect(accounts(t).find((a) => a.name === 'Other Bank Card')?.entries).toBe(0);

      const u = tempLedger('pb-acct-match-');
      try {
        u.run(['account', 'add', 'Card A', '--type', 'credit', '--currency', 'USD', '--number-suffix', '9876']);
        u.run(['account', 'add', 'Card B', '--type', 'credit', '--currency', 'USD', '--number-suffix', '9876']);
        const two = u.run(['import', fixture('usd-card-9876.qfx')]);
        expect(two.code).toBe(1);
        expect(two.stderr).toMatch(/several accounts end in 9876 \(Card A, Card B\).*--account/);
        expect(entries(u)).toHaveLength(0);
      } finally {
        u.cleanup();
      }
    });
  });

  it('account list shows one line per currency and never adds two currencies', () => {
    withLedger((t) => {
      expect(t.run(['import', fixture('cmb-card-8842-2026-09.csv'), '--account', 'Mixed']).code).toBe(0);
      expect(t.run(['import', fixture('usd-card-9876.qfx'), '--account', 'Mixed']).code).toBe(0);
      const mixed = accounts(t)[0]!;
      expect(mixed).toMatchObject({ name: 'Mixed', currency: 'CNY', entries: 9, balance: '3047.12' });
      expect(mixed.balances).toEqual([
        // issue 27 added balance_as_of and owed per currency (a credit account: owed is the balance negated).
        { currency: 'CNY', entries: 5, balance: '3047.12', balance_as_of: '3047.12', owed: '-3047.12' },
        // The USD statement's LEDGERBAL (-100.00 on 09-30) makes its balance real money: 100.00 owed.
        { currency: 'USD', entries: 4, balance: '230.60', balance_as_of: '-100.00', owed: '100.00' },
      ]);
      const table = t.run(['account', 'list']).stdout;
      expect(table).toMatch(/Mixed .* CNY +5 +3047\.12/);
      expect(table).toMatch(/Mixed .* USD +4 +230\.60/);
      expect(table).not.toMatch(/3277\.72/); // 3047.12 + 230.60
    });
  });
});
