/**
 * Months in progress (issue 22, point 9), through the built CLI: the current month is compared with
 * the same days of the previous month as well as the whole previous month; a month with no entries
 * gets no "vs" comparisons and no badges; a chart of the current year (or a trend) stops at the
 * current month.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempLedger } from './helpers.js';
import { importRows } from './perks-helpers.js';

const t = tempLedger('pb-progress-');
afterAll(() => t.cleanup());

const on = (today: string) => ({ env: { POCKETBOOK_TODAY: today } });
const out = (args: string[], today: string) => {
  const r = t.run(args, on(today));
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
const json = <T = Record<string, any>>(args: string[], today: string): T => JSON.parse(out([...args, '--json'], today)) as T;

beforeAll(() => {
  t.run(['account', 'add', 'Card', '--type', 'checking']);
  importRows(t, 'Card', 'card.csv', [
    ['2026-07-08', 'SUPERMARKET', '-300.00'],
    ['2026-08-08', 'SUPERMARKET', '-300.00'],
    ['2026-09-01', 'SUPERMARKET', '-100.00'],
    ['2026-09-03', 'BAKERY', '-50.00'],
    ['2026-09-05', 'SALARY ACME', '2000.00'],
    ['2026-09-10', 'FURNITURE', '-500.00'],
    ['2026-09-30', 'RENT', '-1000.00'],
    ['2026-10-02', 'SUPERMARKET', '-80.00'],
    ['2026-10-04', 'BAKERY', '-40.00'],
  ]);
});

describe('the current month against the same days of the previous month', () => {
  it('JSON adds previous_to_date and its change, keeping the whole previous month', () => {
    const r = json(['report', 'month'], '2026-10-05');
    expect(r).toMatchObject({ month: '2026-10', spending: '120.00', partial: true, empty: false });
    expect(r.previous).toEqual({ month: '2026-09', spending: '1650.00', income: '2000.00' });
    expect(r.previous_to_date).toEqual({ month: '2026-09', from: '2026-09-01', to: '2026-09-05', spending: '150.00', income: '2000.00' });
    expect(r.change.vs_previous_to_date).toEqual({ amount: '-30.00', ratio: -0.2 });
    expect(r.change.vs_previous).toEqual({ amount: '-1530.00', ratio: -0.9273 });
  });

  it('text and Markdown show both comparisons', () => {
    const text = out(['report', 'month'], '2026-10-05');
    expect(text).toMatch(/vs Sep 2026, days 1–5 +-30\.00 \(-20\.0%\) +\(150\.00\)\n/);
    expect(text).toMatch(/vs Sep 2026 \(whole month\) +-1,530\.00 \(-92\.7%\) +\(1,650\.00\)\n/);
    const md = out(['report', 'month', '--format', 'markdown'], '2026-10-05');
    expect(md).toContain('- **vs Sep 2026, days 1–5**: -30.00 (-20.0%)  (150.00)\n');
    expect(md).toContain('- **vs Sep 2026 (whole month)**: -1,530.00 (-92.7%)  (1,650.00)\n');
  });

  it('clamps to the previous month’s length; a finished month has no previous_to_date', () => {
    expect(json(['report', 'month'], '2026-03-31').previous_to_date).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(json(['report', 'month'], '2026-10-31').previous_to_date).toMatchObject({ from: '2026-09-01', to: '2026-09-30', spending: '1650.00' });
    const past = json(['report', 'month', '2026-09'], '2026-10-05');
    expect(past.previous_to_date).toBeNull();
    expect(past.change.vs_previous_to_date).toBeNull();
    expect(out(['report', 'month', '2026-09'], '2026-10-05')).not.toContain('days 1–');
  });
});

describe('a month with no entries', () => {
  it('has no "vs" comparisons', () => {
    const r = json(['report', 'month'], '2026-11-03');
    expect(r).toMatchObject({ spending: '0.00', empty: true, change: { vs_previous: null, vs_previous_to_date: null, vs_average_6m: null } });
    expect(r.average_spending_6m).not.toBeNull(); // the average itself is still there
    expect(out(['report', 'month'], '2026-11-03')).toMatch(/vs 6-month average +n\/a \(no entries this month\)/);
  });

  it('earns no badge, built-in or custom (消费小能手 was awarded for spending 0.00)', () => {
    const badges = json<{ id: string; earned: boolean; reason: string }[]>(['badges', '2026-11', '--file', path.join(REPO_ROOT, 'examples', 'badges.yaml')], '2026-11-03');
    expect(badges.filter((b) => b.earned)).toEqual([]);
    expect(badges.find((b) => b.id === 'savvy-spender')).toMatchObject({ earned: false, reason: 'no entries this month' });
    expect(badges.find((b) => b.id === 'frugal-month')).toMatchObject({ earned: false, reason: 'no entries this month' });
    expect(json(['report', 'month'], '2026-11-03').badges).toEqual([]);
    // A month with entries still earns them: October spent 120 against a 3-month average of 650.
    expect(json<{ id: string; earned: boolean }[]>(['badges', '2026-10'], '2026-10-05').find((b) => b.id === 'savvy-spender')).toMatchObject({ earned: true });
  });
});

describe('charts stop at the current month', () => {
  it('report year of the current year lists months up to this one; a past year all twelve', () => {
    const months = json<{ months: { month: string }[] }>(['report', 'year', '2026'], '2026-10-05').months.map((m) => m.month);
    expect(months).toHaveLength(10);
    expect(months.at(-1)).toBe('2026-10');
    expect(json<{ months: unknown[] }>(['report', 'year', '2025'], '2026-10-05').months).toHaveLength(12);
    const md = out(['report', 'year', '2026', '--format', 'markdown'], '2026-10-05');
    expect(md).toContain('| Oct 2026 | 120.00 | 0.00 |');
    expect(md).not.toContain('| Nov 2026 |');
  });

  it('report trend ending after this month stops at this month', () => {
    const r = json<{ months: { month: string }[] }>(['report', 'trend', '--months', '6', '--until', '2026-12', '--by', 'merchant'], '2026-10-05');
    expect(r.months.map((m) => m.month)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10']);
    expect(out(['report', 'trend', '--months', '6', '--until', '2026-12', '--format', 'csv'], '2026-10-05')).not.toContain('2026-11');
  });
});
