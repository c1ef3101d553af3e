import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../src/bench/fuzz.js';
import { mutate, MUTATIONS } from '../../src/bench/mutate.js';
import { available } from './helpers.js';

describe('mutations', () => {
  it('are deterministic and keep their oracle', () => {
    const src = Buffer.from('Date,Description,Amount\n2026-01-02,Coffee,-3.50\n2026-01-03,Tea,-2.00\n');
    for (const kind of MUTATIONS) {
      const a = mutate(src, false, { kind, pos: 0.4, bytes: new Uint8Array([1, 2, 3]), n: 7 });
      const b = mutate(src, false, { kind, pos: 0.4, bytes: new Uint8Array([1, 2, 3]), n: 7 });
      expect(a.data.equals(b.data)).toBe(true);
    }
    expect(mutate(src, false, { kind: 'bad-date', pos: 0.9, bytes: new Uint8Array(1), n: 0 }).data.toString()).toContain('2026-02-30');
    expect(mutate(src, false, { kind: 'huge-number', pos: 0, bytes: new Uint8Array(1), n: 0 }).expect).toBe('error');
    expect(mutate(src, false, { kind: 'long-line', pos: 0, bytes: new Uint8Array(1), n: 0 }).data.length).toBeGreaterThan(1_000_000);
  });
});

// 60 seeded cases here; 400 in `npm run stress`.
describe.skipIf(!available('import'))('hostile input (needs `pocketbook import`)', () => {
  it('every mutated statement imports correctly or fails with one located line, ledger untouched', async () => {
    const r = await runFuzz({ cases: 60, seed: 8, slowMs: 5000 });
    expect(r.failures).toEqual([]);
    expect(r.skippedFixtures).toEqual([]);
    expect(r.refused).toBeGreaterThan(0);
  }, 240_000);
});
