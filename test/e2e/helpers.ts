/**
 * Shared end-to-end helpers: run the built CLI (bin/pocketbook.js → dist/) against a temp ledger,
 * with a temp config dir and a fixed "today", so tests never touch the real home.
 * Build first: `npx tsc -p tsconfig.json`.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(REPO_ROOT, 'bin', 'pocketbook.js');
export const DEFAULT_TODAY = '2026-11-15';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TempLedger {
  /** Temp directory holding everything for this test. */
  dir: string;
  /** Ledger file path (passed as --ledger). */
  ledger: string;
  /** Config dir (POCKETBOOK_CONFIG_DIR). */
  configDir: string;
  /** Run the CLI with --ledger and the temp config dir. */
  run(args: string[], opts?: RunOptions): CliResult;
  /** Path inside the temp dir. */
  file(name: string): string;
  cleanup(): void;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
}

let lastTemp: TempLedger | undefined;

/** A fresh temp dir with a ledger path and a config dir. */
export function tempLedger(prefix = 'pb-e2e-'): TempLedger {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const configDir = path.join(dir, 'config');
  mkdirSync(configDir, { recursive: true });
  const ledger = path.join(dir, 'ledger.db');
  const t: TempLedger = {
    dir,
    ledger,
    configDir,
    run: (args, opts = {}) =>
      runCli(['--ledger', ledger, ...args], { ...opts, env: { POCKETBOOK_CONFIG_DIR: configDir, ...opts.env } }),
    file: (name) => path.join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  lastTemp = t;
  return t;
}

/**
 * Run the built CLI. Without POCKETBOOK_CONFIG_DIR in opts.env, a throw-away config dir is used
 * (the most recent tempLedger()'s, else a new temp dir). POCKETBOOK_TODAY defaults to DEFAULT_TODAY.
 */
export function runCli(args: string[], opts: RunOptions = {}): CliResult {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    env: cliEnvFor(opts),
    input: opts.input ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: res.status ?? (res.signal ? 128 : 1), stdout: res.stdout ?? '', stderr: res.stderr ?? '' };
}

/** runCli without blocking: several runs can share the machine's cores. */
export function runCliAsync(args: string[], opts: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? REPO_ROOT, env: cliEnvFor(opts) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/** The locale every run gets unless a test asks for another: C.UTF-8, nothing that overrides LANG. */
export const PINNED_LOCALE: Readonly<Record<string, string | undefined>> = { LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined };

function cliEnvFor(opts: RunOptions): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    ...process.env,
    // English whatever the machine's locale: tests that want Chinese pass LANG, LC_ALL or --lang.
    ...PINNED_LOCALE,
    POCKETBOOK_TODAY: DEFAULT_TODAY,
    NO_COLOR: '1',
    CI: 'true',
    ...opts.env,
  };
  if (!env.POCKETBOOK_CONFIG_DIR) env.POCKETBOOK_CONFIG_DIR = (lastTemp ?? tempLedger()).configDir;
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as NodeJS.ProcessEnv;
}

/**
 * A fresh temp ledger for each test of the calling file (made before, removed after), with the two
 * calls such tests make most: `ok` (the command must exit 0; its stderr says why not) and `json`
 * (`ok` with --json, parsed). `ledger()` is the current test's.
 */
export function ledgerPerTest(prefix: string): { ledger: () => TempLedger; ok: (args: string[]) => CliResult; json: <T>(args: string[]) => T } {
  let current: TempLedger | undefined;
  beforeEach(() => {
    current = tempLedger(prefix);
  });
  afterEach(() => current?.cleanup());
  const ledger = (): TempLedger => current!;
  const ok = (args: string[]): CliResult => {
    const r = ledger().run(args);
    expect(r.code, r.stderr).toBe(0);
    return r;
  };
  return { ledger, ok, json: <T>(args: string[]): T => JSON.parse(ok([...args, '--json']).stdout) as T };
}
