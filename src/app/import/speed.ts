/**
 * The import's speed mechanisms, each of which can be switched off for measuring (contributors
 * only; see src/ARCHITECTURE.md, Speed design): POCKETBOOK_SPEED=-worker,-bloom … turns off those
 * named. Every mechanism leaves the result the same; only the time changes. This is the one place
 * that reads the variable.
 */
export const SPEED_MECHANISMS = ['worker', 'deferred-indexes', 'shapes'] as const;
export type SpeedMechanism = (typeof SPEED_MECHANISMS)[number];

const off = new Set(
  (process.env.POCKETBOOK_SPEED ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('-'))
    .map((s) => s.slice(1)),
);

/** Whether a speed mechanism is on (all are, unless POCKETBOOK_SPEED names it with a minus). */
export function speedOn(mechanism: SpeedMechanism): boolean {
  return !off.has(mechanism);
}
