/**
 * Writing a report or a card to `--output FILE` (whole or not at all: a temporary file beside it,
 * renamed into place) and `--open`: the system's opener (xdg-open, open, start) on that file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PocketbookError } from '../../core/errors.js';
import { tHtml as t } from '../../core/messages/html.js';

export function writeOutputFile(file: string, text: string): string {
  const target = path.resolve(file);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, text, { mode: 0o600 });
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new PocketbookError('LEDGER_IO', t('cannotWrite', { file, reason }));
  }
  return target;
}

/** The opener for this platform and the arguments it takes before the file. */
export function systemOpener(platform: NodeJS.Platform = process.platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""'] };
  return { command: 'xdg-open', args: [] };
}

/** Opens `file` with the system's opener, detached; a missing opener is one clear error. */
export function openWithSystem(file: string): Promise<void> {
  const { command, args } = systemOpener();
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, file], { stdio: 'ignore', detached: true });
    child.once('error', (err) => reject(new PocketbookError('NOT_FOUND', t('cannotOpen', { file, opener: command, reason: (err as NodeJS.ErrnoException).code ?? err.message }))));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
