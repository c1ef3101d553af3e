/**
 * The attachment store keeps only complete files whose content hashes to their name (issue 23
 * point 1): a truncated copy or a stale temp file is never "kept once", a failed write leaves no
 * temp file, and `tx attachment export` refuses a damaged stored copy.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seededLedger } from './history-helpers.js';

const content = Buffer.from('%PDF-1.7 a complete receipt '.repeat(200));
const sha = createHash('sha256').update(content).digest('hex');

function setup() {
  const t = seededLedger();
  const [a, b] = t.ids('瑞幸').map(String) as [string, string];
  const receipt = t.file('r.pdf');
  writeFileSync(receipt, content);
  const shard = path.join(t.dir, 'attachments', sha.slice(0, 2));
  return { t, a, b, receipt, shard, stored: path.join(shard, `${sha}.pdf`) };
}

describe('attachment store integrity (e2e)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('replaces a truncated stored copy instead of keeping it once, and export then returns the whole file', () => {
    const s = setup();
    cleanups.push(s.t.cleanup);
    mkdirSync(s.shard, { recursive: true });
    writeFileSync(s.stored, content.subarray(0, 100)); // what a full disk or a kill mid-copy left
    const r = s.t.run(['tx', 'attach', s.a, s.receipt]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/kept once/);
    expect(r.stdout).toMatch(/damaged stored copy was replaced/);
    expect(readFileSync(s.stored).equals(content)).toBe(true);
    const out = s.t.file('out');
    expect(s.t.run(['tx', 'attachment', 'export', s.a, out]).code).toBe(0);
    expect(readFileSync(path.join(out, 'r.pdf')).equals(content)).toBe(true);
    // An intact copy is kept once.
    expect(s.t.run(['tx', 'attach', s.b, s.receipt]).stdout).toMatch(/kept once/);
  });

  it('never counts a stale temp file from a killed process as the stored copy, and removes it', () => {
    const s = setup();
    cleanups.push(s.t.cleanup);
    mkdirSync(s.shard, { recursive: true });
    const stale = `${s.stored}.tmp-999999`; // no such process
    writeFileSync(stale, content.subarray(0, 100));
    const r = s.t.run(['tx', 'attach', s.a, s.receipt]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/kept once/);
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(s.shard)).toEqual([`${sha}.pdf`]);
    expect(readFileSync(s.stored).equals(content)).toBe(true);
    // backup carries the complete receipt.
    const bk = s.t.run(['backup', s.t.file('bk'), '--json']);
    expect(bk.code, bk.stderr).toBe(0);
    const where = (JSON.parse(bk.stdout) as { path: string }).path;
    expect(readFileSync(path.join(where, 'attachments', sha.slice(0, 2), `${sha}.pdf`)).equals(content)).toBe(true);
  });

  it('a write that fails leaves no temp file, no record, and says so in one line', () => {
    const s = setup();
    cleanups.push(s.t.cleanup);
    mkdirSync(s.stored, { recursive: true }); // the stored name is a folder: the rename into place fails
    const r = s.t.run(['tx', 'attach', s.a, s.receipt]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')[0]).toMatch(/cannot store the file in the attachment store/);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect(readdirSync(s.shard)).toEqual([`${sha}.pdf`]);
    const show = s.t.json<{ attachments: unknown[] }>(['tx', 'show', s.a]);
    expect(show.attachments).toEqual([]);
  });

  it('export refuses a damaged stored copy with one clear line and writes nothing', () => {
    const s = setup();
    cleanups.push(s.t.cleanup);
    expect(s.t.run(['tx', 'attach', s.a, s.receipt]).code).toBe(0);
    writeFileSync(s.stored, content.subarray(0, 100));
    const out = s.t.file('out');
    const r = s.t.run(['tx', 'attachment', 'export', s.a, out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/stored copy of "r\.pdf" is damaged/);
    expect(existsSync(path.join(out, 'r.pdf'))).toBe(false);
  });
});
