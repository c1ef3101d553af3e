/**
 * `report month` hands the badges the figures it has already read (app/perks/badges.ts KnownFigures).
 * The badges must come out exactly as when they read their own, and a filtered report must not
 * hand over figures of a part of the ledger.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../../src/core/context.js';
import type { Db } from '../../../src/ledger/open.js';
import { type KnownFigures, badgesUse, monthFigures } from '../../../src/app/perks/badges.js';
import { allCategories } from '../../../src/ledger/categories.js';
import { hourSpending } from '../../../src/ledger/purchase-queries.js';
import { groupSpending, monthTotals } from '../../../src/ledger/report-queries.js';
import { monthReportView } from '../../../src/app/reports/report-month.js';
import { buildFixtureLedger, fixtureContext } from '../reports/fixture-ledger.js';

let fixture: { db: Db; file: string; dir: string };
let ctx: Context;

beforeAll(() => {
  fixture = buildFixtureLedger();
  ctx = fixtureContext(fixture.file);
});
afterAll(() => {
  fixture.db.close();
  rmSync(fixture.dir, { recursive: true, force: true });
});

describe('badges from the month report\'s figures', () => {
  it('the figures handed over equal those the badges read themselves', () => {
    const { db } = fixture;
    for (const month of ['2026-09', '2026-10', '2026-11']) {
      const filter = { currency: 'CNY' };
      const range = { from: `${month}-01`, to: `${month}-${month === '2026-09' || month === '2026-11' ? '30' : '31'}` };
      const known: KnownFigures = {
        categories: allCategories(db),
        month: {
          byChannel: groupSpending(db, filter, range, 'channel'),
          byCategory: groupSpending(db, filter, range, 'category'),
          byMerchant: groupSpending(db, filter, range, 'merchant'),
          hours: hourSpending(db, filter, range),
          totals: monthTotals(db, filter, { from: '2026-04-01', to: range.to }).filter((t) => t.month === month),
        },
      };
      const own = monthFigures(db, month, 'CNY');
      expect(monthFigures(db, month, 'CNY', { known })).toEqual(own);
      // The month before gets only the category tree; without custom badges it skips the hours.
      const { hours, ...withoutHours } = own;
      expect(hours).toBeDefined();
      expect(monthFigures(db, month, 'CNY', { known: { categories: known.categories! }, hours: false })).toEqual(withoutHours);
    }
  });

  it('report month lists the badges `badges` earns, filtered or not', async () => {
    const earned = badgesUse(ctx, '2026-10', {}).badges.filter((b) => b.earned).map((b) => b.id);
    expect(earned.length).toBeGreaterThan(0);
    const whole = (await monthReportView(ctx, { month: '2026-10' })).report.extras.badges as Array<{ id: string }>;
    expect(whole.map((b) => b.id)).toEqual(earned);
    // Filtered to one account, the report's own figures are the account's: the badges still see the ledger.
    const oneAccount = (await monthReportView(ctx, { month: '2026-10', account: 'Alipay' })).report.extras.badges as Array<{ id: string }>;
    expect(oneAccount.map((b) => b.id)).toEqual(earned);
  });
});
