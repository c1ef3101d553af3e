import { afterAll, describe, expect, it } from 'vitest';
import { seededLedger } from './history-helpers.js';

describe('tx show (e2e)', () => {
  const t = seededLedger();
  afterAll(() => t.cleanup());
  const id = String(t.ids('瑞幸')[0]);

  it('shows provenance, sources and the user data as JSON and as text', () => {
    t.run(['tx', 'note', id, 'latte with Anna']);
    t.run(['tx', 'tag', id, 'coffee']);
    const s = t.json<Record<string, unknown>>(['tx', 'show', id]);
    expect(s).toMatchObject({
      id: Number(id), currency: 'CNY', account: expect.any(String), description: expect.stringContaining('瑞幸'),
      kind: 'expense', tags: ['coffee'], notes: [expect.objectContaining({ text: 'latte with Anna' })],
      batch: { id: expect.any(Number), file: 'wallet-wechat-2026-09-10.csv', line: expect.any(Number) },
      splits: [], attachments: [], transfer_peer: null, mirror_of: null, mirrored_by: [],
    });
    expect(s).toHaveProperty('category_source');
    expect(s).toHaveProperty('merchant_source');
    const text = t.run(['tx', 'show', id]).stdout;
    expect(text).toMatch(/Batch:\s+#\d+ wallet-wechat-2026-09-10\.csv:\d+/);
    expect(text).toMatch(/latte with Anna/);
    expect(text).toMatch(/Tags:\s+coffee/);
  });

  it('says when an entry does not exist', () => {
    const r = t.run(['tx', 'show', '987654']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no entry with id 987654/);
  });
});
