/**
 * Recurring charges (issue 28 point 4): monthly, weekly, quarterly and yearly series found without a
 * list of services; a price change; a charge that did not come; irregular shopping is not recurring.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Charge, MIN_RECURRING_GAP_DAYS, findRecurring, recurringJson, recurringMonth } from '../../../src/reports/recurring.js';
import { type Db, openLedger } from '../../../src/ledger/open.js';
import { MIN_GAP_DAYS, chargesBetween } from '../../../src/ledger/recurring-queries.js';
import { monthRecurring } from '../../../src/app/reports/report-recurring.js';
import { addDays, addMonths } from '../../../src/core/dates.js';
import { addAccounts, insertEntries } from './fixture-ledger.js';

/** A new ledger on disk with the fixture's accounts. */
function ledgerWithAccounts(prefix: string): Db {
  const db = openLedger(path.join(mkdtempSync(path.join(tmpdir(), prefix)), 'ledger.db'));
  addAccounts(db);
  return db;
}

const charge = (date: string, amount: number, merchant: string | null, description = merchant ?? ''): Charge => ({ date, amount, currency: 'CNY', merchant, description });
const monthly = (merchant: string, day: string, months: string[], amount: number) => months.map((m) => charge(`${m}-${day}`, amount, merchant));

describe('findRecurring', () => {
  it('a monthly subscription: interval, next date, monthly cost, nothing flagged', () => {
    const list = findRecurring(monthly('Netflix', '05', ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'], -6800), '2026-11-15');
    expect(recurringJson(list)).toEqual([
      { merchant: 'Netflix', interval: 'monthly', last_date: '2026-11-05', last_amount: '68.00', next_date: '2026-12-05', monthly_cost: '68.00', price_change: null, missed: false, currency: 'CNY', count: 6 },
    ]);
  });

  it('month ends: the 31st in a short month still counts as monthly; the next date clamps to the month end', () => {
    const dates = ['2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31'];
    const [r] = findRecurring(dates.map((d) => charge(d, -1500, 'iCloud')), '2026-11-10');
    expect(r).toMatchObject({ interval: 'monthly', nextDate: '2026-11-30', missed: false });
  });

  it('weekly: 52/12 of the amount a month', () => {
    const dates = ['2026-10-04', '2026-10-11', '2026-10-18', '2026-10-25', '2026-11-01', '2026-11-08'];
    const [r] = findRecurring(dates.map((d) => charge(d, -3000, null, `FRESHBOX ORDER ${d.replace(/-/g, '')}`)), '2026-11-10');
    expect(r).toMatchObject({ interval: 'weekly', nextDate: '2026-11-15', monthlyCost: 13000, missed: false });
  });

  it('quarterly and yearly (two charges are enough for yearly)', () => {
    const quarterly = ['2026-02-10', '2026-05-10', '2026-08-10', '2026-11-10'].map((d) => charge(d, -30000, 'Property Fee'));
    const yearly = ['2025-03-01', '2026-03-01'].map((d) => charge(d, -12000, 'Amazon Prime'));
    const list = findRecurring([...quarterly, ...yearly], '2026-11-15');
    expect(list.map((r) => [r.merchant, r.interval, r.nextDate, r.monthlyCost])).toEqual([
      ['Property Fee', 'quarterly', '2027-02-10', 10000],
      ['Amazon Prime', 'yearly', '2027-03-01', 1000],
    ]);
  });

  it('flags a price change: the last charge differs from the usual amount', () => {
    const list = findRecurring([...monthly('Spotify', '12', ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'], -1500), charge('2026-11-12', -1800, 'Spotify')], '2026-11-15');
    expect(recurringJson(list)[0]).toMatchObject({ last_amount: '18.00', monthly_cost: '18.00', price_change: { from: '15.00', to: '18.00' } });
    expect(recurringMonth(list, 'CNY', '2026-11')).toEqual({ monthlyTotal: 1800, priceChanges: [{ merchant: 'Spotify', from: 1500, to: 1800 }] });
    expect(recurringMonth(list, 'CNY', '2026-10').priceChanges).toEqual([]);
  });

  it('flags a charge that did not come, and leaves out a series long over', () => {
    const gym = monthly('Gym', '01', ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'], -20000);
    expect(findRecurring(gym, '2026-11-05')[0]?.missed).toBe(false);
    expect(findRecurring(gym, '2026-11-09')[0]?.missed).toBe(true);
    expect(findRecurring(gym, '2027-03-01')).toEqual([]);
  });

  it('irregular shopping at one store is not recurring, nor are unstable amounts', () => {
    const coffee = ['2026-09-02', '2026-09-03', '2026-09-11', '2026-09-25', '2026-10-01', '2026-10-02', '2026-10-19', '2026-10-22', '2026-11-04', '2026-11-12'];
    const shop = ['2026-06-03', '2026-07-03', '2026-08-03', '2026-09-03', '2026-10-03'].map((d, i) => charge(d, -[2500, 18900, 4200, 9900, 31000][i]!, 'Supermarket'));
    expect(findRecurring([...coffee.map((d) => charge(d, -3200, 'Starbucks')), ...shop], '2026-11-15')).toEqual([]);
  });

  it('two charges a month apart are not a series yet', () => {
    expect(findRecurring(monthly('Disney+', '09', ['2026-09', '2026-10'], -4000), '2026-11-01')).toEqual([]);
  });
});

describe('recurring views in both languages', () => {
  it('reads in Chinese under zh and in English under en (JSON keeps its keys and enum values)', async () => {
    const { withLocale } = await import('../../../src/core/i18n.js');
    const { recurringDocument, recurringMonthBlock } = await import('../../../src/render/recurring-views.js');
    const list = findRecurring([...monthly('Spotify', '12', ['2026-07', '2026-08', '2026-09', '2026-10'], -1500), charge('2026-11-12', -1800, 'Spotify')], '2026-11-15');
    const zh = withLocale('zh', () => JSON.stringify([recurringDocument(list), recurringMonthBlock(recurringMonth(list, 'CNY', '2026-11'), 'CNY')]));
    for (const word of ['周期性扣费', '商户', '每月', '月均', '价格 15.00 → 18.00', '每月合计']) expect(zh).toContain(word);
    const en = withLocale('en', () => JSON.stringify(recurringDocument(list)));
    for (const word of ['Recurring charges', 'Merchant', 'Per month', 'price 15.00 → 18.00']) expect(en).toContain(word);
    expect(withLocale('zh', () => recurringJson(list))[0]).toMatchObject({ interval: 'monthly', price_change: { from: '15.00', to: '18.00' } });
  });
});

describe('the charges the finder reads (ledger/recurring-queries.ts)', () => {
  it('leaving out merchants charged too often never changes what is found', () => {
    expect(MIN_GAP_DAYS).toBe(MIN_RECURRING_GAP_DAYS);
    const db = ledgerWithAccounts('pb-recurring-');
    // A seeded mix: subscriptions (some in two spellings of the merchant), a canteen every few days,
    // sparse random shops, charges without a merchant; the finder must see the same series either way.
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const entries: { account: string; date: string; amount: number; merchant: string | null; description?: string }[] = [];
    for (let m = 0; m < 20; m++) {
      const month = addMonths('2025-03', m);
      entries.push({ account: 'CMB Card', date: `${month}-05`, amount: -6800, merchant: m % 3 ? 'Netflix' : 'NETFLIX' });
      entries.push({ account: 'CMB Card', date: `${month}-12`, amount: -2500, merchant: null, description: `GYM FEE ${month}` });
    }
    for (let day = 0; day < 600; day += 1 + rand(4)) entries.push({ account: 'CMB Card', date: addDays('2025-03-01', day), amount: -(1000 + rand(2000)), merchant: 'Canteen' });
    for (let i = 0; i < 120; i++) entries.push({ account: 'CMB Card', date: addDays('2025-03-01', rand(600)), amount: -(500 + rand(50000)), merchant: `Shop ${rand(15)}` });
    for (let w = 0; w < 30; w++) entries.push({ account: 'CMB Card', date: addDays('2026-04-06', w * 7), amount: -3000, merchant: 'Freshbox' });
    db.transaction(() => insertEntries(db, entries))();
    const all = db.prepare(`SELECT date, amount, currency, merchant, description FROM transactions
      WHERE kind = 'expense' AND amount < 0 AND mirror_of IS NULL AND date BETWEEN ? AND ? ORDER BY date, id`).all('2025-01-01', '2026-10-31') as Charge[];
    const read = chargesBetween(db, '2025-01-01', '2026-10-31');
    expect(read.length).toBeLessThan(all.length / 2);
    const found = findRecurring(read, '2026-10-31');
    expect(found.map((r) => `${r.merchant} ${r.interval}`).sort()).toEqual(['Freshbox weekly', 'GYM FEE 2026-10 monthly', 'Netflix monthly']);
    expect(recurringJson(found)).toEqual(recurringJson(findRecurring(all, '2026-10-31')));
    db.close();
  });
});

describe('the recurring cache (migration 27)', () => {
  it('answers a second month report from the cache, and forgets it when an entry comes, changes or goes', () => {
    const db = ledgerWithAccounts('pb-recurring-cache-');
    const netflix = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((m) => ({ account: 'CMB Card', date: `${m}-05`, amount: -6800, merchant: 'Netflix' }));
    insertEntries(db, netflix);
    const cached = () => db.prepare('SELECT as_of FROM recurring_cache').pluck().all();
    expect(monthRecurring(db, '2026-10', '2026-11-20', 'CNY').monthlyTotal).toBe(6800);
    expect(cached()).toEqual(['2026-10-31']);
    // The cache answers: a row written behind the finder's back (never done by pocketbook) shows it.
    db.prepare("UPDATE recurring_cache SET data = '[]'").run();
    expect(monthRecurring(db, '2026-10', '2026-11-20', 'CNY').monthlyTotal).toBe(0);
    // A new entry: forgotten, found again, with the new series.
    insertEntries(db, ['2026-08-10', '2026-09-10', '2026-10-10'].map((date) => ({ account: 'CMB Card', date, amount: -3000, merchant: 'Gym' })));
    expect(monthRecurring(db, '2026-10', '2026-11-20', 'CNY').monthlyTotal).toBe(9800);
    // A changed amount and a deleted entry: forgotten too.
    db.prepare("UPDATE transactions SET amount = -7800 WHERE merchant = 'Netflix' AND date = '2026-10-05'").run();
    expect(monthRecurring(db, '2026-10', '2026-11-20', 'CNY')).toMatchObject({ monthlyTotal: 10800, priceChanges: [{ merchant: 'Netflix', from: 6800, to: 7800 }] });
    db.prepare("DELETE FROM transactions WHERE merchant = 'Gym' AND date = '2026-10-10'").run();
    expect(monthRecurring(db, '2026-10', '2026-11-20', 'CNY').monthlyTotal).toBe(7800);
    db.close();
  });
});
