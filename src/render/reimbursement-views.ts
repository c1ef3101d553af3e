/** `report reimbursements` and the month report's outstanding line (报销, issue 28 point 3) as documents. */
import type { OwedItem, ReimbursementsReport } from '../reports/reimbursements.js';
import { formatMinor, formatMoney } from '../core/money.js';
import { tReimburse as t } from '../core/messages/reimburse.js';
import type { Block, Document } from './document.js';
import { type Column, figure } from './table.js';

const money = (minor: number, currency: string) => figure(`${formatMoney(minor, currency)} ${currency}`, formatMinor(minor, currency));
const payer = (from: string | null) => from ?? t('unknownPayer');

function itemsTable(title: string, items: readonly OwedItem[], settled: boolean): Block {
  const columns: Column[] = [
    { key: 'id', header: t('colId'), numeric: true }, { key: 'date', header: t('colDate') },
    { key: 'description', header: t('colDescription') }, { key: 'amount', header: t('colAmount'), numeric: true },
    { key: 'from', header: t('colFrom') }, { key: 'days', header: t('colDays'), numeric: true },
    ...(settled ? [{ key: 'paid_by', header: t('colPaidBy'), numeric: true }, { key: 'paid_date', header: t('colPaidDate') }] : []),
    { key: 'note', header: t('colNote') },
  ];
  const rows = items.map((i) => ({
    id: String(i.id), date: i.date, description: i.description, amount: money(i.amount, i.currency), from: payer(i.from),
    days: String(i.sinceDays), paid_by: i.paidBy === null ? '' : String(i.paidBy), paid_date: i.paidDate ?? '', note: i.note ?? '',
  }));
  return { type: 'table', table: { title, columns, rows } };
}

export function reimbursementsDocument(r: ReimbursementsReport): Document {
  const blocks: Block[] = [];
  if (r.outstanding.length === 0) {
    blocks.push({ type: 'heading', text: t('title') }, { type: 'note', text: t(r.settled && r.settled.length > 0 ? 'none' : 'noneMarked') });
  } else {
    blocks.push(itemsTable(t('title'), r.outstanding, false));
    blocks.push({
      type: 'table',
      table: {
        title: t('byPayerTitle'),
        columns: [
          { key: 'from', header: t('colFrom') }, { key: 'count', header: t('colCount'), numeric: true },
          { key: 'since', header: t('colSince') }, { key: 'amount', header: t('colTotal'), numeric: true },
        ],
        rows: r.byPayer.map((p) => ({ from: payer(p.from), count: String(p.count), since: p.since, amount: money(p.amount, p.currency) })),
      },
    });
    for (const s of r.totals) blocks.push({ type: 'note', text: t('totalLine', { amount: formatMoney(s.amount, s.currency), currency: s.currency, count: s.count }) });
  }
  if (r.settled && r.settled.length > 0) blocks.push(itemsTable(t('settledTitle'), r.settled, true));
  return { blocks };
}

/** The month report's line: what was owed back at the month's end (nothing when zero). */
export function reimbursementsMonthBlock(owed: number | undefined, currency: string): Block | undefined {
  if (!owed) return undefined;
  return { type: 'summary', items: [{ label: t('monthOutstanding'), value: `${formatMoney(owed, currency)} ${currency}`, plain: formatMinor(owed, currency) }] };
}
