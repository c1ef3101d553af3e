import { describe, expect, it } from 'vitest';
import { periodClock, periodContaining, project } from '../../../src/reports/perks/periods.js';

describe('benefit periods', () => {
  it('calendar month, quarter and year', () => {
    expect(periodContaining('month', '2026-02-14')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodContaining('month', '2028-02-29')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodContaining('quarter', '2026-11-15')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodContaining('quarter', '2026-01-01')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(periodContaining('quarter', '2026-06-30')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodContaining('year', '2026-07-04')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('statement cycle with statement day 5: the 5th closes a cycle, the 6th opens the next', () => {
    expect(periodContaining('cycle', '2026-09-05', { statementDay: 5 })).toEqual({ start: '2026-08-06', end: '2026-09-05' });
    expect(periodContaining('cycle', '2026-09-06', { statementDay: 5 })).toEqual({ start: '2026-09-06', end: '2026-10-05' });
    expect(periodContaining('cycle', '2026-12-31', { statementDay: 5 })).toEqual({ start: '2026-12-06', end: '2027-01-05' });
    expect(periodContaining('cycle', '2026-01-01', { statementDay: 5 })).toEqual({ start: '2025-12-06', end: '2026-01-05' });
  });

  it('statement day beyond the end of a short month closes on its last day', () => {
    expect(periodContaining('cycle', '2026-02-15', { statementDay: 31 })).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodContaining('cycle', '2026-03-01', { statementDay: 31 })).toEqual({ start: '2026-03-01', end: '2026-03-31' });
    expect(periodContaining('cycle', '2026-03-01', { statementDay: 30 })).toEqual({ start: '2026-03-01', end: '2026-03-30' });
    expect(periodContaining('cycle', '2026-03-31', { statementDay: 30 })).toEqual({ start: '2026-03-31', end: '2026-04-30' });
    expect(periodContaining('cycle', '2026-05-10', { statementDay: null })).toEqual({ start: '2026-05-01', end: '2026-05-31' });
  });

  it('a year from a given date', () => {
    expect(periodContaining('anniversary', '2026-09-20', { from: '2025-03-15' })).toEqual({ start: '2026-03-15', end: '2027-03-14' });
    expect(periodContaining('anniversary', '2026-03-14', { from: '2025-03-15' })).toEqual({ start: '2025-03-15', end: '2026-03-14' });
    expect(periodContaining('anniversary', '2026-03-15', { from: '2025-03-15' })).toEqual({ start: '2026-03-15', end: '2027-03-14' });
    expect(periodContaining('anniversary', '2025-01-01', { from: '2025-03-15' })).toEqual({ start: '2025-03-15', end: '2026-03-14' });
    expect(periodContaining('anniversary', '2025-06-01', { from: '2024-02-29' })).toEqual({ start: '2025-02-28', end: '2026-02-27' });
  });

  it('clock and straight-line projection', () => {
    const p = { start: '2026-09-01', end: '2026-09-30' };
    expect(periodClock(p, '2026-09-10')).toEqual({ total: 30, elapsed: 10, left: 21, over: false });
    expect(periodClock(p, '2026-10-01')).toEqual({ total: 30, elapsed: 30, left: 0, over: true });
    expect(periodClock(p, '2026-08-31')).toEqual({ total: 30, elapsed: 0, left: 30, over: false });
    expect(project(1000, periodClock(p, '2026-09-10'))).toBe(3000);
    expect(project(1000, periodClock(p, '2026-09-07'))).toBe(4285); // 1000 × 30 / 7, rounded down
    expect(project(1000, periodClock(p, '2026-10-05'))).toBe(1000);
  });
});
