/** The month report's busiest hours (issue 26 point 8): the three hours of day with the most spending. */
import { formatMinor, formatMoney } from '../core/money.js';
import { tHours as t } from '../core/messages/hours.js';
import type { HourSpend } from '../reports/hours.js';
import type { Block } from './document.js';

/** How many hours the text shows (the JSON has every hour with purchases). */
export const BUSIEST_SHOWN = 3;

/** Busiest first; nothing when no entry of the month carries a time. */
export function hoursBlock(hours: readonly HourSpend[], currency: string): Block | undefined {
  if (hours.length === 0) return undefined;
  const busiest = [...hours].sort((a, b) => b.amount - a.amount || b.count - a.count || a.hour - b.hour).slice(0, BUSIEST_SHOWN);
  return {
    type: 'summary',
    title: t('busiestTitle'),
    items: busiest.map((h) => ({
      label: t('hourSlot', { from: h.hour, to: h.hour + 1 }),
      value: t('hourValue', { amount: formatMoney(h.amount, currency), count: h.count }),
      plain: formatMinor(h.amount, currency),
    })),
  };
}

