import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../src/bench/fuzz.js';
import { mutate, MUTATIONS } from '../../src/bench/mutate.js';
import { mutateWorkbook } from '../../src/bench/mutate-sheets.js';
import { readXls } from '../../src/import/formats/china/xls.js';
import { readXlsx } from '../../src/import/formats/china/xlsx.js';
import { SPDB_ROWS, WECHAT_ROWS, xlsOf, xlsxOf } from '../../src/bench/workbooks.js';
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

describe('workbook mutations', () => {
  it('are deterministic; those that must be refused are refused by the readers with a coded error', () => {
    const fixtures = { xls: xlsOf(SPDB_ROWS), xlsx: xlsxOf(WECHAT_ROWS, { prefix: 'x' }) } as const;
    let mustRefuse = 0;
    for (const kind of ['xls', 'xlsx'] as const) {
      for (let n = 0; n < 16; n++) {
        const spec = { kind: 'bad-date' as const, pos: 0.37, bytes: new Uint8Array([0x10, 0x27, 0, 0]), n };
        const a = mutateWorkbook(fixtures[kind], kind, spec);
        expect(a.data.equals(mutateWorkbook(fixtures[kind], kind, spec).data)).toBe(true);
        if (a.expect !== 'error') continue;
        mustRefuse += 1;
        expect(() => (kind === 'xls' ? readXls(a.data) : readXlsx(a.data)), `${kind} n=${n}`).toThrow(/is not a readable \.xlsx? workbook/);
      }
    }
    expect(mustRefuse).toBeGreaterThan(6);
    expect(mutateWorkbook(fixtures.xlsx, 'xlsx', { kind: 'none', pos: 0, bytes: new Uint8Array(1), n: 0 }).expect).toBe('ok');
  });
});

// 60 seeded cases here; 400 in `npm run stress`.
describe.skipIf(!available('import'))('hostile input (needs `pocketbook import`)', () => {
  it('every mutated statement imports correctly or fails with one located line, ledger untouched', async () => {
    const r = await runFuzz({ cases: 60, seed: 8, slowMs: 5000 });
    expect(r.failures).toEqual([]);
    expect(r.skippedFixtures).toEqual([]);
    expect(r.refused).toBeGreaterThan(0);
    // The workbooks are fuzzed too (mutate-sheets.ts), and their readers refuse cleanly.
    for (const name of ['spdb-debit.xls', 'wechat-prefixed.xlsx']) expect(r.perFixture[name]?.refused, name).toBeGreaterThan(0);
  }, 240_000);
});
