/**
 * A small, fixed ledger for report tests, written directly with openLedger + inserts:
 * expenses, income, transfers (never counted), a refund netting its category, a category whose
 * refunds exceed purchases, a split entry, a mirrored card row, tags, CJK merchants, USD entries.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Context } from '../../../src/core/context.js';
import { type Db, openLedger } from '../../../src/ledger/open.js';

export interface Entry {
  account: string;
  date: string;
  amount: number;
  kind?: 'expense' | 'income' | 'transfer' | 'refund';
  merchant?: string | null;
  category?: string | null;
  channel?: string;
  currency?: string;
  tags?: string[];
  /** Split parts as [category path, amount]. */
  splits?: [string, number][];
  /** Index (in the entry list) of the wallet entry this card row mirrors. */
  mirrorOf?: number;
  description?: string;
}

export function categoryId(db: Db, pathText: string): number {
  const [parent, child] = pathText.split(':');
  const row = child
    ? db.prepare('SELECT c.id FROM categories c JOIN categories p ON p.id = c.parent_id WHERE p.name_en = ? AND c.name_en = ?').get(parent, child)
    : db.prepare('SELECT id FROM categories WHERE parent_id IS NULL AND name_en = ?').get(parent);
  if (!row) throw new Error(`no category ${pathText}`);
  return (row as { id: number }).id;
}

export function addAccounts(db: Db): void {
  const add = db.prepare("INSERT INTO accounts (name, type, currency, credit_limit, statement_day, created_at) VALUES (?, ?, ?, ?, ?, '2026-01-01')");
  add.run('Checking', 'checking', 'CNY', null, null);
  add.run('CMB Card', 'credit', 'CNY', 5_000_000, 5);
  add.run('Alipay', 'wallet', 'CNY', null, null);
  add.run('Chase', 'credit', 'USD', 300_000, 20);
}

/** Insert entries; returns their transaction ids (same order). */
export function insertEntries(db: Db, entries: readonly Entry[]): number[] {
  const accountId = (name: string) => (db.prepare('SELECT id FROM accounts WHERE name = ?').get(name) as { id: number }).id;
  const insert = db.prepare(
    `INSERT INTO transactions (account_id, date, amount, currency, description, dedup_key, occurrence, merchant, category_id, kind, channel, mirror_of, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, '2026-01-01')`,
  );
  const split = db.prepare('INSERT INTO splits (tx_id, category_id, amount, position) VALUES (?, ?, ?, ?)');
  const tag = db.prepare('INSERT INTO tags (tx_id, tag) VALUES (?, ?)');
  const ids: number[] = [];
  entries.forEach((e, i) => {
    const info = insert.run(
      accountId(e.account), e.date, e.amount, e.currency ?? 'CNY', e.description ?? `${e.merchant ?? 'entry'} ${i}`, `k${i}-${Math.random()}`,
      e.merchant ?? null, e.category ? categoryId(db, e.category) : null, e.kind ?? (e.amount < 0 ? 'expense' : 'income'),
      e.channel ?? 'card', e.mirrorOf !== undefined ? ids[e.mirrorOf]! : null,
    );
    const id = Number(info.lastInsertRowid);
    ids.push(id);
    e.splits?.forEach(([cat, amount], pos) => split.run(id, categoryId(db, cat), amount, pos));
    e.tags?.forEach((t) => tag.run(id, t));
  });
  return ids;
}

export const FIXTURE_ENTRIES: Entry[] = [
  // Earlier months: history for the trend and the 6-month average.
  ...['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'].flatMap((m, i): Entry[] => [
    { account: 'Checking', date: `${m}-10`, amount: 1_500_000, merchant: 'ACME Corp', category: 'Salary', channel: 'bank_transfer' },
    { account: 'CMB Card', date: `${m}-12`, amount: -(200_000 + i * 10_000), merchant: '盒马鲜生', category: 'Groceries:Supermarkets', channel: 'card' },
    { account: 'Alipay', date: `${m}-15`, amount: -3_500, merchant: 'Starbucks', category: 'Dining:Coffee & tea', channel: 'alipay' },
    { account: 'Checking', date: `${m}-20`, amount: -450_000, merchant: 'Landlord', category: 'Housing:Rent', channel: 'bank_transfer' },
  ]),
  // October 2026, the month the goldens report.
  { account: 'Checking', date: '2026-10-10', amount: 1_500_000, merchant: 'ACME Corp', category: 'Salary', channel: 'bank_transfer' },
  { account: 'Checking', date: '2026-10-20', amount: -450_000, merchant: 'Landlord', category: 'Housing:Rent', channel: 'bank_transfer' },
  { account: 'CMB Card', date: '2026-10-03', amount: -268_800, merchant: '盒马鲜生', category: 'Groceries:Supermarkets', channel: 'card', tags: ['family'] },
  { account: 'Alipay', date: '2026-10-04', amount: -3_500, merchant: 'Starbucks', category: 'Dining:Coffee & tea', channel: 'alipay' },
  { account: 'Alipay', date: '2026-10-11', amount: -4_200, merchant: 'Starbucks', category: 'Dining:Coffee & tea', channel: 'alipay', tags: ['coffee'] },
  { account: 'Alipay', date: '2026-10-12', amount: -8_800, merchant: '海底捞', category: 'Dining:Restaurants', channel: 'alipay', tags: ['family'] },
  // A card row mirroring the Alipay Haidilao payment: counted once (on the wallet side).
  { account: 'CMB Card', date: '2026-10-12', amount: -8_800, merchant: '海底捞', category: 'Dining:Restaurants', channel: 'card', mirrorOf: 29 },
  // Transfers never count: card repayment and a wallet top-up.
  { account: 'Checking', date: '2026-10-06', amount: -500_000, kind: 'transfer', merchant: 'CMB Card', category: 'Transfer:Card repayment', channel: 'bank_transfer' },
  { account: 'CMB Card', date: '2026-10-06', amount: 500_000, kind: 'transfer', merchant: 'CMB Card', category: 'Transfer:Card repayment', channel: 'bank_transfer' },
  { account: 'Alipay', date: '2026-10-07', amount: 100_000, kind: 'transfer', merchant: null, category: 'Transfer:Top-up & withdrawal', channel: 'alipay' },
  // Electronics: a purchase and its refund net inside the category.
  { account: 'CMB Card', date: '2026-10-14', amount: -599_900, merchant: 'Apple Store', category: 'Shopping:Electronics', channel: 'card' },
  { account: 'CMB Card', date: '2026-10-18', amount: 120_000, kind: 'refund', merchant: 'Apple Store', category: 'Shopping:Electronics', channel: 'card' },
  // Travel: a refund from last month's booking exceeds this month's purchases → negative net.
  { account: 'Alipay', date: '2026-10-16', amount: -20_000, merchant: '携程旅行', category: 'Travel:Hotels', channel: 'alipay' },
  { account: 'Alipay', date: '2026-10-17', amount: 85_000, kind: 'refund', merchant: '携程旅行', category: 'Travel:Hotels', channel: 'alipay' },
  // A split supermarket run: groceries and home goods.
  {
    account: 'CMB Card', date: '2026-10-21', amount: -30_000, merchant: 'Costco', category: 'Groceries:Supermarkets', channel: 'card',
    splits: [['Groceries:Supermarkets', -18_000], ['Shopping:Home goods', -12_000]],
  },
  { account: 'Alipay', date: '2026-10-25', amount: -1_500, merchant: '美团单车', category: 'Transport:Bike sharing', channel: 'wechat' },
  { account: 'Alipay', date: '2026-10-26', amount: -2_300, merchant: null, category: null, channel: 'unknown', description: 'Unknown shop' },
  // USD on its own card: reported separately.
  { account: 'Chase', date: '2026-10-09', amount: -4_999, merchant: 'Amazon', category: 'Shopping:Online shopping', channel: 'online', currency: 'USD' },
  // November so far.
  { account: 'Alipay', date: '2026-11-02', amount: -3_800, merchant: 'Starbucks', category: 'Dining:Coffee & tea', channel: 'alipay' },
];

/** A fresh fixture ledger in a temp dir. */
export function buildFixtureLedger(dir = mkdtempSync(path.join(tmpdir(), 'pb-reports-'))): { db: Db; file: string; dir: string; ids: number[] } {
  const file = path.join(dir, 'ledger.db');
  const db = openLedger(file);
  addAccounts(db);
  const ids = db.transaction(() => insertEntries(db, FIXTURE_ENTRIES))();
  return { db, file, dir, ids };
}

/** A quiet English context on the fixture ledger, today 2026-11-15 (the reports' "now"). */
export function fixtureContext(ledgerPath: string): Context {
  return {
    ledgerPath,
    today: '2026-11-15',
    settings: { currency: 'CNY', locale: 'en', color: false },
    io: { out: () => {}, err: () => {} },
    interactive: false,
    debug: false,
  };
}
