/** `import list` and `import undo`. */
import type { Context } from '../../core/context.js';
import { PocketbookError, notFound } from '../../core/errors.js';
import { batchUserData, deleteBatch, findBatch, listBatches } from '../../ledger/batches.js';
import { withLedger } from '../accounts/accounts.js';
import { pruneAttachmentStore } from '../entries/attachments.js';
import { countOf, tImport as t } from '../../core/messages/cli-import.js';

export interface BatchView {
  id: number;
  file: string;
  sha256: string;
  account: string | null;
  format: string;
  profile: string | null;
  rows: number;
  new: number;
  duplicates: number;
  skipped: number;
  entries: number;
  imported_at: string;
}

export function listBatchViews(ctx: Context): BatchView[] {
  return withLedger(ctx, (db) =>
    listBatches(db).map((b) => ({
      id: b.id, file: b.file, sha256: b.sha256, account: b.account, format: b.format, profile: b.profile,
      rows: b.rows, new: b.new, duplicates: b.duplicates, skipped: b.skipped, entries: b.entries, imported_at: b.importedAt,
    })),
  );
}

export interface UndoResult {
  id: number;
  file: string;
  removed: number;
  /** Entries typed by hand that the batch's rows had been merged into: they stay, as hand entries again. */
  hand_entries: number;
  /** Hand-made data that went with the entries (only with --force). */
  lost: { notes: number; attachments: number; tags: number; splits: number };
}


export function undoBatch(ctx: Context, idText: string, force: boolean): UndoResult {
  if (!/^\d+$/.test(idText)) throw new PocketbookError('USAGE', t('notBatchId', { id: idText }), { hint: t('seeImportList'), exitCode: 2 });
  const id = Number(idText);
  return withLedger(ctx, (db) => {
    const batch = findBatch(db, id);
    if (!batch) throw notFound(t('noBatch', { id }), t('seeImportList'));
    const lost = batchUserData(db, id);
    if ((lost.notes > 0 || lost.attachments > 0) && !force) {
      const what = [lost.notes ? countOf(lost.notes, 'note1', 'noteN') : '', lost.attachments ? countOf(lost.attachments, 'attachment1', 'attachmentN') : ''].filter(Boolean).join(t('and'));
      throw new PocketbookError('CONFLICT', t('batchHasData', { id, file: batch.file, what }), {
        hint: t('undoForce'),
      });
    }
    const { removed, handEntries } = deleteBatch(db, id);
    // Receipts that belonged only to the removed entries leave the store too.
    if (lost.attachments > 0) pruneAttachmentStore(db, ctx.ledgerPath);
    return { id, file: batch.file, removed, hand_entries: handEntries, lost };
  });
}

export function describeLost(lost: UndoResult['lost']): string | undefined {
  const parts = [
    lost.notes ? countOf(lost.notes, 'note1', 'noteN') : '',
    lost.attachments ? countOf(lost.attachments, 'attachment1', 'attachmentN') : '',
    lost.tags ? countOf(lost.tags, 'tag1', 'tagN') : '',
    lost.splits ? countOf(lost.splits, 'split1', 'splitN') : '',
  ].filter(Boolean);
  return parts.length ? parts.join(t('listSep')) : undefined;
}
