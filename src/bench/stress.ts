/**
 * `npm run stress`: the long version of the reliability proofs — 300 SIGKILL crash trials on a
 * 60,000-row import and 400 hostile-input fuzz cases. Prints trials, failures and the slowest
 * fuzz case; exit 1 when anything failed.
 *   node dist/bench/stress.js [--trials 300] [--rows 60000] [--cases 400] [--regex-cases 10000] [--seed 20261115] [--only crash|fuzz|regex]
 */
import { runCrashTrials } from './crash.js';
import { runFuzz } from './fuzz.js';
import { runRegexFuzz } from './regex-fuzz.js';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v >= 0 ? v : fallback;
}

async function main(): Promise<number> {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const seed = flag('seed', 20261115);
  const verbose = process.argv.includes('--verbose');
  const log = (line: string) => {
    if (verbose || !line.startsWith('crash trial')) process.stderr.write(`${line}\n`);
  };
  let failures = 0;
  const summary: string[] = [];
  if (!only || only === 'crash') {
    const t0 = Date.now();
    try {
      const r = await runCrashTrials({ trials: flag('trials', 300), rows: flag('rows', 60_000), seed, log });
      failures += r.failures.length;
      summary.push(
        `crash:  ${r.trials} trials of SIGKILL during a ${r.rows}-row import (full import ${(r.importMs / 1000).toFixed(2)} s): ` +
          `${r.killedBefore} left the state before, ${r.killedAfter} after (${r.searchBehind} of them with the search index still to catch up; ` +
          `${r.finishedFirst} finished before the kill); ` +
          `${r.failures.length} failures; ${((Date.now() - t0) / 1000).toFixed(0)} s`,
      );
      for (const f of r.failures.slice(0, 20)) summary.push(`  FAIL ${f}`);
    } catch (err) {
      summary.push(`crash:  not available — ${(err as Error).message}`);
    }
  }
  if (!only || only === 'fuzz') {
    const t0 = Date.now();
    try {
      const r = await runFuzz({ cases: flag('cases', 400), seed, log });
      failures += r.failures.length;
      summary.push(
        `fuzz:   ${r.cases} cases (${r.imported} imported, ${r.refused} refused cleanly); ${r.failures.length} failures; ` +
          `slowest ${r.slowest.ms.toFixed(0)} ms (${r.slowest.label}); ${((Date.now() - t0) / 1000).toFixed(0)} s`,
      );
      for (const s of r.skippedFixtures) summary.push(`  skipped fixture ${s}`);
      for (const f of r.failures.slice(0, 30)) summary.push(`  FAIL ${f}`);
      if (r.failures.length > 30) summary.push(`  … and ${r.failures.length - 30} more`);
    } catch (err) {
      summary.push(`fuzz:   not available — ${(err as Error).message}`);
    }
  }
  if (!only || only === 'regex') {
    const t0 = Date.now();
    const r = await runRegexFuzz({ cases: flag('regex-cases', 10_000), seed, log });
    failures += r.failures.length;
    summary.push(
      `regex:  ${r.cases} patterns (${r.valid} valid: ${r.accepted} accepted, ${r.refused - (r.cases - r.valid)} refused) × ${r.matches} tests on 2,000-character subjects; ` +
        `${r.failures.length} failures; slowest test ${r.slowestMatch.ms.toFixed(0)} ms (${r.slowestMatch.pattern}), ` +
        `slowest check ${r.slowestCheck.ms.toFixed(0)} ms; ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    );
    for (const f of r.failures.slice(0, 20)) summary.push(`  FAIL ${f}`);
  }
  process.stdout.write(`\npocketbook stress (seed ${seed})\n${summary.join('\n')}\n${failures === 0 ? 'PASS' : `FAIL (${failures})`}\n`);
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`stress: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
