import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntryDraft } from '../../../src/core/types.js';
import { findCategory } from '../../../src/ledger/categories.js';
import { setAlias } from '../../../src/ledger/merchants.js';
import { openLedger, type Db } from '../../../src/ledger/open.js';
import { saveUserRules, setDefaultsEnabled } from '../../../src/ledger/rules-store.js';
import { setManual } from '../../../src/ledger/manual-edits.js';
import { applyRules, previewRules } from '../../../src/app/rules/rules-apply.js';
import { CompiledRules } from '../../../src/rules/compile.js';
import { DEFAULT_RULES } from '../../../src/rules/defaults/index.js';
import { createEnricher, loadEngine } from '../../../src/app/rules/rules-engine.js';
import { validateRules, type Rule } from '../../../src/rules/model.js';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pb-rules-'));
  db = openLedger(path.join(dir, 'l.db'));
  db.prepare("INSERT INTO accounts (id, name, type, currency, created_at) VALUES (1, 'Card', 'credit', 'CNY', 'now')").run();
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const cat = (p: string) => findCategory(db, p)!.id;
let seq = 0;
function insert(description: string, amount: number, extra: Record<string, unknown> = {}): number {
  seq++;
  const row = { counterparty: null, source_category: null, kind: amount > 0 ? 'income' : 'expense', ...extra };
  return Number(
    db.prepare(
      `INSERT INTO transactions (account_id, date, amount, currency, description, dedup_key, occurrence, counterparty, source_category, kind, created_at)
       VALUES (1, '2026-09-01', ?, 'CNY', ?, ?, 1, ?, ?, ?, 'now')`,
    ).run(amount, description, `k${seq}`, row.counterparty, row.source_category, row.kind).lastInsertRowid,
  );
}
const entry = (id: number) => db.prepare('SELECT * FROM transactions WHERE id = ?').get(id) as Record<string, unknown>;
const rule = (name: string, match: Rule['match'], set: Rule['set']): Rule => ({ name, match, set });
const subject = (description: string, amount = -100) => ({ description, merchant: '', amount, currency: 'CNY', account: 'Card', channel: 'card' });

describe('default tree and defaults', () => {
  it('seeds a bilingual two-level tree', () => {
    expect(findCategory(db, 'Dining:Coffee & tea')!.id).toBe(findCategory(db, '餐饮:咖啡茶饮')!.id);
    expect(findCategory(db, '咖啡茶饮')!.name_en).toBe('Coffee & tea');
    const tops = db.prepare('SELECT count(*) AS n FROM categories WHERE parent_id IS NULL').get() as { n: number };
    expect(tops.n).toBeGreaterThanOrEqual(22);
    expect(findCategory(db, 'Income:Salary')!.kind).toBe('income');
    expect(findCategory(db, 'Transfer')!.kind).toBe('transfer');
  });

  it('ships at least 200 default rules, all naming existing categories', () => {
    expect(DEFAULT_RULES.length).toBeGreaterThanOrEqual(200);
    for (const r of DEFAULT_RULES) if (r.set.category) expect(findCategory(db, r.set.category), r.name).toBeDefined();
    expect(validateRules([...DEFAULT_RULES])).toHaveLength(DEFAULT_RULES.length); // valid, unique names, no risky patterns
    const words = new CompiledRules(DEFAULT_RULES.map((rule) => ({ rule, origin: 'default' as const, categoryId: 1 })));
    expect(words.evaluate(subject('RENT JINQIAO APARTMENTS / September rent')).category?.rule.rule.name).toBe('Rent (word)');
    expect(words.evaluate(subject('CURRENT ACCOUNT FEE')).category?.rule.rule.name).not.toBe('Rent (word)');
  });
});

describe('compiled rules', () => {
  const compile = (rules: Rule[]) => new CompiledRules(rules.map((r, i) => ({ rule: r, origin: 'user' as const, categoryId: i + 1 })));

  it('first matching rule per field wins, fields independently', () => {
    const rs = compile([
      rule('A', { description: 'coffee' }, { merchant: 'From A' }),
      rule('B', { description: 'coffee|tea' }, { category: 'X', merchant: 'From B', tags: ['b'] }),
    ]);
    const out = rs.evaluate(subject('Nice COFFEE shop'));
    expect(out.merchant?.value).toBe('From A');
    expect(out.category?.rule.rule.name).toBe('B');
    expect(out.tags?.value).toEqual(['b']);
    expect(rs.evaluate(subject('green tea')).merchant?.value).toBe('From B');
    expect(rs.evaluate(subject('water')).category).toBeUndefined();
  });

  it('keeps priority order when rules checked on every row and rules found by a literal interleave', () => {
    const rs = compile([
      rule('R0', { description: '^nice' }, { merchant: 'R0' }),
      rule('R1', { description: 'coffee', merchant: 'bean' }, { merchant: 'R1', category: 'X' }),
      rule('R2', { amount: '< 0' }, { category: 'Y', tags: ['r2'] }),
      rule('R3', { description: 'coffee|nice' }, { tags: ['r3'], kind: 'transfer' }),
    ]);
    const decided = (description: string, merchant = 'bean') => {
      const out = rs.evaluate({ ...subject(description), merchant });
      return [out.merchant?.rule.rule.name, out.category?.rule.rule.name, out.tags?.rule.rule.name, out.kind?.rule.rule.name];
    };
    expect(decided('nice coffee')).toEqual(['R0', 'R1', 'R2', 'R3']);
    expect(decided('bad coffee')).toEqual(['R1', 'R1', 'R2', 'R3']);
    expect(decided('nice tea')).toEqual(['R0', 'R2', 'R2', 'R3']);
    expect(decided('nice coffee', 'other')).toEqual(['R0', 'R2', 'R2', 'R3']);
    expect(decided('plain')).toEqual([undefined, 'R2', 'R2', undefined]);
  });

  it('matches literals inside other literals and full-width text', () => {
    const rs = compile([rule('Short', { description: 'bucks' }, { category: 'S' }), rule('Long', { description: 'starbucks' }, { merchant: 'L' })]);
    const out = rs.evaluate(subject('ＳＴＡＲＢＵＣＫＳ 0042'));
    expect(out.category?.rule.rule.name).toBe('Short');
    expect(out.merchant?.value).toBe('L');
  });

  it('handles real regular expressions, amount ranges, direction, account and channel', () => {
    const rs = compile([
      rule('Regex', { description: '^uber\\s+trip' }, { category: 'R' }),
      rule('Range', { description: 'shop', amount: '-500..-100' }, { category: 'M' }),
      rule('Small', { description: 'shop', amount: '> -100' }, { category: 'S' }),
      rule('In', { description: 'salary', direction: 'in' }, { category: 'I' }),
      rule('Acct', { account: 'savings' }, { tags: ['s'] }),
      rule('Chan', { channel: 'wechat', description: 'x' }, { kind: 'transfer' }),
    ]);
    expect(rs.evaluate(subject('UBER   TRIP 123')).category?.rule.rule.name).toBe('Regex');
    expect(rs.evaluate(subject('an uber trip')).category).toBeUndefined();
    expect(rs.evaluate(subject('shop', -10000)).category?.rule.rule.name).toBe('Range');
    expect(rs.evaluate(subject('shop', -50000)).category?.rule.rule.name).toBe('Range');
    expect(rs.evaluate(subject('shop', -50001)).category).toBeUndefined();
    expect(rs.evaluate(subject('shop', -9999)).category?.rule.rule.name).toBe('Small');
    expect(rs.evaluate(subject('salary', -100)).category).toBeUndefined();
    expect(rs.evaluate(subject('salary', 100)).category?.rule.rule.name).toBe('In');
    expect(rs.evaluate({ ...subject('a'), account: 'SAVINGS' }).tags?.value).toEqual(['s']);
    expect(rs.evaluate({ ...subject('x'), channel: 'wechat' }).kind?.value).toBe('transfer');
    expect(rs.evaluate(subject('x')).kind).toBeUndefined();
  });
});

describe('enricher and rules apply', () => {
  it('puts user rules before defaults and records provenance', () => {
    saveUserRules(db, [rule('Mine', { description: 'starbucks' }, { category: 'Dining:Restaurants' })], 'now');
    const draft = { line: 1, date: '2026-09-01', amount: -3000, currency: 'CNY', description: 'POS 1234 STARBUCKS #0042 SHANGHAI', accountId: 1, accountName: 'Card', kind: 'expense', channel: 'card' } satisfies EntryDraft;
    const d: EntryDraft = { ...draft };
    expect(createEnricher(db).enrich(d)).toBe(true);
    expect(d.categoryId).toBe(cat('Dining:Restaurants'));
    expect(d.categorySource).toBe('rule:Mine');
    expect(d.merchant).toBe('Starbucks');
    setDefaultsEnabled(db, false);
    saveUserRules(db, [], 'now');
    const d2: EntryDraft = { ...draft };
    expect(createEnricher(db).enrich(d2)).toBe(false);
    expect(d2.categoryId).toBeUndefined();
  });

  it('falls back on the source category, and a source-decided kind beats a default rule', () => {
    const d: EntryDraft = { line: 1, date: '2026-09-01', amount: 1603, currency: 'CNY', description: '退款-亲情卡', sourceCategory: '日用百货', accountId: 1, accountName: 'Card', kind: 'transfer', kindSource: 'import', channel: 'alipay', channelSource: 'import' };
    expect(createEnricher(db).enrich(d)).toBe(false);
    expect(d.categoryId).toBe(cat('Shopping:Home goods'));
    expect(d.categorySource).toBe('import');
    expect(d.kind).toBe('transfer');
  });

  it('applies merchant aliases on later imports', () => {
    setAlias(db, '云膳过桥米线', 'Yunshan Noodles');
    const d: EntryDraft = { line: 1, date: '2026-09-01', amount: -2816, currency: 'CNY', description: '云膳过桥米线(传奇广场店) / 总共消费', counterparty: '云膳过桥米线(传奇广场店)', accountId: 1, accountName: 'Card', kind: 'expense', channel: 'wechat' };
    createEnricher(db).enrich(d);
    expect(d.merchant).toBe('Yunshan Noodles');
  });

  it('never changes a hand-set field and counts only changed rows', () => {
    const a = insert('滴滴出行 快车', -2500);
    const b = insert('滴滴出行 快车', -1800);
    const c = insert('something else', -100);
    setManual(db, [b], { categoryId: cat('Travel:Hotels') });
    const first = applyRules(db, loadEngine(db), false);
    expect(entry(a).category_id).toBe(cat('Transport:Taxi'));
    expect(entry(a).category_source).toBe('rule:Didi');
    expect(entry(b).category_id).toBe(cat('Travel:Hotels'));
    expect(entry(b).category_source).toBe('manual');
    expect(entry(c).category_id).toBeNull();
    expect(first.changed).toBe(2); // the hand-categorized entry is out of scope without --all
    expect(applyRules(db, loadEngine(db), true).changed).toBe(1); // its merchant is normalized; its category stays
    expect(entry(b).category_source).toBe('manual');
    expect(applyRules(db, loadEngine(db), true).changed).toBe(0);
    saveUserRules(db, [rule('Taxi to hotels', { description: '滴滴' }, { category: 'Travel:Trains' })], 'now');
    const preview = previewRules(db, loadEngine(db), { locale: 'en', ruleNames: new Set(['Taxi to hotels']) });
    expect(preview.total).toBe(1);
    expect(preview.changes[0]!.changes[0]).toMatchObject({ field: 'category', before: 'Transport:Taxi', after: 'Travel:Trains' });
    expect(entry(a).category_id).toBe(cat('Transport:Taxi'));
    applyRules(db, loadEngine(db), true);
    expect(entry(a).category_id).toBe(cat('Travel:Trains'));
    expect(entry(b).category_id).toBe(cat('Travel:Hotels'));
  });
});
