/**
 * Ranking and trend models → documents, in the reader's language.
 */
import { currencyExponent, formatMinor, formatMoney } from '../core/money.js';
import { tReport as t } from '../core/messages/report-render.js';
import { monthLabel } from '../core/period-text.js';
import type { RankBy, RankReport, TrendReport } from '../reports/rank.js';
import type { Block, Document } from './document.js';
import { filtersText, periodText, rowName } from './labels.js';
import { currencyNote, moneyCell, monthCell, nameHeader, pct, rankingBlock } from './report-views.js';

/** `category` → category / 分类 (inside a sentence). */
const byWord = (by: RankBy): string => (by === 'category' ? t('byCategory') : by === 'merchant' ? t('byMerchant') : t('byChannel'));

export function rankDocument(r: RankReport): Document {
  const blocks: (Block | undefined)[] = [
    { type: 'heading', text: t('rankHeading', { by: byWord(r.by), period: periodText(r.from, r.to), currency: r.currency, filters: filtersText(r.filters) }) },
    { type: 'summary', items: [{ label: t('totalSpending'), value: formatMoney(r.total, r.currency), plain: formatMinor(r.total, r.currency) }] },
    currencyNote(r.otherCurrencies),
    rankingBlock(t('topN', { n: r.rows.length }), r.by, r.rows, r.currency),
    r.rest ? { type: 'note', text: t('restNote', { n: r.rest.rows, amount: formatMoney(r.rest.amount, r.currency), share: pct(r.total > 0 ? r.rest.amount / r.total : null) }) } : undefined,
    r.rows.length === 0 ? { type: 'note', text: t('noSpending') } : undefined,
  ];
  return { blocks: blocks.filter((b): b is Block => b !== undefined) };
}

export function trendDocument(r: TrendReport): Document {
  const m = (minor: number) => moneyCell(minor, r.currency);
  const major = (minor: number) => minor / 10 ** currencyExponent(r.currency);
  const first = r.months[0];
  const last = r.months[r.months.length - 1];
  const labels = r.months.map(monthLabel);
  const by = r.by;
  const blocks: (Block | undefined)[] = [
    {
      type: 'heading',
      text: t('trendHeading', {
        from: first ? monthLabel(first) : '', to: last ? monthLabel(last) : '', currency: r.currency, by: by ? t('trendBy', { by: byWord(by) }) : '', filters: filtersText(r.filters),
      }),
    },
    currencyNote(r.otherCurrencies),
    {
      type: 'table',
      table: {
        title: t('totals'),
        columns: [
          { key: 'month', header: t('colMonth') }, { key: 'spending', header: t('spending'), numeric: true },
          { key: 'income', header: t('income'), numeric: true }, { key: 'net', header: t('net'), numeric: true },
        ],
        rows: r.totals.map((x) => ({ month: monthCell(x.month), spending: m(x.spending), income: m(x.income), net: m(x.net) })),
      },
    },
    by && r.series.length
      ? {
          type: 'table',
          table: {
            title: t('spendingBy', { by: byWord(by) }),
            // Month columns are headed the way people read them; CSV headers are headers too (they follow the locale).
            columns: [{ key: 'name', header: nameHeader(by) }, ...r.months.map((month, i) => ({ key: month, header: labels[i]!, numeric: true })), { key: 'total', header: t('total'), numeric: true }],
            rows: r.series.map((s) => ({ name: rowName(s.name, by), ...Object.fromEntries(r.months.map((month, i) => [month, m(s.amounts[i] ?? 0)])), total: m(s.total) })),
          },
        }
      : undefined,
    r.months.length > 1
      ? by && r.series.length
        ? { type: 'chart', title: t('spendingBy', { by: byWord(by) }), digits: currencyExponent(r.currency), labels, keys: r.months, series: r.series.map((s) => ({ name: rowName(s.name, by), values: s.amounts.map(major) })) }
        : {
            type: 'chart', title: t('spendingAndIncome'), digits: currencyExponent(r.currency), labels, keys: r.months,
            series: [{ name: t('spending'), values: r.totals.map((x) => major(x.spending)) }, { name: t('income'), values: r.totals.map((x) => major(x.income)) }],
          }
      : undefined,
  ];
  return { blocks: blocks.filter((b): b is Block => b !== undefined) };
}
