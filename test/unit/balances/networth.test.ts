/** Net worth and set-based balances: running monthly sums agree with checkpoints.ts's balanceAt, day by day. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../../src/ledger/open.js';
import { addCheckpoints, balanceAt } from '../../../src/ledger/checkpoints.js';
import { monthEnd } from '../../../src/core/dates.js';
import { balancesAt, monthlyEntrySums, openingBalances } from '../../../src/ledger/balances.js';
import { buildNetWorth, netWorthJson, netWorthOf } from '../../../src/reports/networth.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pb-networth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildNetWorth (pure)', () => {
  it('runs opening balances and monthly sums forward; credit balances are liabilities; currencies stay apart', () => {
    const r = buildNetWorth({
      months: ['2026-01', '2026-02', '2026-03'],
      creditIds: new Set([2]),
      openings: [{ accountId: 1, currency: 'CNY', amount: 100_00 }],
      monthly: [
        { accountId: 2, currency: 'CNY', month: '2026-02', amount: -30_00 },
        { accountId: 1, currency: 'CNY', month: '2025-12', amount: 5_00 },
        { accountId: 1, currency: 'CNY', month: '2026-03', amount: -10_00 },
        { accountId: 3, currency: 'USD', month: '2026-02', amount: 7_00 },
        { accountId: 1, currency: 'CNY', month: '2026-04', amount: 999_00 }, // after the last month: ignored
      ],
    });
    expect(r.currencies).toEqual(['CNY', 'USD']);
    expect(netWorthJson(r)).toEqual([
      { month: '2026-01', currency: 'CNY', assets: '105.00', liabilities: '0.00', net_worth: '105.00' },
      { month: '2026-01', currency: 'USD', assets: '0.00', liabilities: '0.00', net_worth: '0.00' },
      { month: '2026-02', currency: 'CNY', assets: '105.00', liabilities: '30.00', net_worth: '75.00' },
      { month: '2026-02', currency: 'USD', assets: '7.00', liabilities: '0.00', net_worth: '7.00' },
      { month: '2026-03', currency: 'CNY', assets: '95.00', liabilities: '30.00', net_worth: '65.00' },
      { month: '2026-03', currency: 'USD', assets: '7.00', liabilities: '0.00', net_worth: '7.00' },
    ]);
  });

  it('a card in credit lowers liabilities; an overdrawn account lowers assets', () => {
    const f = netWorthOf([{ accountId: 1, currency: 'EUR', amount: -5 }, { accountId: 2, currency: 'EUR', amount: 3 }], new Set([2]));
    expect(f.get('EUR')).toEqual({ assets: -5, liabilities: -3, netWorth: -2 });
  });
});

describe('set-based balances on a ledger', () => {
  it('agree with balanceAt for every account at every month-end, before and after entries change (cached month sums never stale)', () => {
    const db = openLedger(path.join(dir, 'l.db'));
    const acct = (name: string, type: string) => Number(db.prepare("INSERT INTO accounts (name, type, currency, created_at) VALUES (?, ?, 'CNY', '2026-01-01')").run(name, type).lastInsertRowid);
    const ids = [acct('A', 'checking'), acct('B', 'credit'), acct('C', 'savings')];
    const tx = db.prepare("INSERT INTO transactions (account_id, date, amount, currency, description, kind, dedup_key, occurrence, created_at) VALUES (?, ?, ?, ?, 'x', 'expense', ?, 1, '2026-01-01')");
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let i = 0; i < 300; i++) {
      const day = `2025-${String(1 + rand(12)).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`;
      tx.run(ids[rand(3)]!, day, rand(20000) - 10000, rand(5) === 0 ? 'USD' : 'CNY', `k${i}`);
    }
    addCheckpoints(db, [
      { accountId: ids[0]!, date: '2025-06-15', amount: 123_456, currency: 'CNY', source: 'manual', kind: 'manual' },
      { accountId: ids[0]!, date: '2025-03-01', amount: 1, currency: 'CNY', source: 'statement', kind: 'available' },
      { accountId: ids[1]!, date: '2025-09-30', amount: -50_000, currency: 'CNY', source: 'statement', kind: 'ledger' },
    ], '2026-01-01');
    const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
    // Net worth rows are month-end figures (compared on day 28, the last with entries); balancesAt any day.
    const check = (lastDay: (m: string) => string, monthEnds = true) => {
    const r = buildNetWorth({ months, creditIds: new Set([ids[1]!]), openings: openingBalances(db), monthly: monthlyEntrySums(db, lastDay('2025-12')) });
    for (const m of months) {
      for (const currency of monthEnds ? ['CNY', 'USD'] : []) {
        const [a, b, c] = ids.map((id) => balanceAt(db, id, currency, lastDay(m)));
        const row = r.rows.find((x) => x.month === m && x.currency === currency)!;
        expect(row, `${m} ${currency}`).toEqual({ month: m, currency, assets: a! + c!, liabilities: -b!, netWorth: a! + b! + c! });
      }
      const all = balancesAt(db, lastDay(m));
      for (const x of all) expect(x.amount).toBe(balanceAt(db, x.accountId, x.currency, lastDay(m)));
    }
    };
    check((m) => `${m}-28`); // entries only on days 1..28
    check((m) => monthEnd(m)); // a month's last day: the month's own sum comes from balance_months too
    check((m) => `${m}-14`, false); // mid-month: cached months before, the month's own entries up to the day
    // Change entries after the cache was filled: an amount, a date moved across months, a deletion, new rows.
    db.prepare("UPDATE transactions SET amount = amount + 777 WHERE id IN (3, 50)").run();
    db.prepare("UPDATE transactions SET date = '2025-11-03' WHERE id = 7").run();
    db.prepare('DELETE FROM transactions WHERE id IN (10, 11, 12)').run();
    for (let i = 0; i < 20; i++) tx.run(ids[i % 3]!, `2025-0${1 + (i % 9)}-05`, 1000 + i, 'CNY', `n${i}`);
    check((m) => `${m}-28`);
    const cached = db.prepare('SELECT sum(amount) FROM balance_months').pluck().get();
    expect(cached).toBe(db.prepare('SELECT sum(amount) FROM transactions').pluck().get());
    db.close();
  });

  it('many dirty months at once (the bulk refresh) give the same month sums as a GROUP BY over the entries', () => {
    const db = openLedger(path.join(dir, 'bulk.db'));
    const id = Number(db.prepare("INSERT INTO accounts (name, type, currency, created_at) VALUES ('A', 'checking', 'CNY', '2026-01-01')").run().lastInsertRowid);
    const tx = db.prepare("INSERT INTO transactions (account_id, date, amount, currency, description, kind, dedup_key, occurrence, created_at) VALUES (?, ?, ?, 'CNY', 'x', ?, ?, 1, '2026-01-01')");
    for (let i = 0; i < 40 * 3; i++) tx.run(id, `${2022 + Math.floor(i / 36)}-${String(1 + (Math.floor(i / 3) % 12)).padStart(2, '0')}-0${1 + (i % 3)}`, 100 + i, i % 2 ? 'transfer' : 'expense', `k${i}`);
    const direct = db.prepare("SELECT substr(date, 1, 7) AS month, sum(amount) AS amount FROM transactions GROUP BY 1 ORDER BY 1").all();
    const cached = monthlyEntrySums(db, '2025-12-31').map((r) => ({ month: r.month, amount: r.amount }));
    expect(direct.length).toBeGreaterThan(24);
    expect(cached).toEqual(direct);
    db.close();
  });
});
