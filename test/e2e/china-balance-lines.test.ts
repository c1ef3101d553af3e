/**
 * Issue 27: a Chinese bank export's balance lines (期初余额/期末余额, 起始余额/结束余额 …) above
 * its header or below its rows become opening/closing checkpoints, through the built CLI (the china
 * readers read on the main thread).
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { REPO_ROOT, type TempLedger, tempLedger } from './helpers.js';

const fixture = (name: string) => path.join(REPO_ROOT, 'test', 'fixtures', 'balances', name);

let t: TempLedger;
afterEach(() => t?.cleanup());

function importJson(file: string) {
  const r = t.run(['import', fixture(file), '--account', 'Bank', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return { ...r, file: JSON.parse(r.stdout).files[0] };
}

function checkpoints(): { date: string; kind: string; source: string; expected: string; ok: boolean }[] {
  return JSON.parse(t.run(['account', 'reconcile', 'Bank', '--json']).stdout).currencies[0].checkpoints;
}

describe('Chinese bank balance lines', () => {
  it('an ICBC-like debit CSV: 期初余额 above the header, 期末余额 below the rows, both ok and no rows', () => {
    t = tempLedger();
    const r = importJson('icbc-debit-lines.csv');
    expect(r.file).toMatchObject({ rows: 4, skipped: 0, reconciliation: { status: 'ok', checkpoints: 2, first_mismatch: null } });
    expect(checkpoints()).toMatchObject([
      { date: '2026-05-01', kind: 'opening', source: 'icbc-debit-lines.csv:3', expected: '12345.67', ok: true },
      { date: '2026-05-20', kind: 'closing', source: 'icbc-debit-lines.csv:9', expected: '16400.00', ok: true },
    ]);
  });

  it('the same statement with a row left out mismatches between its balance lines', () => {
    t = tempLedger();
    const r = importJson('icbc-debit-lines-missing-row.csv');
    expect(r.file.rows).toBe(3);
    expect(r.file.reconciliation).toMatchObject({
      status: 'mismatch',
      first_mismatch: { date: '2026-05-20', expected: '16400.00', actual: '16656.40', difference: '256.40', from: '2026-05-02' },
    });
    expect(r.stderr).toMatch(/does not reconcile: the balance on 2026-05-20 is 16400.00 \(closing, icbc-debit-lines-missing-row.csv:8\)/);
  });

  it('a CMB-like debit CSV: 起始余额 and 结束余额 on one line beside its running balances', () => {
    t = tempLedger();
    const r = importJson('cmb-debit-lines.csv');
    expect(r.file).toMatchObject({ rows: 3, reconciliation: { status: 'ok', checkpoints: 5 } });
    const kinds = checkpoints().map((c) => `${c.date} ${c.kind} ${c.expected}`);
    expect(kinds).toEqual(expect.arrayContaining(['2026-08-31 opening 3200.00', '2026-09-11 closing 17500.00']));
  });
});
