/** What every connection this program opens shares. */
import { createRequire } from 'node:module';

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
