/**
 * `pocketbook report …` through the built CLI (run `npx tsc -p tsconfig.json` first), on the
 * fixture ledger of test/unit/reports, with POCKETBOOK_TODAY fixed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type TempLedger, tempLedger } from './helpers.js';
import { buildFixtureLedger } from '../unit/reports/fixture-ledger.js';

let t: TempLedger;
const TODAY = { POCKETBOOK_TODAY: '2026-11-15' };
const ANSI = /\x1b\[/;
/** Budgets, benefits and badges come from another area (month-extras): goldens cover the rest. */
const EXTRAS = ['budgets', 'benefits', 'badges'] as const;
const withoutExtras = (json: Record<string, unknown>) => {
  for (const key of EXTRAS) expect(Array.isArray(json[key])).toBe(true);
  // Recurring charges (issue 28) come from the ledger as a whole, added by the app: tested in tx-add.test.ts.
  if ('recurring' in json) expect(json.recurring).toHaveProperty('monthly_total');
  return Object.fromEntries(Object.entries(json).filter(([k]) => !(EXTRAS as readonly string[]).includes(k) && k !== 'recurring'));
};
const markdownWithoutExtras = (md: string) => md.split(/\n### (?:Budgets|Card benefits|Badges)\n/)[0]!.trimEnd();

beforeAll(() => {
  t = tempLedger('pb-report-');
  buildFixtureLedger(t.dir).db.close();
});
afterAll(() => t.cleanup());

const run = (args: string[], env: Record<string, string | undefined> = {}) => t.run(args, { env: { ...TODAY, ...env } });

describe('report month', () => {
  it('prints the JSON contract, equal to the golden', () => {
    const res = run(['report', 'month', '2026-10', '--json']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const golden = readFileSync(path.join(REPO_ROOT, 'test/fixtures/reports/month-2026-10.json'), 'utf8');
    expect(withoutExtras(JSON.parse(res.stdout))).toEqual(withoutExtras(JSON.parse(golden)));
  });

  it('--previous is last month; Markdown equals the golden (minus the chart drawing)', () => {
    const res = run(['report', 'month', '--previous', '--format', 'markdown']);
    expect(res.code).toBe(0);
    const golden = readFileSync(path.join(REPO_ROOT, 'test/fixtures/reports/month-2026-10.md'), 'utf8');
    expect(markdownWithoutExtras(res.stdout.replace(/\n```\n[\s\S]*?\n```\n/, ''))).toBe(markdownWithoutExtras(golden));
    expect(res.stdout).toContain('```');
  });

  it('prints a table without ANSI codes when piped, with NO_COLOR or --no-color', () => {
    for (const args of [['report', 'month', '2026-10'], ['report', 'month', '2026-10', '--no-color']]) {
      const res = run(args, { NO_COLOR: undefined });
      expect(res.code).toBe(0);
      expect(res.stdout).not.toMatch(ANSI);
      expect(res.stdout).toContain('Spending report Oct 2026'); // months read naturally (issue 24)
      expect(res.stdout).toContain('Freshippo'); // 盒马鲜生 by its English name in English (issue 24 point 4)
      expect(res.stdout).toContain('Last 6 months');
      expect(res.stdout).toContain('Travel (refunds exceed spending)');
    }
  });

  it('prints CSV blocks and drills into a category', () => {
    const csv = run(['report', 'month', '2026-10', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('#,Category,Amount,Share,Count');
    expect(csv.stdout).toContain('1,Shopping,4919.00,41.5%,2');
    const drill = JSON.parse(run(['report', 'month', '2026-10', '--category', 'Shopping', '--json']).stdout);
    expect(drill.categories.map((c: { category: string }) => c.category)).toEqual(['Shopping:Electronics', 'Shopping:Home goods']);
    expect(drill.merchants.map((m: { merchant: string }) => m.merchant)).toEqual(['Apple Store', 'Costco']);
  });

  it('filters by account, currency and tag; names other currencies', () => {
    const usd = JSON.parse(run(['report', 'month', '2026-10', '--currency', 'USD', '--json']).stdout);
    expect([usd.currency, usd.spending, usd.other_currencies]).toEqual(['USD', '49.99', ['CNY']]);
    expect(JSON.parse(run(['report', 'month', '2026-10', '--tag', 'family', '--json']).stdout).spending).toBe('2776.00');
    expect(JSON.parse(run(['report', 'month', '2026-10', '--account', 'Checking', '--json']).stdout).spending).toBe('4500.00');
  });

  it('fails clearly on bad input', () => {
    const bad = run(['report', 'month', '2026-13']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/"2026-13" is not a month/);
    expect(run(['report', 'month', '--account', 'Nope']).stderr).toMatch(/no account named "Nope"/);
    expect(run(['report', 'rank']).code).toBe(2);
  });
});

describe('report year, rank and trend', () => {
  it('report year in every format', () => {
    const json = JSON.parse(run(['report', 'year', '2026', '--json']).stdout);
    const golden = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/reports/year-2026.json'), 'utf8'));
    expect(json).toEqual(golden);
    expect(json.months).toHaveLength(11); // 2026-01 … 2026-11: today is 2026-11-15, months to come are absent
    for (const format of ['table', 'markdown', 'csv']) {
      const res = run(['report', 'year', '2026', '--format', format]);
      expect(res.code).toBe(0);
      expect(res.stdout).toContain(format === 'csv' ? 'Income,105000.00' : 'Annual bill 2026');
      expect(res.stdout).not.toMatch(ANSI);
    }
  });

  it('report rank over a month, a year and a date range, with --top', () => {
    const byMerchant = JSON.parse(run(['report', 'rank', '--by', 'merchant', '--month', '2026-10', '--top', '3', '--json']).stdout);
    expect(byMerchant.items.map((i: { merchant: string }) => i.merchant)).toEqual(['Apple Store', 'Landlord', 'Freshippo']); // 盒马鲜生, by its English name (issue 24)
    expect(byMerchant.total).toBe('11840.00');
    expect(byMerchant.rest.rows).toBe(6);
    const year = JSON.parse(run(['report', 'rank', '--by', 'category', '--year', '2026', '--json']).stdout);
    expect(year.items[0]).toMatchObject({ rank: 1, category: 'Housing', amount: '31500.00' });
    const range = JSON.parse(run(['report', 'rank', '--by', 'channel', '--from', '2026-10-01', '--to', '2026-10-15', '--json']).stdout);
    expect(range.items.map((i: { channel: string }) => i.channel)).toEqual(['card', 'alipay']);
    for (const format of ['table', 'markdown', 'csv']) expect(run(['report', 'rank', '--by', 'merchant', '--format', format]).code).toBe(0);
  });

  it('report trend with and without --by', () => {
    const plain = JSON.parse(run(['report', 'trend', '--months', '3', '--json']).stdout);
    expect(plain.months.map((m: { month: string }) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(plain.months[1]).toEqual({ month: '2026-10', spending: '11840.00', income: '15000.00', net: '3160.00' });
    const by = JSON.parse(run(['report', 'trend', '--months', '6', '--by', 'category', '--top', '2', '--json']).stdout);
    expect(by.series.map((s: { category: string }) => s.category)).toEqual(['Housing', 'Groceries', 'Other']);
    const total = by.series.reduce((sum: number, s: { total: string }) => sum + Math.round(Number(s.total) * 100), 0);
    const spent = by.months.reduce((sum: number, m: { spending: string }) => sum + Math.round(Number(m.spending) * 100), 0);
    expect(total).toBe(spent);
    for (const format of ['table', 'markdown', 'csv']) {
      const res = run(['report', 'trend', '--by', 'merchant', '--format', format]);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
    }
  });
});
