import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../../src/core/context.js';
import type { Db } from '../../../src/ledger/open.js';
import { monthReport } from '../../../src/app/reports/report-month.js';
import { yearReport } from '../../../src/app/reports/report-year.js';
import { monthReportJson } from '../../../src/reports/month.js';
import { yearReportJson } from '../../../src/reports/year.js';
import { monthDocument, yearDocument } from '../../../src/render/report-views.js';
import { renderTerminal } from '../../../src/render/document.js';
import { renderMarkdownDocument } from '../../../src/render/document-text.js';
import { buildFixtureLedger, fixtureContext } from './fixture-ledger.js';

const GOLDEN = path.resolve(__dirname, '../../fixtures/reports');

/** Compare with a golden file; UPDATE_GOLDEN=1 rewrites it. */
function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    if (!process.env.UPDATE_GOLDEN) throw new Error(`golden ${name} was missing and has been written; check it and re-run`);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

let fixture: { db: Db; file: string; dir: string };
let ctx: Context;

beforeAll(() => {
  fixture = buildFixtureLedger();
  fixture.db.close();
  ctx = fixtureContext(fixture.file);
});
afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }));

describe('report month on the fixture ledger', () => {
  it('counts what SPEC says: no transfers, mirrored rows once, refunds net, splits per part', async () => {
    const r = await monthReport(ctx, { month: '2026-10' });
    // 4500 + 2688 + 35 + 42 + 88 + 5999 − 1200 + 200 − 850 + 300 + 15 + 23 = 11840.00
    expect(r.spending).toBe(1_184_000);
    expect(r.income).toBe(1_500_000);
    expect(r.net).toBe(316_000);
    const cats = Object.fromEntries(r.categories.map((c) => [c.name, c.amount]));
    expect(cats).toEqual({
      Housing: 450_000, Shopping: 491_900, Groceries: 286_800, Dining: 16_500, Transport: 1_500, Uncategorized: 2_300, Travel: -65_000,
    });
    expect(r.categories.reduce((s, c) => s + c.amount, 0)).toBe(r.spending);
    expect(r.negativeCategories).toEqual(['Travel']);
    expect(r.otherCurrencies).toEqual(['USD']);
    expect(r.previous).toEqual({ month: '2026-09', spending: 703_500, income: 1_500_000 });
    // Six months before: 653500 … 703500 → mean 678500.
    expect(r.average6m).toBe(678_500);
    expect(r.newMerchants.map((m) => m.merchant).sort()).toEqual(['Apple Store', 'Costco', 'Haidilao', '美团单车', 'Trip.com'].sort());
    expect(r.largest[0]).toMatchObject({ amount: 599_900, merchant: 'Apple Store' });
    expect(r.largest).toHaveLength(5);
  });

  it('drills into a category: children, then merchants', async () => {
    const r = await monthReport(ctx, { month: '2026-10', category: 'Shopping' });
    expect(r.categories.map((c) => [c.name, c.amount])).toEqual([['Shopping:Electronics', 479_900], ['Shopping:Home goods', 12_000]]);
    expect(r.spending).toBe(491_900);
    expect(r.merchants.map((m) => m.name)).toEqual(['Apple Store', 'Costco']);
  });

  it('filters by account, tag and currency', async () => {
    expect((await monthReport(ctx, { month: '2026-10', account: 'Alipay' })).spending).toBe(3_500 + 4_200 + 8_800 + 20_000 - 85_000 + 1_500 + 2_300);
    expect((await monthReport(ctx, { month: '2026-10', tag: 'family' })).spending).toBe(268_800 + 8_800);
    const usd = await monthReport(ctx, { month: '2026-10', currency: 'usd' });
    expect(usd.currency).toBe('USD');
    expect(usd.spending).toBe(4_999);
    expect(usd.otherCurrencies).toEqual(['CNY']);
  });

  it('shows each card in its statement cycle against its limit', async () => {
    const r = await monthReport(ctx, { month: '2026-11' });
    // today 2026-11-15, statement day 5 → cycle 2026-11-06 … 2026-12-05: nothing charged yet.
    expect(r.cards).toEqual([]);
    const oct = await monthReport({ ...ctx, today: '2026-10-22' }, { month: '2026-10' });
    const cmb = oct.cards.find((c) => c.name === 'CMB Card')!;
    expect(cmb.cycle).toEqual({ from: '2026-10-06', to: '2026-11-05' });
    // 5999 − 1200 + 300 + the mirrored 88 (the card really was charged)
    expect(cmb.spending).toBe(599_900 - 120_000 + 30_000 + 8_800);
    expect(cmb.used).toBeCloseTo(518_700 / 5_000_000);
  });

  it('matches the JSON and Markdown goldens', async () => {
    // Budgets, benefits and badges belong to month-extras (another area); the goldens cover the rest.
    const r = { ...await monthReport(ctx, { month: '2026-10' }), extras: { budgets: [], benefits: [], badges: [] } };
    golden('month-2026-10.json', `${JSON.stringify(monthReportJson(r), null, 2)}\n`);
    golden('month-2026-10.md', renderMarkdownDocument(monthDocument(r)));
    const text = renderTerminal(monthDocument(r));
    expect(text).not.toMatch(/\x1b\[/);
    expect(text).toContain('Travel (refunds exceed spending)');
  });

  it('renders the month-extras as sentences (render/perk-views.ts), and leaves empty ones out', async () => {
    const r = await monthReport(ctx, { month: '2026-10' });
    const budget = { category: 'Dining', budget: '500.00', spent: '165.00', remaining: '335.00', period: 'month', used: 0.33, status: 'ok' };
    const withExtras = { ...r, extras: { budgets: [budget], benefits: [], badges: [] } };
    const md = renderMarkdownDocument(monthDocument(withExtras));
    expect(md).toContain('### Budgets');
    expect(md).toMatch(/Dining.*165\.00 of 500\.00 · 335\.00 left/);
    expect(md).not.toContain('### Card benefits');
    expect(monthReportJson(withExtras).benefits).toEqual([]);
  });

  it('keeps the JSON contract field names', async () => {
    const json = monthReportJson(await monthReport(ctx, { month: '2026-10' }));
    for (const key of ['month', 'currency', 'spending', 'income', 'net', 'previous', 'average_spending_6m', 'categories', 'merchants', 'channels', 'trend', 'cards', 'budgets', 'benefits', 'badges', 'largest']) {
      expect(json).toHaveProperty(key);
    }
    expect(json.trend).toHaveLength(6);
    expect((json.categories as Record<string, unknown>[])[0]).toEqual(expect.objectContaining({ category: 'Shopping', amount: '4919.00', count: 2 }));
  });
});

describe('report year on the fixture ledger', async () => {
  it('adds up the year and matches the golden', () => {
    const r = yearReport(ctx, { year: '2026' });
    expect(r.income).toBe(7 * 1_500_000);
    expect(r.months.reduce((s, m) => s + m.spending, 0)).toBe(r.spending);
    expect(r.categories.reduce((s, c) => s + c.amount, 0)).toBe(r.spending);
    expect(r.busiestMonth?.month).toBe('2026-10');
    expect(r.mostFrequentMerchant?.name).toBe('Starbucks');
    expect(r.vsPreviousYear.spending).toBeNull();
    golden('year-2026.json', `${JSON.stringify(yearReportJson(r), null, 2)}\n`);
    golden('year-2026.md', renderMarkdownDocument(yearDocument(r)));
  });
});
