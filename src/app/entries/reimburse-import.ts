/**
 * The import's part in reimbursements (报销): the income entries a file brought are matched against
 * the outstanding expenses (reimburse-match.ts), inside the import's transaction; the file's
 * summary says what was linked and what was unclear.
 */
import type { Db } from '../../ledger/open.js';
import type { InsertedRows } from '../../ledger/report-cache.js';
import { anyReimbursement } from '../../ledger/reimbursements.js';
import { tReimburse as t } from '../../core/messages/reimburse.js';
import type { MatchResult } from './reimburse-match.js';
import { settleMatches } from './reimburse.js';

/** The matches an import made (absent from its summary when none). */
export type ImportReimbursed = MatchResult;

export function matchReimbursementsOnImport(db: Db, inserted: InsertedRows | undefined, now: string): ImportReimbursed | undefined {
  if (!inserted || !anyReimbursement(db)) return undefined;
  const result = settleMatches(db, now, { first: inserted.first, last: inserted.last });
  return result.links.length > 0 || result.unclear.length > 0 ? result : undefined;
}

/** The summary's lines for them. */
export function reimbursedLines(r: ImportReimbursed | undefined): string[] {
  if (!r) return [];
  return [
    ...r.links.map((l) => t('importMatched', { payment: l.payment, ids: l.expenses.join(', ') })),
    ...r.unclear.map((u) => t('unclear', { id: u.expense, candidates: u.candidates.join(', '), first: u.candidates[0]! })),
  ];
}
