/**
 * Report models → documents (blocks). Sections with nothing to show are left out. Every word comes
 * from the catalogue (core/messages/report-render.ts); months and days read as the locale writes
 * them (core/period-text.ts), while CSV cells keep ISO dates (a Figure's plain side).
 */
import { currencyExponent, formatMinor, formatMoney } from '../core/money.js';
import { tReport as t } from '../core/messages/report-render.js';
import { tTerms } from '../core/messages/report-terms.js';
import { dayLabel, monthLabel } from '../core/period-text.js';
import type { Change, RankedRow } from '../reports/model.js';
import type { MonthReport } from '../reports/month.js';
import type { NetWorthChange } from '../reports/networth.js';
import type { Block, Document, SummaryItem } from './document.js';
import { progress } from './document.js';
import { tCategories } from '../core/messages/categories.js';
import { type NameKind, filtersText, fullDayLabel, listSeparator, rowName } from './labels.js';
import { type Figure, type Table, figure } from './table.js';
import { type BadgeView, type BenefitView, type BudgetView, badgesBlock, benefitsBlock, budgetsBlock } from './perk-views.js';

export { yearDocument } from './year-views.js';
import { recurringMonthBlock } from './recurring-views.js';
import { hoursBlock } from './hours-view.js';
import { reimbursementsMonthBlock } from './reimbursement-views.js';
import { merchantDisplayName } from '../core/merchant-names.js';

export const pct = (x: number | null): string => (x === null ? '' : `${(x * 100).toFixed(1)}%`);
export const major = (minor: number, currency: string): number => minor / 10 ** currencyExponent(currency);

/** An amount cell: grouped for people (`1,642.37`), a plain number in CSV (`1642.37`). */
export const moneyCell = (minor: number, currency: string): Figure => figure(formatMoney(minor, currency), formatMinor(minor, currency));

/** A month cell: `Sep 2026` / `2026年9月` for people, `2026-09` in CSV. */
export const monthCell = (month: string): Figure => figure(monthLabel(month), month);

/** A day cell: `Thu 3 Sep` / `9月3日 周四` for people, `2026-09-03` in CSV. */
export const dayCell = (date: string): Figure => figure(dayLabel(date), date);

/** A summary line holding one amount (a plain number in CSV). */
export const moneyItem = (label: string, minor: number, currency: string, tone?: SummaryItem['tone']): SummaryItem =>
  ({ label, value: formatMoney(minor, currency), plain: formatMinor(minor, currency), ...(tone ? { tone } : {}) });

/** A change line: text for people; in CSV the signed change as a plain number. */
export const changeItem = (label: string, c: Change | null, currency: string, reference: string, tone: SummaryItem['tone']): SummaryItem =>
  ({ label, value: `${changeText(c, currency)}${reference}`, ...(c ? { plain: formatMinor(c.amount, currency) } : {}), ...(tone ? { tone } : {}) });

/** Net worth at the start and end of a report's period and the change (credit cards owed count against it). */
export function netWorthBlock(n: NetWorthChange | null, currency: string): Block | undefined {
  if (!n) return undefined;
  const sign = n.change > 0 ? '+' : '';
  // The day before a year's first day is in the year before: then both days say their year.
  const day = n.startDate.slice(0, 4) === n.endDate.slice(0, 4) ? dayLabel : fullDayLabel;
  return {
    type: 'summary',
    title: t('netWorth'),
    items: [
      { ...moneyItem(t('netWorthAt', { date: day(n.startDate) }), n.start, currency), csvLabel: t('netWorthAt', { date: n.startDate }) },
      { ...moneyItem(t('netWorthAt', { date: day(n.endDate) }), n.end, currency), csvLabel: t('netWorthAt', { date: n.endDate }) },
      { label: t('change'), value: `${sign}${formatMoney(n.change, currency)}`, plain: formatMinor(n.change, currency), tone: n.change > 0 ? 'good' : n.change < 0 ? 'bad' : 'plain' },
    ],
  };
}

export function changeText(c: Change | null, currency: string): string {
  if (!c) return t('notAvailable');
  const sign = c.amount > 0 ? '+' : '';
  return `${sign}${formatMoney(c.amount, currency)}${c.ratio !== null ? ` (${sign}${pct(c.ratio)})` : ''}`;
}

/** More spending is bad, less is good. */
export const spendTone = (c: Change | null) => (!c || c.amount === 0 ? 'plain' : c.amount > 0 ? 'bad' : 'good');

/** Income by category (issue 24), beside the spending categories of `report month` and `report year`. */
export function incomeCategoriesBlock(rows: readonly RankedRow[], currency: string): Block | undefined {
  return rankingBlock(tCategories('incomeByCategory'), 'category', rows, currency, { header: tCategories('incomeCategory') });
}

/** The column header naming a ranking's rows. */
export function nameHeader(kind: NameKind): string {
  return kind === 'category' ? t('colCategory') : kind === 'merchant' ? t('colMerchant') : kind === 'channel' ? t('colChannel') : t('colGroup');
}

export function rankingBlock(title: string, kind: NameKind, rows: readonly RankedRow[], currency: string, opts: { bar?: boolean; header?: string } = {}): Block | undefined {
  if (rows.length === 0) return undefined;
  const table: Table = {
    title,
    columns: [
      { key: 'rank', header: t('colRank'), numeric: true },
      { key: 'name', header: opts.header ?? nameHeader(kind) },
      { key: 'amount', header: t('colAmount'), numeric: true },
      { key: 'share', header: t('colShare'), numeric: true },
      { key: 'count', header: t('colCount'), numeric: true },
      { key: 'share__value', header: '' },
    ],
    rows: rows.map((r, i) => ({
      rank: i + 1,
      name: r.amount < 0 ? t('refundsExceed', { name: rowName(r.name, kind) }) : rowName(r.name, kind),
      amount: moneyCell(r.amount, currency),
      share: pct(r.share),
      count: r.count,
      share__value: r.share ?? 0,
    })),
  };
  return { type: 'table', table, ...(opts.bar !== false ? { bar: 'share' } : {}) };
}

export function currencyNote(others: readonly string[]): Block | undefined {
  if (others.length === 0) return undefined;
  return { type: 'note', text: t('otherCurrencies', { list: others.join(', '), code: others[0]! }) };
}

export function monthDocument(r: MonthReport): Document {
  const c = r.currency;
  const partial = r.partial ? t('monthSoFar', { date: dayLabel(r.today) }) : '';
  const blocks: (Block | undefined)[] = [
    { type: 'heading', text: t('monthHeading', { month: monthLabel(r.month), partial, currency: c, filters: filtersText(r.filters) }) },
    { type: 'summary', items: monthSummary(r) },
    netWorthBlock(r.netWorth, c),
    currencyNote(r.otherCurrencies),
    rankingBlock(r.filters.category ? t('inside', { name: r.filters.category }) : t('categories'), 'category', r.categories, c),
    r.negativeCategories.length
      ? { type: 'note', text: t('negativeNote', { list: r.negativeCategories.map((n) => rowName(n, 'category')).join(listSeparator()) }) }
      : undefined,
    incomeCategoriesBlock(r.incomeCategories, c),
    rankingBlock(t('topMerchantsByAmount'), 'merchant', r.merchants, c, { bar: false }),
    rankingBlock(t('frequentMerchants'), 'merchant', r.frequentMerchants.slice(0, 5), c, { bar: false }),
    rankingBlock(t('paymentChannels'), 'channel', r.channels, c),
    monthTrendChart(r),
    cardCycleTable(r),
    largestEntriesTable(r),
    newMerchantsTable(r),
    hoursBlock(r.hours, c),
    budgetsBlock(r.extras.budgets as BudgetView[]),
    benefitsBlock(r.extras.benefits as BenefitView[]),
    badgesBlock(r.extras.badges as BadgeView[]),
    recurringMonthBlock(r.recurring, c),
    reimbursementsMonthBlock(r.reimbursementsOutstanding, c),
  ];
  if (r.spending === 0 && r.income === 0 && r.categories.length === 0) blocks.push({ type: 'note', text: t('noActivity') });
  return { blocks: blocks.filter((b): b is Block => b !== undefined) };
}

function monthSummary(r: MonthReport): SummaryItem[] {
  const c = r.currency;
  const m = (minor: number) => formatMoney(minor, c);
  const previous = monthLabel(r.previous.month);
  const iso = r.previous.month;
  const summary: SummaryItem[] = [
    moneyItem(t('spending'), r.spending, c),
    moneyItem(t('income'), r.income, c),
    moneyItem(t('net'), r.net, c, r.net >= 0 ? 'good' : 'bad'),
    ...(r.previousToDate
      ? [{
          ...changeItem(t('vsDays', { month: previous, day: Number(r.previousToDate.to.slice(8)) }), r.vsPreviousToDate, c, `  (${m(r.previousToDate.spending)})`, spendTone(r.vsPreviousToDate)),
          csvLabel: t('vsDays', { month: iso, day: Number(r.previousToDate.to.slice(8)) }),
        }]
      : []),
    {
      ...changeItem(t(r.previousToDate ? 'vsMonthWhole' : 'vsMonth', { month: previous }), r.vsPrevious, c, `  (${m(r.previous.spending)})`, spendTone(r.vsPrevious)),
      csvLabel: t(r.previousToDate ? 'vsMonthWhole' : 'vsMonth', { month: iso }),
    },
    changeItem(t('vsAverage'), r.vsAverage, c, `  (${r.average6m === null ? t('notAvailable') : m(r.average6m)})`, spendTone(r.vsAverage)),
  ];
  if (r.empty) for (const item of summary.slice(3)) item.value = t('noEntriesMonth');
  return summary;
}

function monthTrendChart(r: MonthReport): Block | undefined {
  const c = r.currency;
  return r.trend.some((x) => x.spending !== 0 || x.income !== 0)
    ? {
        type: 'chart',
        title: t('lastSixMonths'),
        digits: currencyExponent(c),
        labels: r.trend.map((x) => monthLabel(x.month)),
        keys: r.trend.map((x) => x.month),
        series: [
          { name: t('spending'), values: r.trend.map((x) => major(x.spending, c)) },
          { name: t('income'), values: r.trend.map((x) => major(x.income, c)) },
        ],
      }
    : undefined;
}

function cardCycleTable(r: MonthReport): Block | undefined {
  const cell = (minor: number) => moneyCell(minor, r.currency);
  return r.cards.length
    ? {
        type: 'table',
        table: {
          title: t('cardCycle'),
          columns: [
            { key: 'card', header: t('colCard') }, { key: 'cycle', header: t('colCycle') }, { key: 'spent', header: t('colSpent'), numeric: true },
            { key: 'limit', header: t('colLimit'), numeric: true }, { key: 'used', header: t('colUsed') },
          ],
          rows: r.cards.map((k) => ({
            card: k.name, cycle: figure(`${dayLabel(k.cycle.from)} → ${dayLabel(k.cycle.to)}`, `${k.cycle.from} → ${k.cycle.to}`), spent: cell(k.spending),
            limit: k.limit === null ? '' : cell(k.limit), used: k.used === null ? '' : progress(k.used),
          })),
        },
      }
    : undefined;
}

/** The largest entries of a month or year (the year leaves the account out). */
export function largestTable(largest: MonthReport['largest'], currency: string, withAccount: boolean): Block | undefined {
  return largest.length
    ? {
        type: 'table',
        table: {
          title: t('largestEntries'),
          columns: [
            { key: 'date', header: t('colDate') }, { key: 'amount', header: t('colAmount'), numeric: true }, { key: 'merchant', header: t('colMerchant') },
            { key: 'category', header: t('colCategory') }, ...(withAccount ? [{ key: 'account', header: t('colAccount') }] : []), { key: 'id', header: t('colId'), numeric: true },
          ],
          rows: largest.map((l) => ({
            date: dayCell(l.date), amount: moneyCell(l.amount, currency), merchant: l.merchant === null ? l.description : merchantDisplayName(l.merchant),
            category: rowName(l.category, 'category'), account: l.account, id: l.id,
          })),
        },
      }
    : undefined;
}

const largestEntriesTable = (r: MonthReport): Block | undefined => largestTable(r.largest, r.currency, true);

function newMerchantsTable(r: MonthReport): Block | undefined {
  const cell = (minor: number) => moneyCell(minor, r.currency);
  return r.newMerchants.length
    ? {
        type: 'table',
        table: {
          title: t('newMerchants'),
          columns: [{ key: 'merchant', header: t('colMerchant') }, { key: 'amount', header: t('colAmount'), numeric: true }, { key: 'count', header: t('colCount'), numeric: true }],
          rows: r.newMerchants.map((n) => ({ merchant: n.merchant, amount: cell(n.amount), count: n.count })),
        },
      }
    : undefined;
}
