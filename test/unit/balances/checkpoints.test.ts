/** Balance checkpoints (migration 16): the opening balance comes from the earliest booked one. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../../src/ledger/open.js';
import { openingBalances } from '../../../src/ledger/balances.js';
import { reconcile } from '../../../src/reports/reconcile.js';
import { addCheckpoints, balanceAt, batchCheckpoints, deleteBatchCheckpoints, listCheckpoints, openingBalance } from '../../../src/ledger/checkpoints.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pb-checkpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ledgerWithEntries() {
  const db = openLedger(path.join(dir, `${Math.random().toString(36).slice(2)}.db`));
  const acct = Number(db.prepare("INSERT INTO accounts (name, type, currency, created_at) VALUES ('Checking', 'checking', 'CNY', '2026-01-01')").run().lastInsertRowid);
  const batch = Number(
    db.prepare("INSERT INTO batches (file, sha256, account_id, format, rows, new, duplicates, skipped, imported_at) VALUES ('s.csv', 'x', ?, 'csv', 3, 3, 0, 0, '2026-01-01')").run(acct).lastInsertRowid,
  );
  const tx = db.prepare(
    "INSERT INTO transactions (account_id, batch_id, date, amount, currency, description, kind, dedup_key, occurrence, created_at) VALUES (?, ?, ?, ?, 'CNY', ?, ?, ?, 1, '2026-01-01')",
  );
  tx.run(acct, batch, '2026-09-01', 500_000, 'salary', 'income', 'f1');
  tx.run(acct, batch, '2026-09-03', -3_550, 'coffee', 'expense', 'f2');
  tx.run(acct, batch, '2026-09-10', -100_000, 'rent', 'expense', 'f3');
  return { db, acct, batch };
}

describe('balance checkpoints', () => {
  it('with none, a balance is the sum of the entries', () => {
    const { db, acct } = ledgerWithEntries();
    expect(openingBalance(db, acct, 'CNY')).toBe(0);
    expect(balanceAt(db, acct, 'CNY', '2026-09-05')).toBe(496_450);
    db.close();
  });

  it('the earliest booked checkpoint sets the opening balance; available balances do not', () => {
    const { db, acct, batch } = ledgerWithEntries();
    addCheckpoints(db, [
      { accountId: acct, date: '2026-09-03', amount: 1_496_450, currency: 'CNY', source: 'statement', kind: 'running', batchId: batch, file: 's.csv', line: 3 },
      { accountId: acct, date: '2026-08-31', amount: 7, currency: 'CNY', source: 'statement', kind: 'available', batchId: batch },
      { accountId: acct, date: '2026-09-30', amount: 1_396_450, currency: 'CNY', source: 'statement', kind: 'ledger', batchId: batch },
    ], '2026-10-01');
    expect(openingBalance(db, acct, 'CNY')).toBe(1_000_000);
    expect(balanceAt(db, acct, 'CNY', '2026-09-30')).toBe(1_396_450);
    expect(listCheckpoints(db, acct, 'CNY').map((c) => c.kind)).toEqual(['running', 'ledger']);
    expect(listCheckpoints(db, acct, 'CNY', { all: true })).toHaveLength(3);
    expect(listCheckpoints(db, acct, 'USD')).toEqual([]);
    expect(batchCheckpoints(db, batch)).toHaveLength(3);
    expect(deleteBatchCheckpoints(db, batch)).toBe(3);
    expect(openingBalance(db, acct, 'CNY')).toBe(0);
    db.close();
  });

  it('two figures on the earliest day: the last one sets the opening balance, the same in every place that computes it', () => {
    const { db, acct } = ledgerWithEntries();
    const cps = [
      { accountId: acct, date: '2026-09-03', amount: 7, currency: 'CNY', source: 'statement' as const, kind: 'running' as const },
      { accountId: acct, date: '2026-09-03', amount: 1_496_450, currency: 'CNY', source: 'statement' as const, kind: 'closing' as const },
    ];
    addCheckpoints(db, cps, '2026-10-01');
    expect(openingBalance(db, acct, 'CNY')).toBe(1_000_000);
    expect(openingBalances(db)).toEqual([{ accountId: acct, currency: 'CNY', amount: 1_000_000 }]);
    const r = reconcile(cps, [{ date: '2026-09-01', sum: 500_000 }, { date: '2026-09-03', sum: -3_550 }]);
    expect(r.opening).toBe(1_000_000);
    expect(r.results.map((x) => x.ok)).toEqual([false, true]); // the day's earlier figure is the one that disagrees
    db.close();
  });

  it('a checkpoint kind outside the list is refused by the schema', () => {
    const { db, acct } = ledgerWithEntries();
    expect(() => addCheckpoints(db, [{ accountId: acct, date: '2026-09-01', amount: 1, currency: 'CNY', source: 'statement', kind: 'guess' as never }], '2026-10-01')).toThrow(/CHECK/);
    db.close();
  });
});
