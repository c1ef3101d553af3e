/** The entries that may be instalment periods (issue 26 point 7): money out whose description speaks of 期 or instal(l)ment. */
import type { Db } from './open.js';
import type { InstalmentRow } from '../core/rows.js';

export type InstalmentCandidate = InstalmentRow;

/** Candidates in date order, of one account when `accountId` is given; the recognizer (core/instalment.ts) decides. */
export function instalmentCandidates(db: Db, accountId?: number): InstalmentCandidate[] {
  return db
    .prepare(
      `SELECT t.id, t.account_id AS accountId, a.name AS account, t.date, t.amount, t.currency, t.description
       FROM transactions t JOIN accounts a ON a.id = t.account_id
       WHERE t.amount < 0 AND t.kind <> 'transfer' AND (t.description LIKE '%期%' OR t.description LIKE '%instal%')
         AND (? IS NULL OR t.account_id = ?)
       ORDER BY t.date, t.id`,
    )
    .all(accountId ?? null, accountId ?? null) as InstalmentCandidate[];
}
