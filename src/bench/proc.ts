/**
 * Running the built CLI as a child process, as a user would: timing, peak memory, and
 * "does this command exist yet" probes so the bench and the stress run work at every stage.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: works from src/bench (vitest) and dist/bench (node). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(REPO_ROOT, 'bin', 'pocketbook.js');
export const TIME_BIN = '/usr/bin/time';

export interface Run {
  code: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOpts {
  env?: Record<string, string>;
  cwd?: string;
  timeoutMs?: number;
  /** Send stdout to this file instead of reading it (a big export). */
  stdoutFile?: string;
}

/** A throw-away environment: temp config dir, fixed today, no colour, English. */
export function cliEnv(configDir: string, extra: Record<string, string> = {}): Record<string, string> {
  // English whatever the machine's locale (an empty LC_ALL / LC_MESSAGES counts as unset).
  return { POCKETBOOK_CONFIG_DIR: configDir, POCKETBOOK_TODAY: '2026-11-15', NO_COLOR: '1', CI: 'true', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...extra };
}

export function run(cmd: string, args: readonly string[], opts: RunOpts = {}): Run {
  const t0 = process.hrtime.bigint();
  const outFd = opts.stdoutFile !== undefined ? fs.openSync(opts.stdoutFile, 'w') : undefined;
  const res = spawnSync(cmd, args as string[], {
    cwd: opts.cwd ?? REPO_ROOT,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    timeout: opts.timeoutMs,
    stdio: ['ignore', outFd ?? 'pipe', 'pipe'],
  });
  if (outFd !== undefined) fs.closeSync(outFd);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { code: res.status ?? (res.signal ? 128 : 1), signal: res.signal, stdout: res.stdout ?? '', stderr: res.stderr ?? '', ms };
}

/** Run `pocketbook ARGS` with the built CLI. */
export function pb(args: readonly string[], opts: RunOpts = {}): Run {
  return run(process.execPath, [BIN, ...args], opts);
}

/** Whether `pocketbook WORDS... --help` is a real command (placeholders register nothing). */
export function hasCommand(words: readonly string[], env: Record<string, string> = {}): boolean {
  const r = pb([...words, '--help'], { env });
  if (r.code !== 0) return false;
  // Commander prints the parent's help for an unknown subcommand of a command with subcommands.
  const usage = /^Usage: (.*)$/m.exec(r.stdout)?.[1] ?? '';
  return usage.startsWith(`pocketbook ${words.join(' ')}`);
}

export interface Measured extends Run {
  /** Peak resident set size of the measured process, in MB (null when unknown). */
  peakMb: number | null;
}

const RSS_HOOK = `process.on('exit', () => { try { require('node:fs').writeFileSync(process.env.PB_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });\n`;

/** Run a node script and report wall time and peak RSS (`/usr/bin/time -v` when present). */
export function measureNode(args: readonly string[], opts: RunOpts = {}): Measured & { how: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-rss-'));
  try {
    if (fs.existsSync(TIME_BIN)) {
      const out = path.join(dir, 'time.txt');
      const r = run(TIME_BIN, ['-f', '%M', '-o', out, process.execPath, ...args], opts);
      const kb = Number(fs.readFileSync(out, 'utf8').trim().split('\n').pop());
      return { ...r, peakMb: Number.isFinite(kb) ? kb / 1024 : null, how: '/usr/bin/time' };
    }
    const hook = path.join(dir, 'rss.cjs');
    fs.writeFileSync(hook, RSS_HOOK);
    const rssFile = path.join(dir, 'rss.txt');
    const r = run(process.execPath, ['--require', hook, ...args], { ...opts, env: { ...opts.env, PB_RSS_FILE: rssFile } });
    const kb = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN;
    return { ...r, peakMb: Number.isFinite(kb) ? kb / 1024 : null, how: 'process.resourceUsage().maxRSS' };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export interface Paired {
  medianA: number;
  medianB: number;
  /** Median of the per-pair ratios A/B. */
  ratio: number;
  failures: string[];
}

/** A, B, A, B …: `pairs` runs of each, side by side; the median of the per-pair ratios. */
export function paired(a: () => Run, b: () => Run, pairs: number): Paired {
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  const failures: string[] = [];
  a(); // warm the file cache once for both
  b();
  for (let i = 0; i < pairs; i += 1) {
    const ra = a();
    const rb = b();
    if (ra.code !== 0) failures.push(firstLine(ra.stderr) || `exit ${ra.code}`);
    as.push(ra.ms);
    bs.push(rb.ms);
    ratios.push(ra.ms / rb.ms);
  }
  return { medianA: median(as), medianB: median(bs), ratio: median(ratios), failures };
}

export function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '') ?? '';
}
