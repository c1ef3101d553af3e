/**
 * Issue 6 "Done means": a made-up month of Alipay, WeChat Pay and the two cards behind them,
 * imported in two different orders through the built CLI, gives the same spending total, equal
 * to what was really bought. Build first: `npx tsc -p tsconfig.json`.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempLedger, type TempLedger } from './helpers.js';

const FIX = path.join(REPO_ROOT, 'test/fixtures/china');
const FILES = {
  alipay: [path.join(FIX, 'alipay-2026-09.csv')],
  wechat: [path.join(FIX, 'wechat-2026-09.csv')],
  credit: [path.join(FIX, 'cmb-credit-8842-2026-09.csv'), '--account', 'CMB Credit'],
  debit: [path.join(FIX, 'cmb-debit-3147-2026-09.csv'), '--account', 'CMB Debit'],
} as const;
type Name = keyof typeof FILES;

// What was really bought in September: Alipay 35 + 128.50 + 23.40 + 199 − 59 (refund); WeChat 18 + 12.50 + 45;
// card only 38 (Starbucks); debit only 76.30. The closed Taobao trade (89 out, 89 back) nets to zero.
const REAL_SPENDING = '516.70';

let ledgers: TempLedger[] = [];
afterEach(() => {
  for (const l of ledgers) l.cleanup();
  ledgers = [];
});

interface Outcome {
  spending: string;
  income: string;
  mirrors: number;
  transferPairs: number;
  matchedReported: number;
  byDescription: string[];
}

function importInOrder(order: Name[]): Outcome {
  const l = tempLedger('pb-wallets-');
  ledgers.push(l);
  const env = { env: { POCKETBOOK_TODAY: '2026-10-15' } };
  expect(l.run(['account', 'add', 'CMB Credit', '--type', 'credit', '--institution', 'CMB 招商银行', '--number-suffix', '8842'], env).code).toBe(0);
  expect(l.run(['account', 'add', 'CMB Debit', '--type', 'checking', '--institution', 'CMB 招商银行', '--number-suffix', '3147'], env).code).toBe(0);
  let matchedReported = 0;
  for (const name of order) {
    const r = l.run(['import', ...FILES[name], '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { files: { transfers?: number; mirrors?: number }[] };
    matchedReported += (json.files[0]?.transfers ?? 0) + (json.files[0]?.mirrors ?? 0);
  }
  const db = new Database(l.ledger, { readonly: true });
  try {
    const sum = (sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0;
    const spending = -sum("SELECT sum(amount) FROM report_lines WHERE kind IN ('expense','refund')");
    const income = sum("SELECT sum(amount) FROM report_lines WHERE kind = 'income'");
    const mirrors = sum('SELECT count(*) FROM transactions WHERE mirror_of IS NOT NULL');
    const transferPairs = sum('SELECT count(*) FROM transactions WHERE transfer_peer_id IS NOT NULL') / 2;
    const byDescription = (db.prepare(
      `SELECT a.name || '|' || t.date || '|' || t.amount || '|' || t.kind || '|' || (t.mirror_of IS NOT NULL) || '|' || (t.transfer_peer_id IS NOT NULL)
       FROM transactions t JOIN accounts a ON a.id = t.account_id ORDER BY 1`,
    ).pluck().all() as string[]);
    return { spending: (spending / 100).toFixed(2), income: (income / 100).toFixed(2), mirrors, transferPairs, matchedReported, byDescription };
  } finally {
    db.close();
  }
}

describe('a month of wallets and the cards behind them', () => {
  it('counts every yuan once, whichever file comes first', () => {
    const walletsFirst = importInOrder(['alipay', 'wechat', 'credit', 'debit']);
    const cardsFirst = importInOrder(['debit', 'credit', 'wechat', 'alipay']);
    expect(walletsFirst.spending).toBe(REAL_SPENDING);
    expect(cardsFirst.spending).toBe(REAL_SPENDING);
    expect(walletsFirst.income).toBe('15066.00');
    expect(walletsFirst.mirrors).toBe(6);
    expect(walletsFirst.transferPairs).toBe(4);
    expect(walletsFirst.matchedReported).toBe(10);
    expect(cardsFirst.matchedReported).toBe(10);
    expect(cardsFirst.byDescription).toEqual(walletsFirst.byDescription);
  });

  it('tx unlink and tx link fix a pair by hand', () => {
    importInOrder(['credit', 'debit']);
    const l = ledgers[0]!;
    const list = JSON.parse(l.run(['tx', 'list', '--json']).stdout) as { id: number; amount: string; kind: string; account: string }[];
    const card = list.find((t) => t.amount === '1000.00')!;
    const debit = list.find((t) => t.amount === '-1000.00')!;
    expect([card.kind, debit.kind]).toEqual(['transfer', 'transfer']);
    expect(l.run(['tx', 'unlink', String(card.id)]).code).toBe(0);
    // Both back to what they were before the link: the card side a transfer because money arriving
    // on a credit card is a payment (kind source 'account'), the debit side by the default "Card
    // repayment" rule (test/e2e/tx-link.test.ts checks every field).
    const after = JSON.parse(l.run(['tx', 'list', '--json']).stdout) as typeof list;
    const shown = (id: number) => JSON.parse(l.run(['tx', 'show', String(id), '--json']).stdout) as { kind_source: string; transfer_peer: unknown };
    expect(after.find((t) => t.id === card.id)!.kind).toBe('transfer');
    expect([shown(card.id), shown(debit.id)].map((s) => [s.kind_source, s.transfer_peer])).toEqual([['account', null], ['rule:Card repayment', null]]);
    expect(l.run(['tx', 'link', String(card.id), String(debit.id)]).code).toBe(0);
    const relinked = JSON.parse(l.run(['tx', 'list', '--json']).stdout) as typeof list;
    expect(relinked.find((t) => t.id === debit.id)!.kind).toBe('transfer');
    const bad = l.run(['tx', 'link', String(card.id), String(card.id)]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/itself/);
  });
});

describe('a Chinese wallet or bank statement under a non-Chinese locale', () => {
  it('stays in yuan: the locale default currency never turns an Alipay bill or a CMB card into dollars', () => {
    const l = tempLedger();
    ledgers.push(l);
    const env = { env: { LANG: 'en_US.UTF-8', LC_ALL: undefined, LC_MONETARY: undefined } };
    expect(l.run(['config', 'get', 'currency', '--json'], env).stdout).toContain('USD');
    for (const file of [FILES.alipay[0], FILES.wechat[0], path.join(FIX, 'cmb-credit-8842-2026-09.csv')]) {
      const r = l.run(['import', file], env);
      expect(r.code, r.stderr).toBe(0);
    }
    const accounts = JSON.parse(l.run(['account', 'list', '--json'], env).stdout) as { name: string; currency: string }[];
    expect(accounts.length).toBeGreaterThan(0);
    for (const a of accounts) expect(a.currency, a.name).toBe('CNY');
  });
});
