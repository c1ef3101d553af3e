/**
 * `points rule add|list|remove`, `points set` and `points status`: card points from the ledger's
 * entries, lot by lot (the model and its rounding: reports/perks/points.ts).
 */
import type { Context } from '../../core/context.js';
import { PocketbookError, notFound } from '../../core/errors.js';
import { isIsoDate } from '../../core/dates.js';
import { formatMinor, parseUserAmount } from '../../core/money.js';
import { tPoints as t } from '../../core/messages/points.js';
import { getLocale } from '../../core/i18n.js';
import type { Db } from '../../ledger/open.js';
import { openLedger } from '../../ledger/open.js';
import { findAccountById } from '../../ledger/accounts.js';
import { categoryPath, categoryWithChildren, findCategory } from '../../ledger/categories.js';
import {
  type PointsRuleRow, deletePointsRule, findPointsRule, insertPointsRule, listPointsRules, pointsAccountIds, pointsFigures, setPointsBalance, spendLines,
} from '../../ledger/points.js';
import { type Expiry, type PointsRule, type PointsState, expiring, pointsOn } from '../../reports/perks/points.js';
import { openReportLedger } from '../reports/report-common.js';
import { requireAccount } from '../accounts/accounts.js';

const bad = (message: string, hint?: string) => new PocketbookError('BAD_INPUT', message, hint ? { hint } : {});

export interface RuleAddOptions {
  account?: string;
  per?: string;
  category?: string;
  times?: string;
  expireMonths?: string;
  expire?: string;
}

/** A whole number of at least `min`. */
function whole(text: string, flag: string, min: number): number {
  if (!/^\d{1,9}$/.test(text.trim()) || Number(text) < min) throw bad(t('notWhole', { flag, text, min }));
  return Number(text);
}

/** `YYYY-MM-DD`, or today. */
export function parseDate(text: string | undefined, today: string): string {
  if (text === undefined) return today;
  if (!isIsoDate(text)) throw bad(t('notADate', { text }), t('dateHint'));
  return text;
}

function parseExpiry(o: RuleAddOptions): { expireMonths: number | null; expireYearEnd: boolean } {
  if (o.expireMonths !== undefined && o.expire !== undefined) throw bad(t('expireBoth'));
  if (o.expire !== undefined && o.expire !== 'year-end') throw bad(t('expireOneOf', { text: o.expire }));
  return { expireMonths: o.expireMonths !== undefined ? whole(o.expireMonths, '--expire-months', 1) : null, expireYearEnd: o.expire === 'year-end' };
}

export function addPointsRule(ctx: Context, o: RuleAddOptions): RuleView {
  if (o.account === undefined) throw bad(t('needsAccount'));
  if (o.per === undefined) throw bad(t('needsPer'));
  const db = openLedger(ctx.ledgerPath);
  try {
    const account = requireAccount(db, o.account);
    const perMinor = parseUserAmount(o.per, account.currency);
    if (perMinor <= 0) throw bad(t('perPositive', { text: o.per }));
    if (o.times !== undefined && o.category === undefined) throw bad(t('timesNeedsCategory'));
    let categoryId: number | null = null;
    if (o.category !== undefined) {
      const c = findCategory(db, o.category);
      if (!c) throw notFound(t('noCategory', { name: o.category }), t('seeCategories'));
      categoryId = c.id;
    }
    const times = o.times !== undefined ? whole(o.times, '--times', 0) : 1;
    const expiry = parseExpiry(o);
    if (findPointsRule(db, account.id, categoryId) !== undefined) throw new PocketbookError('CONFLICT', t('ruleExists'), { hint: t('ruleExistsHint') });
    const id = insertPointsRule(db, { accountId: account.id, categoryId, perMinor, times, ...expiry }, new Date().toISOString());
    return ruleView(db, listPointsRules(db, account.id).find((r) => r.id === id)!);
  } finally {
    db.close();
  }
}

/** A rule as `points rule list --json` shows it. */
function ruleJson(db: Db, r: PointsRuleRow): Record<string, unknown> {
  return {
    id: r.id,
    account: r.account,
    category: r.categoryId === null ? null : categoryPath(db, r.categoryId, 'en'),
    per: formatMinor(r.perMinor, r.currency),
    times: r.times,
    expire: r.expireYearEnd ? 'year-end' : r.expireMonths !== null ? 'months' : 'never',
    expire_months: r.expireMonths,
  };
}

/** A rule in a sentence: "1 point per 20.00 on Dining ×2, lapsing 12 months after the month earned". */
function ruleText(db: Db, r: PointsRuleRow): string {
  const on = r.categoryId === null ? t('onAll') : t('onCategory', { category: categoryPath(db, r.categoryId, getLocale()), times: r.times });
  const lapse = r.expireYearEnd ? t('lapseYearEnd') : r.expireMonths !== null ? t('lapseMonths', { n: r.expireMonths }) : t('lapseNever');
  return t('ruleText', { per: formatMinor(r.perMinor, r.currency), on, lapse });
}

export interface RuleView {
  json: Record<string, unknown>;
  id: number;
  account: string;
  text: string;
}

const ruleView = (db: Db, r: PointsRuleRow): RuleView => ({ json: ruleJson(db, r), id: r.id, account: r.account, text: ruleText(db, r) });

export function listPointsRulesUse(ctx: Context): RuleView[] {
  const db = openReportLedger(ctx);
  try {
    return listPointsRules(db).map((r) => ruleView(db, r));
  } finally {
    db.close();
  }
}

export function removePointsRule(ctx: Context, idText: string): number {
  const id = whole(idText, 'ID', 1);
  const db = openReportLedger(ctx);
  try {
    if (!deletePointsRule(db, id)) throw notFound(t('noRule', { id }), t('seeRules'));
    return id;
  } finally {
    db.close();
  }
}

export function setPointsUse(ctx: Context, o: { account?: string; balance?: string; date?: string }): { account: string; balance: number; date: string } {
  if (o.account === undefined) throw bad(t('needsAccount'));
  if (o.balance === undefined) throw bad(t('needsBalance'));
  const balance = whole(o.balance, '--balance', 0);
  const date = parseDate(o.date, ctx.today);
  const db = openLedger(ctx.ledgerPath);
  try {
    const account = requireAccount(db, o.account);
    setPointsBalance(db, account.id, { date, balance }, new Date().toISOString());
    return { account: account.name, balance, date };
  } finally {
    db.close();
  }
}

const expiryOf = (r: PointsRuleRow): Expiry =>
  r.expireYearEnd ? { kind: 'year-end' } : r.expireMonths !== null ? { kind: 'months', months: r.expireMonths } : { kind: 'never' };

/** An account's rules in the model's terms. */
export function modelRules(db: Db, rows: readonly PointsRuleRow[]): PointsRule[] {
  return rows.map((r) => ({ categoryIds: r.categoryId === null ? null : categoryWithChildren(db, r.categoryId), perMinor: r.perMinor, times: r.times, expiry: expiryOf(r) }));
}

export interface AccountPoints extends PointsState {
  accountId: number;
  account: string;
  currency: string;
  expiring: { date: string; points: number }[];
}

/** Every points account's state on `asOf`. */
export function pointsStates(db: Db, asOf: string): AccountPoints[] {
  return pointsAccountIds(db).map((id) => {
    const account = findAccountById(db, id)!;
    const rules = modelRules(db, listPointsRules(db, id));
    const lines = spendLines(db, { accountId: id, from: '0000-01-01', to: asOf, currency: account.currency });
    const state = pointsOn({ rules, lines, figures: pointsFigures(db, id), asOf });
    return { ...state, accountId: id, account: account.name, currency: account.currency, expiring: expiring(state.lots) };
  });
}

export const pointsStatusJson = (p: AccountPoints, asOf: string): Record<string, unknown> => ({
  account: p.account,
  balance: p.balance,
  earned_this_month: p.earnedThisMonth,
  expiring: p.expiring,
  as_of: asOf,
});

export function pointsStatusUse(ctx: Context, dateText: string | undefined): { asOf: string; accounts: AccountPoints[] } {
  const asOf = parseDate(dateText, ctx.today);
  const db = openReportLedger(ctx);
  try {
    return { asOf, accounts: pointsStates(db, asOf) };
  } finally {
    db.close();
  }
}
