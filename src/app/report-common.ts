/**
 * What every report use case shares: opening the ledger, resolving filters (account, currency,
 * tag, category), and printing a document in the chosen format.
 */
import fs from 'node:fs';
import type { Context } from '../core/context.js';
import { PocketbookError, notFound } from '../core/errors.js';
import { isCurrencyCode } from '../core/money.js';
import { parseWholeNumber } from '../core/options.js';
import { isIsoDate, isValidDate } from '../core/dates.js';
import { BUSY_MS, type Db, openLedger } from '../ledger/open.js';
import { findAccountByName } from '../ledger/accounts.js';
import { allCategories, categoryWithChildren, findCategory } from '../ledger/categories.js';
import { type DateRange, type LineFilter, currenciesPresent } from '../ledger/report-queries.js';
import type { CategoryInfo } from '../reports/model.js';
import type { Document, Painter, Plot } from '../render/document.js';

export type ReportFormat = 'table' | 'json' | 'csv' | 'markdown' | 'ndjson';

export interface ReportContext extends Context {
  format?: ReportFormat;
  color?: boolean;
}

export interface FilterOptions {
  account?: string;
  currency?: string;
  tag?: string;
  category?: string;
}

export interface ResolvedFilter {
  filter: LineFilter;
  /** Other currencies with lines in the period. */
  others: string[];
  /** The drill-down category id, when --category was given. */
  scope?: number;
  /** Filters as the user named them, for headings and JSON. */
  named: { account?: string; tag?: string; category?: string };
}

export function openReportLedger(ctx: Context): Db {
  if (!fs.existsSync(ctx.ledgerPath)) throw notFound('no ledger here yet', 'import a statement first, or try `pocketbook demo`');
  const started = Date.now();
  const db = openLedger(ctx.ledgerPath, { mapped: true });
  // Waiting while the ledger opened counts against the same 15 s: the report's queries get what is left.
  db.pragma(`busy_timeout = ${Math.max(1, BUSY_MS - (Date.now() - started))}`);
  return db;
}

/** A report month, YYYY-MM from 0001-01 to 9999-12 (year 0000 has no month before it to compare with). */
export function parseMonth(text: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m || !isValidDate(Number(m[1]), Number(m[2]), 1)) throw new PocketbookError('BAD_INPUT', `"${text}" is not a month`, { hint: 'write it as YYYY-MM, e.g. 2026-09' });
  if (m[1] === '0000') throw new PocketbookError('BAD_INPUT', `"${text}" is before the first month a report covers (0001-01)`);
  return text;
}

/** A report year, YYYY from 0001 to 9999. */
export function parseYear(text: string): string {
  if (!/^\d{4}$/.test(text)) throw new PocketbookError('BAD_INPUT', `"${text}" is not a year`, { hint: 'write it as YYYY, e.g. 2025' });
  if (text === '0000') throw new PocketbookError('BAD_INPUT', '"0000" is before the first year a report covers (0001)');
  return text;
}

export function parseDay(text: string, option: string): string {
  if (!isIsoDate(text)) throw new PocketbookError('BAD_INPUT', `${option} "${text}" is not a date`, { hint: 'write it as YYYY-MM-DD' });
  return text;
}

export function parseTop(text: string | number | undefined, fallback: unknown): number {
  if (text !== undefined) return parseWholeNumber(text, '--top', { min: 1, code: 'BAD_INPUT' });
  if (fallback === undefined) return 10;
  return parseWholeNumber(fallback as string | number, 'the report.top setting', { min: 1, code: 'BAD_INPUT' });
}

/** Resolve names to ids and pick the currency (explicit, else settings, else the most used one present). */
export function resolveFilter(db: Db, ctx: Context, opts: FilterOptions, period: DateRange): ResolvedFilter {
  const named: ResolvedFilter['named'] = {};
  const filter: LineFilter = { currency: '' };
  if (opts.account !== undefined) {
    const account = findAccountByName(db, opts.account);
    if (!account) throw notFound(`no account named "${opts.account}"`, 'see `pocketbook account list`');
    filter.accountIds = [account.id];
    named.account = account.name;
  }
  let scope: number | undefined;
  if (opts.category !== undefined) {
    const category = findCategory(db, opts.category);
    if (!category) throw notFound(`no category named "${opts.category}"`, 'see `pocketbook category list`');
    scope = category.id;
    filter.categoryIds = categoryWithChildren(db, category.id);
    named.category = categoryInfos(db, ctx.settings.locale).find((c) => c.id === category.id)?.path ?? opts.category;
  }
  if (opts.tag !== undefined) {
    filter.tag = opts.tag;
    named.tag = opts.tag;
  }
  const present = currenciesPresent(db, period).map((c) => c.currency);
  if (opts.currency !== undefined) {
    const code = opts.currency.toUpperCase();
    if (!isCurrencyCode(code)) throw new PocketbookError('BAD_INPUT', `"${opts.currency}" is not a currency code`, { hint: 'use an ISO 4217 code such as CNY or USD' });
    filter.currency = code;
  } else {
    const preferred = ctx.settings.currency.toUpperCase();
    filter.currency = present.length === 0 || present.includes(preferred) ? preferred : present[0]!;
  }
  return { filter, others: present.filter((c) => c !== filter.currency), named, ...(scope !== undefined ? { scope } : {}) };
}

/** Categories with display paths in the chosen locale. */
export function categoryInfos(db: Db, locale: 'en' | 'zh'): CategoryInfo[] {
  const cats = allCategories(db);
  const byId = new Map(cats.map((c) => [c.id, c]));
  const own = (c: { name_en: string; name_zh: string }) => (locale === 'zh' ? c.name_zh : c.name_en);
  return cats.map((c) => {
    const parent = c.parent_id !== null ? byId.get(c.parent_id) : undefined;
    return { id: c.id, parentId: c.parent_id, path: parent ? `${own(parent)}:${own(c)}` : own(c) };
  });
}

async function loadPlot(): Promise<Plot> {
  const mod = (await import('asciichart')) as unknown as { default?: { plot: Plot }; plot?: Plot };
  const plot = mod.plot ?? mod.default?.plot;
  if (!plot) throw new Error('asciichart has no plot()');
  return plot;
}

async function loadPainter(): Promise<Painter> {
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  const colors = ['\x1b[31m', '\x1b[32m', '\x1b[36m', '\x1b[33m', '\x1b[35m', '\x1b[34m'];
  return {
    bold: (t) => chalk.bold(t),
    dim: (t) => chalk.gray(t),
    tone: (t, tone) => (tone === 'good' ? chalk.green(t) : tone === 'bad' ? chalk.red(t) : tone === 'muted' ? chalk.cyan(t) : t),
    series: (i) => colors[i % colors.length]!,
  };
}

/** Print a report: JSON from the model, everything else from the document. */
export async function emitReport(ctx: ReportContext, doc: Document, json: unknown): Promise<void> {
  const format = ctx.format ?? 'table';
  const render = await import('../render/document.js');
  const hasChart = doc.blocks.some((b) => b.type === 'chart');
  if (format === 'json' || format === 'ndjson') {
    ctx.io.out(format === 'json' ? JSON.stringify(json, null, 2) : JSON.stringify(json));
  } else if (format === 'csv') {
    const text = await import('../render/document-text.js');
    ctx.io.out(text.renderCsvDocument(doc));
  } else if (format === 'markdown') {
    const text = await import('../render/document-text.js');
    ctx.io.out(text.renderMarkdownDocument(doc, hasChart ? await loadPlot() : undefined));
  } else {
    const painter = ctx.color ? await loadPainter() : render.PLAIN_PAINTER;
    ctx.io.out(render.renderTerminal(doc, painter, hasChart ? await loadPlot() : undefined));
  }
}
