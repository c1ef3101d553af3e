/**
 * `pocketbook backup [DIR]`: a timestamped folder (0700) holding a consistent copy of the ledger
 * made with SQLite's online backup (safe while other commands run), a copy of the attachment
 * store and manifest.json (every file with its SHA-256 and size). It is built in a hidden temp
 * folder beside the target and renamed at the end, so a killed backup never looks complete; a
 * ledger copy failing SQLite's integrity_check is refused. Restoring is copying the ledger and
 * attachments/ back beside each other (README).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { ensurePrivateDir, openLedger, schemaVersion } from '../../ledger/open.js';
import { hashFile, staleTemp, storedName } from '../entries/attachment-store.js';
import { attachmentStore } from '../entries/attachments.js';
import { integrityProblem, MANIFEST, type Manifest } from './check.js';
import { tAppSafety as tS } from '../../core/messages/app-safety.js';

export interface BackupResult {
  path: string;
  ledger: string;
  attachments: number;
  bytes: number;
  /** Stored receipts left out because their content no longer hashes to their name. */
  damaged: string[];
}

/** `pocketbook-backup-20261115-093005` from a Date (local time). */
export function backupName(now: Date): string {
  const p = (n: number) => n.toString().padStart(2, '0');
  return `pocketbook-backup-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/**
 * Copy the attachment store's stored files (never temp files) with owner-only permissions, each
 * verified by its hash; damaged ones are left out and named.
 */
function copyStore(from: string, to: string, root: string, files: Manifest['attachments'], damaged: string[]): void {
  ensurePrivateDir(to);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyStore(src, dst, root, files, damaged);
    else if (entry.isFile() && storedName(entry.name)) {
      fs.copyFileSync(src, dst);
      fs.chmodSync(dst, 0o600);
      const sha256 = hashFile(dst);
      if (sha256 === undefined || sha256 !== storedName(entry.name)) {
        fs.rmSync(dst, { force: true });
        damaged.push(src);
        continue;
      }
      files.push({ file: path.relative(root, dst), sha256, size: fs.statSync(dst).size });
    }
  }
}

function fsyncPath(p: string): void {
  try {
    const fd = fs.openSync(p, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every file system fsyncs a folder.
  }
}

export async function backupLedger(ctx: Context, dir: string | undefined, now = new Date()): Promise<BackupResult> {
  if (!fs.existsSync(ctx.ledgerPath)) {
    throw new PocketbookError('NOT_FOUND', tS('nothingToBackUp'), { location: { file: ctx.ledgerPath } });
  }
  const parent = path.resolve(dir ?? path.join(path.dirname(ctx.ledgerPath), 'backups'));
  let target = path.join(parent, backupName(now));
  for (let n = 2; fs.existsSync(target); n++) target = path.join(parent, `${backupName(now)}-${n}`);
  const work = path.join(parent, `.${path.basename(target)}.partial-${process.pid}`);
  try {
    ensurePrivateDir(parent);
    for (const f of fs.readdirSync(parent)) {
      // What a killed backup left (its process is gone): never a backup, so removed.
      if (f.startsWith('.pocketbook-backup-') && staleTemp(f)) fs.rmSync(path.join(parent, f), { recursive: true, force: true });
    }
    ensurePrivateDir(work);
  } catch (err) {
    fs.rmSync(work, { recursive: true, force: true });
    throw new PocketbookError('LEDGER_IO', tS('cannotCreateBackup', { why: writeFailure(err) }), { location: { file: target } });
  }
  try {
    return await fillBackup(ctx, work, target, now);
  } catch (err) {
    fs.rmSync(work, { recursive: true, force: true });
    if (err instanceof PocketbookError) throw err;
    throw new PocketbookError('LEDGER_IO', tS('backupFailed', { why: writeFailure(err) }), { location: { file: target } });
  }
}

/** Why a write failed, in words: a full disk (or a file-size limit) says so. */
function writeFailure(err: unknown): string {
  const code = (err as { code?: string }).code ?? (err as Error).message;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') return tS('diskFull');
  if (code === 'EFBIG') return tS('fileTooLarge');
  if (code.startsWith('SQLITE_IOERR')) return tS('writeFailed', { code });
  return code;
}

async function fillBackup(ctx: Context, work: string, target: string, now: Date): Promise<BackupResult> {
  const name = path.basename(ctx.ledgerPath);
  const ledgerCopy = path.join(work, name);
  const db = openLedger(ctx.ledgerPath);
  let version: number;
  try {
    version = schemaVersion(db);
    await db.backup(ledgerCopy);
  } finally {
    db.close();
  }
  fs.chmodSync(ledgerCopy, 0o600);
  const bad = integrityProblem(ledgerCopy);
  if (bad) {
    throw new PocketbookError('LEDGER_IO', tS('ledgerBad', { problem: bad }), {
      location: { file: ctx.ledgerPath },
      hint: tS('ledgerBadHint'),
    });
  }
  const manifest: Manifest = {
    format: 'pocketbook-backup',
    created_at: now.toISOString(),
    schema_version: version,
    ledger: { file: name, sha256: hashFile(ledgerCopy) ?? '', size: fs.statSync(ledgerCopy).size },
    attachments: [],
  };
  const damaged: string[] = [];
  const store = attachmentStore(ctx.ledgerPath);
  if (fs.existsSync(store)) copyStore(store, path.join(work, 'attachments'), work, manifest.attachments, damaged);
  const manifestFile = path.join(work, MANIFEST);
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  fsyncPath(manifestFile);
  fsyncPath(ledgerCopy);
  fs.renameSync(work, target);
  fsyncPath(path.dirname(target));
  const bytes = manifest.ledger.size + manifest.attachments.reduce((n, a) => n + a.size, 0);
  return { path: target, ledger: path.join(target, name), attachments: manifest.attachments.length, bytes, damaged };
}
