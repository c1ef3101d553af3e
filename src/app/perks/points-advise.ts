/**
 * `points advise --catalogue FILE`: the rewards of a catalogue ranked by value per point, what the
 * balance buys now, and what the points that lapse first could buy (the local form of a bank's
 * redemption advice).
 */
import fs from 'node:fs';
import type { Context } from '../../core/context.js';
import { PocketbookError, notFound } from '../../core/errors.js';
import { tPoints as t } from '../../core/messages/points.js';
import { type RankedReward, type Reward, bestWithin, parseRewardsCatalogue, rankRewards, rewardJson, valuePerPoint } from '../../reports/perks/points-catalogue.js';
import { openReportLedger } from '../reports/report-common.js';
import { openLedger } from '../../ledger/open.js';
import { savePointValue } from '../../ledger/points.js';
import { type AccountPoints, parseDate, pointsStates } from './points.js';

/** The catalogue file's text, or a one-line error naming it. */
export function readCatalogue(file: string, currency: string): Reward[] {
  let text: string;
  try {
    if (fs.statSync(file).isDirectory()) throw new Error('directory');
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new PocketbookError('NOT_FOUND', t('catalogueUnreadable'), { location: { file } });
  }
  return parseRewardsCatalogue(text, file, currency);
}

export interface Advice {
  asOf: string;
  account: AccountPoints;
  ranked: (RankedReward & { perPoint: string })[];
  /** The `points advise --json` rows. */
  json: Record<string, unknown>[];
  /** The soonest-lapsing points and the best reward they could buy. */
  soonest: { date: string; points: number; buys: Reward | null } | null;
}

/** The account advised on: the one named, else the only points account. */
function pickAccount(states: AccountPoints[], name: string | undefined): AccountPoints {
  if (name !== undefined) {
    const hit = states.find((s) => s.account.toLowerCase() === name.trim().toLowerCase());
    if (!hit) throw notFound(t('noPointsOn', { name }), t('pointsSetupHint'));
    return hit;
  }
  if (states.length === 0) throw notFound(t('noPointsAccounts'), t('pointsSetupHint'));
  if (states.length > 1) throw new PocketbookError('BAD_INPUT', t('whichAccount', { names: states.map((s) => s.account).join(', ') }));
  return states[0]!;
}

export function adviseUse(ctx: Context, o: { catalogue?: string; account?: string; date?: string }): Advice {
  if (o.catalogue === undefined) throw new PocketbookError('BAD_INPUT', t('needsCatalogue'));
  const asOf = parseDate(o.date, ctx.today);
  const db = openReportLedger(ctx);
  let account: AccountPoints;
  try {
    account = pickAccount(pointsStates(db, asOf), o.account);
  } finally {
    db.close();
  }
  const ranked = rankRewards(readCatalogue(o.catalogue, account.currency), account.balance);
  rememberBest(ctx, account.accountId, ranked[0]!);
  const first = account.expiring[0];
  const soonest = first ? { ...first, buys: bestWithin(ranked, Math.min(first.points, account.balance)) ?? null } : null;
  const c = account.currency;
  return { asOf, account, ranked: ranked.map((r) => ({ ...r, perPoint: valuePerPoint(r, c) })), json: ranked.map((r) => rewardJson(r, c)), soonest };
}

/** The best value per point, kept for `cards best` (which values this card's points by it). */
function rememberBest(ctx: Context, accountId: number, best: Reward): void {
  const db = openLedger(ctx.ledgerPath);
  try {
    savePointValue(db, accountId, best, new Date().toISOString());
  } finally {
    db.close();
  }
}
