/**
 * Seeded regex fuzzing of the backtracking guard (src/core/redos.ts), run on the built code:
 * random patterns (built from regex syntax, and raw strings of syntax characters) × adversarial
 * subjects of SUBJECT_LIMIT characters. Every check must return within `checkMs`; every pattern
 * the guard accepts must finish `test()` on each subject within `budgetMs` — this is what proves
 * the guard sound. The work runs in a worker thread so that a pattern that hangs is cut off
 * (after `hardMs`) and reported instead of hanging the run.
 *   node dist/bench/stress.js --only regex [--regex-cases 3000] [--seed N]
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { prng } from './gen.js';
import { REPO_ROOT } from './proc.js';

export interface RegexFuzzOptions {
  cases: number;
  seed: number;
  /** Longest a `test()` of an accepted pattern may take (default 500 ms; a pattern that got through wrongly takes seconds to forever). */
  budgetMs?: number;
  /** Longest a check may take (default 500 ms). */
  checkMs?: number;
  /** When a case is cut off as hung (default 10 s). */
  hardMs?: number;
  log?: (line: string) => void;
}

export interface RegexFuzzResult {
  cases: number;
  valid: number;
  accepted: number;
  refused: number;
  matches: number;
  failures: string[];
  slowestMatch: { ms: number; pattern: string };
  slowestCheck: { ms: number; pattern: string };
}

/** The hostile patterns of issue 23 and friends: always in the run, whatever the seed. */
export const HOSTILE_PATTERNS = [
  '(a+)+', '[^](a+)+]', '.*.*.*.*.*.*.*.*=', 'a\\k<b', '(\\w+\\s?)*', '(a|a)*', '(.*a){20}', '(?:a|b?)+',
  '(a*)*b', '.*.*=', '\\s*\\s*$', '(a?){40}a{40}', '(x+x+)+y', '.{0,40}.{0,40}.{0,40}=', '([^]*)*=',
];

const LITERALS = ['a', 'b', ' ', '=', 'x', '1', 'A'];
const CLASSES = ['.', '\\d', '\\w', '\\s', '\\S', '\\W', '[ab]', '[^a]', '[^]', '[]', '[a-z]', '[\\s\\S]', '[^=]', '\\k<b', '\\b', '^', '$', '\\1'];
const QUANTS = ['*', '+', '?', '{0,40}', '{2}', '{1,3}', '{2,}', '{0,2}', '*?', '+?', '{3,}'];
const GROUPS = ['(', '(?:', '(?=', '(?!', '(?<=', '(?<g>'];
const SYNTAX = '()[]{}|*+?.^$\\-,<>:=!kdwsbpuc0123aAb ';

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

/** A random pattern from regex syntax (depth-limited), or a raw string of syntax characters. */
export function randomPattern(rand: () => number): string {
  if (rand() < 0.2) {
    const n = rand() < 0.05 ? 3000 : 1 + Math.floor(rand() * 40);
    return Array.from({ length: n }, () => pick(rand, [...SYNTAX])).join('');
  }
  const alternation = (depth: number): string => {
    const branches = rand() < 0.7 ? 1 : 2 + Math.floor(rand() * 2);
    return Array.from({ length: branches }, () => sequence(depth)).join('|');
  };
  const sequence = (depth: number): string => {
    const n = 1 + Math.floor(rand() * 4);
    return Array.from({ length: n }, () => {
      const r = rand();
      const atom = r < 0.35 ? pick(rand, LITERALS) : r < 0.75 || depth >= 3 ? pick(rand, CLASSES) : `${pick(rand, GROUPS)}${alternation(depth + 1)})`;
      return rand() < 0.5 ? atom + pick(rand, QUANTS) : atom;
    }).join('');
  };
  return alternation(0);
}

/** Subjects built to hurt this pattern: runs of its own characters with a failing end. */
export function adversarialSubjects(pattern: string, length: number, rand: () => number): string[] {
  const own = [...new Set([...pattern].filter((c) => /[\w =]/.test(c)))];
  const alphabet = [...new Set([...own, 'a', ' ', '1', '='])];
  const fill = (unit: string) => `${unit.repeat(Math.ceil(length / unit.length)).slice(0, length - 1)}!`;
  const subjects = ['a', ' ', '1', '='].map(fill);
  subjects.push(fill(own.slice(0, 3).join('') || 'ab'), fill(`${pick(rand, alphabet)}${pick(rand, alphabet)}`));
  subjects.push(fill(Array.from({ length: 64 }, () => pick(rand, alphabet)).join('')));
  return subjects;
}

interface CaseReport {
  checkMs: number;
  problem?: string;
  error?: string;
  times?: number[];
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.redos).then(({ checkPattern }) => {
  parentPort.on('message', ({ pattern, flags, subjects }) => {
    let t = performance.now();
    let problem;
    try { problem = checkPattern(pattern, flags); } catch (err) {
      parentPort.postMessage({ checkMs: performance.now() - t, error: String(err && err.stack || err) });
      return;
    }
    const checkMs = performance.now() - t;
    if (problem) { parentPort.postMessage({ checkMs, problem }); return; }
    const re = new RegExp(pattern, flags);
    const times = subjects.map((s) => { t = performance.now(); re.test(s); return performance.now() - t; });
    parentPort.postMessage({ checkMs, times });
  });
  parentPort.postMessage('ready');
});`;

/** One worker; `run` answers a case or undefined when it was cut off (the worker is replaced). */
class Runner {
  private worker?: Worker;
  constructor(private readonly redos: string) {}

  private async start(): Promise<Worker> {
    const w = new Worker(WORKER, { eval: true, workerData: { redos: this.redos } });
    await new Promise<void>((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
    });
    this.worker = w;
    return w;
  }

  async run(pattern: string, flags: string, subjects: string[], hardMs: number): Promise<CaseReport | undefined> {
    const w = this.worker ?? (await this.start());
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        w.removeAllListeners('message');
        this.worker = undefined;
        void w.terminate();
        resolve(undefined);
      }, hardMs);
      w.once('message', (m: CaseReport) => {
        clearTimeout(timer);
        resolve(m);
      });
      w.postMessage({ pattern, flags, subjects });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

export async function runRegexFuzz(opts: RegexFuzzOptions): Promise<RegexFuzzResult> {
  const { budgetMs = 500, checkMs = 500, hardMs = 10_000 } = opts;
  const redos = pathToFileURL(path.join(REPO_ROOT, 'dist', 'core', 'redos.js')).href;
  const { SUBJECT_LIMIT } = (await import(redos)) as { SUBJECT_LIMIT: number };
  const rand = prng(opts.seed);
  const runner = new Runner(redos);
  const r: RegexFuzzResult = {
    cases: 0, valid: 0, accepted: 0, refused: 0, matches: 0, failures: [],
    slowestMatch: { ms: 0, pattern: '' }, slowestCheck: { ms: 0, pattern: '' },
  };
  try {
    for (let i = 0; i < opts.cases + HOSTILE_PATTERNS.length; i++) {
      if (i > 0 && i % 1000 === 0) opts.log?.(`regex fuzz ${i}/${opts.cases}: ${r.accepted} accepted, ${r.refused} refused, ${r.failures.length} failures`);
      const pattern = i < HOSTILE_PATTERNS.length ? HOSTILE_PATTERNS[i]! : randomPattern(rand);
      const flags = i < HOSTILE_PATTERNS.length || rand() < 0.5 ? 'i' : 'u';
      r.cases++;
      try {
        new RegExp(pattern, flags);
        r.valid++;
      } catch {
        // invalid patterns are still checked: the check must refuse them and terminate
      }
      const shown = `/${pattern.length > 80 ? `${pattern.slice(0, 80)}…` : pattern}/${flags}`;
      const report = await runner.run(pattern, flags, adversarialSubjects(pattern, SUBJECT_LIMIT, rand), hardMs);
      if (!report) {
        r.failures.push(`${shown}: did not finish within ${hardMs} ms (check and matching)`);
        continue;
      }
      if (report.checkMs > r.slowestCheck.ms) r.slowestCheck = { ms: report.checkMs, pattern: shown };
      if (report.error) r.failures.push(`${shown}: the check threw ${report.error.split('\n')[0]}`);
      else if (report.checkMs > checkMs) r.failures.push(`${shown}: the check took ${report.checkMs.toFixed(0)} ms`);
      if (report.problem !== undefined) r.refused++;
      if (!report.times) continue;
      r.accepted++;
      for (const ms of report.times) {
        r.matches++;
        if (ms > r.slowestMatch.ms) r.slowestMatch = { ms, pattern: shown };
        if (ms > budgetMs) r.failures.push(`${shown}: accepted, but a ${SUBJECT_LIMIT}-character test took ${ms.toFixed(0)} ms`);
      }
    }
  } finally {
    await runner.close();
  }
  return r;
}
