import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tempLedger } from './helpers.js';

const t = tempLedger();
afterAll(() => t.cleanup());

interface Tx {
  id: number; date: string; amount: string; currency: string; account: string; description: string;
  merchant: string | null; category: string | null; kind: string; channel: string; tags: string[]; notes: string[];
}
const list = (...args: string[]): Tx[] => {
  const r = t.run(['tx', 'list', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Tx[];
};

beforeAll(() => {
  const card = t.file('card.csv');
  writeFileSync(card, [
    'Date,Description,Amount',
    '2026-08-30,AUGUST THING,-10.00',
    '2026-09-01,STARBUCKS #42,-35.50',
    '2026-09-02,HEMA FRESH,-120.00',
    '2026-09-10,BIG TV STORE,-2999.00',
    '2026-10-01,SALARY ACME,10000.00',
    '2026-10-02,"Café, Corner",-18.00',
  ].join('\n'));
  const bank = t.file('bank.csv');
  writeFileSync(bank, 'Date,Description,Amount\n2026-09-05,RENT,-9800.00\n');
  expect(t.run(['import', card, '--account', 'Visa']).code).toBe(0);
  expect(t.run(['import', bank, '--account', 'Bank']).code).toBe(0);
  // Hand-made data as other commands would write it: a category, a tag, a note, a split.
  const db = new Database(t.ledger);
  db.prepare('UPDATE transactions SET category_id = NULL, category_source = NULL').run(); // whatever default rules said
  const parent = (db.prepare('SELECT id FROM categories WHERE name_en = ? AND parent_id IS NULL').get('Dining') as { id: number }).id;
  const coffee = (db.prepare('SELECT id FROM categories WHERE parent_id = ? ORDER BY id LIMIT 1').get(parent) as { id: number }).id;
  const id = (d: string) => (db.prepare('SELECT id FROM transactions WHERE description = ?').get(d) as { id: number }).id;
  db.prepare("UPDATE transactions SET category_id = ?, category_source = 'manual' WHERE id = ?").run(coffee, id('STARBUCKS #42'));
  db.prepare("INSERT INTO tags (tx_id, tag) VALUES (?, 'coffee'), (?, 'work')").run(id('STARBUCKS #42'), id('STARBUCKS #42'));
  db.prepare("INSERT INTO notes (tx_id, text, created_at, updated_at) VALUES (?, 'with Anna', 'x', 'x')").run(id('HEMA FRESH'));
  db.prepare('INSERT INTO splits (tx_id, category_id, amount, position) VALUES (?, ?, -2000, 0), (?, NULL, -100000, 1)').run(id('BIG TV STORE'), coffee, id('BIG TV STORE'));
  db.close();
});

describe('pocketbook tx list', () => {
  it('lists everything oldest first with the JSON contract', () => {
    const all = list();
    expect(all.map((e) => e.date)).toEqual([...all.map((e) => e.date)].sort());
    expect(all).toHaveLength(7);
    const sb = all.find((e) => e.description === 'STARBUCKS #42')!;
    expect(Object.keys(sb).sort()).toEqual(['account', 'amount', 'category', 'channel', 'currency', 'date', 'description', 'id', 'kind', 'merchant', 'notes', 'tags', 'time'].sort());
    expect(sb).toMatchObject({ time: null, amount: '-35.50', currency: 'CNY', account: 'Visa', kind: 'expense', tags: ['coffee', 'work'] });
    expect(sb.category).toMatch(/^Dining:/);
    expect(all.find((e) => e.description === 'HEMA FRESH')!.notes).toEqual(['with Anna']);
  });

  it('filters by period, account, category (with splits), tag, search, amount, kind, uncategorized', () => {
    expect(list('--month', '2026-09').map((e) => e.description)).toEqual(['STARBUCKS #42', 'HEMA FRESH', 'RENT', 'BIG TV STORE']);
    expect(list('--year', '2026')).toHaveLength(7);
    expect(list('--from', '2026-09-02', '--to', '2026-09-10').map((e) => e.description)).toEqual(['HEMA FRESH', 'RENT', 'BIG TV STORE']);
    expect(list('--account', 'bank').map((e) => e.description)).toEqual(['RENT']);
    expect(list('--category', 'Dining').map((e) => e.description)).toEqual(['STARBUCKS #42', 'BIG TV STORE']);
    expect(list('--category', '餐饮').map((e) => e.description)).toEqual(['STARBUCKS #42', 'BIG TV STORE']);
    expect(list('--tag', 'coffee').map((e) => e.description)).toEqual(['STARBUCKS #42']);
    expect(list('--search', 'anna').map((e) => e.description)).toEqual(['HEMA FRESH']);
    expect(list('--search', 'café').map((e) => e.description)).toEqual(['Café, Corner']);
    expect(list('--min', '-100', '--max', '-15').map((e) => e.description)).toEqual(['STARBUCKS #42', 'Café, Corner']);
    expect(list('--kind', 'income').map((e) => e.description)).toEqual(['SALARY ACME']);
    expect(list('--uncategorized')).toHaveLength(5);
    expect(list('--sort', 'amount', '--limit', '2').map((e) => e.amount)).toEqual(['-9800.00', '-2999.00']);
  });

  it('prints table, csv, ndjson and markdown', () => {
    const table = t.run(['tx', 'list', '--month', '2026-10']);
    expect(table.stdout).toMatch(/Date\s+Amount/);
    expect(table.stdout).toMatch(/10000\.00/);
    expect(table.stdout).toMatch(/2 entries/);
    const csv = t.run(['tx', 'list', '--month', '2026-10', '--format', 'csv']).stdout.trim().split('\n');
    expect(csv[0]).toBe('id,date,amount,currency,account,description,merchant,category,kind,channel,tags,notes');
    expect(csv[2]).toContain('"Café, Corner"');
    expect(csv[2]).toContain(',-18.00,');
    const nd = t.run(['tx', 'list', '--format', 'ndjson', '--limit', '3']).stdout.trim().split('\n');
    expect(nd).toHaveLength(3);
    expect(JSON.parse(nd[0]!)).toMatchObject({ date: '2026-08-30', amount: '-10.00' });
    const md = t.run(['tx', 'list', '--format', 'markdown', '--month', '2026-10']).stdout;
    expect(md).toMatch(/^\| ID \| Date \| Amount/);
    expect(list('--month', '2030-01')).toEqual([]);
  });

  it('rejects bad filters with one line', () => {
    for (const args of [['--month', '2026-13'], ['--kind', 'spending'], ['--sort', 'name'], ['--month', '2026-09', '--year', '2026'], ['--limit', 'x']]) {
      const r = t.run(['tx', 'list', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    for (const args of [['--account', 'Nope'], ['--category', 'Nope'], ['--min', 'abc']]) {
      expect(t.run(['tx', 'list', ...args]).code, args.join(' ')).toBe(1);
    }
  });
});
