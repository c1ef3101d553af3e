/** RunningBalances.contradictedSign: a running-balance column as evidence against the amounts' sign. */
import { describe, expect, it } from 'vitest';
import { RunningBalances } from '../../../src/import/formats/running-balance.js';

/** [date, amount, balance] rows in file order. */
function verdict(rows: [string, number, number][]): number | undefined {
  const r = new RunningBalances();
  rows.forEach(([date, amount, balance], i) => r.see({ line: i + 2, date, amount, currency: 'EUR', description: 'x', channel: 'card' }, balance));
  return r.contradictedSign();
}

describe('contradictedSign', () => {
  it('oldest first, every step against the amounts (zero amounts passed over): the step count', () => {
    expect(verdict([['2026-03-01', 500, 1000], ['2026-03-02', 100, 900], ['2026-03-03', 0, 900], ['2026-03-04', -50, 950], ['2026-03-05', 20, 930]])).toBe(3);
  });
  it('newest first, every step against', () => {
    expect(verdict([['2026-03-05', 20, 930], ['2026-03-04', -50, 950], ['2026-03-02', 100, 900], ['2026-03-01', 500, 1000]])).toBe(3);
  });
  it('fewer than three steps, mixed evidence, or amounts that agree: undefined', () => {
    expect(verdict([['2026-03-01', 500, 1000], ['2026-03-02', 100, 900], ['2026-03-04', -50, 950]])).toBeUndefined();
    expect(verdict([['2026-03-01', 500, 1000], ['2026-03-02', 100, 900], ['2026-03-04', 50, 950], ['2026-03-05', 20, 930]])).toBeUndefined();
    expect(verdict([['2026-03-01', 500, 1000], ['2026-03-02', -100, 900], ['2026-03-04', 50, 950], ['2026-03-05', -20, 930]])).toBeUndefined();
  });
});
