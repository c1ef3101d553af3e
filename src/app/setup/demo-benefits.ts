/**
 * The demo's card benefits (issue 26): the `benefits` section of examples/household.json, each
 * added as `benefit add` would (same checks), with the entitlement uses it lists recorded as
 * `benefit use` would. Keys are `benefit add`'s flags in snake_case (`min_spend`, `reward_fixed` …).
 * A benefit already in the ledger (a demo run again on the same --ledger) is left as it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../../core/context.js';
import { openLedger } from '../../ledger/open.js';
import { findBenefit } from '../../ledger/benefits.js';
import { type BenefitAddOptions, addBenefitUse, recordBenefitUse } from '../perks/benefits.js';

interface DemoBenefit {
  name: string;
  uses?: string[];
  [flag: string]: string | string[] | undefined;
}

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function exists(ctx: Context, name: string): boolean {
  const db = openLedger(ctx.ledgerPath);
  try {
    return findBenefit(db, name) !== undefined;
  } finally {
    db.close();
  }
}

export function setUpDemoBenefits(ctx: Context, examplesDir: string): void {
  const household = JSON.parse(fs.readFileSync(path.join(examplesDir, 'household.json'), 'utf8')) as { benefits?: DemoBenefit[] };
  for (const b of household.benefits ?? []) {
    if (exists(ctx, b.name)) continue;
    const opts: Record<string, string> = {};
    for (const [key, value] of Object.entries(b)) if (key !== 'name' && key !== 'uses' && typeof value === 'string') opts[camel(key)] = value;
    addBenefitUse(ctx, b.name, opts as BenefitAddOptions);
    for (const date of b.uses ?? []) recordBenefitUse(ctx, b.name, { date });
  }
}
