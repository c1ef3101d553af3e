/**
 * Report models → documents (blocks). Sections with nothing to show are left out.
 */
import { currencyExponent, formatMinor, formatMoney } from '../core/money.js';
import type { Change, RankedRow } from '../reports/model.js';
import type { MonthReport } from '../reports/month.js';
import type { YearReport } from '../reports/year.js';
import type { NetWorthChange } from '../reports/networth.js';
import type { Block, Document, SummaryItem } from './document.js';
import { progress } from './document.js';
import { recurringMonthBlock } from './recurring-views.js';
import { type Cell, type Figure, type Table, figure } from './table.js';

export const pct = (x: number | null): string => (x === null ? '' : `${(x * 100).toFixed(1)}%`);
const major = (minor: number, currency: string): number => minor / 10 ** currencyExponent(currency);

/** An amount cell: grouped for people (`1,642.37`), a plain number in CSV (`1642.37`). */
export const moneyCell = (minor: number, currency: string): Figure => figure(formatMoney(minor, currency), formatMinor(minor, currency));

/** A summary line holding one amount (a plain number in CSV). */
const moneyItem = (label: string, minor: number, currency: string, tone?: SummaryItem['tone']): SummaryItem =>
  ({ label, value: formatMoney(minor, currency), plain: formatMinor(minor, currency), ...(tone ? { tone } : {}) });

/** A change line: text for people; in CSV the signed change as a plain number. */
const changeItem = (label: string, c: Change | null, currency: string, reference: string, tone: SummaryItem['tone']): SummaryItem =>
  ({ label, value: `${changeText(c, currency)}${reference}`, ...(c ? { plain: formatMinor(c.amount, currency) } : {}), ...(tone ? { tone } : {}) });

/** Net worth at the start and end of a report's period and the change (credit cards owed count against it). */
function netWorthBlock(n: NetWorthChange | null, currency: string): Block | undefined {
  if (!n) return undefined;
  const sign = n.change > 0 ? '+' : '';
  return {
    type: 'summary',
    title: 'Net worth',
    items: [
      moneyItem(`at ${n.startDate}`, n.start, currency),
      moneyItem(`at ${n.endDate}`, n.end, currency),
      { label: 'Change', value: `${sign}${formatMoney(n.change, currency)}`, plain: formatMinor(n.change, currency), tone: n.change > 0 ? 'good' : n.change < 0 ? 'bad' : 'plain' },
    ],
  };
}

export function changeText(c: Change | null, currency: string): string {
  if (!c) return 'n/a';
  const sign = c.amount > 0 ? '+' : '';
  return `${sign}${formatMoney(c.amount, currency)}${c.ratio !== null ? ` (${sign}${pct(c.ratio)})` : ''}`;
}

/** More spending is bad, less is good. */
const spendTone = (c: Change | null) => (!c || c.amount === 0 ? 'plain' : c.amount > 0 ? 'bad' : 'good');

export function rankingBlock(title: string, header: string, rows: readonly RankedRow[], currency: string, opts: { bar?: boolean } = {}): Block | undefined {
  if (rows.length === 0) return undefined;
  const table: Table = {
    title,
    columns: [
      { key: 'rank', header: '#', numeric: true },
      { key: 'name', header },
      { key: 'amount', header: 'Amount', numeric: true },
      { key: 'share', header: 'Share', numeric: true },
      { key: 'count', header: 'Count', numeric: true },
      { key: 'share__value', header: '' },
    ],
    rows: rows.map((r, i) => ({
      rank: i + 1,
      name: r.amount < 0 ? `${r.name} (refunds exceed spending)` : r.name,
      amount: moneyCell(r.amount, currency),
      share: pct(r.share),
      count: r.count,
      share__value: r.share ?? 0,
    })),
  };
  return { type: 'table', table, ...(opts.bar !== false ? { bar: 'share' } : {}) };
}

function filtersText(filters: Record<string, string | undefined>): string {
  const parts = Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) => `${k} ${v}`);
  return parts.length ? ` · ${parts.join(' · ')}` : '';
}

export function currencyNote(others: readonly string[]): Block | undefined {
  if (others.length === 0) return undefined;
  return { type: 'note', text: `Also in this period: ${others.join(', ')} (one currency at a time: --currency ${others[0]})` };
}

function genericExtras(name: string, items: readonly unknown[]): Block | undefined {
  if (items.length === 0) return undefined;
  const objects = items.filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null);
  const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))].filter((k) => {
    const v = objects[0]?.[k];
    return v === null || ['string', 'number', 'boolean'].includes(typeof v);
  });
  const show = (v: unknown): Cell => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v as string));
  return {
    type: 'table',
    table: { title: name, columns: keys.map((k) => ({ key: k, header: k })), rows: objects.map((o) => Object.fromEntries(keys.map((k) => [k, show(o[k])]))) },
  };
}

export function monthDocument(r: MonthReport): Document {
  const c = r.currency;
  const blocks: (Block | undefined)[] = [
    { type: 'heading', text: `Spending report ${r.month}${r.partial ? ` (so far, to ${r.today})` : ''} · ${c}${filtersText(r.filters)}` },
    { type: 'summary', items: monthSummary(r) },
    netWorthBlock(r.netWorth, c),
    currencyNote(r.otherCurrencies),
    rankingBlock(r.filters.category ? `Inside ${r.filters.category}` : 'Categories', 'Category', r.categories, c),
    r.negativeCategories.length
      ? { type: 'note', text: `Refunds exceed purchases this month in: ${r.negativeCategories.join(', ')} (shown as a negative net)` }
      : undefined,
    rankingBlock('Top merchants by amount', 'Merchant', r.merchants, c, { bar: false }),
    rankingBlock('Most frequent merchants', 'Merchant', r.frequentMerchants.slice(0, 5), c, { bar: false }),
    rankingBlock('Payment channels', 'Channel', r.channels, c),
    monthTrendChart(r),
    cardCycleTable(r),
    largestEntriesTable(r),
    newMerchantsTable(r),
    genericExtras('Budgets', r.extras.budgets),
    genericExtras('Card benefits', r.extras.benefits),
    genericExtras('Badges', r.extras.badges),
    recurringMonthBlock(r.recurring, c),
  ];
  if (r.spending === 0 && r.income === 0 && r.categories.length === 0) blocks.push({ type: 'note', text: 'No spending or income in this period.' });
  return { blocks: blocks.filter((b): b is Block => b !== undefined) };
}

function monthSummary(r: MonthReport): SummaryItem[] {
  const c = r.currency;
  const m = (minor: number) => formatMoney(minor, c);
  const summary: SummaryItem[] = [
    moneyItem('Spending', r.spending, c),
    moneyItem('Income', r.income, c),
    moneyItem('Net', r.net, c, r.net >= 0 ? 'good' : 'bad'),
    ...(r.previousToDate
      ? [changeItem(`vs ${r.previous.month}, days 1–${Number(r.previousToDate.to.slice(8))}`, r.vsPreviousToDate, c, `  (${m(r.previousToDate.spending)})`, spendTone(r.vsPreviousToDate))]
      : []),
    changeItem(`vs ${r.previous.month}${r.previousToDate ? ' (whole month)' : ''}`, r.vsPrevious, c, `  (${m(r.previous.spending)})`, spendTone(r.vsPrevious)),
    changeItem('vs 6-month average', r.vsAverage, c, `  (${r.average6m === null ? 'n/a' : m(r.average6m)})`, spendTone(r.vsAverage)),
  ];
  if (r.empty) for (const item of summary.slice(3)) item.value = 'n/a (no entries this month)';
  return summary;
}

function monthTrendChart(r: MonthReport): Block | undefined {
  const c = r.currency;
  return r.trend.some((t) => t.spending !== 0 || t.income !== 0)
    ? {
        type: 'chart',
        title: 'Last 6 months',
        digits: currencyExponent(c),
        labels: r.trend.map((t) => t.month),
        series: [
          { name: 'Spending', values: r.trend.map((t) => major(t.spending, c)) },
          { name: 'Income', values: r.trend.map((t) => major(t.income, c)) },
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
          title: 'Credit cards this statement cycle',
          columns: [
            { key: 'card', header: 'Card' }, { key: 'cycle', header: 'Cycle' }, { key: 'spent', header: 'Spent', numeric: true },
            { key: 'limit', header: 'Limit', numeric: true }, { key: 'used', header: 'Used' },
          ],
          rows: r.cards.map((k) => ({
            card: k.name, cycle: `${k.cycle.from} → ${k.cycle.to}`, spent: cell(k.spending),
            limit: k.limit === null ? '' : cell(k.limit), used: k.used === null ? '' : progress(k.used),
          })),
        },
      }
    : undefined;
}

function largestEntriesTable(r: MonthReport): Block | undefined {
  const cell = (minor: number) => moneyCell(minor, r.currency);
  return r.largest.length
    ? {
        type: 'table',
        table: {
          title: 'Largest entries',
          columns: [
            { key: 'date', header: 'Date' }, { key: 'amount', header: 'Amount', numeric: true }, { key: 'merchant', header: 'Merchant' },
            { key: 'category', header: 'Category' }, { key: 'account', header: 'Account' }, { key: 'id', header: 'ID', numeric: true },
          ],
          rows: r.largest.map((l) => ({ date: l.date, amount: cell(l.amount), merchant: l.merchant ?? l.description, category: l.category, account: l.account, id: l.id })),
        },
      }
    : undefined;
}

function newMerchantsTable(r: MonthReport): Block | undefined {
  const cell = (minor: number) => moneyCell(minor, r.currency);
  return r.newMerchants.length
    ? {
        type: 'table',
        table: {
          title: 'New merchants this month',
          columns: [{ key: 'merchant', header: 'Merchant' }, { key: 'amount', header: 'Amount', numeric: true }, { key: 'count', header: 'Count', numeric: true }],
          rows: r.newMerchants.map((n) => ({ merchant: n.merchant, amount: cell(n.amount), count: n.count })),
        },
      }
    : undefined;
}

export function yearDocument(r: YearReport): Document {
  const c = r.currency;
  const m = (minor: number) => formatMoney(minor, c);
  const items: SummaryItem[] = [
    moneyItem('Income', r.income, c),
    moneyItem('Spending', r.spending, c),
    moneyItem('Net saved', r.net, c, r.net >= 0 ? 'good' : 'bad'),
    { label: 'Savings rate', value: r.savingsRate === null ? 'n/a' : pct(r.savingsRate) },
    changeItem(`Spending vs ${r.previousYear.year}`, r.vsPreviousYear.spending, c, '', spendTone(r.vsPreviousYear.spending)),
    changeItem(`Income vs ${r.previousYear.year}`, r.vsPreviousYear.income, c, '', undefined),
  ];
  if (r.busiestMonth) items.push({ label: 'Busiest month', value: `${r.busiestMonth.month} (${m(r.busiestMonth.spending)})` });
  if (r.busiestWeekday) items.push({ label: 'Busiest weekday', value: `${r.busiestWeekday.weekday} (${m(r.busiestWeekday.spending)}, ${r.busiestWeekday.count} payments)` });
  if (r.mostFrequentMerchant) items.push({ label: 'Most frequent merchant', value: `${r.mostFrequentMerchant.name} (${r.mostFrequentMerchant.count} times, ${m(r.mostFrequentMerchant.amount)})` });
  const big = r.largest[0];
  if (big) items.push({ label: 'Largest single spend', value: `${m(big.amount)} ${big.merchant ?? big.description} on ${big.date}` });
  const blocks: (Block | undefined)[] = [
    { type: 'heading', text: `Annual bill ${r.year}${r.partial ? ' (so far)' : ''} · ${c}${filtersText(r.filters)}` },
    { type: 'summary', items },
    netWorthBlock(r.netWorth, c),
    currencyNote(r.otherCurrencies),
    r.months.some((x) => x.spending !== 0 || x.income !== 0)
      ? {
          type: 'chart', title: 'Month by month', digits: currencyExponent(c), labels: r.months.map((x) => x.month),
          series: [{ name: 'Spending', values: r.months.map((x) => major(x.spending, c)) }, { name: 'Income', values: r.months.map((x) => major(x.income, c)) }],
        }
      : undefined,
    rankingBlock('Top categories', 'Category', r.categories, c),
    rankingBlock('Top merchants', 'Merchant', r.merchants, c, { bar: false }),
    rankingBlock('Payment channels', 'Channel', r.channels, c),
    r.largest.length
      ? {
          type: 'table',
          table: {
            title: 'Largest entries',
            columns: [{ key: 'date', header: 'Date' }, { key: 'amount', header: 'Amount', numeric: true }, { key: 'merchant', header: 'Merchant' }, { key: 'category', header: 'Category' }, { key: 'id', header: 'ID', numeric: true }],
            rows: r.largest.map((l) => ({ date: l.date, amount: moneyCell(l.amount, c), merchant: l.merchant ?? l.description, category: l.category, id: l.id })),
          },
        }
      : undefined,
  ];
  return { blocks: blocks.filter((b): b is Block => b !== undefined) };
}
