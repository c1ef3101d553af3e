import { readdirSync, statSync, writeFileSync, chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededLedger } from './history-helpers.js';

const mode = (p: string) => statSync(p).mode & 0o777;
function storedFiles(dir: string): string[] {
  const store = path.join(dir, 'attachments');
  if (!existsSync(store)) return [];
  return readdirSync(store, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('attachments (e2e)', () => {
  const t = seededLedger();
  afterAll(() => t.cleanup());
  const [a, b] = t.ids('瑞幸').map(String) as [string, string];
  const receipt = t.file('receipt.JPG');
  writeFileSync(receipt, 'fake jpeg bytes');

  it('stores the same receipt once, owner-only, even under umask 000', () => {
    const old = process.umask(0); // the CLI inherits umask 000
    let r1;
    try {
      r1 = t.run(['tx', 'attach', a, receipt]);
    } finally {
      process.umask(old);
    }
    expect(r1.code, r1.stderr).toBe(0);
    const r2 = t.run(['tx', 'attach', b, receipt]);
    expect(r2.stdout).toMatch(/kept once/);
    const files = storedFiles(t.dir);
    expect(files).toHaveLength(1);
    expect(path.basename(files[0]!)).toMatch(/^[0-9a-f]{64}\.jpg$/);
    expect(path.basename(path.dirname(files[0]!))).toBe(path.basename(files[0]!).slice(0, 2));
    expect(mode(files[0]!)).toBe(0o600);
    expect(mode(path.dirname(files[0]!))).toBe(0o700);
    expect(mode(path.join(t.dir, 'attachments'))).toBe(0o700);
    const show = t.json<{ attachments: { id: number; name: string; mime: string; size: number }[] }>(['tx', 'show', a]);
    expect(show.attachments).toEqual([expect.objectContaining({ name: 'receipt.JPG', mime: 'image/jpeg', size: 15 })]);
  });

  it('exports and prints the path instead of opening a viewer without a display', () => {
    const out = t.file('out');
    const r = t.run(['tx', 'attachment', 'export', a, out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'receipt.JPG'), 'utf8')).toBe('fake jpeg bytes');
    const open = t.run(['tx', 'attachment', 'open', a], { env: { DISPLAY: undefined, WAYLAND_DISPLAY: undefined } });
    expect(open.code, open.stderr).toBe(0);
    expect(open.stdout.trim()).toBe(storedFiles(t.dir)[0]);
  });

  it('fails clearly on missing or unreadable files and changes nothing', () => {
    const missing = t.run(['tx', 'attach', a, t.file('nope.pdf')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.pdf: does not exist/);
    const dirAttempt = t.run(['tx', 'attach', a, t.dir]);
    expect(dirAttempt.stderr).toMatch(/is not a file/);
    if (process.getuid?.() !== 0) {
      const secret = t.file('secret.png');
      writeFileSync(secret, 'x');
      chmodSync(secret, 0);
      expect(t.run(['tx', 'attach', a, secret]).stderr).toMatch(/permission denied/);
    }
    expect(t.json<{ attachments: unknown[] }>(['tx', 'show', a]).attachments).toHaveLength(1);
    expect(storedFiles(t.dir)).toHaveLength(1);
  });

  it('removes the file only when nothing else refers to it', () => {
    const idOf = (tx: string) => t.json<{ attachments: { id: number }[] }>(['tx', 'show', tx]).attachments[0]!.id;
    const ra = t.run(['tx', 'attachment', 'remove', a, String(idOf(a))]);
    expect(ra.stdout).toMatch(/still used/);
    expect(storedFiles(t.dir)).toHaveLength(1);
    const rb = t.run(['tx', 'attachment', 'remove', b, String(idOf(b))]);
    expect(rb.code, rb.stderr).toBe(0);
    expect(storedFiles(t.dir)).toHaveLength(0);
  });
});
