/**
 * The import's hook for hand entries (issue 28): after a file's rows are written, each open hand
 * entry that one of them matches (same account and amount, dates at most 3 days apart; nearest
 * first, one to one) becomes that row, keeping its notes, tags and category. The count goes into
 * the file's summary ("merged with 1 hand entry").
 */
import type { Db } from '../../ledger/open.js';
import { mergeHandEntries } from '../../ledger/hand-entries.js';
import { tEntriesAdd as t } from '../../core/messages/entries-add.js';

export function mergeHandEntriesOnImport(db: Db, batchId: number, now: string, result: { merged?: number }): void {
  result.merged = mergeHandEntries(db, batchId, now);
}

/** The summary's words for it, or nothing when none was merged. */
export function mergedText(merged: number | undefined): string | undefined {
  if (!merged) return undefined;
  return merged === 1 ? t('mergedOne') : t('mergedLine', { n: merged });
}
