/**
 * The accounting tools the journal exports are checked with (hledger, ledger-cli, bean-check).
 * Locally a missing tool skips its test; in CI (CI=true; .ci/run installs them) it fails it.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export const IN_CI = process.env.CI === 'true';

export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

/** Whether to run a test needing these tools: yes when present; in CI, yes anyway (and `requireTools` fails). */
export const runWith = (...names: string[]): boolean => IN_CI || names.every(hasTool);

export function requireTools(...names: string[]): void {
  for (const n of names) expect(hasTool(n), `${n} is not installed (CI installs it: .ci/run)`).toBe(true);
}

export interface ToolRun {
  code: number;
  out: string;
}

export function tool(cmd: string, args: string[]): ToolRun {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, LEDGER_FILE: '' } });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

export function writeText(file: string, text: string): string {
  writeFileSync(file, text);
  return file;
}
