/**
 * Issue 27: statement balances a CSV states outside a running-balance column, through the built
 * CLI — balance lines in the preamble or a footer, statement balance columns repeated on every row
 * — on the main thread and on the reading thread (POCKETBOOK_THREADS_MIN_BYTES=1).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type TempLedger, tempLedger } from './helpers.js';
import { type Rec, THREADS, fixture } from './reconcile-helpers.js';

interface FileOut {
  rows: number;
  skipped: number;
  reconciliation: Rec | null;
  error?: string;
}

let t: TempLedger;
afterEach(() => t?.cleanup());


function importJson(file: string, thread: keyof typeof THREADS) {
  const r = t.run(['--debug', 'import', fixture(file), '--account', 'Giro', '--json'], { env: { POCKETBOOK_THREADS_MIN_BYTES: THREADS[thread] } });
  expect(r.stderr.includes('on a second thread')).toBe(thread === 'worker');
  return { ...r, file: (JSON.parse(r.stdout) as { files: FileOut[] }).files[0]! };
}

function checkpoints(): { date: string; kind: string; source: string; expected: string; ok: boolean }[] {
  return JSON.parse(t.run(['account', 'reconcile', 'Giro', '--json']).stdout).currencies[0].checkpoints;
}

describe.each(['main', 'worker'] as const)('statement balances of a CSV (%s thread)', (thread) => {
  it('preamble and footer balance lines that agree with the rows reconcile ok; they are no rows', () => {
    t = tempLedger();
    const r = importJson('stmt-lines.csv', thread);
    expect(r.code, r.stderr).toBe(0);
    expect(r.file).toMatchObject({ rows: 4, skipped: 0, reconciliation: { status: 'ok', checkpoints: 2, first_mismatch: null } });
    expect(r.stderr).not.toMatch(/does not reconcile/);
    expect(checkpoints()).toMatchObject([
      { date: '2026-03-01', kind: 'opening', source: 'stmt-lines.csv:2', expected: '1234.56', ok: true },
      { date: '2026-03-15', kind: 'closing', source: 'stmt-lines.csv:11', expected: '2446.86', ok: true },
    ]);
  });

  it('the same statement with a row left out mismatches between its balances', () => {
    t = tempLedger();
    const r = importJson('stmt-lines-missing-row.csv', thread);
    expect(r.code, r.stderr).toBe(0);
    expect(r.file.rows).toBe(3);
    expect(r.file.reconciliation).toMatchObject({
      status: 'mismatch', checkpoints: 2,
      first_mismatch: { date: '2026-03-15', expected: '2446.86', actual: '2531.06', difference: '84.20', from: '2026-03-02' },
    });
    expect(r.stderr).toMatch(/does not reconcile: the balance on 2026-03-15 is 2446\.86 \(closing, stmt-lines-missing-row\.csv:10\)/);
  });

  it('Chinese and German balance lines (full-width colon, decimal comma, dates named), ok', () => {
    t = tempLedger();
    const zh = importJson('stmt-lines-zh.csv', thread);
    expect(zh.file).toMatchObject({ rows: 3, reconciliation: { status: 'ok', checkpoints: 2 } });
    t.cleanup();
    t = tempLedger();
    const de = importJson('stmt-lines-de.csv', thread);
    expect(de.file).toMatchObject({ rows: 3, reconciliation: { status: 'ok', checkpoints: 2 } });
    // "Anfangssaldo am 01.03.2026": the balance at the start of that day, the end of the day before.
    expect(checkpoints().map((c) => [c.date, c.kind, c.expected])).toEqual([['2026-02-28', 'opening', '1500.00'], ['2026-03-31', 'closing', '2585.70']]);
  });

  it('statement balance columns repeated on every row: one opening and one closing per statement', () => {
    t = tempLedger();
    const r = importJson('stmt-columns.csv', thread);
    expect(r.code, r.stderr).toBe(0);
    expect(r.file).toMatchObject({ rows: 6, reconciliation: { status: 'ok', checkpoints: 4, first_mismatch: null } });
    expect(checkpoints().map((c) => [c.date, c.kind, c.expected])).toEqual([
      ['2025-12-31', 'opening', '100.00'],
      ['2026-01-31', 'closing', '2650.00'],
      ['2026-01-31', 'opening', '2650.00'],
      ['2026-02-28', 'closing', '5100.00'],
    ]);
    t.cleanup();
    t = tempLedger();
    const missing = importJson('stmt-columns-missing-row.csv', thread);
    expect(missing.file.reconciliation).toMatchObject({
      status: 'mismatch', checkpoints: 4, first_mismatch: { date: '2026-02-28', expected: '5100.00', actual: '5250.00', difference: '150.00', from: '2026-02-01' },
    });
  });

  it('a D/C indicator layout with a running Balance column: running checkpoints, ok; a wrong balance mismatches', () => {
    t = tempLedger();
    const r = importJson('dc-running.csv', thread);
    expect(r.file).toMatchObject({ rows: 3, reconciliation: { status: 'ok', checkpoints: 2 } });
    expect(checkpoints().map((c) => [c.date, c.kind, c.expected])).toEqual([['2018-12-14', 'running', '10.00'], ['2018-12-15', 'running', '1510.00']]);
    t.cleanup();
    t = tempLedger();
    expect(importJson('dc-running-wrong.csv', thread).file.reconciliation).toMatchObject({ status: 'mismatch', first_mismatch: { date: '2018-12-15', difference: '-10.00' } });
  });
});
