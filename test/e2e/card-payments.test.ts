/**
 * Issue 22 point 1: card repayments are transfers, never income or spending, even while the paying
 * account's side is missing; refunds (and money given back) on a card stay refunds. Through the
 * built CLI on temporary ledgers.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { REPO_ROOT, tempLedger, type TempLedger } from './helpers.js';

const FIX = path.join(REPO_ROOT, 'test', 'fixtures', 'issue22');
const fixture = (name: string) => path.join(FIX, name);

interface Entry {
  id: number;
  date: string;
  amount: string;
  account: string;
  description: string;
  category: string | null;
  kind: string;
}

const entries = (t: TempLedger, ...args: string[]): Entry[] => JSON.parse(t.run(['tx', 'list', '--json', ...args]).stdout) as Entry[];
const month = (t: TempLedger, m: string) => JSON.parse(t.run(['report', 'month', m, '--json']).stdout) as { spending: string; income: string };
const accounts = (t: TempLedger) => JSON.parse(t.run(['account', 'list', '--json']).stdout) as { type: string; currency: string; number_suffix: string | null }[];
const kindOf = (list: Entry[], description: string) => list.find((e) => e.description === description)?.kind;

function withLedger(fn: (t: TempLedger) => void): void {
  const t = tempLedger('pb-card-pay-');
  try {
    fn(t);
  } finally {
    t.cleanup();
  }
}

describe('card repayments (issue 22 point 1)', () => {
  it('a lone 还款 on a CMB card statement is a transfer, not income; the bank side links to it later', () => {
    withLedger((t) => {
      const r = t.run(['import', fixture('cmb-card-8842-2026-09.csv'), '--account', 'CMB Card']);
      expect(r.code, r.stderr).toBe(0);
      let list = entries(t);
      expect(list.find((e) => e.description === '还款')).toMatchObject({ amount: '3000.00', kind: 'transfer', category: 'Transfer:Card repayment' });
      expect(kindOf(list, '京东商城-退货')).toBe('refund');
      expect(list.find((e) => e.description === '溢缴款利息')).toMatchObject({ kind: 'income', category: 'Interest' });
      // Spending: 35 + 38 − 120 refund; income: the interest only (the 3,000 payment is neither).
      expect(month(t, '2026-09')).toMatchObject({ income: '0.12', spending: '-47.00' });

      const bank = t.run(['import', fixture('cmb-checking-3147-2026-09.csv'), '--account', 'CMB Checking', '--json']);
      expect(bank.code, bank.stderr).toBe(0);
      expect((JSON.parse(bank.stdout) as { files: { transfers: number }[] }).files[0]!.transfers).toBe(1);
      list = entries(t);
      expect(kindOf(list, '还款')).toBe('transfer');
      expect(kindOf(list, '信用卡还款 / 招商银行信用卡中心')).toBe('transfer');
      expect(month(t, '2026-09').income).toBe('15000.12');
    });
  });

  it('an OFX credit-card statement makes a credit account: payments are transfers, returns and cashback refunds', () => {
    withLedger((t) => {
      const r = t.run(['import', fixture('usd-card-9876.qfx')]);
      expect(r.code, r.stderr).toBe(0);
      const account = (JSON.parse(t.run(['account', 'list', '--json']).stdout) as { name: string; type: string }[])[0];
      expect(account).toMatchObject({ type: 'credit', name: 'Maple Card Co ••9876' });
      const list = entries(t);
      expect(kindOf(list, 'ONLINE PAYMENT')).toBe('transfer');
      expect(kindOf(list, 'RETURN BLUE BOTTLE COFFEE')).toBe('refund');
      expect(kindOf(list, 'CASHBACK BONUS REDEMPTION')).toBe('refund');
      const sept = JSON.parse(t.run(['report', 'month', '2026-09', '--currency', 'USD', '--json']).stdout) as { income: string; spending: string };
      expect(sept).toMatchObject({ income: '0.00', spending: '19.40' });
    });
  });

  it('the reading thread (big files) decides card inflows the same way, for an existing card and a new one', () => {
    withLedger((t) => {
      const env = { POCKETBOOK_THREADS_MIN_BYTES: '1' };
      expect(t.run(['account', 'add', 'Maple', '--type', 'credit', '--currency', 'USD']).code).toBe(0);
      expect(t.run(['import', fixture('usd-card-9876.qfx'), '--account', 'Maple'], { env }).code).toBe(0);
      const r = t.run(['import', fixture('maple-card.csv'), '--profile', fixture('card-profile.yaml'), '--account', 'New Card', '--debug'], { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/second thread/);
      const list = entries(t);
      expect(kindOf(list, 'ONLINE PAYMENT')).toBe('transfer');
      expect(kindOf(list, 'THANK YOU')).toBe('transfer');
      expect(kindOf(list, 'BOOK NOOK CREDIT VOUCHER')).toBe('refund');
    });
  });

  it('a built-in card profile makes a credit account from its card-number column', () => {
    withLedger((t) => {
      const r = t.run(['import', fixture('bmo-card-4242.csv')]);
      expect(r.code, r.stderr).toBe(0);
      expect(accounts(t)).toEqual([expect.objectContaining({ type: 'credit', currency: 'CAD', number_suffix: '4242' })]);
      const list = entries(t);
      expect(kindOf(list, 'PAYMENT RECEIVED THANK YOU')).toBe('transfer');
      expect(kindOf(list, 'CORNER GROCER TORONTO ON RETURN')).toBe('refund');
      const sept = JSON.parse(t.run(['report', 'month', '2026-09', '--currency', 'CAD', '--json']).stdout) as { income: string; spending: string };
      expect(sept).toMatchObject({ income: '0.00', spending: '0.00' });
    });
  });

  it("a profile's account_type: credit makes a credit account, and its inflows are payments or credit vouchers", () => {
    withLedger((t) => {
      const r = t.run(['import', fixture('maple-card.csv'), '--profile', fixture('card-profile.yaml'), '--account', 'Maple CSV Card']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/created account "Maple CSV Card" \(credit/);
      const list = entries(t);
      expect(kindOf(list, 'THANK YOU')).toBe('transfer');
      expect(kindOf(list, 'BOOK NOOK CREDIT VOUCHER')).toBe('refund');
      expect(month(t, '2026-09').income).toBe('0.00');
    });
  });

  it('on a bank account the outflow that pays a card is a transfer; inflows there are not guessed at', () => {
    withLedger((t) => {
      expect(t.run(['import', fixture('bank-card-payment.csv'), '--account', 'Checking']).code).toBe(0);
      const list = entries(t);
      expect(kindOf(list, 'CITI CARD ONLINE PMT')).toBe('transfer');
      expect(kindOf(list, 'CHASE CREDIT CRD AUTOPAY')).toBe('transfer');
      expect(kindOf(list, 'GROCERY OUTLET')).toBe('expense');
      expect(kindOf(list, 'PAYROLL ACME INC')).toBe('income');
      expect(month(t, '2026-09')).toMatchObject({ income: '2500.00', spending: '60.00' });
    });
  });

  it('rules apply --all mends a ledger imported before: money on a card left as income becomes a payment or a refund', () => {
    withLedger((t) => {
      expect(t.run(['import', fixture('cmb-card-8842-2026-09.csv'), '--account', 'CMB Card']).code).toBe(0);
      const db = new Database(t.ledger);
      // What an import before issue 22 left: every inflow income by default.
      db.prepare("UPDATE transactions SET kind = 'income', kind_source = NULL WHERE amount > 0").run();
      db.close();
      expect(month(t, '2026-09').income).toBe('3120.12');
      expect(t.run(['rules', 'apply', '--all']).code).toBe(0);
      const list = entries(t);
      expect(kindOf(list, '还款')).toBe('transfer');
      expect(kindOf(list, '京东商城-退货')).toBe('refund');
      expect(kindOf(list, '溢缴款利息')).toBe('income');
      expect(month(t, '2026-09')).toMatchObject({ income: '0.12', spending: '-47.00' });
    });
  });

  it('rules apply keeps a card payment a transfer, and a user rule may still say otherwise', () => {
    withLedger((t) => {
      expect(t.run(['import', fixture('cmb-card-8842-2026-09.csv'), '--account', 'CMB Card']).code).toBe(0);
      expect(t.run(['rules', 'apply', '--all']).code).toBe(0);
      expect(kindOf(entries(t), '还款')).toBe('transfer');
      expect(t.run(['rules', 'add', 'Gift from mum', '--match', '^还款$', '--kind', 'income']).code).toBe(0);
      expect(t.run(['rules', 'apply', '--all']).code).toBe(0);
      expect(kindOf(entries(t), '还款')).toBe('income');
    });
  });
});
