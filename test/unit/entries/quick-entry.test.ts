/**
 * The quick text of `tx add` (issue 28): a table of phrases in Chinese and English, and the ones
 * it must refuse to guess (two amounts, an account word matching none of the accounts, no amount…).
 */
import { describe, expect, it } from 'vitest';
import { type QuickData, parseQuickText } from '../../../src/core/quick-entry.js';
import { withLocale } from '../../../src/core/i18n.js';
import { quickProblemError } from '../../../src/app/entries/tx-add-parse.js';

// Sunday 2026-11-15: yesterday is Saturday the 14th; last week's Friday the 6th.
const DATA: QuickData = {
  today: '2026-11-15',
  currency: 'CNY',
  accounts: [
    { id: 1, name: 'CMB Card', institution: 'China Merchants Bank', type: 'credit' },
    { id: 2, name: 'ICBC Debit', institution: '中国工商银行', type: 'checking' },
    { id: 3, name: 'Cash', institution: null, type: 'cash' },
    { id: 4, name: '支付宝', institution: 'Alipay', type: 'wallet' },
    { id: 5, name: 'CCB Savings', institution: 'China Construction Bank', type: 'savings' },
    { id: 6, name: 'CCB Credit', institution: 'CCB', type: 'credit' },
  ],
  aliases: [{ alias: '招卡', accountId: 1 }],
  categories: [{ id: 50, en: 'Fuel', zh: '加油' }, { id: 60, en: 'Groceries', zh: '买菜超市' }],
};

const OK: [string, { date: string; amount: number; accountIds: number[]; description: string; categoryId?: number }][] = [
  ['昨天 加油 50 招行', { date: '2026-11-14', amount: -5000, accountIds: [1], description: '加油', categoryId: 50 }],
  ['lunch 13.2 cmb', { date: '2026-11-15', amount: -1320, accountIds: [1], description: 'lunch' }],
  ['9月3日 工资 +5200 工行', { date: '2026-09-03', amount: 520000, accountIds: [2], description: '工资' }],
  ['9月3日 工资 5200 工行', { date: '2026-09-03', amount: 520000, accountIds: [2], description: '工资' }],
  ['前天 午饭 25元 现金', { date: '2026-11-13', amount: -2500, accountIds: [3], description: '午饭' }],
  ['上周五 电影票 ¥80 支付宝', { date: '2026-11-06', amount: -8000, accountIds: [4], description: '电影票' }],
  ['今天 收红包 200 支付宝', { date: '2026-11-15', amount: 20000, accountIds: [4], description: '收红包' }],
  ['12月20日 礼物 300 cash', { date: '2025-12-20', amount: -30000, accountIds: [3], description: '礼物' }],
  ['yesterday groceries 86.5 cash', { date: '2026-11-14', amount: -8650, accountIds: [3], description: 'groceries', categoryId: 60 }],
  ['last friday taxi 40 招卡', { date: '2026-11-13', amount: -4000, accountIds: [1], description: 'taxi' }],
  ['3 Sep salary 5200 icbc', { date: '2026-09-03', amount: 520000, accountIds: [2], description: 'salary' }],
  ['Sep 3 refund from shop 99 cmb', { date: '2026-09-03', amount: 9900, accountIds: [1], description: 'refund from shop' }],
  ['coffee with Li Wei -32 "CMB Card"', { date: '2026-11-15', amount: -3200, accountIds: [1], description: 'coffee with Li Wei' }],
  ['2026-10-01 rent 4500 icbc', { date: '2026-10-01', amount: -450000, accountIds: [2], description: 'rent' }],
];

describe('quick text: what it understands', () => {
  it.each(OK)('%s', (text, want) => {
    const r = parseQuickText(text, DATA);
    expect(r.ok ? r.entry : r.problem).toMatchObject(want);
    if (r.ok && want.categoryId === undefined) expect(r.entry.categoryId).toBeUndefined();
  });

  it('two accounts of one bank are both candidates (the command then asks which)', () => {
    const r = parseQuickText('水费 80 建行', DATA);
    expect(r.ok && r.entry.accountIds).toEqual([5, 6]);
  });
});

const REFUSED: [string, string, string[]?][] = [
  ['lunch 13.2 15 cmb', 'TWO_AMOUNTS', ['13.2', '15']],
  ['午饭 25 30 现金', 'TWO_AMOUNTS', ['25', '30']],
  ['lunch cmb', 'NO_AMOUNT'],
  ['加油 招行', 'NO_AMOUNT'],
  ['lunch 12 中信', 'UNKNOWN_ACCOUNT', ['中信']],
  ['午饭 12 花旗', 'UNKNOWN_ACCOUNT', ['花旗']],
  ['lunch 12', 'NO_ACCOUNT'],
  ['lunch 12 cmb 现金', 'TWO_ACCOUNTS', ['cmb', '现金']],
  ['lunch 12 cmb xyz', 'NOT_UNDERSTOOD', ['xyz']],
  ['2026-10-01 rent 4500 ICBC Debit', 'NOT_UNDERSTOOD', ['Debit']],
  ['加油 50 招行 多少', 'NOT_UNDERSTOOD', ['多少']],
  ['昨天 今天 午饭 12 现金', 'TWO_DATES', ['昨天', '今天']],
  ['2月30日 午饭 12 现金', 'BAD_DATE', ['2月30日']],
  ['50 招行', 'NO_DESCRIPTION'],
  ['   ', 'EMPTY'],
];

describe('quick text: what it refuses to guess', () => {
  it.each(REFUSED)('%s → %s', (text, code, words) => {
    const r = parseQuickText(text, DATA);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe(code);
    if (words) expect((r.problem as { words: string[] }).words).toEqual(words);
  });

  it('names the word it did not understand, in English and in Chinese', () => {
    const r = parseQuickText('lunch 12 cmb xyz', DATA);
    if (r.ok) throw new Error('parsed');
    expect(quickProblemError(r.problem, 'lunch 12 cmb xyz').message).toBe("I did not understand: 'xyz'");
    expect(withLocale('zh', () => quickProblemError(r.problem, 'lunch 12 cmb xyz').message)).toBe("没看懂：'xyz'");
    const two = parseQuickText('午饭 25 30 现金', DATA);
    if (two.ok) throw new Error('parsed');
    expect(withLocale('zh', () => quickProblemError(two.problem, '午饭 25 30 现金').message)).toBe("“午饭 25 30 现金”里有两个金额：'25', '30'");
  });
});
