/**
 * Backups verify what they copy and `pocketbook check` finds damage (issue 23 point 3): a backup
 * carries manifest.json with hashes and appears only when complete; a ledger failing SQLite's
 * integrity_check is not backed up; `check` reads a ledger, its receipts or a backup folder
 * without creating anything.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seededLedger } from './history-helpers.js';

const receipt = Buffer.from('receipt bytes '.repeat(50));
const sha = createHash('sha256').update(receipt).digest('hex');
const hashOf = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** Overwrite 64 bytes inside page 12 of a SQLite file (an index page of a fresh ledger). */
function corruptPage(file: string): void {
  const header = readFileSync(file).subarray(0, 100);
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, 11 * pageSize + 4);
  closeSync(fd);
}

function withReceipt() {
  const t = seededLedger();
  const id = String(t.ids('瑞幸')[0]);
  writeFileSync(t.file('r.pdf'), receipt);
  expect(t.run(['tx', 'attach', id, t.file('r.pdf')]).code).toBe(0);
  return t;
}

describe('backup manifest, integrity and check (e2e)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('a backup holds manifest.json with every file hashed, and check verifies it', () => {
    const t = withReceipt();
    cleanups.push(t.cleanup);
    const parent = t.file('bk');
    const killed = path.join(parent, '.pocketbook-backup-20261115-093005.partial-999999'); // a killed backup's folder
    mkdirSync(killed, { recursive: true });
    writeFileSync(path.join(killed, 'ledger.db'), 'half');
    const r = t.run(['backup', parent, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const dir = (JSON.parse(r.stdout) as { path: string }).path;
    expect(readdirSync(parent)).toEqual([path.basename(dir)]); // no temp folder left beside it, the stale one removed
    const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      schema_version: number; created_at: string; ledger: { file: string; sha256: string; size: number }; attachments: { file: string; sha256: string; size: number }[];
    };
    expect(m.schema_version).toBeGreaterThan(0);
    expect(m.ledger.sha256).toBe(hashOf(path.join(dir, m.ledger.file)));
    expect(m.attachments).toEqual([{ file: path.join('attachments', sha.slice(0, 2), `${sha}.pdf`), sha256: sha, size: receipt.length }]);
    const ok = t.run(['check', dir, '--json']);
    expect(ok.code, ok.stdout).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, kind: 'backup', problems: [] });

    // A changed file in the backup is found.
    const copy = path.join(dir, m.attachments[0]!.file);
    writeFileSync(copy, receipt.subarray(0, 10));
    const bad = t.run(['check', dir, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, problems: [{ what: 'backup', path: copy, problem: expect.stringMatching(/changed/) }] });
    // A folder without a manifest (a killed backup, or not a backup) is not complete.
    rmSync(path.join(dir, 'manifest.json'));
    const text = t.run(['check', dir]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/manifest\.json is missing: not a complete pocketbook backup/);
  });

  it('refuses to back up a ledger that fails integrity_check, and leaves nothing half-made', () => {
    const t = seededLedger();
    cleanups.push(t.cleanup);
    corruptPage(t.ledger);
    const chk = t.run(['check', '--json']);
    expect(chk.code).toBe(1);
    expect(JSON.parse(chk.stdout)).toMatchObject({ ok: false, problems: [{ what: 'ledger', path: t.ledger, problem: expect.stringMatching(/integrity check/) }] });
    const parent = t.file('bk');
    const r = t.run(['backup', parent]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/fails SQLite's integrity check.*no backup was made/);
    expect(existsSync(parent) ? readdirSync(parent) : []).toEqual([]);
  });

  it('check finds a damaged or missing receipt in a ledger and creates nothing', () => {
    const t = withReceipt();
    cleanups.push(t.cleanup);
    const before = readdirSync(t.dir).sort();
    const ok = t.run(['check']);
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toMatch(/^ok: ledger /);
    expect(readdirSync(t.dir).sort()).toEqual(before); // no -wal, -shm or anything else
    const stored = path.join(t.dir, 'attachments', sha.slice(0, 2), `${sha}.pdf`);
    writeFileSync(stored, receipt.subarray(0, 5));
    const damaged = t.run(['check', '--json']);
    expect(damaged.code).toBe(1);
    expect(JSON.parse(damaged.stdout)).toMatchObject({ problems: [{ what: 'attachment', path: stored, problem: expect.stringMatching(/does not hash to its name/) }] });
    rmSync(stored);
    const missing = t.run(['check']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/stored copy of "r\.pdf" is missing/);
    // A mistyped path: exit 1, and no folder or ledger appears.
    const nowhere = t.file('nowhere/l.db');
    const r = t.run(['check', nowhere]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/does not exist/);
    expect(existsSync(t.file('nowhere'))).toBe(false);
    expect(readdirSync(t.dir).sort()).toEqual(before);
  });
});
