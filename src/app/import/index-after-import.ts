/**
 * Step 6 of importing a file (import-files.ts), after its COMMIT: bring derived data up to date,
 * each in a transaction of its own. Both are derived data: if either fails the file stays
 * imported, and the user is told.
 *
 * - An ordinary import adds its entries to the search index (updateSearchIndex).
 * - A bulk import builds the ledger's deferred indexes while the search build (on its own thread
 *   when it can: search-build.ts) makes a fresh index file of the committed entries, then puts that
 *   file in place, all in one transaction holding the write lock (ImportTransaction.indexCommitted).
 *   Deferred indexes left unbuilt are built when the ledger is next opened to write; a search index
 *   left behind means searches test the new entries directly until the next import.
 */
import type { Context } from '../../core/context.js';
import type { Db } from '../../ledger/open.js';
import type { ImportTransaction } from '../../ledger/import-transaction.js';
import { INDEX_BUILD_THREADS } from '../../ledger/deferred-indexes.js';
import { syncSearchIndex } from '../../ledger/search.js';
import { detachSearchIndex, publishSearchIndex } from '../../ledger/search-store.js';
import type { SearchBuild } from './search-build.js';
import type { PhaseTimer } from './phase-timer.js';
import { tAppImport as say } from '../../core/messages/app-import.js';

export async function indexAfterImport(
  ctx: Context, tx: ImportTransaction, file: string, search: SearchBuild | undefined, phases: PhaseTimer | undefined,
): Promise<void> {
  if (tx.bulk) await indexAfterBulk(ctx, tx, file, search, phases);
  else {
    updateSearchIndex(ctx, tx.db, file);
    phases?.lap('search index updated');
  }
  if (!tx.flushesPages) return;
  const copied = await tx.finishPageFlush();
  phases?.lap(copied ? `WAL copied into the ledger file alongside (${copied.copied} of ${copied.frames} pages)` : 'WAL left to the next checkpoint');
}

async function indexAfterBulk(ctx: Context, tx: ImportTransaction, file: string, search: SearchBuild | undefined, phases: PhaseTimer | undefined): Promise<void> {
  if (search) detachSearchIndex(tx.db); // the file in place is about to be replaced
  const built = () => phases?.lap(`secondary indexes built${search?.threaded ? ' (the search index alongside)' : ''}`);
  const alongside = search && {
    start: () => search.start(),
    async finish() {
      built();
      try {
        publishSearchIndex(tx.db, await search.result());
      } catch (err) {
        searchIndexFailed(ctx, file, err);
      }
    },
  };
  try {
    await tx.indexCommitted(search?.threaded ? 0 : INDEX_BUILD_THREADS, alongside); // a threaded search build takes the other core
  } catch (err) {
    ctx.io.err(say('indexesFailed', { file, message: (err as Error).message }));
    return;
  }
  if (!search) {
    built();
    updateSearchIndex(ctx, tx.db, file);
  }
  phases?.lap('search index updated');
}

/**
 * Add the new entries to the search index in one bulk pass (migration 3: inserts carry no
 * trigger). The index is derived data with a watermark: until it catches up, searches check the
 * entries above it directly, so they stay exact (only slower). So if this fails, or the process
 * dies first, the file stays imported and the next import brings the index up to date.
 */
function updateSearchIndex(ctx: Context, db: Db, file: string): void {
  try {
    syncSearchIndex(db);
  } catch (err) {
    searchIndexFailed(ctx, file, err);
  }
}

function searchIndexFailed(ctx: Context, file: string, err: unknown): void {
  ctx.io.err(say('searchFailed', { file, message: (err as Error).message }));
}
