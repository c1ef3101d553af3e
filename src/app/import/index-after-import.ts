/**
 * Step 6 of importing a file (import-files.ts), after its COMMIT: bring derived data up to date,
 * each in a transaction of its own. Both are derived data: if either fails the file stays
 * imported, and the user is told.
 *
 * - A bulk import first builds the ledger's deferred indexes (ImportTransaction.buildDeferredIndexes);
 *   left unbuilt, they are built when the ledger is next opened to write.
 * - Every import then adds its entries to the search index (updateSearchIndex).
 */
import type { Context } from '../../core/context.js';
import type { Db } from '../../ledger/open.js';
import type { ImportTransaction } from '../../ledger/import-transaction.js';
import { syncSearchIndex } from '../../ledger/search.js';
import type { PhaseTimer } from './phase-timer.js';

export function indexAfterImport(ctx: Context, tx: ImportTransaction, file: string, phases: PhaseTimer | undefined): void {
  if (tx.bulk) {
    try {
      tx.buildDeferredIndexes();
      phases?.lap('secondary indexes built');
    } catch (err) {
      ctx.io.err(
        `pocketbook: ${file}: imported, but its indexes could not be built (${(err as Error).message}); ` +
          'every command still answers correctly, and the next one that writes builds them',
      );
    }
  }
  updateSearchIndex(ctx, tx.db, file);
  phases?.lap('search index updated');
}

/**
 * Add the new entries to the search index in one bulk pass (migration 3: inserts carry no
 * trigger). The index is derived data with a watermark: until it catches up, searches check the
 * entries above it directly, so they stay exact (only slower). So if this fails, or the process
 * dies first, the file stays imported and the next import brings the index up to date; the user
 * is told, and the import still succeeds.
 */
function updateSearchIndex(ctx: Context, db: Db, file: string): void {
  try {
    syncSearchIndex(db);
  } catch (err) {
    ctx.io.err(
      `pocketbook: ${file}: imported, but the search index could not take the new entries (${(err as Error).message}); ` +
        'searches still find them, only more slowly, until the next import indexes them',
    );
  }
}
