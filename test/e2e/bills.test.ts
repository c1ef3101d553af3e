/**
 * Issue 26 points 1 and 7 through the built CLI: `account edit` (an account an import created
 * becomes a card with statement and due days), `cards` (the bill: statement, balance, due date,
 * repaid, days left, status; --json, --exit-code, Chinese), `tx list --instalments`, and a purchase
 * turned into instalments counted once. Bad input: one line, exit 1, nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { tempLedger, type TempLedger } from './helpers.js';

const SEPT = 'Date,Description,Amount\n2026-09-01,COFFEE,-38.00\n2026-09-03,TAXI,-27.80\n';
const OCT = [
  'Date,Description,Amount',
  '2026-09-10,APPLE STORE PUDONG,-12000.00',
  '2026-09-12,分期转出 APPLE STORE PUDONG,12000.00',
  '2026-09-12,APPLE STORE PUDONG 分期 第1/12期,-1000.00',
  '2026-09-20,HEMA,-200.00',
  '2026-10-05,PAYMENT RECEIVED - THANK YOU,65.80',
  '2026-10-12,APPLE STORE PUDONG 分期 第2/12期,-1000.00',
  '2026-10-15,PAYMENT RECEIVED - THANK YOU,500.00',
  '2026-10-18,STARBUCKS 3/12,-30.00',
  '',
].join('\n');
const PAID = 'Date,Description,Amount\n2026-10-22,PAYMENT RECEIVED - THANK YOU,700.00\n2026-10-23,LUCKIN COFFEE,-20.00\n';

interface CardsJson {
  today: string;
  due_soon: string[];
  bills: { account: string; missing: string[]; statement_date: string | null; period: { from: string; to: string } | null; statement_balance: string | null; basis: string | null; due_date: string | null; repaid: string | null; left_to_pay: string | null; days_left: number | null; status: string | null }[];
}

let t: TempLedger;
const on = (today: string) => ({ env: { POCKETBOOK_TODAY: today } });
const ok = (args: string[], today = '2026-10-20') => {
  const r = t.run(args, on(today));
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
const cards = (today: string) => JSON.parse(ok(['cards', '--json'], today)) as CardsJson;
const visa = (today: string) => cards(today).bills.find((b) => b.account === 'Visa Card')!;

beforeAll(() => {
  t = tempLedger('pb-bills-');
  fs.writeFileSync(t.file('sept.csv'), SEPT);
  fs.writeFileSync(t.file('oct.csv'), OCT);
  fs.writeFileSync(t.file('paid.csv'), PAID);
  ok(['import', t.file('sept.csv'), '--account', 'Visa Card']);
});
afterAll(() => t.cleanup());

describe('account edit (issue 26 point 1)', () => {
  it('an account an import created becomes a credit card with statement and due days; the output says what changed', () => {
    const r = t.run(['account', 'edit', 'Visa Card', '--type', 'credit', '--statement-day', '5', '--due-day', '23', '--credit-limit', '20000', '--number-suffix', '6222 0000 1234', '--institution', 'CMB'], on('2026-10-20'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('its 2 entries keep their kinds; `pocketbook rules apply --all`');
    const out = r.stdout;
    expect(out).toContain('updated account "Visa Card":');
    expect(out).toContain('type: checking → credit');
    expect(out).toContain('statement day: (none) → 5');
    expect(out).toContain('due day: (none) → 23');
    expect(out).toContain('credit limit: (none) → 20000.00');
    expect(out).toContain('number suffix: (none) → 1234');
    expect(t.run(['account', 'edit', 'Visa Card', '--type', 'credit'], on('2026-10-20')).stdout).toContain('nothing changed');
    const list = JSON.parse(ok(['account', 'list', '--json'])) as { name: string; type: string; due_day: number | null; statement_day: number | null; credit_limit: string | null }[];
    expect(list.find((a) => a.name === 'Visa Card')).toMatchObject({ type: 'credit', statement_day: 5, due_day: 23, credit_limit: '20000.00' });
    // The statement imported after the edit is read as a card's: payments are transfers, the conversion money given back.
    ok(['import', t.file('oct.csv'), '--account', 'Visa Card']);
  });

  it('--json gives the changes; the same values again change nothing; Chinese output', () => {
    const r = JSON.parse(ok(['account', 'edit', 'Visa Card', '--due-day', '23', '--json'])) as { changes: unknown[]; account: { due_day: number } };
    expect(r.changes).toEqual([]);
    expect(r.account.due_day).toBe(23);
    expect(ok(['--lang', 'zh', 'account', 'edit', 'Visa Card', '--credit-limit', '30000'])).toContain('信用额度：20000.00 → 30000.00');
  });

  it.each([
    [['Visa Card', '--currency', 'USD'], /cannot change the currency of "Visa Card": it holds \d+ entries in CNY/],
    [['Visa Card', '--due-day', '32'], /--due-day "32" must be a day of the month, 1 to 31/],
    [['Visa Card', '--statement-day', '0'], /--statement-day "0" must be a day of the month/],
    [['Visa Card', '--type', 'loan'], /--type must be one of/],
    [['Visa Card'], /give at least one field to change/],
    [['Nobody', '--due-day', '3'], /no account named "Nobody"/],
    [['Visa Card', '--type', 'checking'], /--credit-limit applies to credit cards only|--due-day applies to credit cards only/],
  ])('refuses %j with one line, exit 1, nothing written', (args, message) => {
    const before = ok(['account', 'list', '--json']);
    const r = t.run(['account', 'edit', ...args], on('2026-10-20'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(ok(['account', 'list', '--json'])).toBe(before);
  });

  it('--credit-limit on a non-credit account says it is for cards only', () => {
    ok(['account', 'add', 'Giro', '--type', 'checking']);
    const r = t.run(['account', 'edit', 'Giro', '--credit-limit', '5000'], on('2026-10-20'));
    expect([r.code, r.stderr.trim()]).toEqual([1, 'pocketbook: --credit-limit applies to credit cards only: "Giro" is a checking account (if it is a card, add --type credit; else clear it with --credit-limit none)']);
    // A currency can change while the account holds nothing.
    expect(ok(['account', 'edit', 'Giro', '--currency', 'eur'])).toContain('currency: CNY → EUR');
  });
});

describe('cards: credit-card bills (issue 26 point 7)', () => {
  it('the last closed statement, its balance, the due date, repaid since, days left, status due', () => {
    expect(visa('2026-10-20')).toMatchObject({
      statement_date: '2026-10-05', period: { from: '2026-09-06', to: '2026-10-05' },
      // 12000 bought, 12000 turned into instalments, 1000 first instalment, 200: 1200 (the 65.80 paid on the statement day is not a repayment of it)
      statement_balance: '1200.00', basis: 'new_charges', due_date: '2026-10-23', repaid: '500.00', left_to_pay: '700.00', days_left: 3, status: 'due',
    });
    expect(visa('2026-10-04')).toMatchObject({ statement_date: '2026-09-05', period: { from: '2026-08-06', to: '2026-09-05' }, statement_balance: '65.80', due_date: '2026-09-23', status: 'overdue' });
  });

  it('--exit-code: 3 within 3 days of the due date or overdue while unpaid, 0 otherwise', () => {
    expect(t.run(['cards', '--exit-code'], on('2026-10-19')).code).toBe(0); // 4 days left
    expect(t.run(['cards', '--exit-code'], on('2026-10-20')).code).toBe(3);
    const late = t.run(['cards', '--exit-code'], on('2026-10-24'));
    expect(late.code).toBe(3);
    expect(late.stdout).toMatch(/Visa Card .*OVERDUE/);
    expect(late.stdout).toContain('1 days late');
    expect(t.run(['cards'], on('2026-10-20')).code).toBe(0); // without the flag: 0
  });

  it('text in English and Chinese, with what the balance means and how to set a missing statement day', () => {
    ok(['account', 'add', 'PA Card', '--type', 'credit']);
    const en = ok(['cards']);
    expect(en).toMatch(/Visa Card\s+day 5\s+2026-09-06 … 2026-10-05\s+1,200\.00\s+2026-10-23\s+500\.00\s+700\.00\s+3 days\s+due/);
    expect(en).toContain('without any balance carried from earlier statements');
    expect(en).toContain('"PA Card" has no statement day, so its bill cannot be worked out: set it with `pocketbook account edit "PA Card" --statement-day N --due-day M`');
    const zh = ok(['--lang', 'zh', 'cards']);
    for (const word of ['账单日', '还款日', '本期账单', '已还', '待还', '剩余天数', '每月 5 日', '3 天', '未设账单日', '未含上期结转余额']) expect(zh).toContain(word);
    expect(zh).toContain('“PA Card”未设置账单日');
    const pa = cards('2026-10-20').bills.find((b) => b.account === 'PA Card');
    expect(pa).toMatchObject({ missing: ['statement_day', 'due_day'], status: null, statement_date: null });
  });

  it('paid once the repayments reach the bill; then --exit-code is 0', () => {
    ok(['import', t.file('paid.csv'), '--account', 'Visa Card'], '2026-10-24');
    expect(visa('2026-10-24')).toMatchObject({ repaid: '1200.00', left_to_pay: '0.00', status: 'paid' });
    expect(t.run(['cards', '--exit-code'], on('2026-10-24')).code).toBe(0);
    expect(ok(['--lang', 'zh', 'cards'], '2026-10-24')).toContain('已还清');
  });

  it('with a known balance the bill is what the card owed at the close (carried balance included)', () => {
    // The card owed 1000.00 at the end of August: every later figure follows from it.
    ok(['account', 'set-balance', 'Visa Card', '-1000.00', '--date', '2026-08-31']);
    const b = visa('2026-10-20');
    // −1000 − 65.80 (Sept 1–3) − 1200 (the period) + 65.80 (paid Oct 5) = −2200.00
    expect(b).toMatchObject({ basis: 'balance', statement_balance: '2200.00', repaid: '500.00', left_to_pay: '1700.00' });
    expect(ok(['cards'])).toContain('what the card owed at the close of the statement day');
  });
});

describe('instalments (issue 26 point 7)', () => {
  it('tx list --instalments groups the periods by plan: paid, remaining, next month; a date 3/12 is not one', () => {
    const plans = JSON.parse(ok(['tx', 'list', '--instalments', '--json'])) as Record<string, unknown>[];
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      plan: 'APPLE STORE PUDONG', account: 'Visa Card', per_period: '1000.00', periods: 12, paid_periods: 2, paid: '2000.00',
      remaining_periods: 10, remaining: '10000.00', next_month: '2026-11',
    });
    expect(ok(['tx', 'list', '--instalments'])).toMatch(/APPLE STORE PUDONG\s+Visa Card\s+1000\.00\s+2 of 12\s+2000\.00\s+10000\.00\s+2026-11/);
    expect(ok(['--lang', 'zh', 'tx', 'list', '--instalments', '--account', 'Visa Card'])).toMatch(/分期计划[\s\S]*2\/12 期/);
  });

  it('a purchase turned into instalments counts once: each month spends its billed period', () => {
    const list = JSON.parse(ok(['tx', 'list', '--json', '--account', 'Visa Card'])) as { description: string; kind: string }[];
    expect(list.find((e) => e.description.startsWith('分期转出'))?.kind).toBe('refund');
    const spending = (m: string) => (JSON.parse(ok(['report', 'month', m, '--json'])) as { spending: string }).spending;
    // September: 38 + 27.80 + 12000 − 12000 + 1000 + 200 (not 13265.80); October: the second period, the two coffees.
    expect(spending('2026-09')).toBe('1265.80');
    expect(spending('2026-10')).toBe('1050.00');
  });

  it('--instalments with a date filter is refused: one line, exit 1', () => {
    const r = t.run(['tx', 'list', '--instalments', '--month', '2026-10'], on('2026-10-20'));
    expect([r.code, r.stderr.trim()]).toEqual([1, 'pocketbook: --instalments takes only --account (a plan is shown whole, whatever the dates)']);
  });
});

describe('the demo ledger and --help', () => {
  it('the demo card has its due day: cards shows its bill', () => {
    const d = tempLedger('pb-bills-demo-');
    try {
      expect(d.run(['demo', '--ledger', d.ledger], on('2026-10-20')).code).toBe(0);
      const v = JSON.parse(d.run(['cards', '--json'], on('2026-10-20')).stdout) as CardsJson;
      expect(v.bills).toEqual([expect.objectContaining({
        account: 'CMB Credit Card', statement_date: '2026-10-05', due_date: '2026-10-23', statement_balance: '5167.70', days_left: 3, status: 'due', missing: [],
      })]);
      expect(d.run(['account', 'edit', 'CMB Credit Card', '--name', '招行信用卡'], on('2026-10-20')).stdout).toContain('name: CMB Credit Card → 招行信用卡');
      expect(d.run(['--lang', 'zh', 'cards'], on('2026-10-24')).stdout).toMatch(/招行信用卡.*逾期 1 天\s+已逾期/);
    } finally {
      d.cleanup();
    }
  });

  it.each([['cards'], ['account', 'edit'], ['tx', 'list']])('%s --help ends with examples in both languages', (...cmd) => {
    expect(t.run([...cmd, '--help']).stdout).toMatch(/Examples:[\s\S]*\$ pocketbook (cards|account edit|tx list)/);
    const zh = t.run(['--lang', 'zh', ...cmd, '--help']).stdout;
    expect(zh).toMatch(/pocketbook (cards|account edit|tx list)/);
    expect(zh).toMatch(/[账还卡分]/);
  });
});
