/**
 * The net-worth report → a document: one table and one chart per currency (never added together).
 */
import { currencyExponent } from '../core/money.js';
import type { NetWorthReport } from '../reports/networth.js';
import type { Block, Document } from './document.js';
import { moneyCell } from './report-views.js';

export function netWorthDocument(r: NetWorthReport): Document {
  const first = r.months[0] ?? '';
  const last = r.months[r.months.length - 1] ?? '';
  const blocks: Block[] = [{ type: 'heading', text: `Net worth at each month-end, ${first} → ${last}` }];
  if (r.currencies.length === 0) blocks.push({ type: 'note', text: 'No accounts with balances yet.' });
  for (const currency of r.currencies) {
    const rows = r.rows.filter((x) => x.currency === currency);
    const m = (minor: number) => moneyCell(minor, currency);
    blocks.push({
      type: 'table',
      table: {
        title: `${currency} (liabilities: money owed on credit accounts)`,
        columns: [
          { key: 'month', header: 'Month' }, { key: 'assets', header: 'Assets', numeric: true },
          { key: 'liabilities', header: 'Liabilities', numeric: true }, { key: 'net', header: 'Net worth', numeric: true },
        ],
        rows: rows.map((x) => ({ month: x.month, assets: m(x.assets), liabilities: m(x.liabilities), net: m(x.netWorth) })),
      },
    });
    if (rows.length > 1) {
      const major = (minor: number) => minor / 10 ** currencyExponent(currency);
      blocks.push({ type: 'chart', title: `Net worth · ${currency}`, digits: currencyExponent(currency), labels: rows.map((x) => x.month), series: [{ name: 'Net worth', values: rows.map((x) => major(x.netWorth)) }] });
    }
  }
  return { blocks };
}
