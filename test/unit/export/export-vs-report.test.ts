/**
 * Property: over random ledgers (every kind under categories of any tree, splits, mirrored card
 * rows, linked transfers — forced ones too, of other amounts and currencies), for every month ×
 * currency × category the postings of `export --format ledger` and `--format beancount` sum to
 * what `report month` says: spending per category under Expenses, income under Income.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Context } from '../../../src/core/context.js';
import { exportLedger } from '../../../src/app/export/export.js';
import { monthReport } from '../../../src/app/reports/report-month.js';
import { monthReportJson } from '../../../src/reports/month.js';
import { openLedger } from '../../../src/ledger/open.js';
import { type Entry, addAccounts, insertEntries } from '../reports/fixture-ledger.js';
import { beancountCategories, ledgerTop, nonZero, postingSums, sidesFromPostings, unbalanced } from './journal-sums.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const CATS = ['Dining:Coffee & tea', 'Gifts & red packets:Red packets', 'Salary', 'Red packets received', 'Transfer:Own accounts', 'Housing', null];
const ACCOUNTS = [['Checking', 'CNY'], ['CMB Card', 'CNY'], ['Alipay', 'CNY'], ['Chase', 'USD']] as const;

const entryArb = fc.record({
  account: fc.integer({ min: 0, max: 3 }),
  day: fc.integer({ min: 0, max: 3 }),
  amount: fc.integer({ min: -90_000, max: 90_000 }).filter((n) => n !== 0),
  kind: fc.constantFrom('expense', 'income', 'transfer', 'refund'),
  category: fc.constantFrom(...CATS),
  split: fc.boolean(),
  mirror: fc.boolean(),
});
const DAYS = ['2026-09-05', '2026-09-30', '2026-10-01', '2026-10-20'];

function ctxFor(ledgerPath: string): Context {
  return { ledgerPath, today: '2026-11-15', settings: { currency: 'CNY', locale: 'en', color: false }, io: { out: () => {}, err: () => {} }, interactive: false, debug: false };
}

async function exported(ctx: Context, format: 'ledger' | 'beancount'): Promise<string> {
  let text = '';
  await exportLedger(ctx, { format }, (c) => void (text += c));
  return text;
}

describe('export agrees with report month (property)', () => {
  it('per month × currency × category, on random ledgers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { minLength: 1, maxLength: 14 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }), async (raw, links) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'pb-exp-prop-'));
        dirs.push(dir);
        const file = path.join(dir, 'l.db');
        const db = openLedger(file);
        addAccounts(db);
        const entries: Entry[] = raw.map((r, i) => {
          const [account, currency] = ACCOUNTS[r.account]!;
          const e: Entry = { account, currency, date: DAYS[r.day]!, amount: r.amount, kind: r.kind, category: r.category };
          if (r.split && r.category) e.splits = [[r.category, Math.trunc(r.amount / 3)], ['Dining:Coffee & tea', r.amount - Math.trunc(r.amount / 3)]];
          // A card row mirroring an earlier wallet entry.
          const wallet = raw.findIndex((w, j) => j < i && ACCOUNTS[w.account]![0] === 'Alipay');
          if (r.mirror && account === 'CMB Card' && wallet >= 0) e.mirrorOf = wallet;
          return e;
        });
        const ids = insertEntries(db, entries);
        const link = db.prepare("UPDATE transactions SET transfer_peer_id = ?, kind = 'transfer' WHERE id = ?");
        for (const [a, b] of links) {
          const x = ids[a % ids.length]!;
          const y = ids[b % ids.length]!;
          if (x === y) continue;
          link.run(y, x);
          link.run(x, y);
        }
        db.close();
        const ctx = ctxFor(file);
        const ledgerText = await exported(ctx, 'ledger');
        const beanText = await exported(ctx, 'beancount');
        expect(unbalanced(ledgerText, 'ledger')).toEqual([]);
        expect(unbalanced(beanText, 'beancount')).toEqual([]);
        const ledger = sidesFromPostings(postingSums(ledgerText, 'ledger'), ledgerTop);
        const cats = beancountCategories(beanText);
        const bean = sidesFromPostings(postingSums(beanText, 'beancount'), (a) => {
          const c = cats.get(a);
          return c === undefined ? undefined : c === '' ? 'Uncategorized' : c.split(':')[0];
        });
        for (const month of ['2026-09', '2026-10']) {
          for (const currency of ['CNY', 'USD']) {
            // What `report month --json` prints (amounts as decimal strings; both currencies have cents).
            const json = monthReportJson(await monthReport(ctx, { month, currency })) as { income: string; categories: { category: string; amount: string }[] };
            const minor = (s: string) => Math.round(Number(s) * 100);
            const spending = json.categories.map((c) => [c.category, minor(c.amount)] as const).filter(([, v]) => v !== 0);
            const want = { spending: Object.fromEntries(spending.sort(([a], [b]) => (a < b ? -1 : 1))), income: minor(json.income) };
            for (const got of [ledger, bean]) {
              const slot = got.get(`${month}|${currency}`) ?? { spending: new Map<string, number>(), income: 0 };
              expect({ spending: nonZero(slot.spending), income: slot.income }, `${month} ${currency}`).toEqual(want);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
