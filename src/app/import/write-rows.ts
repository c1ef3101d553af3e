/**
 * Step 3 of importing a file (import-files.ts): take the reader's events, in file order, and
 * write their entries inside the file's transaction. Rows read in this thread are given their
 * account (import-accounts.ts), enriched and written one by one; entries the reading thread
 * enriched arrive in batches (read-in-worker.ts) and are only counted and written here.
 */
import type { Context } from '../../core/context.js';
import type { EntryWriter } from '../../ledger/entries.js';
import type { Enricher } from '../../rules/enricher.js';
import type { AccountResolver } from './import-accounts.js';
import type { StatementBalances } from './import-balances.js';
import type { FileResult } from './import-files.js';
import type { Progress } from './progress.js';
import type { ImportEvent, Reading } from './read-in-worker.js';
import { toDraft } from './draft.js';
import { locate } from './import-errors.js';
import { tAppImport as say } from '../../core/messages/app-import.js';

export interface RowTarget {
  file: string;
  batchId: number;
  now: string;
  writer: EntryWriter;
  enricher: Enricher;
  resolver: AccountResolver;
  balances: StatementBalances;
  progress: Progress;
  /** Lines said on stderr once the file is committed. */
  notices: string[];
}

/**
 * Write every entry of `reading` into `to`, counting them in `result` (rows, new, duplicates,
 * skipped, categorized). An error while pocketbook (not the reader) works on a row is located at
 * that row's line.
 */
export async function writeRows(ctx: Context, reading: Reading, to: RowTarget, result: FileResult): Promise<void> {
  const state = { line: undefined as number | undefined, enrichedByReader: 0, warnings: 0 };
  try {
    for await (const event of reading.events) writeEvent(event, reading, to, result, state);
    to.writer.checkReferences();
  } catch (err) {
    throw locate(err, to.file, state.line);
  } finally {
    to.progress.done();
  }
  if (state.warnings > 1) to.notices.push(say(state.warnings === 2 ? 'moreRounded1' : 'moreRoundedN', { file: to.file, n: state.warnings - 1 }));
  if (ctx.debug && state.enrichedByReader > 0) {
    ctx.io.err(`${to.file}: ${state.enrichedByReader} of ${result.rows} rows categorized on the second thread`);
  }
}

function writeEvent(
  event: ImportEvent, reading: Reading, to: RowTarget, result: FileResult, state: { line: number | undefined; enrichedByReader: number; warnings: number },
): void {
  switch (event.type) {
    case 'entries': {
      if (state.enrichedByReader === 0) to.resolver.markAccountOptionUsed();
      const batch = event.entries;
      to.writer.defineShapes(batch);
      for (let i = 0; i < batch.count; i++) {
        state.line = batch.line[i];
        counted(to, result, to.writer.writeFromBatch(batch, i, to.batchId, to.now));
      }
      result.categorized += event.categorized;
      state.enrichedByReader += batch.count;
      break;
    }
    case 'account-needed':
      state.line = event.row.line;
      reading.useAccount(to.resolver.forRow(event.row));
      break;
    case 'row': {
      state.line = event.row.line;
      const account = to.resolver.forRow(event.row);
      to.balances.row(account);
      const draft = toDraft(event.row, account);
      if (to.enricher.enrich(draft)) result.categorized++;
      counted(to, result, to.writer.write(draft, to.batchId, to.now));
      break;
    }
    case 'skip':
      result.skipped++;
      break;
    case 'balance':
      to.balances.balance(event.balance);
      break;
    case 'statement':
      to.balances.statement();
      to.resolver.statement(event.account);
      break;
    case 'warning':
      state.warnings++;
      if (state.warnings === 1) to.notices.push(`${to.file}:${event.line}: ${event.message}`);
      break;
  }
  state.line = undefined;
}

function counted(to: RowTarget, result: FileResult, inserted: boolean): void {
  result.rows++;
  if (inserted) result.new++;
  else result.duplicates++;
  if ((result.rows & 0x3fff) === 0) to.progress.rows(result.rows);
}
