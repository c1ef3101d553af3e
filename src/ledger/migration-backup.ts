/**
 * The copy of a ledger taken before its schema is upgraded: `ledger.db.vN-<time>.bak` beside it,
 * 0600. It is written under a `.partial-<pid>` name, synced and renamed: a backup with its final
 * name is complete. One per ledger: once a new one is in place, the ledger's earlier ones (a
 * failed attempt's, an older upgrade's) and partial copies of killed attempts are removed, so
 * retrying a failing upgrade never fills the disk. When the copy cannot be written (a full disk),
 * its partial file is removed and the upgrade stops before touching the ledger.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { PocketbookError } from '../core/errors.js';
import { tErrorsLedger as tL } from '../core/messages/errors-ledger.js';

const OWN = /^\.v\d+-\d{4}-\d\d-\d\dT[\d-]+Z\.bak(\.partial-(\d+))?$/;

export function backupBeforeMigrating(db: Database, file: string, version: number): string {
  const backup = `${file}.v${version}-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
  const partial = `${backup}.partial-${process.pid}`;
  db.pragma('wal_checkpoint(TRUNCATE)');
  try {
    fs.copyFileSync(file, partial);
    fs.chmodSync(partial, 0o600);
    const fd = fs.openSync(partial, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, backup);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' || code === 'EDQUOT' ? tL('diskFull') : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? tL('readOnly') : (code ?? (err as Error).message);
    throw new PocketbookError('LEDGER_IO', tL('backupFailed', { backup: path.basename(backup), why }), {
      location: { file },
      hint: code === 'ENOSPC' ? tL('freeSpace') : undefined,
    });
  }
  removeEarlierBackups(file, backup);
  return backup;
}

function removeEarlierBackups(file: string, keep: string): void {
  const dir = path.dirname(file);
  const base = path.basename(file);
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(base) || path.join(dir, name) === keep) continue;
    const own = OWN.exec(name.slice(base.length));
    if (!own || (own[2] && running(Number(own[2])))) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Whether a process with this id exists (a partial copy of a running upgrade is left alone). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
