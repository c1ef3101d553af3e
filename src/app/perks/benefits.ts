/**
 * `benefit add|list|remove|status|use`: card perk thresholds (several conditions), cashback and
 * fixed rewards with yearly caps, balances and entitlements, tracked from the ledger.
 */
import type { Context } from '../../core/context.js';
import { tPerks as t } from '../../core/messages/perks.js';
import { PocketbookError, notFound } from '../../core/errors.js';
import { addDays, isIsoDate } from '../../core/dates.js';
import { tBenefits2 as t2 } from '../../core/messages/benefits2.js';
import type { Db } from '../../ledger/open.js';
import { openLedger } from '../../ledger/open.js';
import { findAccountByName } from '../../ledger/accounts.js';
import { categoryWithChildren } from '../../ledger/categories.js';
import { type BenefitRow, countBenefitUses, deleteBenefit, findBenefit, insertBenefit, insertBenefitUse, listBenefits } from '../../ledger/benefits.js';
import { benefitLines } from '../../ledger/perk-queries.js';
import { balancesAt, dailyEntrySums } from '../../ledger/balances.js';
import { balanceBenefitStatus } from '../../reports/perks/balance.js';
import { type BenefitResult, type BenefitSpec, type Restrictions, benefitJson, benefitStatus, qualify } from '../../reports/perks/benefit.js';
import { type RewardFigures, cappedRewards, paysMoney, periodReward } from '../../reports/perks/benefit-rewards.js';
import { countUseEntries, entitlementStatus } from '../../reports/perks/entitlement.js';
import { type Period, periodContaining, periodsOfYear } from '../../reports/perks/periods.js';
import { openReportLedger } from '../reports/report-common.js';
import { type BenefitAddOptions, buildSpec, describeSpec } from './benefit-spec.js';

export { type BenefitAddOptions, describeSpec, parseRate } from './benefit-spec.js';

const bad = (message: string, hint?: string) => new PocketbookError('BAD_INPUT', message, hint ? { hint } : {});

export function addBenefitUse(ctx: Context, name: string, o: BenefitAddOptions): Record<string, unknown> {
  if (name.trim() === '') throw bad(t('benefitNeedsName'));
  const db = openLedger(ctx.ledgerPath);
  try {
    const account = o.account !== undefined ? findAccountByName(db, o.account) : undefined;
    if (o.account !== undefined && !account) throw notFound(t('noAccount', { name: o.account }), t('seeAccounts'));
    if (findBenefit(db, name)) throw new PocketbookError('CONFLICT', t('benefitExists', { name }), { hint: t('benefitExistsHint') });
    const spec = buildSpec(db, ctx, o, account);
    insertBenefit(db, { name: name.trim(), accountId: account?.id ?? null, specJson: JSON.stringify(spec) }, new Date().toISOString());
    return { name: name.trim(), account: account?.name ?? null, ...describeSpec(spec) };
  } finally {
    db.close();
  }
}

export function listBenefitsUse(ctx: Context): Record<string, unknown>[] {
  const db = openReportLedger(ctx);
  try {
    return listBenefits(db).map((b) => ({ name: b.name, account: b.account, ...describeSpec(JSON.parse(b.specJson) as BenefitSpec) }));
  } finally {
    db.close();
  }
}

export function removeBenefitUse(ctx: Context, name: string): string {
  const db = openReportLedger(ctx);
  try {
    const b = findBenefit(db, name);
    if (!b) throw notFound(t('noBenefit', { name }), t('seeBenefits'));
    deleteBenefit(db, b.id);
    return b.name;
  } finally {
    db.close();
  }
}

/** The spec's category, merchant and channel filters (and the count's smallest purchase). */
function restrictions(db: Db, spec: BenefitSpec): Restrictions {
  const minAmount = (spec.conditions ?? [spec]).find((c) => c.metric === 'count')?.minAmount;
  return {
    ...(spec.category ? { categoryIds: categoryWithChildren(db, spec.category.id) } : {}),
    ...(spec.merchant !== undefined ? { merchant: spec.merchant } : {}),
    ...(spec.channel !== undefined ? { channel: spec.channel } : {}),
    ...(minAmount !== undefined ? { minAmount } : {}),
  };
}

const upTo = (period: Period, today: string) => (today < period.end ? today : period.end);

/** The money reward of this period and of the year so far: one query over the year's periods, figures per period. */
function rewardFigures(db: Db, b: BenefitRow, spec: BenefitSpec, current: Period, today: string, r: Restrictions): RewardFigures {
  const periods = periodsOfYear(spec.period, current, { statementDay: b.statementDay, ...(spec.from ? { from: spec.from } : {}) });
  const lines = benefitLines(db, { accountId: b.accountId, from: periods[0]!.start, to: upTo(current, today), currency: spec.currency });
  const raw = periods.map((p) => periodReward(spec, qualify(lines.filter((l) => l.date >= p.start && l.date <= p.end), r)));
  return cappedRewards(raw, spec.rewardCapYear);
}

/** Every benefit's status on `today`. */
export function benefitResults(db: Db, today: string): BenefitResult[] {
  return listBenefits(db).map((b) => {
    const spec = JSON.parse(b.specJson) as BenefitSpec;
    const period = periodContaining(spec.period, today, { statementDay: b.statementDay, ...(spec.from ? { from: spec.from } : {}) });
    const who = { name: b.name, account: b.account, spec };
    if (spec.metric === 'balance' && b.accountId !== null) {
      // The balance before the period, then the entries' daily sums up to today: one query for the days, none per day.
      const before = balancesAt(db, addDays(period.start, -1)).find((x) => x.accountId === b.accountId && x.currency === spec.currency)?.amount ?? 0;
      const daily = dailyEntrySums(db, b.accountId, spec.currency, period.start, upTo(period, today));
      return balanceBenefitStatus(who, period, { before, daily }, today);
    }
    // Entries up to today only: POCKETBOOK_TODAY (or status --date) re-runs the status as it stood on that day.
    const lines = benefitLines(db, { accountId: b.accountId, from: period.start, to: upTo(period, today), currency: spec.currency });
    const r = restrictions(db, spec);
    if (spec.metric === 'entitlement') {
      const uses = { fromEntries: countUseEntries(lines, r), recorded: countBenefitUses(db, b.id, period.start, upTo(period, today)) };
      return entitlementStatus(who, period, uses, today);
    }
    return benefitStatus(who, period, qualify(lines, r), today, paysMoney(spec) ? rewardFigures(db, b, spec, period, today, r) : undefined);
  });
}

/** `benefit status [--date D]`: every benefit as it stands on D (default today). */
export function benefitStatusUse(ctx: Context, opts: { date?: string } = {}): { results: BenefitResult[]; json: Record<string, unknown>[] } {
  const day = opts.date === undefined ? ctx.today : checkDate(opts.date);
  const db = openReportLedger(ctx);
  try {
    const results = benefitResults(db, day);
    return { results, json: results.map(benefitJson) };
  } finally {
    db.close();
  }
}

/**
 * `benefit use NAME [--date D]`: record one use of an entitlement (one the statements do not
 * show). Refuses unknown names and benefits that are not entitlements; returns the period's uses.
 */
export function recordBenefitUse(ctx: Context, name: string, opts: { date?: string } = {}): Record<string, unknown> {
  const date = opts.date === undefined ? ctx.today : checkDate(opts.date);
  const db = openLedger(ctx.ledgerPath);
  try {
    const b = findBenefit(db, name);
    if (!b) throw notFound(t('noBenefit', { name }), t('seeBenefits'));
    const spec = JSON.parse(b.specJson) as BenefitSpec;
    if (spec.metric !== 'entitlement') throw bad(t2('notEntitlement', { name: b.name }));
    insertBenefitUse(db, b.id, date, new Date().toISOString());
    const r = benefitResults(db, date).find((x) => x.name === b.name)!;
    return { name: b.name, date, period: { start: r.period.start, end: r.period.end }, allowed: r.target, used: r.progress, left: r.remaining };
  } finally {
    db.close();
  }
}

export function checkDate(text: string): string {
  if (!isIsoDate(text)) throw bad(t2('badDate', { text }));
  return text;
}

export type { BenefitResult };
