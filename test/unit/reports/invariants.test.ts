/**
 * Invariants on generated ledgers: categories add up to the total, the total equals an independent
 * sum over the entries (non-transfer, non-mirrored, split parts), transfers contribute zero, and
 * the monthly cache stays exact after inserts, edits, splits, links, re-categorization and deletes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openLedger, type Db } from '../../../src/ledger/open.js';
import { groupSpending, largestSpending, monthTotals } from '../../../src/ledger/report-queries.js';
import { refreshReportCache } from '../../../src/ledger/report-cache.js';
import { type Entry, addAccounts, insertEntries } from './fixture-ledger.js';
import { prng } from '../../../src/bench/gen.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function freshLedger(): Db {
  const dir = mkdtempSync(path.join(tmpdir(), 'pb-inv-'));
  dirs.push(dir);
  const db = openLedger(path.join(dir, 'l.db'));
  addAccounts(db);
  return db;
}

const CATS = ['Dining:Coffee & tea', 'Dining:Restaurants', 'Groceries:Supermarkets', 'Shopping:Electronics', 'Travel:Hotels', null];
const entryArb = fc.record({
  account: fc.constantFrom('Checking', 'CMB Card', 'Alipay'),
  date: fc.constantFrom('2026-08-03', '2026-08-31', '2026-09-01', '2026-09-15', '2026-09-30', '2026-10-02'),
  // Equal amounts too: the largest spends break ties by date, then id.
  amount: fc.oneof(fc.integer({ min: -500_000, max: 500_000 }).filter((n) => n !== 0), fc.constantFrom(-1_000, -2_000)),
  kind: fc.constantFrom('expense', 'expense', 'income', 'transfer', 'refund') as fc.Arbitrary<Entry['kind']>,
  merchant: fc.constantFrom('Starbucks', '海底捞', 'Costco', null),
  category: fc.constantFrom(...CATS),
  channel: fc.constantFrom('card', 'alipay', 'wechat'),
  currency: fc.constantFrom('CNY', 'CNY', 'CNY', 'USD'),
  tags: fc.constantFrom([], ['trip']),
  split: fc.boolean(),
});

function toEntries(raw: fc.TypeOf<typeof entryArb>[]): Entry[] {
  return raw.map((r, i) => ({
    ...r,
    ...(r.split && r.amount < -1 ? { splits: [['Dining:Restaurants', Math.trunc(r.amount / 2)], ['Shopping:Electronics', r.amount - Math.trunc(r.amount / 2)]] as [string, number][] } : {}),
    // every 7th entry mirrors the previous one (a card row for a wallet payment)
    ...(i % 7 === 6 ? { mirrorOf: i - 1 } : {}),
  }));
}

/** Independent expectation: spending of a month, straight from the entry list. */
function expectedSpending(entries: readonly Entry[], month: string, currency: string, tag?: string): number {
  return -entries
    .filter((e) => e.date.startsWith(month) && (e.currency ?? 'CNY') === currency && e.mirrorOf === undefined)
    .filter((e) => e.kind === 'expense' || e.kind === 'refund')
    .filter((e) => tag === undefined || (e.tags ?? []).includes(tag))
    .reduce((s, e) => s + (e.splits ? e.splits.reduce((a, [, x]) => a + x, 0) : e.amount), 0);
}

const SEPT = { from: '2026-09-01', to: '2026-09-30' };
const QUARTER = { from: '2026-08-01', to: '2026-10-31' };

/** The largest spends read through the cache equal a scan, for whole months, with and without an account filter. */
function expectLargestFromCache(db: Db, currency: string): void {
  const card = db.prepare("SELECT id FROM accounts WHERE name = 'CMB Card'").pluck().get() as number;
  for (const filter of [{ currency }, { currency, accountIds: [card] }]) {
    for (const range of [SEPT, QUARTER]) {
      for (const limit of [1, 5, 10]) {
        expect(largestSpending(db, filter, range, limit)).toEqual(largestSpending(db, { ...filter, noCache: true }, range, limit));
      }
    }
  }
}

describe('report invariants on generated ledgers', () => {
  it('categories add up, totals match the entries, transfers count zero, cache equals the view', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 0, maxLength: 40 }), (raw) => {
        const db = freshLedger();
        try {
          const entries = toEntries(raw);
          insertEntries(db, entries);
          for (const currency of ['CNY', 'USD']) {
            const filter = { currency };
            const total = monthTotals(db, filter, SEPT)[0];
            const spending = -(total?.spendAmount ?? 0);
            expect(spending).toBe(expectedSpending(entries, '2026-09', currency));
            const cats = groupSpending(db, filter, SEPT, 'category');
            expect(-cats.reduce((s, g) => s + g.amount, 0)).toBe(spending);
            // The cache agrees with the view, dimension by dimension.
            for (const dim of ['category', 'merchant', 'channel', 'date'] as const) {
              const viaCache = groupSpending(db, filter, SEPT, dim);
              const viaView = groupSpending(db, { ...filter, noCache: true }, SEPT, dim);
              expect(new Set(viaCache.map((g) => `${g.key}:${g.amount}:${g.count}`))).toEqual(new Set(viaView.map((g) => `${g.key}:${g.amount}:${g.count}`)));
            }
            expect(monthTotals(db, filter, SEPT)).toEqual(monthTotals(db, { ...filter, noCache: true }, SEPT));
            expectLargestFromCache(db, currency);
            const tagged = -(monthTotals(db, { currency, tag: 'trip' }, SEPT)[0]?.spendAmount ?? 0);
            expect(tagged).toBe(expectedSpending(entries, '2026-09', currency, 'trip'));
          }
          // Adding transfers changes nothing.
          const before = monthTotals(db, { currency: 'CNY' }, SEPT);
          insertEntries(db, [{ account: 'Checking', date: '2026-09-10', amount: -77_700, kind: 'transfer', merchant: 'Starbucks' }]);
          expect(monthTotals(db, { currency: 'CNY' }, SEPT)).toEqual(before);
        } finally {
          db.close();
        }
      }),
      { numRuns: 25 },
    );
  });

  it('rebuilds many dirty months in one pass (a history import) exactly as the view sums them', () => {
    const db = freshLedger();
    // 30 months (more than the month-by-month path takes) of mixed entries: splits, mirrors,
    // transfers, refunds, income, USD, NULL merchants and categories.
    const rand = prng(7);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const entries: Entry[] = [];
    for (let m = 0; m < 30; m++) {
      const month = `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      for (let i = 0; i < 25; i++) {
        const amount = pick([-1_000, -2_000, Math.round(-rand() * 90_000) - 1, Math.round(rand() * 50_000) + 1]);
        const entry: Entry = {
          account: pick(['Checking', 'CMB Card', 'Alipay']), date: `${month}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`, amount,
          kind: amount < 0 ? pick(['expense', 'expense', 'transfer']) : pick(['income', 'refund']), merchant: pick(['Starbucks', '海底捞', null]),
          category: pick(CATS), channel: pick(['card', 'alipay']), currency: pick(['CNY', 'CNY', 'USD']),
        };
        if (amount < -2 && rand() < 0.1) entry.splits = [['Dining:Restaurants', Math.trunc(amount / 2)], ['Shopping:Electronics', amount - Math.trunc(amount / 2)]];
        if (i > 0 && rand() < 0.1) entry.mirrorOf = entries.length - 1;
        entries.push(entry);
      }
    }
    insertEntries(db, entries);
    expect(refreshReportCache(db)).toBe(30);
    for (const currency of ['CNY', 'USD']) {
      for (const month of ['2024-01', '2024-12', '2025-07', '2026-06']) {
        const range = { from: `${month}-01`, to: `${month}-31` };
        for (const dim of ['category', 'merchant', 'channel', 'date'] as const) {
          expect(groupSpending(db, { currency }, range, dim)).toEqual(groupSpending(db, { currency, noCache: true }, range, dim));
        }
        expect(monthTotals(db, { currency }, range)).toEqual(monthTotals(db, { currency, noCache: true }, range));
      }
      const year = { from: '2025-01-01', to: '2025-12-31' };
      expect(monthTotals(db, { currency }, year)).toEqual(monthTotals(db, { currency, noCache: true }, year));
      expect(largestSpending(db, { currency }, year, 10)).toEqual(largestSpending(db, { currency, noCache: true }, year, 10));
    }
    db.close();
  });

  it('keeps the largest spends of a month exactly when more than the cache holds tie', () => {
    const db = freshLedger();
    // 14 equal spends on one day in one account: the cache keeps the 10 lowest ids, as the scan orders them.
    const tied: Entry[] = Array.from({ length: 14 }, () => ({ account: 'CMB Card', date: '2026-09-15', amount: -3_000, merchant: 'Costco', category: null }));
    insertEntries(db, [...tied, { account: 'CMB Card', date: '2026-09-16', amount: -3_000, merchant: 'Costco', category: null }]);
    const viaCache = largestSpending(db, { currency: 'CNY' }, SEPT, 10);
    expect(viaCache).toHaveLength(10);
    expect(viaCache).toEqual(largestSpending(db, { currency: 'CNY', noCache: true }, SEPT, 10));
    expect(viaCache.map((r) => r.txId)).toEqual([...viaCache.map((r) => r.txId)].sort((a, b) => a - b));
    db.close();
  });

  it('stays exact after edits, splits, links, re-categorization and deletes', () => {
    const db = freshLedger();
    const entries: Entry[] = [
      { account: 'Alipay', date: '2026-09-02', amount: -10_000, merchant: 'Starbucks', category: 'Dining:Coffee & tea' },
      { account: 'CMB Card', date: '2026-09-03', amount: -50_000, merchant: 'Costco', category: 'Groceries:Supermarkets' },
      { account: 'Checking', date: '2026-09-04', amount: -20_000, merchant: 'CMB Card', category: null },
    ];
    const [a, b, c] = insertEntries(db, entries) as [number, number, number];
    const view = () => db.prepare("SELECT coalesce(CAST(category_id AS TEXT), '') AS key, sum(amount) AS amount FROM report_lines WHERE date LIKE '2026-09%' AND currency = 'CNY' AND kind <> 'income' GROUP BY 1 ORDER BY 1").all();
    const cached = () => groupSpending(db, { currency: 'CNY' }, SEPT, 'category').map((g) => ({ key: g.key, amount: g.amount })).sort((x, y) => x.key.localeCompare(y.key));
    expect(cached()).toEqual(view());
    const steps: (() => void)[] = [
      () => db.prepare("UPDATE transactions SET kind = 'transfer' WHERE id = ?").run(c), // tx link
      () => db.prepare('UPDATE transactions SET category_id = (SELECT id FROM categories WHERE name_en = ?) WHERE id = ?').run('Restaurants', a), // rules apply / edit
      () => db.prepare('INSERT INTO splits (tx_id, category_id, amount, position) VALUES (?, (SELECT id FROM categories WHERE name_en = ?), ?, 0), (?, (SELECT id FROM categories WHERE name_en = ?), ?, 1)').run(b, 'Supermarkets', -30_000, b, 'Electronics', -20_000),
      () => db.prepare('UPDATE splits SET amount = amount - 1000 WHERE tx_id = ? AND position = 0').run(b),
      () => db.prepare('UPDATE transactions SET date = ? WHERE id = ?').run('2026-10-01', a),
      () => db.prepare('UPDATE transactions SET mirror_of = ? WHERE id = ?').run(c, b),
      () => db.prepare('UPDATE transactions SET mirror_of = NULL WHERE id = ?').run(b),
      () => db.prepare('DELETE FROM splits WHERE tx_id = ?').run(b),
      () => db.prepare('DELETE FROM transactions WHERE id = ?').run(b),
    ];
    for (const step of steps) {
      step();
      expect(cached()).toEqual(view());
      expectLargestFromCache(db, 'CNY');
    }
    expect(refreshReportCache(db)).toBe(0);
    db.close();
  });
});
