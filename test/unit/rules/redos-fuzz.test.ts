/**
 * The guard is sound: every pattern it accepts runs `test()` on adversarial subjects of
 * SUBJECT_LIMIT characters quickly. A seeded sample here (the bound is generous: a pattern that
 * slipped through takes seconds to forever); `npm run stress` runs thousands.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE_PATTERNS, runRegexFuzz } from '../../../src/bench/regex-fuzz.js';
import { REPO_ROOT } from '../../../src/bench/proc.js';

const built = existsSync(path.join(REPO_ROOT, 'dist', 'core', 'redos.js'));

describe.skipIf(!built)('regex fuzz (needs the build)', () => {
  it('refuses the hostile patterns and bounds every accepted one', async () => {
    const r = await runRegexFuzz({ cases: 400, seed: 5, budgetMs: 2000, checkMs: 2000 });
    expect(r.failures).toEqual([]);
    expect(r.refused).toBeGreaterThanOrEqual(HOSTILE_PATTERNS.length - 1); // all but the safe a\k<b
    expect(r.accepted).toBeGreaterThan(50);
  }, 120_000);
});
