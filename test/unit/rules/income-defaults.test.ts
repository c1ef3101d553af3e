/**
 * The shipped default rules on a table of incoming and outgoing rows, Chinese and English
 * (issue 24 point 6): income rows land in the 19 income categories; transfers and card
 * repayments never become income; the income rules decide the category only, never the kind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryPath, findCategory } from '../../../src/ledger/categories.js';
import { openLedger, type Db } from '../../../src/ledger/open.js';
import { CompiledRules } from '../../../src/rules/compile.js';
import { DEFAULT_RULES } from '../../../src/rules/defaults/index.js';
import { INCOME } from '../../../src/rules/defaults/income.js';

let dir: string;
let db: Db;
let rules: CompiledRules;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pb-income-rules-'));
  db = openLedger(path.join(dir, 'l.db'));
  rules = new CompiledRules(DEFAULT_RULES.map((rule) => ({ rule, origin: 'default' as const, categoryId: rule.set.category ? findCategory(db, rule.set.category)!.id : undefined })));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function decide(description: string, amount: number): { category: string | undefined; kind: string | undefined } {
  const out = rules.evaluate({ description, merchant: '', amount, currency: 'CNY', account: 'Card', channel: 'bank_transfer' });
  return { category: out.category ? categoryPath(db, out.category.value, 'en') : undefined, kind: out.kind?.value };
}

describe('default rules file income rows under the income categories', () => {
  it.each([
    ['代发工资 2026年09月', 'Salary'],
    ['SALARY ACME CORP', 'Salary'],
    ['PAYROLL GUSTO', 'Salary'],
    ['兼职工资 周末促销', 'Part-time'],
    ['年终奖 代发', 'Bonus'],
    ['ANNUAL BONUS', 'Bonus'],
    ['劳务费 翻译', 'Freelance'],
    ['UPWORK ESCROW FREELANCE', 'Freelance'],
    ['商家收款 经营收入', 'Business income'],
    ['基金收益发放', 'Investment returns'],
    ['活期结息', 'Interest'],
    ['INTEREST PAYMENT', 'Interest'],
    ['现金红利 分红', 'Dividends'],
    ['DIVIDEND AAPL', 'Dividends'],
    ['房租收入 302室', 'Rental income'],
    ['差旅报销 九月', 'Reimbursement'],
    ['EXPENSE REIMBURSEMENT', 'Reimbursement'],
    ['微信红包', 'Red packets received'],
    ['婚礼礼金', 'Gifts received'],
    ['退押金 共享充电宝', 'Deposit refunds'],
    ['养老金发放', 'Pension'],
    ['SSA TREAS 310 SOC SEC', 'Pension'],
    ['高温补贴', 'Benefits'],
    ['彩票中奖', 'Prizes'],
    ['住房公积金提取', 'Housing fund'],
  ])('%s (money in) → %s, kind left alone', (description, category) => {
    expect(decide(description, 100_00)).toEqual({ category, kind: undefined });
  });

  it.each([
    ['信用卡还款', 'Transfer:Card repayment'],
    ['PAYMENT THANK YOU', 'Transfer:Card repayment'],
    ['本人转账 工资卡', 'Transfer:Own accounts'],
    ['TRANSFER FROM SAVINGS INTEREST', 'Transfer:Own accounts'],
    ['余额宝 转出到银行卡', 'Transfer:Top-up & withdrawal'],
  ])('%s (money in) stays a transfer: %s', (description, category) => {
    expect(decide(description, 100_00)).toEqual({ category, kind: 'transfer' });
  });

  it.each([
    ['微信红包', 'Gifts & red packets:Red packets'],
    ['星巴克 静安嘉里', 'Dining:Coffee & tea'],
    ['STARBUCKS #1234', 'Dining:Coffee & tea'],
    ['贷款利息', 'Fees & interest:Interest paid'],
    ['汽车金融 车贷', 'Car:Car loan'],
    ['交通违章罚款', 'Car:Traffic fines'],
    ['一嗨租车', 'Car:Car rental'],
    ['日用品 纸巾', 'Daily necessities'],
  ])('%s (money out) → %s', (description, category) => {
    expect(decide(description, -100_00).category).toBe(category);
  });

  it('an outgoing salary or bonus (paying a nanny) is not filed as income', () => {
    expect(decide('支付阿姨工资', -3000_00).category).toBeUndefined();
    expect(decide('BONUS PAYOUT TO STAFF', -100_00).category).toBeUndefined();
  });

  it('every income rule is for money in, names a top-level income category and sets nothing else', () => {
    for (const r of INCOME) {
      expect(r.match.direction, r.name).toBe('in');
      expect(Object.keys(r.set), r.name).toEqual(['category']);
      const c = findCategory(db, r.set.category!)!;
      expect([c.kind, c.parent_id], r.name).toEqual(['income', null]);
    }
  });
});
