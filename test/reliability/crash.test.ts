import { describe, expect, it } from 'vitest';
import { runCrashTrials } from '../../src/bench/crash.js';
import { available } from './helpers.js';

// 30 SIGKILLs at seeded random moments of a 1,500-row import (kept small: ~60 s budget) (300 × 60,000 in `npm run stress`).
describe.skipIf(!available('import'))('crash safety (needs `pocketbook import`)', () => {
  it('SIGKILL mid-import leaves the state before or after the file; re-import completes it', async () => {
    const r = await runCrashTrials({ trials: 30, rows: 1_500, seed: 8 });
    expect(r.failures).toEqual([]);
    expect(r.killedBefore + r.killedAfter).toBe(30);
    // The kills must actually land during imports, not only after them.
    expect(r.trials - r.finishedFirst).toBeGreaterThan(15);
  }, 400_000);
});
