/**
 * The content-addressed attachment store on disk: a stored file is only ever a complete file
 * whose content hashes to its name. Writes go through `<name>.tmp-<pid>` (fsynced, renamed into
 * place, folder fsynced); a temp file never counts as stored and is removed on any failure; temp
 * files left by a killed process are removed the next time the same content is stored.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PocketbookError } from '../../core/errors.js';
import { tAppSafety as tS } from '../../core/messages/app-safety.js';

/** SHA-256 of a buffer, hex. */
export function sha256Of(data: Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of a file, hex, reading it in chunks (undefined when it cannot be read). */
export function hashFile(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const hash = crypto.createHash('sha256');
    const buf = Buffer.alloc(1 << 20);
    for (let n = fs.readSync(fd, buf); n > 0; n = fs.readSync(fd, buf)) hash.update(buf.subarray(0, n));
    return hash.digest('hex');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Whether a store file name is a stored copy (`<sha256>` or `<sha256>.<ext>`, never a temp file). */
export function storedName(name: string): string | undefined {
  return /^([0-9a-f]{64})(\.[a-z0-9]+)?$/.exec(name)?.[1];
}

/** Whether the process that left `….tmp-<pid>` (or a backup's `….partial-<pid>`) is gone. */
export function staleTemp(name: string): boolean {
  const pid = Number(/\.(?:tmp|partial)-(\d+)$/.exec(name)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Remove temp files for this content left by processes that no longer run. */
export function removeStaleTemps(dir: string, sha256: string): void {
  if (!fs.existsSync(dir)) return;
  for (const f of fs.readdirSync(dir)) {
    if (f.startsWith(sha256) && f.includes('.tmp-') && staleTemp(f)) fs.rmSync(path.join(dir, f), { force: true, recursive: true });
  }
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems cannot fsync a folder; the rename itself has happened.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Write DATA to FILE atomically (temp file, fsync, rename, folder fsync), replacing what is
 * there. Any failure removes the temp file and becomes one ATTACHMENT error.
 */
export function writeStoredFile(file: string, data: Buffer): void {
  const tmp = `${file}.tmp-${process.pid}`;
  let fd: number | undefined;
  try {
    fs.rmSync(tmp, { force: true });
    fd = fs.openSync(tmp, 'wx', 0o600);
    let off = 0;
    while (off < data.length) off += fs.writeSync(fd, data, off, data.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.chmodSync(tmp, 0o600);
    fs.renameSync(tmp, file);
    fsyncDir(path.dirname(file));
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? tS('diskFull') : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? tS('storeNotWritable') : (code ?? 'error');
    throw new PocketbookError('ATTACHMENT', tS('cannotStore', { why }), { location: { file } });
  }
}

/** Throw when the stored copy at FILE does not hash to SHA256 (truncated or changed). */
export function requireIntact(file: string, sha256: string, name: string): void {
  if (hashFile(file) !== sha256) {
    throw new PocketbookError('ATTACHMENT', tS('damaged', { name }), {
      location: { file },
      hint: tS('damagedHint'),
    });
  }
}
