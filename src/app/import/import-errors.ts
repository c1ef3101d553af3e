/**
 * Errors while importing a file, as the one line a user sees: located in the file, and at the
 * line being worked on when the error itself does not say. Shared by the importing thread and the
 * reading thread (which locates errors of the rows it enriches before they cross over).
 */
import { PocketbookError, isPocketbookError } from '../../core/errors.js';
import { tAppImport as say } from '../../core/messages/app-import.js';

/** A reader's error, located in the file (and the line, when the reader did not say). */
export function locate(err: unknown, file: string, line: number | undefined): PocketbookError {
  if (isPocketbookError(err)) {
    if (err.location?.file) return err;
    const loc = err.location?.line !== undefined ? { file } : { file, ...(line !== undefined ? { line } : {}) };
    return err.at(loc);
  }
  const message = err instanceof Error ? err.message : String(err);
  if (/database is locked|SQLITE_BUSY/.test(message)) {
    return new PocketbookError('LEDGER_BUSY', say('busy'), { location: { file } });
  }
  return new PocketbookError('BAD_INPUT', say('notImported', { message }), { location: { file, ...(line !== undefined ? { line: line } : {}) } });
}
