/**
 * Linking across accounts after an import: transfer pairs (card repayment, own-account
 * transfers, wallet top-ups) and mirrored wallet/card payments. (Being written.)
 */
import type { Db } from '../ledger/open.js';

export interface LinkResult {
  transfers: number;
  mirrors: number;
}

/** Match entries of the given batches against the rest of the ledger. Runs inside the import transaction. */
export function linkAfterImport(db: Db, batchIds: readonly number[]): LinkResult {
  void db;
  void batchIds;
  return { transfers: 0, mirrors: 0 };
}
