/**
 * The demo's card points: the household's credit card earns one point per 20 yuan (dining twice
 * that), points lapse 12 months after the month earned, the bank showed 8,600 points on 2026-08-31,
 * and the example rewards catalogue values them (`points advise`), so `points status`,
 * `points advise --catalogue examples/rewards.yaml` and `cards best` show something.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../../core/context.js';
import { openLedger } from '../../ledger/open.js';
import { listAccounts } from '../../ledger/accounts.js';
import { listPointsRules } from '../../ledger/points.js';
import { addPointsRule, setPointsUse } from '../perks/points.js';
import { adviseUse } from '../perks/points-advise.js';

export const DEMO_REWARDS = 'rewards.yaml';

export function setUpDemoPoints(ctx: Context, examplesDir: string): void {
  const db = openLedger(ctx.ledgerPath);
  let card: string | undefined;
  try {
    const credit = listAccounts(db).find((a) => a.type === 'credit');
    if (credit && listPointsRules(db, credit.id).length === 0) card = credit.name;
  } finally {
    db.close();
  }
  if (card === undefined) return;
  addPointsRule(ctx, { account: card, per: '20', expireMonths: '12' });
  addPointsRule(ctx, { account: card, per: '20', category: '餐饮', times: '2', expireMonths: '12' });
  setPointsUse(ctx, { account: card, balance: '8600', date: '2026-08-31' });
  const rewards = path.join(examplesDir, DEMO_REWARDS);
  if (fs.existsSync(rewards)) adviseUse(ctx, { catalogue: rewards, account: card, date: '2026-10-31' });
}
