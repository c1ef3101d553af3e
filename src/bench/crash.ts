/**
 * Crash safety: SIGKILL `pocketbook import` of a large statement at random (seeded) moments;
 * after each kill the ledger must pass `PRAGMA integrity_check`, hold exactly the state before
 * or after that file, and a second import must complete it with no duplicates.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeStatement, prng } from './gen.js';
import { copyLedger, ledgerState, type LedgerState } from './inspect.js';
import { BIN, REPO_ROOT, cliEnv, firstLine, hasCommand, pb } from './proc.js';

export interface CrashOptions {
  trials: number;
  rows: number;
  seed: number;
  log?: (line: string) => void;
}

export interface CrashResult {
  trials: number;
  rows: number;
  /** Full import time used to spread the kill moments (ms). */
  importMs: number;
  killedBefore: number;
  killedAfter: number;
  /** Of those, trials killed between the file's commit and the search index's (searches stay exact). */
  searchBehind: number;
  /** Trials where the import finished before the kill landed. */
  finishedFirst: number;
  failures: string[];
}

const ACCOUNT = 'Crash Card';

function killAfter(ledger: string, file: string, env: Record<string, string>, delayMs: number): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--ledger', ledger, 'import', file, '--account', ACCOUNT], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, delayMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve({ killed, stderr });
    });
  });
}

function describe(s: LedgerState): string {
  return `entries=${s.entries} batches=${s.batches} integrity=${s.integrity} dup=${s.duplicates} inconsistent=${s.inconsistentBatches} orphans=${s.orphans} broken=${s.brokenReferences} unindexed=${s.unindexed}`;
}

/**
 * What is wrong with a ledger that should hold one of `allowed`. A kill after the file's commit may
 * leave the search index behind (it is updated in the next transaction; searches stay exact), so
 * only a completed import (`indexed`) must have it caught up.
 */
function problems(s: LedgerState, allowed: Array<{ entries: number; batches: number }>, indexed: boolean): string | null {
  if (s.integrity !== 'ok') return `integrity_check: ${s.integrity}`;
  if (s.duplicates || s.inconsistentBatches || s.orphans || s.brokenReferences || (indexed && s.unindexed)) return describe(s);
  if (!allowed.some((a) => a.entries === s.entries && a.batches === s.batches)) return `half-written: ${describe(s)}`;
  return null;
}

export async function runCrashTrials(opts: CrashOptions): Promise<CrashResult> {
  const log = opts.log ?? (() => undefined);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-crash-'));
  const env = cliEnv(path.join(dir, 'config'));
  try {
    if (!hasCommand(['import'], env)) throw new Error('`pocketbook import` is not available yet');
    const big = path.join(dir, 'big.csv');
    const small = path.join(dir, 'before.csv');
    writeStatement(big, { rows: opts.rows, seed: opts.seed });
    writeStatement(small, { rows: 40, seed: opts.seed + 1, end: '2014-12-31', years: 1 });
    const base = path.join(dir, 'base.db');
    const first = pb(['--ledger', base, 'import', small, '--account', ACCOUNT], { env });
    if (first.code !== 0) throw new Error(`base import failed: ${firstLine(first.stderr)}`);
    const before = ledgerState(base);
    const after = { entries: before.entries + opts.rows, batches: before.batches + 1 };

    // Calibrate: how long a whole import takes, and that it lands exactly N entries.
    const cal = path.join(dir, 'cal.db');
    copyLedger(base, cal);
    const full = pb(['--ledger', cal, 'import', big, '--account', ACCOUNT], { env });
    if (full.code !== 0) throw new Error(`calibration import failed: ${firstLine(full.stderr)}`);
    const calState = ledgerState(cal);
    const calProblem = problems(calState, [after], true);
    if (calProblem) throw new Error(`a clean import is already wrong: ${calProblem}`);
    log(`crash: ${opts.rows} rows import in ${full.ms.toFixed(0)} ms; ${opts.trials} trials`);

    const rand = prng(opts.seed);
    const result: CrashResult = { trials: opts.trials, rows: opts.rows, importMs: full.ms, killedBefore: 0, killedAfter: 0, searchBehind: 0, finishedFirst: 0, failures: [] };
    const ledger = path.join(dir, 'trial.db');
    for (let t = 0; t < opts.trials; t += 1) {
      for (const suffix of ['', '-wal', '-shm', '-search']) fs.rmSync(`${ledger}${suffix}`, { force: true });
      copyLedger(base, ledger);
      const delay = Math.floor(rand() * full.ms * 1.05);
      const k = await killAfter(ledger, big, env, delay);
      if (!k.killed) result.finishedFirst += 1;
      const s = ledgerState(ledger);
      const problem = problems(s, [{ entries: before.entries, batches: before.batches }, after], !k.killed);
      if (problem) {
        result.failures.push(`trial ${t} (kill at ${delay} ms): ${problem}`);
        continue;
      }
      if (s.entries === before.entries) result.killedBefore += 1;
      else result.killedAfter += 1;
      if (s.entries !== before.entries && s.unindexed > 0) result.searchBehind += 1;
      if (!k.killed && /database is locked|internal error|\n\s+at /.test(k.stderr)) result.failures.push(`trial ${t}: ${firstLine(k.stderr)}`);
      const again = pb(['--ledger', ledger, 'import', big, '--account', ACCOUNT], { env });
      const s2 = ledgerState(ledger);
      // A re-import of a complete file may record an empty batch (new = 0): allow one more batch.
      const problem2 =
        again.code !== 0
          ? `re-import exit ${again.code}: ${firstLine(again.stderr)}`
          : problems(s2, [after, { entries: after.entries, batches: after.batches + 1 }], true);
      if (problem2) result.failures.push(`trial ${t} (kill at ${delay} ms), re-import: ${problem2}`);
      log(`crash trial ${t + 1}/${opts.trials}: kill at ${delay} ms → ${s.entries === before.entries ? 'before' : 'after'}${problem2 ? ' FAIL' : ''}`);
    }
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
