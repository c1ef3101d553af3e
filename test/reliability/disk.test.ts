import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeStatement } from '../../src/bench/gen.js';
import { checkpoint, fileSha, ledgerState, logicalHash } from '../../src/bench/inspect.js';
import { BAD_STDERR, BIN, FIXTURE_DIR, REPO_ROOT, available, canUnshareMount, cliEnv, pb, tempDir } from './helpers.js';

const dir = tempDir('pb-disk-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = cliEnv(path.join(dir, 'config'));
const isRoot = process.getuid?.() === 0;
const sh = (script: string) => spawnSync('sh', ['-c', script], { cwd: REPO_ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function expectOneCleanError(stderr: string, pattern: RegExp): void {
  expect(stderr).not.toMatch(BAD_STDERR);
  expect(stderr.trim().split('\n'), stderr).toHaveLength(1);
  expect(stderr).toMatch(pattern);
}

describe('ledger in a place no folder can be made', () => {
  // Node's recursive mkdir never returns under /proc (the folder cannot be made, its parent exists).
  const places = [path.join(FIXTURE_DIR, 'generic.csv', 'sub', 'ledger.db'), ...(fs.existsSync('/proc/self') ? ['/proc/pocketbook/ledger.db'] : [])];
  it.each(places)('%s: one clear line, exit 1, and no hang', (ledger) => {
    const r = spawnSync(process.execPath, [BIN, '--ledger', ledger, 'account', 'add', 'Cash', '--type', 'cash'], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20_000 });
    expect(r.error).toBeUndefined(); // not killed by the timeout
    expect(r.status).toBe(1);
    expectOneCleanError(r.stderr, /ledger cannot be opened \((ENOENT|ENOTDIR)\)/);
    expect(r.stderr).toContain(ledger);
  });
});

describe.skipIf(!available('import'))('disk trouble (needs `pocketbook import`)', () => {
  // Root ignores directory permissions, so as root the directory is made read-only with a private
  // read-only bind mount (unshare -m); as a normal user, chmod 0500 does it.
  it.skipIf(isRoot && !canUnshareMount())('read-only ledger directory: a clear error, nothing written', () => {
    const home = path.join(dir, 'ro');
    const ledger = path.join(home, 'ledger.db');
    expect(pb(['--ledger', ledger, 'import', path.join(FIXTURE_DIR, 'generic.csv'), '--account', 'Cash'], { env }).code).toBe(0);
    checkpoint(ledger);
    const before = { sha: fileSha(ledger), logical: logicalHash(ledger) };
    const more = path.join(dir, 'more.csv');
    writeStatement(more, { rows: 50, seed: 5, end: '2021-12-31', years: 1 });
    const cmd = `${q(process.execPath)} ${q(BIN)} --ledger ${q(ledger)} import ${q(more)} --account Cash`;
    const r = isRoot
      ? sh(`unshare -m sh -c ${q(`mount --bind -o ro ${q(home)} ${q(home)} && ${cmd}`)}`)
      : (fs.chmodSync(home, 0o500), sh(cmd));
    if (!isRoot) fs.chmodSync(home, 0o700);
    expect(r.status).toBe(1);
    expectOneCleanError(r.stderr, /not writable|read-only|permission/i);
    expect(fileSha(ledger)).toBe(before.sha);
    expect(logicalHash(ledger)).toBe(before.logical);
  }, 60_000);

  it.skipIf(!canUnshareMount())('disk full (small tmpfs): a clear error, the ledger keeps the state before', () => {
    const base = path.join(dir, 'base.db');
    expect(pb(['--ledger', base, 'import', path.join(FIXTURE_DIR, 'generic.csv'), '--account', 'Cash'], { env }).code).toBe(0);
    checkpoint(base);
    const before = ledgerState(base);
    const big = path.join(dir, 'big.csv');
    writeStatement(big, { rows: 6000, seed: 6, end: '2022-12-31', years: 3 });
    const mnt = path.join(dir, 'mnt');
    const out = path.join(dir, 'after');
    fs.mkdirSync(mnt);
    fs.mkdirSync(out);
    const size = Math.ceil(fs.statSync(base).size / 1024) + 256; // room for the ledger, not for 6,000 more rows
    const script = [
      `mount -t tmpfs -o size=${size}k,mode=0700 tmpfs ${q(mnt)}`,
      `cp ${q(base)} ${q(`${mnt}/ledger.db`)}`,
      `${q(process.execPath)} ${q(BIN)} --ledger ${q(`${mnt}/ledger.db`)} import ${q(big)} --account Cash 2>${q(`${out}/stderr`)}; echo $? > ${q(`${out}/rc`)}`,
      `cp ${q(mnt)}/ledger.db* ${q(out)}/`,
    ].join(' && ');
    const r = sh(`unshare -m sh -c ${q(script)}`);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, 'rc'), 'utf8').trim()).toBe('1');
    expectOneCleanError(fs.readFileSync(path.join(out, 'stderr'), 'utf8'), /full|space/i);
    const after = ledgerState(path.join(out, 'ledger.db'));
    expect(after).toEqual(before);
  }, 120_000);
});
