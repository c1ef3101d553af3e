/**
 * `badges [YYYY-MM]`: built-in and custom badges for a month, from that month's figures.
 */
import fs from 'node:fs';
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { tPerks as t } from '../../core/messages/perks.js';
import { addMonths, monthEnd } from '../../core/dates.js';
import type { Db } from '../../ledger/open.js';
import { type CategoryRow, allCategories } from '../../ledger/categories.js';
import { importedMonths, merchantsSeenBefore, monthlySpending } from '../../ledger/perk-queries.js';
import { type GroupRow, type MonthTotalRow, groupSpending, monthTotals } from '../../ledger/report-queries.js';
import { type HourRow, hourSpending } from '../../ledger/purchase-queries.js';
import { type BadgeResult, type CustomBadge, builtinBadges, customBadge } from '../../reports/perks/badges.js';
import { parseBadgeFile } from '../../reports/perks/badge-file.js';
import type { Group, MonthFigures } from '../../reports/perks/figures.js';
import { openReportLedger, parseMonth } from '../reports/report-common.js';

/**
 * What `report month` has already read: the badges reuse it instead of asking again. The month's
 * figures are handed over only when they are the same month and currency over the whole ledger
 * (no account, category or tag filter).
 */
export interface KnownFigures {
  categories?: CategoryRow[];
  month?: {
    byChannel: GroupRow[];
    byCategory: GroupRow[];
    byMerchant: GroupRow[];
    hours: HourRow[];
    /** That month's totals (monthTotals over the month). */
    totals: MonthTotalRow[];
  };
}

/**
 * The month's figures in one currency. Spending by hour is read only when asked for (custom
 * badges can test the hour; the built-in ones do not).
 */
export function monthFigures(db: Db, month: string, currency: string, opts: { known?: KnownFigures; hours?: boolean } = {}): MonthFigures {
  const from = `${month}-01`;
  const to = monthEnd(month);
  const known = opts.known?.month;
  const cats = opts.known?.categories ?? allCategories(db);
  const byId = new Map(cats.map((c) => [c.id, c]));
  const categories = new Map<string, Group>();
  const merchantGroups = new Map<string, Group>();
  const channels = new Map<string, Group>();
  const add = (map: Map<string, Group>, key: string, amount: number, outCount: number) => {
    const g = map.get(key) ?? { amount: 0, count: 0 };
    g.amount -= amount;
    g.count += outCount;
    map.set(key, g);
  };
  // Read from the exact report cache (one small query per dimension), like `report month`.
  const filter = { currency };
  const range = { from, to };
  let spending = 0;
  let entries = 0;
  for (const g of known?.byChannel ?? groupSpending(db, filter, range, 'channel')) {
    spending -= g.amount;
    entries += g.count;
    add(channels, g.key.toLowerCase(), g.amount, g.count);
  }
  for (const g of known?.byCategory ?? groupSpending(db, filter, range, 'category')) {
    const cat = g.key !== '' ? byId.get(Number(g.key)) : undefined;
    const keys = new Set<string>();
    if (cat) {
      const parent = cat.parent_id !== null ? byId.get(cat.parent_id) : undefined;
      for (const own of [cat.name_en, cat.name_zh]) {
        if (parent) for (const p of [parent.name_en, parent.name_zh]) keys.add(`${p}:${own}`.toLowerCase());
        else keys.add(own.toLowerCase());
      }
      if (parent) for (const p of [parent.name_en, parent.name_zh]) keys.add(p.toLowerCase());
    } else keys.add('uncategorized');
    for (const k of keys) add(categories, k, g.amount, g.count);
  }
  const paid: string[] = [];
  for (const g of known?.byMerchant ?? groupSpending(db, filter, range, 'merchant')) {
    if (g.key === '') continue;
    paid.push(g.key);
    add(merchantGroups, g.key.toLowerCase(), g.amount, g.count);
  }
  const hourRows = known?.hours ?? (opts.hours === false ? undefined : hourSpending(db, filter, range));
  const totals = known?.totals ?? monthTotals(db, filter, range);
  const income = totals.reduce((sum, t) => sum + t.income, 0);
  const empty = totals.every((t) => t.spendAmount === 0 && t.spendCount === 0 && t.income === 0 && t.incomeCount === 0);
  const seen = merchantsSeenBefore(db, paid, from);
  const history = monthlySpending(db, addMonths(month, -3), addMonths(month, -1), currency);
  const imported = importedMonths(db, addMonths(month, -2), month);
  return {
    month,
    currency,
    spending,
    income,
    entries,
    empty,
    merchants: paid.length,
    newMerchants: paid.filter((m) => !seen.has(m)).length,
    previous3: [3, 2, 1].map((k) => history.get(addMonths(month, -k)) ?? null),
    importedMonths: [2, 1, 0].map((k) => imported.has(addMonths(month, -k))),
    categories,
    merchantGroups,
    channels,
    ...(hourRows ? { hours: new Map<number, Group>(hourRows.map((h) => [h.hour, { amount: -h.amount, count: h.count }])) } : {}),
  };
}

/** The custom badges file: --file, else the `badges.file` setting; none when neither is set. */
export function loadCustomBadges(ctx: Pick<Context, 'settings'>, file?: string): CustomBadge[] {
  const chosen = file ?? (typeof ctx.settings['badges.file'] === 'string' ? (ctx.settings['badges.file'] as string) : undefined);
  if (chosen === undefined || chosen === '') return [];
  let text: string;
  try {
    text = fs.readFileSync(chosen, 'utf8');
  } catch (err) {
    throw new PocketbookError('NOT_FOUND', t('badgesFileUnreadable', { code: (err as NodeJS.ErrnoException).code ?? 'error' }), { location: { file: chosen } });
  }
  return parseBadgeFile(text, chosen);
}

export function evaluateBadges(db: Db, month: string, currency: string, custom: readonly CustomBadge[], known?: KnownFigures): BadgeResult[] {
  const f = monthFigures(db, month, currency, { known, hours: custom.length > 0 });
  return [...builtinBadges(f), ...custom.map((b) => customBadge(b, f))];
}

export function badgesUse(ctx: Context, monthText: string | undefined, opts: { file?: string; currency?: string }): { month: string; badges: BadgeResult[] } {
  const month = monthText !== undefined ? parseMonth(monthText) : ctx.today.slice(0, 7);
  const custom = loadCustomBadges(ctx, opts.file);
  const db = openReportLedger(ctx);
  try {
    return { month, badges: evaluateBadges(db, month, (opts.currency ?? ctx.settings.currency).toUpperCase(), custom) };
  } finally {
    db.close();
  }
}

/** A badge as `--json` and the non-table formats show it; the result type and the "nearly" mark for the CLI's view. */
export { badgeJson, NEARLY, type BadgeResult } from '../../reports/perks/badges.js';
