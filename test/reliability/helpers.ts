/**
 * Shared helpers for the reliability suite: temp dirs, the built CLI, feature probes.
 * Tests for a command skip (with the reason in their title) only while that command is not built.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { cliEnv, hasCommand } from '../../src/bench/proc.js';

export { BIN, REPO_ROOT, pb, run, firstLine, cliEnv } from '../../src/bench/proc.js';
export { FIXTURE_DIR } from '../../src/bench/fuzz.js';

const probeEnv = cliEnv(path.join(os.tmpdir(), 'pb-probe-config'));
const cache = new Map<string, boolean>();

/** Whether `pocketbook WORDS` exists in the build (cached). */
export function available(...words: string[]): boolean {
  const key = words.join(' ');
  if (!cache.has(key)) cache.set(key, hasCommand(words, probeEnv));
  return cache.get(key) as boolean;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Private mount namespaces (for read-only bind mounts and a small tmpfs) work here. */
export function canUnshareMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const r = spawnSync('unshare', ['-m', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d" && rmdir "$d"'], { stdio: 'ignore' });
  return r.status === 0;
}

export function mode(file: string): string {
  return (fs.statSync(file).mode & 0o777).toString(8).padStart(4, '0');
}

/** Stack-trace lines, internal errors and lock messages never reach users. */
export const BAD_STDERR = /^\s+at .+(\(|:\d+:\d+)|internal error|database is locked|SQLITE_BUSY/m;
