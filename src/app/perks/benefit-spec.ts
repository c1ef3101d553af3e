/**
 * `benefit add`'s flags → the stored BenefitSpec, and a spec back in words for `benefit list`.
 *
 * Kinds: a threshold (any mix of --min-spend and --min-count [--min-amount], all must hold;
 * optionally --reward-fixed), cashback (--cashback --cap), a balance (--min-balance) or an
 * entitlement (--entitlement N). Either money reward may be capped per year (--reward-cap-year).
 * Combinations that make no sense are refused with the two flags named.
 */
import type { Context } from '../../core/context.js';
import { checkSearchText } from '../../core/options.js';
import { tPerks as t } from '../../core/messages/perks.js';
import { tBenefits2 as t2 } from '../../core/messages/benefits2.js';
import { PocketbookError, notFound, usageError } from '../../core/errors.js';
import { isIsoDate } from '../../core/dates.js';
import { formatMinor, parseUserAmount } from '../../core/money.js';
import type { Db } from '../../ledger/open.js';
import { categoryPath, findCategory } from '../../ledger/categories.js';
import { BALANCE_BASES, type BalanceBasis } from '../../reports/perks/balance.js';
import type { BenefitSpec } from '../../reports/perks/benefit.js';
import type { ConditionSpec } from '../../reports/perks/benefit-conditions.js';
import { PERIOD_KINDS, type PeriodKind } from '../../reports/perks/periods.js';

export interface BenefitAddOptions {
  account?: string;
  period?: string;
  from?: string;
  minSpend?: string;
  minCount?: string;
  minAmount?: string;
  cashback?: string;
  cap?: string;
  category?: string;
  merchant?: string;
  channel?: string;
  reward?: string;
  minBalance?: string;
  balanceBasis?: string;
  rewardFixed?: string;
  rewardCapYear?: string;
  entitlement?: string;
}

type Flag = keyof BenefitAddOptions;

const bad = (message: string, hint?: string) => new PocketbookError('BAD_INPUT', message, hint ? { hint } : {});
const flagName = (k: Flag) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** "5%", "1.5%", "0.25" (%) → hundredths of a percent. */
export function parseRate(text: string): number {
  const m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  const bp = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : NaN;
  if (!m || bp <= 0 || bp > 10_000) throw bad(t('notARate', { text }), t('rateHint'));
  return bp;
}

/** Refuse `flag` together with any of `others` that is given, naming both (a usage error, exit 2, as "give exactly one of" was). */
function refuseWith(o: BenefitAddOptions, flag: Flag, others: readonly Flag[]): void {
  const other = others.find((k) => o[k] !== undefined);
  if (other) throw usageError(t2('notCombined', { flag: flagName(other), other: flagName(flag) }));
}

function wholeCount(text: string, error: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw bad(error);
  return Number(text);
}

function parsePeriod(o: BenefitAddOptions, account: { statementDay: number | null } | undefined): PeriodKind {
  const period = (o.period ?? (o.from !== undefined ? 'anniversary' : 'year')) as PeriodKind;
  if (!PERIOD_KINDS.includes(period)) throw bad(t('periodOneOf', { text: o.period ?? '', values: PERIOD_KINDS.join(', ') }));
  if (period === 'anniversary' && (o.from === undefined || !isIsoDate(o.from))) throw bad(t('anniversaryNeedsFrom'));
  if (o.from !== undefined && period !== 'anniversary') throw bad(t('fromOnlyAnniversary'));
  if (period === 'cycle' && (!account || account.statementDay === null)) throw bad(t('cycleNeedsAccount'), t('cycleHint'));
  return period;
}

export function buildSpec(db: Db, ctx: Context, o: BenefitAddOptions, account: { currency: string; statementDay: number | null } | undefined): BenefitSpec {
  const currency = account?.currency ?? ctx.settings.currency;
  const period = parsePeriod(o, account);
  const positive = (text: string, flag: string) => {
    const v = parseUserAmount(text, currency);
    if (v <= 0) throw bad(t('mustBePositive', { flag, text }));
    return v;
  };
  if (o.minBalance !== undefined) {
    refuseWith(o, 'minBalance', ['minSpend', 'minCount', 'cashback', 'cap', 'entitlement', 'rewardFixed', 'rewardCapYear']);
    return balanceSpec(o, o.minBalance, period, currency, account);
  }
  if (o.balanceBasis !== undefined) throw bad(t('basisOnlyBalance'));
  const base: BenefitSpec = { period, currency, metric: 'spend', ...(o.from !== undefined ? { from: o.from } : {}) };
  const spec = o.entitlement !== undefined ? entitlementSpec(o, base)
    : o.cashback !== undefined ? cashbackSpec(o, base, positive)
      : thresholdSpec(o, base, positive);
  if (o.rewardCapYear !== undefined) spec.rewardCapYear = positive(o.rewardCapYear, '--reward-cap-year');
  addRestrictions(db, o, spec);
  return spec;
}

function entitlementSpec(o: BenefitAddOptions, base: BenefitSpec): BenefitSpec {
  refuseWith(o, 'entitlement', ['minSpend', 'minCount', 'minAmount', 'cashback', 'cap', 'rewardFixed', 'rewardCapYear']);
  return { ...base, metric: 'entitlement', allowed: wholeCount(o.entitlement ?? '', t2('entitlementNotWhole', { text: o.entitlement ?? '' })) };
}

function cashbackSpec(o: BenefitAddOptions, base: BenefitSpec, positive: (text: string, flag: string) => number): BenefitSpec {
  refuseWith(o, 'cashback', ['minSpend', 'minCount', 'minAmount', 'rewardFixed']);
  const rateBp = parseRate(o.cashback ?? '');
  if (o.cap === undefined) throw bad(t('cashbackNeedsCap'));
  return { ...base, metric: 'cashback', rateBp, cap: positive(o.cap, '--cap') };
}

function thresholdSpec(o: BenefitAddOptions, base: BenefitSpec, positive: (text: string, flag: string) => number): BenefitSpec {
  if (o.minSpend === undefined && o.minCount === undefined) throw usageError(t2('needKind'));
  if (o.cap !== undefined) throw bad(t('capOnlyCashback'));
  if (o.rewardCapYear !== undefined && o.rewardFixed === undefined) throw bad(t2('capYearNeedsReward'));
  if (o.minAmount !== undefined && o.minCount === undefined) throw bad(t('minAmountOnlyCount'));
  const conditions: ConditionSpec[] = [];
  if (o.minSpend !== undefined) conditions.push({ metric: 'spend', target: positive(o.minSpend, '--min-spend') });
  if (o.minCount !== undefined) {
    const target = wholeCount(o.minCount, t('countNotWhole', { text: o.minCount }));
    conditions.push({ metric: 'count', target, ...(o.minAmount !== undefined ? { minAmount: positive(o.minAmount, '--min-amount') } : {}) });
  }
  const first = conditions[0]!;
  // metric/target/minAmount keep the first condition, as benefits stored before issue 26 read.
  const spec: BenefitSpec = { ...base, ...first, ...(conditions.length > 1 ? { conditions } : {}) };
  if (o.rewardFixed !== undefined) spec.rewardFixed = positive(o.rewardFixed, '--reward-fixed');
  return spec;
}

function addRestrictions(db: Db, o: BenefitAddOptions, spec: BenefitSpec): void {
  if (o.category !== undefined) {
    const c = findCategory(db, o.category);
    if (!c) throw notFound(t('noCategory', { name: o.category }), t('seeCategories'));
    spec.category = { id: c.id, name: categoryPath(db, c.id, 'en') };
  }
  if (o.merchant !== undefined) spec.merchant = checkSearchText(o.merchant, '--merchant');
  if (o.channel !== undefined) spec.channel = o.channel.toLowerCase();
  if (o.reward !== undefined) spec.reward = o.reward;
}

/** `--min-balance X [--balance-basis average|end]`: a balance kept on one account, in its currency. */
function balanceSpec(o: BenefitAddOptions, minBalance: string, period: PeriodKind, currency: string, account: unknown): BenefitSpec {
  if (!account) throw bad(t('balanceNeedsAccount'));
  const basis = (o.balanceBasis ?? 'average') as BalanceBasis;
  if (!BALANCE_BASES.includes(basis)) throw bad(t('basisOneOf', { text: o.balanceBasis ?? '', values: BALANCE_BASES.join(', ') }));
  const extra = (['minAmount', 'category', 'merchant', 'channel'] as const).find((k) => o[k] !== undefined);
  if (extra) throw bad(t('notWithBalance', { flag: `--${extra === 'minAmount' ? 'min-amount' : extra}` }));
  const target = parseUserAmount(minBalance, currency);
  if (target <= 0) throw bad(t('mustBePositive', { flag: '--min-balance', text: minBalance }));
  return { period, currency, metric: 'balance', target, basis, ...(o.from !== undefined ? { from: o.from } : {}), ...(o.reward !== undefined ? { reward: o.reward } : {}) };
}

/** One condition in words. */
function conditionRule(c: { metric: string; target?: number; minAmount?: number }, money: (x: number | undefined) => string): string {
  if (c.metric === 'spend') return t('ruleSpend', { amount: money(c.target) });
  return c.minAmount ? t('ruleCountMin', { n: c.target ?? 0, amount: money(c.minAmount) }) : t('ruleCount', { n: c.target ?? 0 });
}

/** A spec in words, for `benefit list`. */
export function describeSpec(s: BenefitSpec): { period: string; rule: string; reward: string | null } {
  const money = (x: number | undefined) => formatMinor(x ?? 0, s.currency);
  const rule =
    s.metric === 'balance' ? t(s.basis === 'end' ? 'ruleBalanceEnd' : 'ruleBalanceAverage', { amount: money(s.target) })
      : s.metric === 'cashback' ? t('ruleCashback', { rate: ((s.rateBp ?? 0) / 100).toString(), cap: money(s.cap) })
        : s.metric === 'entitlement' ? t2('ruleEntitlement', { n: s.allowed ?? 0 })
          : (s.conditions ?? [s]).map((c) => conditionRule(c, money)).reduce((a, b) => t2('ruleBoth', { a, b }));
  const where = [
    s.category ? t('whereCategory', { name: s.category.name }) : '', s.merchant ? t('whereMerchant', { name: s.merchant }) : '', s.channel ? t('whereChannel', { name: s.channel }) : '',
  ].filter(Boolean);
  const fixed = s.rewardFixed !== undefined ? t2('rewardFixed', { amount: money(s.rewardFixed) }) : undefined;
  const rewards = [fixed, s.reward].filter((x): x is string => x !== undefined).join(' · ');
  const reward = s.rewardCapYear !== undefined ? t2('rewardCapYear', { reward: rewards || t('ruleCashback', { rate: ((s.rateBp ?? 0) / 100).toString(), cap: money(s.cap) }), cap: money(s.rewardCapYear) }) : rewards;
  // `period` keeps its enum value (month, quarter, year, cycle); only the anniversary is described.
  return { period: s.period === 'anniversary' ? t('yearFrom', { date: s.from ?? '' }) : s.period, rule: where.length ? t('ruleWhere', { rule, where: where.join(', ') }) : rule, reward: reward || null };
}
