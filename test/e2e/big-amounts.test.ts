/**
 * Issue 23 point 9: totals above 2^53 minor units must not lose precision. One entry holds at most
 * 10^14 − 1 minor units (refused at import with a located line beyond that); 90 entries at that
 * bound still sum exactly; a total beyond ±(2^53 − 1) is refused in one line, never printed rounded.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempLedger, tempLedger } from './helpers.js';

const MAX = '999999999999.99';
let t: TempLedger;

function statement(name: string, rows: number, amount = `-${MAX}`): string {
  const file = t.file(name);
  const lines = Array.from({ length: rows }, (_, i) => `2026-10-${String((i % 28) + 1).padStart(2, '0')},Big purchase ${i},${amount}`);
  writeFileSync(file, ['date,description,amount', ...lines].join('\n') + '\n');
  return file;
}
const oneLine = (stderr: string) => stderr.trim().split('\n').filter((l) => !/created account/.test(l));

beforeAll(() => {
  t = tempLedger('pb-big-');
});
afterAll(() => t.cleanup());

describe('amounts near the bound', () => {
  it('an amount above the bound is refused at import, located, and nothing is written', () => {
    const file = t.file('too-big.csv');
    writeFileSync(file, 'date,description,amount\n2026-10-01,fine,-1.00\n2026-10-02,huge,-1000000000000.00\n');
    const r = t.run(['import', file, '--account', 'Card']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:3: amount: "-1000000000000.00" is too large (one entry holds at most 999,999,999,999.99 CNY)`);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(JSON.parse(t.run(['tx', 'list', '--json']).stdout)).toEqual([]);
  });

  it('90 entries at the bound sum exactly in every report', () => {
    expect(t.run(['import', statement('ninety.csv', 90), '--account', 'Card']).code).toBe(0);
    const exact = (90n * 99_999_999_999_999n).toString(); // 8999999999999910 minor units
    const expected = `${exact.slice(0, -2)}.${exact.slice(-2)}`;
    expect(JSON.parse(t.run(['report', 'month', '2026-10', '--json']).stdout).spending).toBe(expected);
    expect(JSON.parse(t.run(['report', 'year', '2026', '--json']).stdout).spending).toBe(expected);
    const ranked = JSON.parse(t.run(['report', 'rank', '--by', 'merchant', '--month', '2026-10', '--json']).stdout);
    expect(JSON.stringify(ranked)).toContain(`"${expected}"`);
  });

  it('a total beyond 2^53 minor units is one clear line, not a rounded figure; one account still reports', () => {
    expect(t.run(['import', statement('ninety-b.csv', 90), '--account', 'Other card']).code).toBe(0);
    for (const args of [['report', 'month', '2026-10'], ['report', 'year', '2026', '--json'], ['report', 'trend', '--months', '3']]) {
      const r = t.run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(oneLine(r.stderr)).toEqual([
        'pocketbook: a total in CNY is beyond 90,071,992,547,409.91 and cannot be computed exactly (look at one account or a shorter period at a time)',
      ]);
    }
    const one = t.run(['report', 'month', '2026-10', '--account', 'Card', '--json']);
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout).spending).toBe('89999999999999.10');
  });

  it('one more such entry in the same month of one account is refused at import, and nothing is written', () => {
    const before = t.run(['tx', 'list', '--json']).stdout;
    const r = t.run(['import', statement('ten-more.csv', 10, '-999999999999.98'), '--account', 'Card']);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr).at(-1)).toMatch(/ten-more\.csv: a total in CNY is beyond 90,071,992,547,409\.91/);
    expect(t.run(['tx', 'list', '--json']).stdout).toBe(before);
  });
});
