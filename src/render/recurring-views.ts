/** `report recurring` and the recurring block of `report month` (issue 28) as documents. */
import type { Recurring, RecurringMonth } from '../reports/recurring.js';
import { formatMinor, formatMoney } from '../core/money.js';
import { tEntriesAdd as t } from '../core/messages/entries-add.js';
import { type Block, type Document } from './document.js';
import { figure } from './table.js';

const money = (minor: number, currency: string) => figure(formatMoney(minor, currency), formatMinor(minor, currency));

function notes(r: Recurring): string {
  const parts: string[] = [];
  if (r.priceChange) parts.push(t('priceChange', { from: formatMoney(r.priceChange.from, r.currency), to: formatMoney(r.priceChange.to, r.currency) }));
  if (r.missed) parts.push(t('missed'));
  return parts.join('; ');
}

export function recurringDocument(list: readonly Recurring[]): Document {
  if (list.length === 0) return { blocks: [{ type: 'heading', text: t('recurringTitle') }, { type: 'note', text: t('recurringNone') }] };
  const table: Block = {
    type: 'table',
    table: {
      title: t('recurringTitle'),
      columns: [
        { key: 'merchant', header: t('colMerchant') }, { key: 'interval', header: t('colInterval') },
        { key: 'last_date', header: t('colLast') }, { key: 'last_amount', header: t('colLastAmount'), numeric: true },
        { key: 'next_date', header: t('colNext') }, { key: 'monthly_cost', header: t('colMonthly'), numeric: true },
        { key: 'notes', header: t('colNotes') },
      ],
      rows: list.map((r) => ({
        merchant: r.merchant, interval: t(r.interval), last_date: r.lastDate, last_amount: money(r.lastAmount, r.currency),
        next_date: r.nextDate, monthly_cost: money(r.monthlyCost, r.currency), notes: notes(r),
      })),
    },
  };
  return { blocks: [table] };
}

/** The month report's block: the recurring total a month and the price changes charged this month. */
export function recurringMonthBlock(m: RecurringMonth | undefined, currency: string): Block | undefined {
  if (!m || (m.monthlyTotal === 0 && m.priceChanges.length === 0)) return undefined;
  return {
    type: 'summary',
    title: t('recurringTitle'),
    items: [
      { label: t('recurringMonthly'), value: `${formatMoney(m.monthlyTotal, currency)} ${currency}`, plain: formatMinor(m.monthlyTotal, currency) },
      ...m.priceChanges.map((p) => ({ label: p.merchant, value: t('priceChange', { from: formatMoney(p.from, currency), to: formatMoney(p.to, currency) }), tone: 'bad' as const })),
    ],
  };
}
