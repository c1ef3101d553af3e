/** The journal export from row data: names, forced links, tags and notes. */
import { describe, expect, it } from 'vitest';
import { toJournalTx } from '../../../src/app/export/export-journal.js';
import { formatBeancountTx, formatLedgerTx, ledgerNoteTags } from '../../../src/app/export/journal-format.js';
import { journalNames } from '../../../src/app/export/journal-names.js';
import type { AccountNode, CategoryNode, JournalRow } from '../../../src/ledger/export-rows.js';

const ACCOUNTS: AccountNode[] = [
  { id: 1, name: '支付宝', type: 'wallet', institution: null, number_suffix: null },
  { id: 2, name: 'Cash (old)', type: 'cash', institution: null, number_suffix: null },
  { id: 3, name: 'Cash old', type: 'cash', institution: null, number_suffix: null },
  { id: 4, name: '招行信用卡', type: 'credit', institution: 'CMB', number_suffix: '8842' },
  { id: 5, name: 'Chase', type: 'credit', institution: null, number_suffix: null },
  { id: 6, name: '微信', type: 'wallet', institution: null, number_suffix: null },
];
const CATEGORIES: CategoryNode[] = [
  { id: 1, parent_id: null, name_en: 'Income', kind: 'income' },
  { id: 2, parent_id: 1, name_en: 'Salary', kind: 'income' },
  { id: 3, parent_id: null, name_en: 'Gifts & red packets', kind: 'expense' },
  { id: 4, parent_id: 3, name_en: 'Red packets', kind: 'expense' },
  { id: 5, parent_id: null, name_en: '宠物', kind: 'expense' },
];

const row = (r: Partial<JournalRow>): JournalRow => ({
  id: 10, date: '2026-09-30', amount: -10_000, currency: 'CNY', description: 'd', merchant: null, kind: 'expense', account_id: 1, category_id: null,
  peer_id: null, peer_kind: null, peer_amount: null, peer_currency: null, mirror_account_id: null, tags: null, notes: null, splits: null, ...r,
});

describe('journal account names', () => {
  const bean = journalNames('beancount', ACCOUNTS, CATEGORIES);
  const ledger = journalNames('ledger', ACCOUNTS, CATEGORIES);
  it('makes beancount-valid, distinct names and keeps the user name as metadata', () => {
    const names = ACCOUNTS.map((a) => bean.asset(a.id));
    expect(names).toEqual(['Assets:Wallet', 'Assets:Cash-old', 'Assets:Cash-old-2', 'Liabilities:CMB-8842', 'Liabilities:Chase', 'Assets:Wallet-2']);
    for (const n of names) for (const part of n.split(':')) expect(part).toMatch(/^[\p{Lu}\p{Nd}][\p{L}\p{Nd}-]*$/u);
    expect(bean.info('Assets:Wallet')).toEqual({ name: '支付宝' });
    expect(bean.counter('spending', 5)).toBe('Expenses:Category-5');
  });
  it('keeps the user names in ledger format, distinct', () => {
    expect(ACCOUNTS.map((a) => ledger.asset(a.id))).toEqual(['Assets:支付宝', 'Assets:Cash (old)', 'Assets:Cash old', 'Liabilities:招行信用卡', 'Liabilities:Chase', 'Assets:微信']);
  });
  it('roots by side, never Income:Income', () => {
    expect(bean.counter('income', 2)).toBe('Income:Salary');
    expect(bean.counter('income', 1)).toBe('Income:General');
    expect(bean.counter('income', 4)).toBe('Income:Gifts-red-packets:Red-packets');
    expect(bean.counter('spending', 2)).toBe('Expenses:Income:Salary');
    expect(bean.counter('spending', null)).toBe('Expenses:Uncategorized');
  });
});

describe('journal transactions from rows', () => {
  const names = journalNames('ledger', ACCOUNTS, CATEGORIES);
  const sum = (ps: { amount: number; currency: string }[], cur: string) => ps.filter((p) => p.currency === cur).reduce((s, p) => s + p.amount, 0);
  it('posts an income entry under a spending category to Income', () => {
    const t = toJournalTx(row({ kind: 'income', amount: 8_800, category_id: 4 }), names);
    expect(t.postings.map((p) => [p.account, p.amount])).toEqual([['Income:Gifts & red packets:Red packets', -8_800], ['Assets:支付宝', 8_800]]);
  });
  it('keeps both legs of a forced link of two currencies, balanced through Equity:Conversion', () => {
    const first = toJournalTx(row({ id: 10, kind: 'transfer', amount: -70_000, peer_id: 11, peer_kind: 'transfer', peer_amount: 10_000, peer_currency: 'USD' }), names);
    const second = toJournalTx(row({ id: 11, kind: 'transfer', amount: 10_000, currency: 'USD', account_id: 5, peer_id: 10, peer_kind: 'transfer', peer_amount: -70_000, peer_currency: 'CNY' }), names);
    const all = [...first.postings, ...second.postings];
    expect(all).toContainEqual({ account: 'Liabilities:Chase', amount: 10_000, currency: 'USD' });
    expect(all).toContainEqual({ account: 'Assets:支付宝', amount: -70_000, currency: 'CNY' });
    for (const t of [first, second]) for (const cur of ['CNY', 'USD']) expect(sum(t.postings, cur)).toBe(0);
    expect(sum(all.filter((p) => p.account === 'Equity:Transfers:In-transit'), 'CNY')).toBe(0);
  });
  it('puts the gap of a forced link of two amounts on a fee posting', () => {
    const first = toJournalTx(row({ id: 10, kind: 'transfer', amount: -10_000, peer_id: 11, peer_kind: 'transfer', peer_amount: 9_800, peer_currency: 'CNY' }), names);
    const second = toJournalTx(row({ id: 11, kind: 'transfer', amount: 9_800, account_id: 2, peer_id: 10, peer_kind: 'transfer', peer_amount: -10_000, peer_currency: 'CNY' }), names);
    expect(second.postings).toContainEqual({ account: 'Equity:Transfers:Fees', amount: 200, currency: 'CNY' });
    for (const t of [first, second]) expect(sum(t.postings, 'CNY')).toBe(0);
  });
});

describe('tags and notes', () => {
  const names = journalNames('ledger', ACCOUNTS, CATEGORIES);
  const t = toJournalTx(row({ tags: 'a\u001fwork trip', notes: 'first, with a comma\u001esecond: one\nits [2] line :x:y:' }), names);
  it('writes one tag per line and every note line, numbered', () => {
    const text = formatLedgerTx(t);
    expect(text).toContain('    ; a:\n    ; work-trip:\n');
    expect(text).toContain('    ; [note 1] first, with a comma\n    ; [note 2] second: one\n    ; [note 2] its [2] line :x:y:');
    expect(ledgerNoteTags('its :x:y: and :z:')).toEqual(['x', 'y', 'z']);
  });
  it('gives beancount one metadata key per note', () => {
    const text = formatBeancountTx(t);
    expect(text).toContain('#a');
    expect(text).toContain('  tags: "work trip"');
    expect(text).toContain('  note: "first, with a comma"\n  note-2: "second: one\nits [2] line :x:y:"');
  });
});
