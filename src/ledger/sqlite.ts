/** What every connection this program opens shares. */
import { createRequire } from 'node:module';
import type { Database } from 'better-sqlite3';

/**
 * better-sqlite3 finds its compiled addon through the `bindings` package, which probes a dozen
 * paths and parses a stack trace: a few ms of every command's start-up. Its usual place is
 * looked up once instead; when it is elsewhere, the default search still runs.
 */
let addon: string | null | undefined;
export function sqliteBinding(): { nativeBinding?: string } {
  if (addon === undefined) {
    try {
      addon = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
    } catch {
      addon = null;
    }
  }
  return addon ? { nativeBinding: addon } : {};
}

/**
 * Run `step` (a statement that takes a lock) without waiting for another connection: the busy
 * timeout is 0 meanwhile. false when the lock was taken elsewhere (SQLITE_BUSY), true when done.
 */
export function unlessBusy(db: Database, step: () => void): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    step();
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw err;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
