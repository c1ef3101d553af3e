/**
 * Receipts: files copied into the attachment store beside the ledger, content-addressed by
 * SHA-256 (`attachments/ab/abcdef….jpg`), so the same receipt twice is stored once. Folders 0700,
 * files 0600, whatever the umask.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PocketbookError } from '../../core/errors.js';
import type { Db } from '../../ledger/open.js';
import { ensurePrivateDir, makeDirs } from '../../ledger/open.js';
import { addAttachment, deleteAttachment, isReferenced, referencedHashes, requireAttachment, attachmentsOf, type AttachmentRow } from '../../ledger/attachments.js';
import { requireTx } from '../../ledger/notes.js';
import { hashFile, removeStaleTemps, requireIntact, sha256Of, storedName, writeStoredFile } from './attachment-store.js';
import { tAppSafety as tS } from '../../core/messages/app-safety.js';

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif', '.webp': 'image/webp',
  '.heic': 'image/heic', '.heif': 'image/heif', '.bmp': 'image/bmp', '.tif': 'image/tiff', '.tiff': 'image/tiff',
  '.svg': 'image/svg+xml', '.pdf': 'application/pdf', '.txt': 'text/plain', '.csv': 'text/csv',
  '.html': 'text/html', '.htm': 'text/html', '.json': 'application/json', '.xml': 'application/xml',
  '.zip': 'application/zip', '.doc': 'application/msword', '.ofx': 'application/x-ofx',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.eml': 'message/rfc822', '.mp4': 'video/mp4', '.mov': 'video/quicktime', '.m4a': 'audio/mp4', '.mp3': 'audio/mpeg',
};

export function mimeOf(name: string): string {
  return MIME[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** The attachment store of a ledger: `attachments/` beside it. */
export function attachmentStore(ledgerPath: string): string {
  return path.join(path.dirname(ledgerPath), 'attachments');
}

/**
 * Where content with this hash lives (an existing stored file of any extension wins; temp files
 * `….tmp-<pid>` never count), and whether it exists.
 */
export function storedPath(store: string, sha256: string, name: string): { file: string; exists: boolean } {
  const dir = path.join(store, sha256.slice(0, 2));
  const existing = fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).find((f) => f.isFile() && storedName(f.name) === sha256)?.name
    : undefined;
  if (existing) return { file: path.join(dir, existing), exists: true };
  const ext = path.extname(name).toLowerCase().replace(/[^.a-z0-9]/g, '');
  return { file: path.join(dir, `${sha256}${ext}`), exists: false };
}

function readSource(file: string): Buffer {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new PocketbookError('ATTACHMENT', tS('notAFile'), { location: { file } });
    return fs.readFileSync(file);
  } catch (err) {
    if (err instanceof PocketbookError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? tS('doesNotExist') : code === 'EACCES' || code === 'EPERM' ? tS('permissionDenied') : tS('cannotRead', { why: code ?? 'error' });
    throw new PocketbookError('ATTACHMENT', why, { location: { file } });
  }
}

export interface AttachResult {
  attachment: AttachmentRow;
  /** False when the store already held this content. */
  stored: boolean;
  /** True when a damaged stored copy (truncated, changed) was replaced by this file. */
  repaired: boolean;
  path: string;
}

/**
 * Copy a file into the store and record it on the entry. Nothing changes when anything fails.
 * A stored copy already there is verified; a damaged one (truncated, changed) is replaced.
 */
export function attachFile(db: Db, ledgerPath: string, txId: number, source: string, now: string): AttachResult {
  requireTx(db, txId);
  const data = readSource(source);
  const sha256 = sha256Of(data);
  const store = attachmentStore(ledgerPath);
  const name = path.basename(source);
  const target = storedPath(store, sha256, name);
  const intact = target.exists && hashFile(target.file) === sha256;
  if (!intact) {
    try {
      ensurePrivateDir(store);
      ensurePrivateDir(path.dirname(target.file));
    } catch (err) {
      throw new PocketbookError('ATTACHMENT', tS('cannotCreateStore', { why: (err as NodeJS.ErrnoException).code ?? 'error' }), { location: { file: store } });
    }
    removeStaleTemps(path.dirname(target.file), sha256);
    writeStoredFile(target.file, data);
  }
  try {
    const attachment = addAttachment(db, { tx_id: txId, sha256, name, mime: mimeOf(name), size: data.length, added_at: now });
    return { attachment, stored: !intact, repaired: target.exists && !intact, path: target.file };
  } catch (err) {
    if (!target.exists && !isReferenced(db, sha256)) fs.rmSync(target.file, { force: true });
    throw err;
  }
}

/** The stored file of an attachment (ATTACHMENT error when the store lost it). */
export function attachmentPath(ledgerPath: string, att: AttachmentRow): string {
  const found = storedPath(attachmentStore(ledgerPath), att.sha256, att.name);
  if (!found.exists) {
    throw new PocketbookError('ATTACHMENT', tS('missingCopy', { name: att.name }), { location: { file: found.file }, hint: tS('restoreHint') });
  }
  return found.file;
}

/** Remove an attachment record, and its file when nothing else refers to the content. */
export function removeAttachment(db: Db, ledgerPath: string, txId: number, attId: number): { attachment: AttachmentRow; fileRemoved: boolean } {
  const att = requireAttachment(db, txId, attId);
  const remaining = db.transaction(() => deleteAttachment(db, attId, att.sha256))();
  let fileRemoved = false;
  if (remaining === 0) {
    const found = storedPath(attachmentStore(ledgerPath), att.sha256, att.name);
    if (found.exists) {
      fs.rmSync(found.file, { force: true });
      fileRemoved = true;
    }
  }
  return { attachment: att, fileRemoved };
}

/**
 * Copy an entry's attachments (or one) into DIR under their original names; returns the paths
 * written. Folders it creates are 0700 whatever the umask; each file is created new (O_EXCL, 0600),
 * so a name already taken — by a file or by a symbolic link, dangling or not — is never written
 * through: a link is refused, a file gets the next free name (`r-2.pdf`).
 */
export function exportAttachments(db: Db, ledgerPath: string, txId: number, dir: string, attId?: number): string[] {
  const atts = attId !== undefined ? [requireAttachment(db, txId, attId)] : attachmentsOf(db, txId);
  if (atts.length === 0) throw new PocketbookError('ATTACHMENT', tS('noAttachments', { id: txId }));
  const sources = atts.map((a) => ({ att: a, from: attachmentPath(ledgerPath, a) }));
  for (const { att, from } of sources) requireIntact(from, att.sha256, att.name);
  try {
    makeDirs(dir, 0o700);
  } catch (err) {
    throw new PocketbookError('ATTACHMENT', tS('cannotCreateFolder', { why: (err as NodeJS.ErrnoException).code ?? 'error' }), { location: { file: dir } });
  }
  const written: string[] = [];
  for (const { att, from } of sources) {
    const ext = path.extname(att.name);
    const base = path.basename(att.name, ext);
    for (let n = 1; ; n++) {
      const target = path.join(dir, n === 1 ? att.name : `${base}-${n}${ext}`);
      if (writeNew(target, fs.readFileSync(from))) {
        written.push(target);
        break;
      }
    }
  }
  return written;
}

/** Create `file` (0600) holding `data`; false when the name is taken by a file. Refuses a link. */
function writeNew(file: string, data: Buffer): boolean {
  const there = fs.lstatSync(file, { throwIfNoEntry: false });
  if (there?.isSymbolicLink()) {
    throw new PocketbookError('ATTACHMENT', tS('symlink'), { location: { file }, hint: tS('symlinkHint') });
  }
  if (there) return false;
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return writeNew(file, data); // appeared meanwhile: look again
    throw cannotWrite(file, err);
  }
  try {
    fs.writeFileSync(fd, data);
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw cannotWrite(file, err);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function cannotWrite(file: string, err: unknown): PocketbookError {
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  return new PocketbookError('ATTACHMENT', tS('cannotWriteCopy', { why: code === 'ENOSPC' ? tS('diskFull') : code }), { location: { file } });
}

/**
 * Delete stored files no record refers to any more (after entries carrying attachments were
 * deleted, e.g. `import undo --force`). Returns the number of files removed.
 */
export function pruneAttachmentStore(db: Db, ledgerPath: string): number {
  const store = attachmentStore(ledgerPath);
  if (!fs.existsSync(store)) return 0;
  const keep = referencedHashes(db);
  let removed = 0;
  for (const sub of fs.readdirSync(store, { withFileTypes: true })) {
    if (!sub.isDirectory() || !/^[0-9a-f]{2}$/.test(sub.name)) continue;
    for (const f of fs.readdirSync(path.join(store, sub.name))) {
      const sha = storedName(f);
      if (sha && !keep.has(sha)) {
        fs.rmSync(path.join(store, sub.name, f), { force: true });
        removed++;
      }
    }
  }
  return removed;
}
