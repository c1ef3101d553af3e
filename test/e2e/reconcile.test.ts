/**
 * Balances and reconciliation (issue 27, points 1–3) through the built CLI: statements' balances
 * become checkpoints, every import reconciles, --strict refuses a mismatch, undo takes them away,
 * `account reconcile` and `account set-balance`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { type TempLedger, tempLedger } from './helpers.js';
import { type Rec, countIn, fixture } from './reconcile-helpers.js';


let t: TempLedger;
afterEach(() => t?.cleanup());

function importJson(args: string[], env?: Record<string, string>) {
  const r = t.run(['import', ...args, '--json'], env ? { env } : {});
  const json = r.stdout ? (JSON.parse(r.stdout) as { files: { reconciliation: Rec | null; batch: number | null; error?: string }[] }) : undefined;
  return { ...r, file: json?.files[0] };
}

const count = (sql: string): number => countIn(t.ledger, sql);

describe('import reconciles statements against their balances', () => {
  it('a whole CSV statement with a running balance (newest first) reconciles ok, one checkpoint per day', () => {
    t = tempLedger();
    const r = importJson([fixture('giro.csv'), '--account', 'Giro']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.file!.reconciliation).toEqual({ status: 'ok', checkpoints: 6, first_mismatch: null });
    expect(r.stderr).not.toMatch(/reconcile/);
    // The day's last row in time is the first of the day in this newest-first file: 2345.45 on 03-08.
    const v = JSON.parse(t.run(['account', 'reconcile', 'Giro', '--json']).stdout);
    const day = v.currencies[0].checkpoints.find((c: { date: string }) => c.date === '2026-03-08');
    expect(day).toMatchObject({ kind: 'running', source: 'giro.csv:5', expected: '2345.45', computed: '2345.45', ok: true });
    expect(v.currencies[0].opening).toBe('100.00');
  });

  it('the same statement with one row left out reports the mismatch at the right dates', () => {
    t = tempLedger();
    const r = importJson([fixture('giro-missing-row.csv'), '--account', 'Giro']);
    expect(r.code, r.stderr).toBe(0); // never blocks
    expect(r.file!.reconciliation).toMatchObject({
      status: 'mismatch',
      checkpoints: 6,
      first_mismatch: { date: '2026-03-08', expected: '2345.45', actual: '2391.70', difference: '46.25', from: '2026-03-06' },
    });
    const lines = r.stderr.trim().split('\n').filter((l) => /reconcile/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/account "Giro" \([A-Z]{3}\) does not reconcile: the balance on 2026-03-08 is 2345\.45.*between 2026-03-06 and 2026-03-08/);
    expect(count('SELECT count(*) FROM transactions')).toBe(6);
  });

  it('a file read with the wrong sign mismatches', () => {
    t = tempLedger();
    const r = importJson([fixture('giro.csv'), '--account', 'Giro', '--profile', fixture('giro-wrong-sign.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.file!.reconciliation).toMatchObject({ status: 'mismatch', first_mismatch: { date: '2026-03-05', from: '2026-03-03' } });
  });

  it('--strict makes a mismatch an error: one line, exit 1, nothing written', () => {
    t = tempLedger();
    t.run(['account', 'add', 'Giro', '--type', 'checking', '--currency', 'EUR']);
    const r = t.run(['import', fixture('giro-missing-row.csv'), '--account', 'Giro', '--strict']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^pocketbook: .*giro-missing-row\.csv: .*does not reconcile.*2026-03-08.*--strict: nothing imported/);
    expect(count('SELECT count(*) FROM transactions')).toBe(0);
    expect(count('SELECT count(*) FROM balance_checkpoints')).toBe(0);
    expect(count('SELECT count(*) FROM batches')).toBe(0);
    // The whole statement passes --strict.
    expect(t.run(['import', fixture('giro.csv'), '--account', 'Giro', '--strict']).code).toBe(0);
  });

  it('import undo removes its checkpoints', () => {
    t = tempLedger();
    const r = importJson([fixture('giro.csv'), '--account', 'Giro']);
    expect(count('SELECT count(*) FROM balance_checkpoints')).toBe(6);
    expect(t.run(['import', 'undo', String(r.file!.batch)]).code).toBe(0);
    expect(count('SELECT count(*) FROM balance_checkpoints')).toBe(0);
  });

  it('OFX: one LEDGERBAL only sets the opening balance (none); the next statement reconciles across files', () => {
    t = tempLedger();
    const oct = importJson([fixture('checking-2026-10.ofx')]);
    expect(oct.file!.reconciliation).toEqual({ status: 'none', checkpoints: 1, first_mismatch: null });
    const nov = importJson([fixture('checking-2026-11.ofx')]);
    expect(nov.file!.reconciliation).toEqual({ status: 'ok', checkpoints: 2, first_mismatch: null });
    // AVAILBAL is kept, never reconciled.
    expect(count("SELECT count(*) FROM balance_checkpoints WHERE kind = 'available'")).toBe(2);
    // Re-importing adds no checkpoint twice.
    importJson([fixture('checking-2026-11.ofx')]);
    expect(count("SELECT count(*) FROM balance_checkpoints WHERE kind = 'ledger'")).toBe(2);
  });

  it('a big CSV read on the worker thread keeps its balances', () => {
    const lines = ['Date,Description,Amount,Balance'];
    let balance = 50_000;
    for (let i = 0; i < 3000; i++) {
      const amount = (i % 7 === 0 ? 12_345 : -(i % 500) - 1) as number;
      balance += amount;
      const day = new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 4))).toISOString().slice(0, 10);
      lines.push(`${day},Row ${i},${(amount / 100).toFixed(2)},${(balance / 100).toFixed(2)}`);
    }
    // The account made from the first row (the worker waits for it), then one that exists already.
    for (const exists of [false, true]) {
      t?.cleanup();
      t = tempLedger();
      if (exists) t.run(['account', 'add', 'Big', '--type', 'checking']);
      writeFileSync(t.file('big.csv'), lines.join('\n') + '\n');
      const r = importJson([t.file('big.csv'), '--account', 'Big', '--debug'], { POCKETBOOK_THREADS_MIN_BYTES: '1' });
      expect(r.stderr).toMatch(/on a second thread/);
      expect(r.file!.reconciliation).toEqual({ status: 'ok', checkpoints: 750, first_mismatch: null });
    }
  });
});

describe('account reconcile and account set-balance', () => {
  it('a manual checkpoint sets a cash opening balance; a later wrong one mismatches', () => {
    t = tempLedger();
    t.run(['account', 'add', 'Cash', '--type', 'cash', '--currency', 'EUR']);
    const set = t.run(['account', 'set-balance', 'Cash', '120.00', '--date', '2026-11-01', '--json']);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({ account: 'Cash', date: '2026-11-01', amount: '120.00', currency: 'EUR', status: 'none' });
    expect(t.run(['account', 'set-balance', 'Cash', '-5', '--date', '2026-11-10']).stdout).toMatch(/-5\.00 EUR \(reconciliation: mismatch\)/);
    const v = JSON.parse(t.run(['account', 'reconcile', 'Cash', '--json']).stdout);
    expect(v.currencies[0]).toMatchObject({ currency: 'EUR', status: 'mismatch', opening: '120.00', first_mismatch: { date: '2026-11-10', expected: '-5.00', actual: '120.00', difference: '125.00', from: '2026-11-02' } });
    const table = t.run(['account', 'reconcile', 'Cash']);
    expect(table.stdout).toMatch(/2026-11-10\s+manual\s+manual\s+EUR\s+-5\.00\s+120\.00\s+125\.00\s+MISMATCH/);
  });

  it('refuses a bad date or amount with one line and exit 1', () => {
    t = tempLedger();
    t.run(['account', 'add', 'Cash', '--type', 'cash', '--currency', 'EUR']);
    for (const args of [['12.3x', '--date', '2026-11-01'], ['10', '--date', '2026-02-30'], ['10', '--date', 'yesterday']]) {
      const r = t.run(['account', 'set-balance', 'Cash', ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(t.run(['account', 'set-balance', 'Nobody', '10', '--date', '2026-11-01']).code).toBe(1);
    expect(count('SELECT count(*) FROM balance_checkpoints')).toBe(0);
  });

  it('lists available balances (OFX AVAILBAL) too, marked as not reconciled, in text and --json', () => {
    t = tempLedger();
    expect(t.run(['import', fixture('checking-2026-10.ofx'), '--account', 'Chk']).code).toBe(0);
    const json = JSON.parse(t.run(['account', 'reconcile', 'Chk', '--json']).stdout);
    expect(json.currencies[0].checkpoints).toEqual([
      { date: '2026-10-31', kind: 'ledger', source: 'checking-2026-10.ofx:20', expected: '1530.40', computed: '1530.40', difference: '0.00', ok: true, reconciled: true },
      { date: '2026-10-31', kind: 'available', source: 'checking-2026-10.ofx:21', expected: '1480.40', computed: '1530.40', difference: '50.00', ok: null, reconciled: false },
    ]);
    expect(json.currencies[0].status).toBe('none');
    const text = t.run(['account', 'reconcile', 'Chk']).stdout;
    expect(text).toMatch(/2026-10-31 +available +checking-2026-10\.ofx:21 +EUR +1480\.40 +1530\.40 +50\.00 +not reconciled/);
    expect(text).not.toMatch(/MISMATCH/);
  });
});
