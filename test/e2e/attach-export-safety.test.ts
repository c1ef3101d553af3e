/**
 * Issue 23 point 9: `tx attachment export` never writes through a symbolic link in the target
 * folder (dangling or not), never replaces a file there, and creates missing folders 0700 and files
 * 0600 even under umask 000; a folder that already exists keeps its permissions.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededLedger } from './history-helpers.js';

const mode = (p: string) => statSync(p).mode & 0o777;

describe('tx attachment export into folders that are not ours', () => {
  const t = seededLedger();
  afterAll(() => t.cleanup());
  const id = String(t.ids('瑞幸')[0]);
  const receipt = t.file('r.pdf');
  writeFileSync(receipt, 'receipt bytes');
  expect(t.run(['tx', 'attach', id, receipt]).code).toBe(0);
  const exportTo = (dir: string) => t.run(['tx', 'attachment', 'export', id, dir]);

  it('refuses a dangling symbolic link with the name it would write, and creates nothing at its target', () => {
    const dir = t.file('dangling');
    mkdirSync(dir);
    const victim = t.file('victim-new.pdf');
    symlinkSync(victim, path.join(dir, 'r.pdf'));
    const r = exportTo(dir);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${path.join(dir, 'r.pdf')}: is a symbolic link; refusing to write through it`);
    expect(existsSync(victim)).toBe(false);
  });

  it('refuses a link to an existing file and leaves that file as it was', () => {
    const dir = t.file('linked');
    mkdirSync(dir);
    const victim = t.file('victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, path.join(dir, 'r.pdf'));
    expect(exportTo(dir).code).toBe(1);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('a file already there is kept; the copy takes the next free name', () => {
    const dir = t.file('taken');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'r.pdf'), 'mine');
    const r = exportTo(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'r.pdf'), 'utf8')).toBe('mine');
    expect(readFileSync(path.join(dir, 'r-2.pdf'), 'utf8')).toBe('receipt bytes');
  });

  it('under umask 000, new folders are 0700 and the copy 0600; an existing folder keeps its mode', () => {
    const shared = t.file('shared');
    mkdirSync(shared);
    chmodSync(shared, 0o755);
    const dir = path.join(shared, 'new', 'deeper');
    const old = process.umask(0);
    let r;
    try {
      r = exportTo(dir);
    } finally {
      process.umask(old);
    }
    expect(r.code, r.stderr).toBe(0);
    expect(mode(path.join(shared, 'new'))).toBe(0o700);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'r.pdf'))).toBe(0o600);
    expect(mode(shared)).toBe(0o755);
    expect(readdirSync(dir)).toEqual(['r.pdf']);
  });
});
