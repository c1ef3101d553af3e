/**
 * Issue 27: a running-balance column as evidence against a wrong sign. A CSV read through a built-in
 * generic layout whose Balance column moves against the amounts on every step (and never with them)
 * is read with the sign the balances show (issue 30: the layout inferred from the file's evidence); mixed evidence is left to reconciliation; a layout the
 * user gave (--profile) is never second-guessed. Through the built CLI, on both threads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type TempLedger, tempLedger } from './helpers.js';
import { THREADS, countIn, fixture } from './reconcile-helpers.js';


let t: TempLedger;
afterEach(() => t?.cleanup());

const count = (sql: string): number => countIn(t.ledger, sql);

describe.each(['main', 'worker'] as const)('running balances against the amounts (%s thread)', (thread) => {
  const run = (args: string[]) => {
    const r = t.run(['--debug', 'import', ...args, '--account', 'Giro'], { env: { POCKETBOOK_THREADS_MIN_BYTES: THREADS[thread] } });
    expect(r.stderr.includes('on a second thread')).toBe(thread === 'worker');
    return { ...r, lines: r.stderr.split('\n').filter((l) => l.startsWith('pocketbook: ')) };
  };

  it('a generic layout whose Balance column moves against every amount: the sign the balances show is taken, and said (issue 30)', () => {
    t = tempLedger();
    const r = run([fixture('giro-against.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.lines).toHaveLength(0);
    expect(r.stderr).toMatch(/giro-against\.csv: layout inferred: .*the balance column moves against the amounts on 6 of 6 rows/);
    expect(r.stderr).not.toMatch(/does not reconcile/);
    expect(count("SELECT amount FROM transactions WHERE description = 'Salary'")).toBe(230000);
    expect(count('SELECT count(*) FROM transactions')).toBe(7);
  });

  it('the same file with a profile that inverts the sign imports and reconciles', () => {
    t = tempLedger();
    const r = run([fixture('giro-against.csv'), '--profile', fixture('giro-wrong-sign.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/does not reconcile/);
    expect(count('SELECT count(*) FROM transactions')).toBe(7);
    expect(count("SELECT amount FROM transactions WHERE description = 'Salary'")).toBe(230000);
  });

  it('a profile the user gave is not second-guessed: reconciliation reports the mismatch', () => {
    t = tempLedger();
    const r = run([fixture('giro-against.csv'), '--profile', fixture('giro-as-is.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/does not reconcile/);
    expect(count('SELECT count(*) FROM transactions')).toBe(7);
  });

  it('mixed evidence (some rows each way) is imported and left to reconciliation', () => {
    t = tempLedger();
    const r = run([fixture('giro-against-mixed.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/giro-against-mixed\.csv: account "Giro" .* does not reconcile/);
    expect(count('SELECT count(*) FROM transactions')).toBe(7);
  });
});
