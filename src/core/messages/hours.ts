/**
 * Time of day (issue 26 point 8): the month report's busiest hours and the badge condition `hour`.
 */
import { messages } from '../i18n.js';

export const tHours = messages({
  busiestTitle: { en: 'Busiest hours', zh: '消费时段' },
  hourSlot: { en: '{from}:00–{to}:00', zh: '{from}–{to} 点' },
  hourValue: { en: '{amount} · purchases: {count}', zh: '{amount}，{count} 笔' },
  hourRange: { en: 'hour must be a whole number from 0 to 23, not {value}', zh: '小时必须是 0 到 23 的整数，而不是 {value}' },
});
