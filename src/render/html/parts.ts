/**
 * Pieces the month report and the annual bill share: amounts as a reader writes them, headline
 * figures (marked `data-figure` so a test can read them back), rankings, largest entries.
 */
import { getLocale } from '../../core/i18n.js';
import { tHtml as t } from '../../core/messages/html.js';
import { formatMinor, formatMoney } from '../../core/money.js';
import type { Change, RankedRow } from '../../reports/model.js';
import { escapeHtml as esc } from '../safe-text.js';
import { colour } from './page.js';

/** `7,637.11 元` in Chinese for yuan, `7,637.11 USD` for another currency; `7,637.11` in English (the currency is in the header). */
export function amountText(minor: number, currency: string): string {
  const m = formatMoney(minor, currency);
  if (getLocale() === 'zh') return currency === 'CNY' ? `${m} 元` : `${m} ${currency}`;
  return m;
}

export const percent = (x: number): string => `${(Math.abs(x) * 100).toFixed(1)}%`;

/** `多 1.6%` / `1.6% less`, coloured: more spending is bad. */
export function changeHtml(c: Change | null, moreIsGood = false): string {
  if (!c || c.ratio === null) return `<span class="change muted">${esc(t('noComparison'))}</span>`;
  if (c.amount === 0) return `<span class="change muted">${esc(t('same'))}</span>`;
  const up = c.amount > 0;
  const tone = up === moreIsGood ? 'good' : 'bad';
  return `<span class="change ${tone}">${up ? '▲' : '▼'} ${esc(t(up ? 'more' : 'less', { pct: percent(c.ratio) }))}</span>`;
}

export interface FigureBox {
  key: string;
  label: string;
  minor?: number;
  text?: string;
  currency: string;
  note?: string;
}

/** A headline figure: `data-figure` names it, `data-value` holds the plain amount (`-1553.49`). */
export function figureBox(f: FigureBox): string {
  const value = f.minor !== undefined ? formatMoney(f.minor, f.currency) : (f.text ?? '');
  const plain = f.minor !== undefined ? ` data-value="${formatMinor(f.minor, f.currency)}"` : '';
  return `<div class="figure"><span class="label">${esc(f.label)}</span><span class="value" data-figure="${esc(f.key)}"${plain}>${esc(value)}</span>${f.note ?? ''}</div>`;
}

/** A ranking: name, amount, share (with a bar or a colour dot), count. */
export function rankList(rows: readonly RankedRow[], currency: string, opts: { figure: string; bar?: boolean; dots?: boolean }): string {
  if (rows.length === 0) return '';
  const items = rows.map((r, i) => {
    const name = r.amount < 0 ? `${r.name} (${t('refundsExceed')})` : r.name;
    const lead = opts.dots ? `<span class="dot" style="background:${colour(i)}"></span>` : `<span class="muted">${i + 1}</span>`;
    const share = r.share === null ? '' : ` · ${percent(r.share)}`;
    const bar = opts.bar && r.share !== null ? `<div class="bar"><i style="width:${Math.round(Math.max(0, Math.min(1, r.share)) * 1000) / 10}%"></i></div>` : '';
    return `<li class="row">${lead}<span class="name" title="${esc(r.name)}">${esc(name)}</span>` +
      `<span class="amount" data-figure="${esc(opts.figure)}" data-name="${esc(r.name)}" data-value="${formatMinor(r.amount, currency)}">${esc(formatMoney(r.amount, currency))}</span>` +
      `<span class="meta">${esc(t('entries', { n: r.count }))}${share}</span>${bar}</li>`;
  });
  return `<ol class="rank">${items.join('')}</ol>`;
}

export interface LargestRow {
  id: number;
  date: string;
  amount: number;
  merchant: string | null;
  description: string;
  category: string;
  account?: string;
}

export function largestList(rows: readonly LargestRow[], currency: string): string {
  if (rows.length === 0) return '';
  const items = rows.map((l, i) =>
    `<li class="row"><span class="muted">${i + 1}</span><span class="name">${esc(l.merchant ?? l.description)}</span>` +
    `<span class="amount" data-figure="largest" data-value="${formatMinor(l.amount, currency)}">${esc(formatMoney(l.amount, currency))}</span>` +
    `<span class="meta">${esc([l.date, l.category, l.account].filter(Boolean).join(' · '))}</span></li>`);
  return `<ol class="rank">${items.join('')}</ol>`;
}
