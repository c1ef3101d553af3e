/**
 * Output for scripts (issue 22, point 7), through the built CLI on a ledger holding examples/:
 * every CSV writes amounts as plain numbers (`1642.37`, `-1553.49`) and keeps the spreadsheet-safety
 * quote for text only; every JSON field has one type whatever the row.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempLedger } from './helpers.js';
import { importRows } from './perks-helpers.js';

const t = tempLedger('pb-script-');
afterAll(() => t.cleanup());

const ok = (args: string[]) => {
  const r = t.run(args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
};

beforeAll(() => {
  ok(['demo']);
  ok(['budget', 'set', 'Dining', '500']);
  ok(['budget', 'set', 'Housing', '12000']);
  ok(['benefit', 'add', 'Fee waiver', '--account', 'CMB Credit Card', '--period', 'year', '--min-count', '60', '--min-amount', '10']);
  ok(['benefit', 'add', 'Q4 bonus', '--account', 'CMB Credit Card', '--period', 'quarter', '--min-spend', '5000']);
  ok(['benefit', 'add', 'Dining 5%', '--cashback', '5%', '--cap', '672', '--category', 'Dining', '--period', 'year']);
  const rent = (JSON.parse(ok(['tx', 'list', '--month', '2026-10', '--search', 'RENT JINQIAO', '--json'])) as { id: number }[])[0]!;
  ok(['tx', 'edit', String(rent.id), '--merchant', '=HYPERLINK("x")']);
  ok(['account', 'add', 'Tokyo', '--type', 'cash', '--currency', 'JPY']);
  importRows(t, 'Tokyo', 'yen.csv', [['2026-10-03', 'RAMEN', '-1200'], ['2026-10-04', 'HOTEL', '-23500']]);
});

/** Every command that prints CSV (export has its own tests). */
const CSV_COMMANDS = [
  ['report', 'month', '2026-10'],
  ['report', 'month', '2026-10', '--compare', path.join(REPO_ROOT, 'examples', 'reference-household.yaml')],
  ['report', 'month', '2026-11'],
  ['report', 'year', '2026'],
  ['report', 'rank', '--by', 'merchant', '--month', '2026-10'],
  ['report', 'trend', '--months', '3', '--by', 'category', '--until', '2026-10'],
  ['budget', 'status', '2026-10'],
  ['budget', 'list'],
  ['benefit', 'status'],
  ['benefit', 'list'],
  ['badges', '2026-10'],
  ['tx', 'list', '--month', '2026-10'],
  ['account', 'list'],
];

/** A cell that a spreadsheet would read as text although it is a number. */
const NUMBER_AS_TEXT = /"-?\d{1,3}(,\d{3})+(\.\d+)?"|'[-+]\d/;

describe('CSV for scripts and spreadsheets', () => {
  it.each(CSV_COMMANDS.map((c) => [c.join(' '), c] as const))('%s: amounts are plain numbers', (_name, args) => {
    const csv = ok([...args, '--format', 'csv']);
    expect(csv.trim()).not.toBe('');
    expect(csv).not.toMatch(NUMBER_AS_TEXT);
  });

  it('report month: summary and rankings hold plain numbers, negatives unquoted', () => {
    const csv = ok(['report', 'month', '2026-10', '--format', 'csv']);
    expect(csv).toContain('Spending,20770.15\nIncome,30671.17\nNet,9901.02\nvs 2026-09,2486.40\n');
    expect(csv).toContain('1,Housing,9800.00,47.2%,1\n');
    expect(csv).toMatch(/\n2026-10-01,9800\.00,"'=HYPERLINK\(""x""\)",Housing:Rent,CMB Checking,\d+\n/);
    const year = ok(['report', 'year', '2026', '--format', 'csv']);
    expect(year).toContain('Income,59253.42\nSpending,39053.90\nNet saved,20199.52\n');
  });

  it('amounts keep their currency\'s decimals, charts included (JPY has none)', () => {
    const csv = ok(['report', 'month', '2026-10', '--currency', 'JPY', '--format', 'csv']);
    expect(csv).toContain('Spending,24700\n');
    expect(csv).toMatch(/\n2026-10,24700,0\n/);
    expect(ok(['report', 'trend', '--months', '2', '--until', '2026-10', '--currency', 'JPY', '--format', 'csv'])).toContain('\n2026-10,24700,0,-24700\n');
  });

  it('budget status writes a negative remainder as a number; text cells keep the formula guard', () => {
    expect(ok(['budget', 'status', '2026-10', '--format', 'csv'])).toContain('\nDining,month,500.00,579.80,-79.80,579.80,over\n');
    const list = ok(['tx', 'list', '--month', '2026-10', '--format', 'csv']);
    expect(list).toMatch(/\n\d+,2026-10-01,-9800\.00,CNY,CMB Checking,[^\n]*,"'=HYPERLINK\(""x""\)",Housing:Rent,/);
    expect(list).toMatch(/\n\d+,2026-10-\d\d,-\d+\.\d\d,CNY,/);
  });
});

/** Each key of the objects in every array: the set of JSON types it takes (null aside). */
function mixedFields(value: unknown, where = '$', out: string[] = []): string[] {
  if (Array.isArray(value)) {
    const types = new Map<string, Set<string>>();
    for (const item of value) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
      for (const [k, v] of Object.entries(item)) {
        if (v === null) continue;
        const type = Array.isArray(v) ? 'array' : typeof v;
        types.set(k, (types.get(k) ?? new Set()).add(type));
      }
    }
    for (const [k, set] of types) if (set.size > 1) out.push(`${where}[].${k}: ${[...set].join(' | ')}`);
    value.forEach((item, i) => mixedFields(item, `${where}[${i}]`, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) mixedFields(v, `${where}.${k}`, out);
  }
  return out;
}

describe('JSON: one type per field', () => {
  it('benefit status: count benefits carry decimal strings like the others', () => {
    const rows = JSON.parse(ok(['benefit', 'status', '--json'])) as Record<string, unknown>[];
    expect(mixedFields(rows)).toEqual([]);
    const fee = rows.find((r) => r.name === 'Fee waiver')!;
    expect(fee).toMatchObject({ metric: 'count', target: '60' });
    for (const k of ['target', 'progress', 'remaining', 'projected']) expect(fee[k]).toMatch(/^\d+$/);
    for (const k of ['pace_per_day', 'pace_per_week']) expect(fee[k]).toMatch(/^\d+\.\d\d$/);
    expect(Number.isInteger(fee.purchases)).toBe(true);
    expect(rows.find((r) => r.name === 'Q4 bonus')).toMatchObject({ metric: 'spend', target: '5000.00' });
  });

  it.each([
    ['report', 'month', '2026-10'], ['report', 'month', '2026-11'], ['report', 'year', '2026'], ['report', 'rank', '--by', 'category', '--year', '2026'],
    ['report', 'trend', '--months', '6', '--by', 'merchant'], ['budget', 'status', '2026-10'], ['benefit', 'list'], ['badges', '2026-10'],
    ['tx', 'list', '--month', '2026-10'], ['account', 'list'], ['import', 'list'],
  ].map((c) => [c.join(' '), c] as const))('%s', (_name, args) => {
    expect(mixedFields(JSON.parse(ok([...args, '--json'])))).toEqual([]);
  });
});
