import { afterAll, describe, expect, it } from 'vitest';
import { seededLedger } from './history-helpers.js';

describe('splits (e2e)', () => {
  const t = seededLedger();
  afterAll(() => t.cleanup());
  const entry = t.json<{ id: number; amount: string }[]>(['tx', 'list', '--search', '盒马'])[0]!;
  const id = String(entry.id);

  it('refuses parts that do not add up, and unknown categories, writing nothing', () => {
    const bad = t.run(['tx', 'split', id, 'Dining=-1.00', 'Shopping=-2.00']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/add up to -3.00 CNY but the entry is/);
    expect(t.run(['tx', 'split', id, 'Nope=-1']).stderr).toMatch(/no category "Nope"/);
    expect(t.run(['tx', 'split', id, 'Dining']).stderr).toMatch(/CATEGORY=AMOUNT/);
    expect(t.json<{ splits: unknown[] }>(['tx', 'show', id]).splits).toEqual([]);
  });

  it('splits in either language, counts parts in tx list --category, and clears', () => {
    const total = Math.round(Number(entry.amount) * 100);
    const first = -5000;
    const rest = ((total - first) / 100).toFixed(2);
    const r = t.run(['tx', 'split', id, '餐饮=-50.00', `Shopping=${rest}`]);
    expect(r.code, r.stderr).toBe(0);
    const show = t.json<{ splits: { category: string; amount: string }[] }>(['tx', 'show', id]);
    expect(show.splits).toEqual([{ category: 'Dining', amount: '-50.00' }, { category: 'Shopping', amount: rest }]);
    expect(t.json<{ id: number }[]>(['tx', 'list', '--category', 'Shopping']).map((e) => e.id)).toContain(entry.id);
    expect(t.run(['tx', 'split', id, '--clear']).code).toBe(0);
    expect(t.json<{ splits: unknown[] }>(['tx', 'show', id]).splits).toEqual([]);
  });
});
