/**
 * The badge card (勋章海报): a shareable picture of one badge — the medal, its name, why, the month
 * and the holder's name — as a standalone SVG or an HTML page holding it. Inline only: no font,
 * image or link from anywhere.
 */
import { getLocale } from '../../core/i18n.js';
import { tHtml as t } from '../../core/messages/html.js';
import { monthLabel } from '../../core/period-text.js';
import { escapeHtml as esc } from '../safe-text.js';
import { cutText, textWidth } from '../width.js';
import { htmlPage } from './page.js';
import type { BadgeCard } from '../../reports/perks/badges.js';


/** Text broken into lines of at most `width` columns (CJK counts 2), at most `max` lines. */
export function wrapText(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=\s)|(?=[\u3000-\u9fff])|(?<=[\u3000-\u9fff])/u)) {
    if (textWidth((line + word).trimEnd()) > width && line.trim() !== '') {
      lines.push(line.trim());
      line = word.trimStart();
    } else line += word;
  }
  if (line.trim()) lines.push(line.trim());
  if (lines.length > max) return [...lines.slice(0, max - 1), cutText(lines.slice(max - 1).join(' '), width)];
  return lines.map((l) => cutText(l, width));
}

const FONT = 'system-ui,-apple-system,&quot;PingFang SC&quot;,&quot;Noto Sans CJK SC&quot;,sans-serif';

export function badgeCardSvg(c: BadgeCard): string {
  const [from, to] = c.earned ? ['#ff9a3d', '#e8590c'] : ['#adb5bd', '#6c757d'];
  const text = (y: number, s: string, size: number, extra = '') =>
    `<text x="300" y="${y}" text-anchor="middle" font-size="${size}" ${extra}>${esc(s)}</text>`;
  const names = wrapText(c.name, 26, 2);
  const reasons = wrapText(c.reason, 40, 3);
  const status = c.earned ? t('cardMonth', { month: monthLabel(c.month) }) : t('cardNotYet', { month: monthLabel(c.month), pct: `${Math.round(c.progress * 100)}%` });
  const parts = [
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fff4e6"/><stop offset="1" stop-color="#ffe8cc"/></linearGradient>`,
    `<linearGradient id="medal" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>`,
    `<rect width="600" height="800" rx="36" fill="url(#bg)"/>`,
    `<rect x="24" y="24" width="552" height="752" rx="28" fill="none" stroke="${to}" stroke-width="3" stroke-dasharray="2 10" stroke-linecap="round"/>`,
    text(92, t('cardTitle'), 28, `fill="#7a3e00" font-weight="700" letter-spacing="4"`),
    `<path d="M250 130 L230 250 L270 230 L300 260 Z M350 130 L370 250 L330 230 L300 260 Z" fill="${to}" opacity=".55"/>`,
    `<circle cx="300" cy="300" r="110" fill="url(#medal)"/><circle cx="300" cy="300" r="92" fill="none" stroke="#fff" stroke-width="4" opacity=".7"/>`,
    `<path d="M300 232 L318 280 L368 282 L328 312 L342 362 L300 334 L258 362 L272 312 L232 282 L282 280 Z" fill="#fff"/>`,
    ...names.map((n, i) => text(480 + i * 44, n, 36, `fill="#3d1f00" font-weight="700"`)),
    ...reasons.map((r, i) => text(480 + names.length * 44 + 16 + i * 30, r, 20, `fill="#5c3b1a"`)),
    text(680, status, 20, `fill="#7a3e00"`),
    ...(c.holder ? [text(716, t('cardHolder', { name: c.holder }), 22, `fill="#3d1f00" font-weight="700"`)] : []),
    text(758, 'pocketbook', 14, `fill="#a0522d" opacity=".8"`),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 800" width="600" height="800" font-family="${FONT}" role="img" aria-label="${esc(`${c.name}: ${c.reason}`)}" data-badge="${esc(c.id)}">${parts.join('')}</svg>\n`;
}

export function badgeCardHtml(c: BadgeCard): string {
  // Inline SVG in HTML needs no namespace: the page names no URL at all.
  const svg = badgeCardSvg(c).replace(' xmlns="http://www.w3.org/2000/svg"', '').replace('width="600" height="800" ', 'style="max-width:600px;width:100%;height:auto;margin:0 auto" ');
  return htmlPage({ lang: getLocale(), title: `${t('cardTitle')} · ${c.name}`, body: svg });
}
