/**
 * Folders and files pocketbook makes for itself (0700 and 0600 whatever the umask), and the error
 * for a ledger that is not there. No SQLite here: the CLI's start-up loads this module.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PocketbookError } from '../core/errors.js';
import { tErrorsLedger as tL } from '../core/messages/errors-ledger.js';

/**
 * Make a folder and its missing parents, each 0700 whatever the umask. Only folders made here are
 * chmodded: an existing one (/tmp, a read-only folder, a USB stick) keeps its mode.
 */
export function ensurePrivateDir(dir: string): void {
  for (const made of makeDirs(dir, 0o700)) fs.chmodSync(made, 0o700);
}

/**
 * `mkdir -p`, one level at a time; returns the folders it made, outermost first. Node's own
 * recursive mkdir loops forever where a folder's parent exists but the folder cannot be made in it
 * for want of the parent (under /proc, it retries the pair without end); one level at a time,
 * that error reaches the caller.
 */
export function makeDirs(dir: string, mode?: number): string[] {
  if (fs.existsSync(dir)) return [];
  const parent = path.dirname(dir);
  const made = parent !== dir ? makeDirs(parent, mode) : [];
  try {
    fs.mkdirSync(dir, mode === undefined ? {} : { mode });
    made.push(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return made;
}

/**
 * Create a file readable by its owner only (0600 whatever the umask); true when it was made here.
 * An existing file is left as it is: its mode is its owner's choice, and it may not be ours.
 */
export function ensurePrivateFile(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  fs.closeSync(fd);
  fs.chmodSync(file, 0o600);
  return true;
}

/** The error for a ledger file that is not there (a read, or a write that must not create it). */
export function noLedger(file: string): PocketbookError {
  return new PocketbookError('NOT_FOUND', tL('noLedgerAt', { file }), { hint: tL('noLedgerHint') });
}
