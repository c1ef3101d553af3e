/**
 * `benefit add|list|remove|status`: card perk thresholds and cashback caps, tracked from the ledger.
 */
import type { Context } from '../../core/context.js';
import { checkSearchText } from '../../core/options.js';
import { tPerks as t } from '../../core/messages/perks.js';
import { PocketbookError, notFound, usageError } from '../../core/errors.js';
import { addDays, isIsoDate } from '../../core/dates.js';
import { formatMinor, parseUserAmount } from '../../core/money.js';
import type { Db } from '../../ledger/open.js';
import { openLedger } from '../../ledger/open.js';
import { findAccountByName } from '../../ledger/accounts.js';
import { categoryPath, categoryWithChildren, findCategory } from '../../ledger/categories.js';
import { deleteBenefit, findBenefit, insertBenefit, listBenefits } from '../../ledger/benefits.js';
import { benefitLines } from '../../ledger/perk-queries.js';
import { balancesAt, dailyEntrySums } from '../../ledger/balances.js';
import { BALANCE_BASES, type BalanceBasis, balanceBenefitStatus } from '../../reports/perks/balance.js';
import { type BenefitResult, type BenefitSpec, benefitJson, benefitStatus, qualify } from '../../reports/perks/benefit.js';
import { PERIOD_KINDS, type PeriodKind, periodContaining } from '../../reports/perks/periods.js';
import { openReportLedger } from '../reports/report-common.js';

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
}

const bad = (message: string, hint?: string) => new PocketbookError('BAD_INPUT', message, hint ? { hint } : {});

/** "5%", "1.5%", "0.25" (%) → hundredths of a percent. */
export function parseRate(text: string): number {
  const m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  const bp = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : NaN;
  if (!m || bp <= 0 || bp > 10_000) throw bad(t('notARate', { text }), t('rateHint'));
  return bp;
}

function buildSpec(db: Db, ctx: Context, o: BenefitAddOptions, account: { currency: string; statementDay: number | null } | undefined): BenefitSpec {
  const currency = account?.currency ?? ctx.settings.currency;
  const period = (o.period ?? (o.from !== undefined ? 'anniversary' : 'year')) as PeriodKind;
  if (!PERIOD_KINDS.includes(period)) throw bad(t('periodOneOf', { text: o.period ?? '', values: PERIOD_KINDS.join(', ') }));
  if (period === 'anniversary' && (o.from === undefined || !isIsoDate(o.from))) throw bad(t('anniversaryNeedsFrom'));
  if (o.from !== undefined && period !== 'anniversary') throw bad(t('fromOnlyAnniversary'));
  if (period === 'cycle' && (!account || account.statementDay === null)) {
    throw bad(t('cycleNeedsAccount'), t('cycleHint'));
  }
  const kinds = [o.minSpend, o.minCount, o.cashback, o.minBalance].filter((x) => x !== undefined).length;
  if (kinds !== 1) throw usageError(t('exactlyOneKind'));
  if (o.minBalance !== undefined) return balanceSpec(o, o.minBalance, period, currency, account);
  if (o.balanceBasis !== undefined) throw bad(t('basisOnlyBalance'));
  const spec: BenefitSpec = { period, currency, metric: o.minSpend !== undefined ? 'spend' : o.minCount !== undefined ? 'count' : 'cashback' };
  if (o.from !== undefined) spec.from = o.from;
  const positive = (text: string, flag: string) => {
    const v = parseUserAmount(text, currency);
    if (v <= 0) throw bad(t('mustBePositive', { flag, text }));
    return v;
  };
  if (o.minSpend !== undefined) spec.target = positive(o.minSpend, '--min-spend');
  if (o.minCount !== undefined) {
    if (!/^\d+$/.test(o.minCount) || Number(o.minCount) < 1) throw bad(t('countNotWhole', { text: o.minCount }));
    spec.target = Number(o.minCount);
    if (o.minAmount !== undefined) spec.minAmount = positive(o.minAmount, '--min-amount');
  } else if (o.minAmount !== undefined) throw bad(t('minAmountOnlyCount'));
  if (o.cashback !== undefined) {
    spec.rateBp = parseRate(o.cashback);
    if (o.cap === undefined) throw bad(t('cashbackNeedsCap'));
    spec.cap = positive(o.cap, '--cap');
  } else if (o.cap !== undefined) throw bad(t('capOnlyCashback'));
  if (o.category !== undefined) {
    const c = findCategory(db, o.category);
    if (!c) throw notFound(t('noCategory', { name: o.category }), t('seeCategories'));
    spec.category = { id: c.id, name: categoryPath(db, c.id, 'en') };
  }
  if (o.merchant !== undefined) spec.merchant = checkSearchText(o.merchant, '--merchant');
  if (o.channel !== undefined) spec.channel = o.channel.toLowerCase();
  if (o.reward !== undefined) spec.reward = o.reward;
  return spec;
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

/** A spec in words, for `benefit list`. */
export function describeSpec(s: BenefitSpec): { period: string; rule: string; reward: string | null } {
  const money = (x: number | undefined) => formatMinor(x ?? 0, s.currency);
  const rule =
    s.metric === 'balance' ? t(s.basis === 'end' ? 'ruleBalanceEnd' : 'ruleBalanceAverage', { amount: money(s.target) })
    : s.metric === 'spend' ? t('ruleSpend', { amount: money(s.target) })
      : s.metric === 'count' ? (s.minAmount ? t('ruleCountMin', { n: s.target ?? 0, amount: money(s.minAmount) }) : t('ruleCount', { n: s.target ?? 0 }))
        : t('ruleCashback', { rate: ((s.rateBp ?? 0) / 100).toString(), cap: money(s.cap) });
  const where = [
    s.category ? t('whereCategory', { name: s.category.name }) : '', s.merchant ? t('whereMerchant', { name: s.merchant }) : '', s.channel ? t('whereChannel', { name: s.channel }) : '',
  ].filter(Boolean);
  // `period` keeps its enum value (month, quarter, year, cycle); only the anniversary is described.
  return { period: s.period === 'anniversary' ? t('yearFrom', { date: s.from ?? '' }) : s.period, rule: where.length ? t('ruleWhere', { rule, where: where.join(', ') }) : rule, reward: s.reward ?? null };
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

/** Every benefit's status on `today`. */
export function benefitResults(db: Db, today: string): BenefitResult[] {
  return listBenefits(db).map((b) => {
    const spec = JSON.parse(b.specJson) as BenefitSpec;
    const period = periodContaining(spec.period, today, { statementDay: b.statementDay, ...(spec.from ? { from: spec.from } : {}) });
    if (spec.metric === 'balance' && b.accountId !== null) {
      // The balance before the period, then the entries' daily sums up to today: one query for the days, none per day.
      const before = balancesAt(db, addDays(period.start, -1)).find((x) => x.accountId === b.accountId && x.currency === spec.currency)?.amount ?? 0;
      const daily = dailyEntrySums(db, b.accountId, spec.currency, period.start, today < period.end ? today : period.end);
      return balanceBenefitStatus({ name: b.name, account: b.account, spec }, period, { before, daily }, today);
    }
    // Entries up to today only: POCKETBOOK_TODAY re-runs the status as it stood on that day.
    const lines = benefitLines(db, { accountId: b.accountId, from: period.start, to: today < period.end ? today : period.end, currency: spec.currency });
    const figures = qualify(lines, {
      ...(spec.category ? { categoryIds: categoryWithChildren(db, spec.category.id) } : {}),
      ...(spec.merchant !== undefined ? { merchant: spec.merchant } : {}),
      ...(spec.channel !== undefined ? { channel: spec.channel } : {}),
      ...(spec.minAmount !== undefined ? { minAmount: spec.minAmount } : {}),
    });
    return benefitStatus({ name: b.name, account: b.account, spec }, period, figures, today);
  });
}

export function benefitStatusUse(ctx: Context): { results: BenefitResult[]; json: Record<string, unknown>[] } {
  const db = openReportLedger(ctx);
  try {
    const results = benefitResults(db, ctx.today);
    return { results, json: results.map(benefitJson) };
  } finally {
    db.close();
  }
}

export type { BenefitResult };
