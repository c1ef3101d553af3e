/**
 * The net-worth report → a document: one table and one chart per currency (never added together).
 */
import { currencyExponent } from '../core/money.js';
import { tReport as t } from '../core/messages/report-render.js';
import { monthLabel } from '../core/period-text.js';
import type { NetWorthReport } from '../reports/networth.js';
import type { Block, Document } from './document.js';
import { moneyCell, monthCell } from './report-views.js';

export function netWorthDocument(r: NetWorthReport): Document {
  const first = r.months[0];
  const last = r.months[r.months.length - 1];
  const blocks: Block[] = [{ type: 'heading', text: t('netWorthHeading', { from: first ? monthLabel(first) : '', to: last ? monthLabel(last) : '' }) }];
  if (r.currencies.length === 0) blocks.push({ type: 'note', text: t('noBalances') });
  for (const currency of r.currencies) {
    const rows = r.rows.filter((x) => x.currency === currency);
    const m = (minor: number) => moneyCell(minor, currency);
    blocks.push({
      type: 'table',
      table: {
        title: t('netWorthTable', { currency }),
        columns: [
          { key: 'month', header: t('colMonth') }, { key: 'assets', header: t('colAssets'), numeric: true },
          { key: 'liabilities', header: t('colLiabilities'), numeric: true }, { key: 'net', header: t('colNetWorth'), numeric: true },
        ],
        rows: rows.map((x) => ({ month: monthCell(x.month), assets: m(x.assets), liabilities: m(x.liabilities), net: m(x.netWorth) })),
      },
    });
    if (rows.length > 1) {
      const major = (minor: number) => minor / 10 ** currencyExponent(currency);
      blocks.push({
        type: 'chart', title: t('netWorthChart', { currency }), digits: currencyExponent(currency),
        labels: rows.map((x) => monthLabel(x.month)), keys: rows.map((x) => x.month), series: [{ name: t('colNetWorth'), values: rows.map((x) => major(x.netWorth)) }],
      });
    }
  }
  return { blocks };
}
