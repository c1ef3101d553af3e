/** Use cases behind `tx attach` and `tx attachment open|export|remove`. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Context } from '../../core/context.js';
import { attachmentsOf, requireAttachment, type AttachmentRow } from '../../ledger/attachments.js';
import { attachFile, attachmentPath, exportAttachments, removeAttachment, type AttachResult } from './attachments.js';
import { nowIso, parseId, withDb } from './notes.js';
import { PocketbookError } from '../../core/errors.js';
import { tAppRules as say } from '../../core/messages/app-rules.js';

export function attachUseCase(ctx: Context, idText: string, file: string): AttachResult {
  const txId = parseId(idText);
  return withDb(ctx, (db) => attachFile(db, ctx.ledgerPath, txId, path.resolve(file), nowIso()));
}

export function removeAttachmentUseCase(ctx: Context, idText: string, attText: string) {
  const txId = parseId(idText);
  const attId = parseId(attText, 'attachment');
  return withDb(ctx, (db) => removeAttachment(db, ctx.ledgerPath, txId, attId));
}

export function exportAttachmentsUseCase(ctx: Context, idText: string, dir: string, attText?: string): string[] {
  const txId = parseId(idText);
  const attId = attText !== undefined ? parseId(attText, 'attachment') : undefined;
  return withDb(ctx, (db) => exportAttachments(db, ctx.ledgerPath, txId, path.resolve(dir), attId));
}

/** Whether a graphical viewer can be started (never in tests, CI or over plain SSH). */
export function canOpenViewer(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CI === 'true' || env.POCKETBOOK_NO_OPEN) return false;
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * The stored file of an entry's attachment (the only one, or ATT_ID), handed to the system viewer
 * without waiting for it when there is a display. Returns the path and whether a viewer was started.
 */
export function openAttachmentUseCase(ctx: Context, idText: string, attText?: string): { attachment: AttachmentRow; path: string; opened: boolean } {
  const txId = parseId(idText);
  const { att, file } = withDb(ctx, (db) => {
    let a: AttachmentRow;
    if (attText !== undefined) a = requireAttachment(db, txId, parseId(attText, 'attachment'));
    else {
      const all = attachmentsOf(db, txId);
      if (all.length === 0) throw new PocketbookError('ATTACHMENT', say('noAttachments', { id: txId }));
      if (all.length > 1) {
        throw new PocketbookError('ATTACHMENT', say('severalAttachments', { id: txId, n: all.length }), { hint: say('nameOne', { list: all.map((x) => `${x.id} (${x.name})`).join(', ') }) });
      }
      a = all[0]!;
    }
    return { att: a, file: attachmentPath(ctx.ledgerPath, a) };
  });
  let opened = false;
  if (canOpenViewer()) {
    const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
    try {
      const child = spawn(cmd, [file], { detached: true, stdio: 'ignore' });
      child.on('error', () => undefined);
      child.unref();
      opened = true;
    } catch {
      opened = false;
    }
  }
  return { attachment: att, path: file, opened };
}
