/**
 * The files beside a ledger (issue 23 point 2, point 9's migration backups). A big import writes
 * through the WAL like any other (it used to switch to a rollback journal, which a user deleting
 * "stray" files after a kill turned into a malformed ledger): killed mid-write, it leaves no
 * `-journal`, and deleting the stray files that may be deleted (-journal, -shm) is harmless. Before
 * a schema upgrade there is one backup copy per ledger, never a partial one, and a full disk
 * stops the upgrade with one line. Run through the built CLI.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { writeStatement } from '../../src/bench/gen.js';
import { checkpoint, ledgerState, logicalHash } from '../../src/bench/inspect.js';
import { LATEST_VERSION } from '../../src/ledger/migrations/index.js';
import { BAD_STDERR, BIN, FIXTURE_DIR, REPO_ROOT, canUnshareMount, cliEnv, pb, tempDir } from './helpers.js';

const dir = tempDir('pb-journal-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = cliEnv(path.join(dir, 'config'));
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const backups = (home: string) => fs.readdirSync(home).filter((n) => /\.bak/.test(n)).sort();

function oneLine(stderr: string, pattern: RegExp): void {
  expect(stderr).not.toMatch(BAD_STDERR);
  expect(stderr.trim().split('\n'), stderr).toHaveLength(1);
  expect(stderr).toMatch(pattern);
}

describe('a big import killed mid-write', () => {
  it('never makes a -journal; after SIGKILL and deleting every stray -journal and -shm, the ledger opens intact and a re-import completes it', async () => {
    const ROWS = 60_000; // past the bulk threshold: the path that used to leave WAL mode
    const big = path.join(dir, 'history.csv');
    writeStatement(big, { rows: ROWS, seed: 41, end: '2026-10-31', years: 3 });
    const ledger = path.join(dir, 'killed.db');
    expect(pb(['--ledger', ledger, 'account', 'add', 'History Card', '--type', 'credit'], { env }).code).toBe(0);
    const before = ledgerState(ledger);
    const child = spawn(process.execPath, [BIN, '--ledger', ledger, 'import', big, '--account', 'History Card'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Kill it while its entries are being written (the WAL grows past 1 MB); watch for a journal meanwhile.
    let journalSeen = false;
    const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
    const started = Date.now();
    while (size(`${ledger}-wal`) < 1_000_000 && Date.now() - started < 30_000) {
      journalSeen ||= fs.existsSync(`${ledger}-journal`);
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(size(`${ledger}-wal`)).toBeGreaterThanOrEqual(1_000_000);
    child.kill('SIGKILL');
    await exited;
    expect(journalSeen).toBe(false);
    // What users clear away as stray files after a crash: none of it may matter.
    for (const name of fs.readdirSync(dir)) {
      if (name.endsWith('-journal') || name.endsWith('-shm')) fs.rmSync(path.join(dir, name));
    }
    const list = pb(['--ledger', ledger, 'import', 'list', '--json'], { env });
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([]);
    expect(ledgerState(ledger)).toEqual(before);
    expect(ledgerState(ledger).integrity).toBe('ok');
    const again = pb(['--ledger', ledger, 'import', big, '--account', 'History Card'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(ledgerState(ledger)).toMatchObject({ integrity: 'ok', entries: ROWS, batches: 1, duplicates: 0, unindexed: 0 });
    expect(fs.existsSync(`${ledger}-journal`)).toBe(false);
  }, 120_000);
});

/** A ledger one schema version behind. `failing`: its last migration will fail (its table is already there). */
/** The schema version `behind` leaves: migration 17, not idempotent, runs again (18 and later are data only). */
const BEHIND = 16;

function behind(file: string, failing: boolean): void {
  const r = pb(['--ledger', file, 'import', path.join(FIXTURE_DIR, 'generic.csv'), '--account', 'Cash'], { env });
  expect(r.code, r.stderr).toBe(0);
  const db = new BetterSqlite3(file);
  // What migrations 17 and later create (a rerun fails while it exists; 18 is data and reruns cleanly).
  if (!failing) {
    db.exec(`DROP TABLE balance_months; DROP TABLE merchant_names; DROP TABLE merchant_search_keys; DROP TABLE hand_entries; DROP TABLE account_aliases;
      ALTER TABLE accounts DROP COLUMN due_day; DROP TABLE benefit_uses; DROP TABLE points_values; DROP TABLE points_balances; DROP TABLE points_rules;
      DROP TRIGGER reimbursement_entry_delete; DROP VIEW reimbursed_entries; DROP TABLE reimbursements; DROP TABLE recurring_cache`);
  }
  db.pragma(`user_version = ${BEHIND}`);
  db.close();
}

const version = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true });
  } finally {
    db.close();
  }
};

describe('the backup before a schema upgrade', () => {
  it('a migration that fails again and again keeps one backup, not one more each time', () => {
    const home = path.join(dir, 'failing');
    fs.mkdirSync(home);
    const ledger = path.join(home, 'ledger.db');
    behind(ledger, true);
    for (let i = 0; i < 3; i += 1) {
      expect(pb(['--ledger', ledger, 'account', 'list'], { env }).code).toBe(1);
      expect(backups(home)).toHaveLength(1);
    }
    expect(version(ledger)).toBe(BEHIND);
  });

  it('an upgrade leaves its own backup only: earlier ones and a killed attempt\'s partial copy are removed', () => {
    const home = path.join(dir, 'upgrading');
    fs.mkdirSync(home);
    const ledger = path.join(home, 'ledger.db');
    behind(ledger, false);
    const v = BEHIND;
    const stale = [`ledger.db.v${v}-2026-01-01T00-00-00-000Z.bak`, `ledger.db.v3-2025-05-05T10-00-00-000Z.bak`, `ledger.db.v${v}-2026-02-02T00-00-00-000Z.bak.partial-2147483646`];
    for (const name of stale) fs.writeFileSync(path.join(home, name), 'old');
    fs.writeFileSync(path.join(home, 'ledger.db.bak'), 'the user\'s own file'); // not ours: kept
    const r = pb(['--ledger', ledger, 'account', 'list'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(version(ledger)).toBe(LATEST_VERSION);
    const left = backups(home);
    expect(left).toHaveLength(2);
    expect(left).toContain('ledger.db.bak');
    const own = left.find((n) => n !== 'ledger.db.bak') as string;
    expect(own).toMatch(new RegExp(`^ledger\\.db\\.v${v}-\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z\\.bak$`));
    expect(fs.statSync(path.join(home, own)).mode & 0o777).toBe(0o600);
    expect(version(path.join(home, own))).toBe(v);
  });

  // A full disk needs a small tmpfs (root, private mount namespace); under CI that must not pass silently.
  const tmpfs = canUnshareMount();
  if (!tmpfs && process.env.CI === 'true') it('can mount a small tmpfs here', () => expect(tmpfs).toBe(true));

  it.skipIf(!tmpfs)('a full disk during the backup copy: one line, exit 1, the ledger untouched and no partial copy left', () => {
    const base = path.join(dir, 'full-base.db');
    behind(base, false);
    checkpoint(base);
    const before = logicalHash(base);
    const mnt = path.join(dir, 'mnt');
    const out = path.join(dir, 'full-out');
    fs.mkdirSync(mnt);
    fs.mkdirSync(out);
    // Room for the ledger and its -wal/-shm, not for a second copy of it.
    const size = Math.ceil(fs.statSync(base).size / 1024) + 160;
    const script = [
      `mount -t tmpfs -o size=${size}k,mode=0700 tmpfs ${q(mnt)}`,
      `cp ${q(base)} ${q(`${mnt}/ledger.db`)}`,
      `${q(process.execPath)} ${q(BIN)} --ledger ${q(`${mnt}/ledger.db`)} account list 2>${q(`${out}/stderr`)}; echo $? > ${q(`${out}/rc`)}`,
      `ls -a ${q(mnt)} > ${q(`${out}/files`)}`,
      `cp ${q(`${mnt}/ledger.db`)} ${q(`${out}/ledger.db`)}`,
    ].join(' && ');
    const r = spawnSync('unshare', ['-m', 'sh', '-c', script], { cwd: REPO_ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, 'rc'), 'utf8').trim()).toBe('1');
    oneLine(fs.readFileSync(path.join(out, 'stderr'), 'utf8'), /ledger\.db: ledger not upgraded: its backup copy ledger\.db\.v\d+-.*\.bak could not be written \(the disk is full\); the ledger was left untouched/);
    expect(fs.readFileSync(path.join(out, 'files'), 'utf8')).not.toMatch(/\.bak|partial/);
    expect(logicalHash(path.join(out, 'ledger.db'))).toBe(before);
    expect(version(path.join(out, 'ledger.db'))).toBe(BEHIND);
  }, 60_000);
});
