/**
 * A second import waits for the first instead of failing as busy: the whole file is atomic (its
 * transaction is rolled back on SQLITE_BUSY), so it is simply tried again, for up to
 * IMPORT_WAIT_MS, with one line on stderr saying so. Once the first import is done, the second
 * finds its rows already there and reports them as duplicates.
 */
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { tAppImport as say } from '../../core/messages/app-import.js';

/** How long an import waits for another command writing the ledger (README "Importing"). */
export const IMPORT_WAIT_MS = 10 * 60_000;

/** Thrown by a file's import when it met a busy ledger before COMMIT (nothing written): try again. */
export class BusyRetry extends Error {}

export function isBusy(err: unknown): boolean {
  if (err instanceof PocketbookError) return err.code === 'LEDGER_BUSY';
  return /database is locked|SQLITE_BUSY/.test(err instanceof Error ? err.message : String(err));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Run `attempt` again while it finds the ledger busy, until `until` (epoch ms). */
export async function whileBusy<T>(ctx: Context, until: number, attempt: () => Promise<T> | T): Promise<T> {
  let said = false;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof BusyRetry || isBusy(err)) || Date.now() >= until) throw err;
      if (!said) ctx.io.err(say('waiting'));
      said = true;
      await sleep(200);
    }
  }
}
