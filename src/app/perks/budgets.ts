/**
 * `budget set|list|remove|status`: budgets per category, monthly or yearly, and how each one
 * stands (spent, left, projected at the current pace).
 */
import type { Context } from '../../core/context.js';
import { PocketbookError, notFound } from '../../core/errors.js';
import { monthEnd } from '../../core/dates.js';
import { tPerks as t } from '../../core/messages/perks.js';
import { formatMinor, isCurrencyCode, parseUserAmount } from '../../core/money.js';
import type { Db } from '../../ledger/open.js';
import { openLedger } from '../../ledger/open.js';
import { categoryPath, categoryWithChildren, findCategory } from '../../ledger/categories.js';
import { listBudgets, removeBudget, setBudget } from '../../ledger/budgets.js';
import { categorySpending } from '../../ledger/perk-queries.js';
import { type BudgetStatus, budgetJson, budgetStatus } from '../../reports/perks/budget.js';
import { openReportLedger, parseMonth } from '../reports/report-common.js';

function category(db: Db, name: string) {
  const c = findCategory(db, name);
  if (!c) throw notFound(t('noCategory', { name }), t('seeCategories'));
  if (c.kind !== 'expense') throw new PocketbookError('BAD_INPUT', t('notSpendingCategory', { name }), { hint: t('budgetsApply') });
  return c;
}

export function setBudgetUse(ctx: Context, name: string, amountText: string, opts: { year?: boolean; currency?: string }) {
  const currency = (opts.currency ?? ctx.settings.currency).toUpperCase();
  if (!isCurrencyCode(currency)) throw new PocketbookError('BAD_INPUT', t('notCurrency', { code: opts.currency ?? '' }));
  const amount = parseUserAmount(amountText, currency);
  if (amount <= 0) throw new PocketbookError('BAD_INPUT', t('budgetPositive', { amount: amountText }));
  const db = openLedger(ctx.ledgerPath);
  try {
    const c = category(db, name);
    const period = opts.year ? 'year' : 'month';
    const replaced = setBudget(db, { categoryId: c.id, period, amount, currency });
    return { category: categoryPath(db, c.id, ctx.settings.locale), period, amount: formatMinor(amount, currency), currency, replaced };
  } finally {
    db.close();
  }
}

export function listBudgetsUse(ctx: Context): Record<string, unknown>[] {
  const db = openReportLedger(ctx);
  try {
    return listBudgets(db).map((b) => ({
      category: categoryPath(db, b.categoryId, ctx.settings.locale), period: b.period, amount: formatMinor(b.amount, b.currency), currency: b.currency,
    }));
  } finally {
    db.close();
  }
}

export function removeBudgetUse(ctx: Context, name: string, opts: { year?: boolean; month?: boolean }): { category: string; removed: number } {
  const db = openReportLedger(ctx);
  try {
    const c = category(db, name);
    const removed = removeBudget(db, c.id, opts.year ? 'year' : opts.month ? 'month' : undefined);
    const path = categoryPath(db, c.id, ctx.settings.locale);
    if (removed === 0) throw notFound(t('noBudgetFor', { name: path }), t('seeBudgets'));
    return { category: path, removed };
  } finally {
    db.close();
  }
}

/** Every budget's status for a month (yearly budgets: the year holding that month). */
export function budgetStatuses(db: Db, month: string, today: string, locale: 'en' | 'zh'): BudgetStatus[] {
  return listBudgets(db).map((b) => {
    const range = b.period === 'month' ? { start: `${month}-01`, end: monthEnd(month) } : { start: `${month.slice(0, 4)}-01-01`, end: `${month.slice(0, 4)}-12-31` };
    const upTo = today < range.end ? today : range.end; // as the budget stood on `today`
    const spent = categorySpending(db, categoryWithChildren(db, b.categoryId), range.start, upTo, b.currency);
    return budgetStatus({ category: categoryPath(db, b.categoryId, locale), period: b.period, amount: b.amount, currency: b.currency, spent, range }, today);
  });
}

export function budgetStatusUse(ctx: Context, monthText?: string): { month: string; statuses: BudgetStatus[]; json: Record<string, unknown>[] } {
  const month = monthText !== undefined ? parseMonth(monthText) : ctx.today.slice(0, 7);
  const db = openReportLedger(ctx);
  try {
    const statuses = budgetStatuses(db, month, ctx.today, ctx.settings.locale);
    return { month, statuses, json: statuses.map(budgetJson) };
  } finally {
    db.close();
  }
}

export type { BudgetStatus };
