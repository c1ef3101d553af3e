/**
 * `pocketbook backup [DIR]`: a timestamped folder (0700) holding a consistent copy of the ledger
 * made with SQLite's online backup (safe while other commands run) and a copy of the attachment
 * store. Restoring is copying both back beside each other (README).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../core/context.js';
import { PocketbookError } from '../core/errors.js';
import { ensurePrivateDir, openLedger } from '../ledger/open.js';
import { attachmentStore } from './attachments.js';

export interface BackupResult {
  path: string;
  ledger: string;
  attachments: number;
  bytes: number;
}

/** `pocketbook-backup-20261115-093005` from a Date (local time). */
export function backupName(now: Date): string {
  const p = (n: number) => n.toString().padStart(2, '0');
  return `pocketbook-backup-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/** Copy a folder tree with owner-only permissions; returns [files, bytes]. */
function copyPrivateTree(from: string, to: string): [number, number] {
  ensurePrivateDir(to);
  let files = 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      const [f, b] = copyPrivateTree(src, dst);
      files += f;
      bytes += b;
    } else if (entry.isFile() && !entry.name.includes('.tmp-')) {
      fs.copyFileSync(src, dst);
      fs.chmodSync(dst, 0o600);
      files++;
      bytes += fs.statSync(dst).size;
    }
  }
  return [files, bytes];
}

export async function backupLedger(ctx: Context, dir: string | undefined, now = new Date()): Promise<BackupResult> {
  if (!fs.existsSync(ctx.ledgerPath)) {
    throw new PocketbookError('NOT_FOUND', 'no ledger here yet, nothing to back up', { location: { file: ctx.ledgerPath } });
  }
  const parent = path.resolve(dir ?? path.join(path.dirname(ctx.ledgerPath), 'backups'));
  let target = path.join(parent, backupName(now));
  for (let n = 2; fs.existsSync(target); n++) target = path.join(parent, `${backupName(now)}-${n}`);
  try {
    ensurePrivateDir(parent);
    ensurePrivateDir(target);
  } catch (err) {
    throw new PocketbookError('LEDGER_IO', `cannot create the backup folder (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { location: { file: target } });
  }
  const ledgerCopy = path.join(target, path.basename(ctx.ledgerPath));
  const db = openLedger(ctx.ledgerPath);
  try {
    await db.backup(ledgerCopy);
  } finally {
    db.close();
  }
  fs.chmodSync(ledgerCopy, 0o600);
  let bytes = fs.statSync(ledgerCopy).size;
  let attachments = 0;
  const store = attachmentStore(ctx.ledgerPath);
  if (fs.existsSync(store)) {
    const [f, b] = copyPrivateTree(store, path.join(target, 'attachments'));
    attachments = f;
    bytes += b;
  }
  return { path: target, ledger: ledgerCopy, attachments, bytes };
}
