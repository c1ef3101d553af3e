/** The one way a use case borrows the ledger: open it to write, run, close. */
import type { Context } from '../core/context.js';
import { type Db, openLedger } from '../ledger/open.js';

/** Open the ledger read-write, run `fn`, close — keeping `fn`'s error over one from close(). */
export function withLedger<T>(ctx: Context, fn: (db: Db) => T): T {
  const db = openLedger(ctx.ledgerPath);
  let failed = true;
  try {
    const result = fn(db);
    failed = false;
    return result;
  } finally {
    // A query still being read when `fn` threw makes close() throw too: keep the first error.
    try {
      db.close();
    } catch (err) {
      if (!failed) throw err;
    }
  }
}
