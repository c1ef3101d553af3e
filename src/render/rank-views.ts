/**
 * Ranking and trend models → documents.
 */
import { currencyExponent, formatMinor, formatMoney } from '../core/money.js';
import type { RankReport, TrendReport } from '../reports/rank.js';
import type { Block, Document } from './document.js';
import { currencyNote, moneyCell, pct, rankingBlock } from './report-views.js';

const filtersText = (filters: Record<string, string | undefined>): string =>
  Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) => ` · ${k} ${v}`).join('');

export function rankDocument(r: RankReport): Document {
  const title = r.by[0]!.toUpperCase() + r.by.slice(1);
  const blocks: (Block | undefined)[] = [
    { type: 'heading', text: `Spending by ${r.by}, ${r.from} → ${r.to} · ${r.currency}${filtersText(r.filters)}` },
    { type: 'summary', items: [{ label: 'Total spending', value: formatMoney(r.total, r.currency), plain: formatMinor(r.total, r.currency) }] },
    currencyNote(r.otherCurrencies),
    rankingBlock(`Top ${r.rows.length}`, title, r.rows, r.currency),
    r.rest ? { type: 'note', text: `${r.rest.rows} more: ${formatMoney(r.rest.amount, r.currency)} (${pct(r.total > 0 ? r.rest.amount / r.total : null)})` } : undefined,
    r.rows.length === 0 ? { type: 'note', text: 'No spending in this period.' } : undefined,
  ];
  return { blocks: blocks.filter((b): b is Block => b !== undefined) };
}

export function trendDocument(r: TrendReport): Document {
  const m = (minor: number) => moneyCell(minor, r.currency);
  const major = (minor: number) => minor / 10 ** currencyExponent(r.currency);
  const first = r.months[0] ?? '';
  const last = r.months[r.months.length - 1] ?? '';
  const blocks: (Block | undefined)[] = [
    { type: 'heading', text: `Trend ${first} → ${last} · ${r.currency}${r.by ? ` · by ${r.by}` : ''}${filtersText(r.filters)}` },
    currencyNote(r.otherCurrencies),
    {
      type: 'table',
      table: {
        title: 'Totals',
        columns: [{ key: 'month', header: 'Month' }, { key: 'spending', header: 'Spending', numeric: true }, { key: 'income', header: 'Income', numeric: true }, { key: 'net', header: 'Net', numeric: true }],
        rows: r.totals.map((t) => ({ month: t.month, spending: m(t.spending), income: m(t.income), net: m(t.net) })),
      },
    },
    r.by && r.series.length
      ? {
          type: 'table',
          table: {
            title: `Spending by ${r.by}`,
            columns: [{ key: 'name', header: r.by }, ...r.months.map((month) => ({ key: month, header: month, numeric: true })), { key: 'total', header: 'Total', numeric: true }],
            rows: r.series.map((s) => ({ name: s.name, ...Object.fromEntries(r.months.map((month, i) => [month, m(s.amounts[i] ?? 0)])), total: m(s.total) })),
          },
        }
      : undefined,
    r.months.length > 1
      ? r.by && r.series.length
        ? { type: 'chart', title: `Spending by ${r.by}`, digits: currencyExponent(r.currency), labels: r.months, series: r.series.map((s) => ({ name: s.name, values: s.amounts.map(major) })) }
        : { type: 'chart', title: 'Spending and income', digits: currencyExponent(r.currency), labels: r.months, series: [{ name: 'Spending', values: r.totals.map((t) => major(t.spending)) }, { name: 'Income', values: r.totals.map((t) => major(t.income)) }] }
      : undefined,
  ];
  return { blocks: blocks.filter((b): b is Block => b !== undefined) };
}
