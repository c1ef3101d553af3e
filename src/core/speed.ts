/**
 * The import's speed mechanisms, each of which can be switched off for measuring — contributors
 * only (src/ARCHITECTURE.md, "Speed design"): `POCKETBOOK_SPEED=-worker,-bloom …` turns off those
 * named. Every mechanism leaves the ledger the same; only the time changes. This is the one
 * place that reads the variable; an unknown name is ignored with no effect (never a user setting).
 */
export const SPEED_MECHANISMS = [
  /** Parse and categorize a big CSV file on a second thread. */
  'worker',
  /** Split plain CSV lines without csv-parse. */
  'fast-split',
  /** A Bloom filter spares a file's first keys their occurrence look-up. */
  'bloom',
  /** A bulk import drops its secondary indexes and builds them once after COMMIT. */
  'deferred-indexes',
  /** A helper thread writes the WAL out during a bulk import and copies it into the ledger after. */
  'page-flusher',
  /** A bulk import's search index is built on a second thread beside the index build. */
  'search-thread',
] as const;

export type SpeedMechanism = (typeof SPEED_MECHANISMS)[number];

let off: Set<string> | undefined;

/** Whether a speed mechanism is on (all are, unless POCKETBOOK_SPEED names it with a minus). */
export function speedOn(mechanism: SpeedMechanism): boolean {
  off ??= new Set(
    (process.env.POCKETBOOK_SPEED ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.startsWith('-'))
      .map((s) => s.slice(1)),
  );
  return !off.has(mechanism);
}
