/**
 * Migration 18 (issue 24 point 6): 23 top-level expense and 19 top-level income categories.
 * An existing ledger (made with migrations 1–17 as shipped) keeps every entry's category (ids
 * kept), renamed categories are mapped, the user's own categories and names stay, rules follow.
 */
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/ledger/migrations/index.js';
import { openLedger, type Db } from '../../src/ledger/open.js';
import { findCategory } from '../../src/ledger/categories.js';
import { listUserRules } from '../../src/ledger/rules-store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-taxonomy-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Raw = BetterSqlite3.Database;
const idOf = (db: Raw, parent: string | null, en: string): number =>
  parent === null
    ? (db.prepare('SELECT id FROM categories WHERE parent_id IS NULL AND name_en = ?').pluck().get(en) as number)
    : (db.prepare('SELECT c.id FROM categories c JOIN categories p ON p.id = c.parent_id WHERE p.name_en = ? AND c.name_en = ?').pluck().get(parent, en) as number);

/** A ledger at schema 17 with entries in old categories; `setup` adds the user's own changes. */
function oldLedger(name: string, setup: (db: Raw) => void = () => {}): { file: string; entries: Map<number, number> } {
  const file = path.join(dir, name);
  const db = new BetterSqlite3(file);
  for (const m of MIGRATIONS.filter((m) => m.version <= 17)) {
    if (m.sql) db.exec(m.sql);
    m.up?.(db);
  }
  db.pragma('user_version = 17');
  db.prepare(`INSERT INTO accounts (id, name, type, currency, created_at) VALUES (1, 'Checking', 'checking', 'CNY', 'now')`).run();
  const tx = db.prepare(`INSERT INTO transactions (account_id, date, amount, currency, description, dedup_key, occurrence, kind, category_id, created_at) VALUES (1, ?, ?, 'CNY', ?, ?, 1, ?, ?, 'now')`);
  const rows: [string, string, number, string | null, string][] = [
    ['2026-09-10', '代发工资', 2_000_000, 'Income', 'Salary'],
    ['2026-09-11', '基金收益', 12_300, 'Income', 'Investment'],
    ['2026-09-12', '淘宝店铺收入', 50_000, 'Income', 'Side business'],
    ['2026-09-13', '活期结息', 1_234, 'Income', 'Interest'],
    ['2026-09-14', '星巴克', -3_500, 'Dining', 'Coffee & tea'],
    ['2026-09-15', '加油', -30_000, 'Transport', 'Fuel'],
    ['2026-09-16', '个税', -10_000, null, 'Taxes'],
  ];
  rows.forEach(([date, description, amount, parent, child], i) => {
    const kind = amount > 0 ? 'income' : 'expense';
    tx.run(date, amount, description, `k${i}`, kind, idOf(db, parent, child));
  });
  db.prepare(`INSERT INTO rules (position, name, match_json, set_json, created_at) VALUES (0, 'Fund', '{"description":"基金"}', '{"category":"Income:Investment"}', 'now'), (1, 'Shop', '{"description":"店铺"}', '{"category":"收入:副业"}', 'now'), (2, 'Coffee', '{"description":"咖啡"}', '{"category":"Dining:Coffee & tea"}', 'now')`).run();
  db.prepare(`INSERT INTO budgets (category_id, amount, currency, period) VALUES (?, 50000, 'CNY', 'month')`).run(idOf(db, 'Dining', 'Coffee & tea'));
  setup(db);
  const entries = new Map((db.prepare('SELECT id, category_id FROM transactions').all() as { id: number; category_id: number }[]).map((r) => [r.id, r.category_id]));
  db.close();
  return { file, entries };
}

const tops = (db: Db, kind: string) => db.prepare('SELECT count(*) FROM categories WHERE parent_id IS NULL AND kind = ?').pluck().get(kind);
const entryCategories = (db: Db) => new Map((db.prepare('SELECT id, category_id FROM transactions').all() as { id: number; category_id: number }[]).map((r) => [r.id, r.category_id]));

describe('migration 18: the taxonomy', () => {
  it('a new ledger has 23 expense and 19 income top-level categories, bilingual, with subcategories, and the transfer group', () => {
    const db = openLedger(path.join(dir, 'fresh.db'));
    expect(tops(db, 'expense')).toBe(23);
    expect(tops(db, 'income')).toBe(19);
    expect(tops(db, 'transfer')).toBe(1);
    expect(findCategory(db, 'Income')).toBeUndefined();
    for (const [en, zh] of [['Salary', '工资'], ['Part-time', '兼职'], ['Freelance', '劳务报酬'], ['Investment returns', '投资收益'], ['Dividends', '股息分红'], ['Deposit refunds', '押金退还'], ['Pension', '养老金'], ['Housing fund', '公积金提取'], ['Other income', '其他收入'], ['Car', '汽车'], ['Daily necessities', '日用百货']]) {
      const c = findCategory(db, en!)!;
      expect([c.name_zh, c.parent_id], en).toEqual([zh, null]);
      expect(findCategory(db, zh!)!.id).toBe(c.id);
    }
    expect(findCategory(db, '奖金:年终奖')!.name_en).toBe('Year-end bonus');
    expect(findCategory(db, 'Car:Car loan')!.kind).toBe('expense');
    // Paths written for the old tree still name the same categories.
    expect(findCategory(db, 'Income:Salary')!.id).toBe(findCategory(db, 'Salary')!.id);
    expect(findCategory(db, '收入:收红包')!.name_en).toBe('Red packets received');
    expect(db.prepare('SELECT count(*) FROM categories WHERE parent_id IS NOT NULL AND kind = ?').pluck().get('income')).toBeGreaterThanOrEqual(20);
    db.close();
  });

  it('an existing ledger keeps every entry in its category; renamed ones are mapped, rules follow, Income goes when unused', () => {
    const { file, entries } = oldLedger('v17.db');
    const before = new BetterSqlite3(file, { readonly: true });
    const investment = idOf(before, 'Income', 'Investment');
    const side = idOf(before, 'Income', 'Side business');
    const salary = idOf(before, 'Income', 'Salary');
    const categories = before.prepare('SELECT count(*) FROM categories').pluck().get() as number;
    before.close();
    const db = openLedger(file);
    expect(entryCategories(db)).toEqual(entries);
    expect(db.prepare('SELECT id, parent_id, name_en, name_zh, kind FROM categories WHERE id IN (?, ?, ?) ORDER BY id').all(salary, investment, side)).toEqual([
      { id: salary, parent_id: null, name_en: 'Salary', name_zh: '工资', kind: 'income' },
      { id: investment, parent_id: null, name_en: 'Investment returns', name_zh: '投资收益', kind: 'income' },
      { id: side, parent_id: null, name_en: 'Business income', name_zh: '经营所得', kind: 'income' },
    ].sort((a, b) => a.id - b.id));
    expect(tops(db, 'expense')).toBe(23);
    expect(tops(db, 'income')).toBe(19);
    // 002's tree minus `Income`, plus what 18 adds; nothing else lost.
    const added = db.prepare('SELECT count(*) FROM categories').pluck().get() as number;
    expect(added).toBeGreaterThan(categories);
    expect(findCategory(db, 'Income')).toBeUndefined();
    expect(listUserRules(db).map((r) => r.set.category)).toEqual(['Investment returns', 'Business income', 'Dining:Coffee & tea']);
    expect(db.prepare('SELECT category_id FROM budgets').pluck().all()).toEqual([entries.get(5)]);
    // The reports see the same categories (ids kept): income by category after the migration.
    expect(db.prepare('SELECT c.name_en, sum(t.amount) AS amount FROM transactions t JOIN categories c ON c.id = t.category_id WHERE t.amount > 0 GROUP BY 1 ORDER BY 2 DESC').all()).toEqual([
      { name_en: 'Salary', amount: 2_000_000 }, { name_en: 'Business income', amount: 50_000 }, { name_en: 'Investment returns', amount: 12_300 }, { name_en: 'Interest', amount: 1_234 },
    ]);
    db.close();
  });

  it("the user's own categories and names stay; Income stays while something uses it", () => {
    const { file, entries } = oldLedger('v17-own.db', (db) => {
      const income = idOf(db, null, 'Income');
      db.prepare("UPDATE categories SET name_en = 'Etsy shop', name_zh = '网店' WHERE id = ?").run(idOf(db, 'Income', 'Side business'));
      db.prepare("UPDATE categories SET name_zh = '理财' WHERE id = ?").run(idOf(db, 'Income', 'Investment'));
      db.prepare("INSERT INTO categories (parent_id, name_en, name_zh, kind, position) VALUES (?, 'From parents', '父母给的', 'income', 99)").run(income);
      db.prepare("INSERT INTO categories (parent_id, name_en, name_zh, kind, position) VALUES (NULL, 'Hobbies', '爱好', 'expense', 100)").run();
    });
    const db = openLedger(file);
    expect(entryCategories(db)).toEqual(entries);
    // Renamed in both languages, it is the user's own: it stays where it is, under Income.
    expect(findCategory(db, 'Income:Etsy shop')).toMatchObject({ name_zh: '网店' });
    expect(findCategory(db, '理财')).toMatchObject({ name_en: 'Investment', parent_id: null });
    expect(findCategory(db, 'Income:From parents')).toMatchObject({ name_zh: '父母给的' });
    expect(findCategory(db, 'Hobbies')).toMatchObject({ name_zh: '爱好', parent_id: null, kind: 'expense' });
    // Neither renamed category was renamed again: the rules naming their old names are left too.
    expect(listUserRules(db).map((r) => r.set.category)).toEqual(['Income:Investment', '收入:副业', 'Dining:Coffee & tea']);
    expect(findCategory(db, 'Investment returns')).toBeUndefined();
    expect(findCategory(db, 'Business income')).toMatchObject({ name_zh: '经营所得', parent_id: null });
    expect(findCategory(db, 'Income')).toMatchObject({ parent_id: null, kind: 'income' });
    db.close();
  });
});
