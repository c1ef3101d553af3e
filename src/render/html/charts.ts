/**
 * Inline SVG charts, drawn by hand (no library, no DOM): a donut of shares and a month-by-month
 * chart (bars for spending, a line with hollow points for income). Geometry only uses floats;
 * amounts arrive as display numbers already. Text inside is escaped.
 */
import { escapeHtml as esc } from '../safe-text.js';
import { colour } from './page.js';

const r2 = (x: number) => Math.round(x * 100) / 100;

/** A donut of 0..1 shares (the rest of the circle stays the track colour). */
export function donutSvg(shares: readonly { name: string; share: number }[], centre: { big: string; small: string }): string {
  const R = 80;
  const W = 26;
  let angle = -Math.PI / 2;
  const arcs: string[] = [];
  shares.forEach((s, i) => {
    const share = Math.max(0, Math.min(1, s.share));
    if (share <= 0) return;
    if (share >= 0.9999) {
      arcs.push(`<circle cx="100" cy="100" r="${R}" fill="none" stroke="${colour(i)}" stroke-width="${W}"><title>${esc(s.name)}</title></circle>`);
      return;
    }
    const end = angle + share * 2 * Math.PI;
    const [x0, y0, x1, y1] = [100 + R * Math.cos(angle), 100 + R * Math.sin(angle), 100 + R * Math.cos(end), 100 + R * Math.sin(end)];
    const large = share > 0.5 ? 1 : 0;
    arcs.push(`<path d="M${r2(x0)} ${r2(y0)}A${R} ${R} 0 ${large} 1 ${r2(x1)} ${r2(y1)}" fill="none" stroke="${colour(i)}" stroke-width="${W}"><title>${esc(s.name)}</title></path>`);
    angle = end;
  });
  return `<svg viewBox="0 0 200 200" role="img" aria-label="${esc(centre.small)}"><circle cx="100" cy="100" r="${R}" fill="none" stroke="var(--track)" stroke-width="${W}"/>${arcs.join('')}` +
    `<text x="100" y="98" text-anchor="middle" font-size="20" font-weight="700" fill="currentColor">${esc(centre.big)}</text>` +
    `<text x="100" y="120" text-anchor="middle" font-size="12" fill="var(--muted)">${esc(centre.small)}</text></svg>`;
}

export interface MonthSeries {
  labels: readonly string[];
  /** Spending per month (bars), display units. Fewer values than labels: months to come. */
  bars: readonly number[];
  /** Income per month (a line with hollow points). */
  line: readonly number[];
  names: { bars: string; line: string };
}

/** `12345.6` → `12.3k`, for axis ticks only. */
function tick(x: number): string {
  const a = Math.abs(x);
  return a >= 10_000 ? `${r2(x / 1000).toFixed(0)}k` : a >= 1000 ? `${(x / 1000).toFixed(1)}k` : x.toFixed(0);
}

/** Spending bars and an income line over months, with a legend; labels under the axis. */
export function monthChartSvg(m: MonthSeries): string {
  const [W, H, left, top, bottom] = [640, 260, 46, 30, 34];
  const plotW = W - left - 10;
  const plotH = H - top - bottom;
  const max = Math.max(1, ...m.bars, ...m.line);
  const n = Math.max(1, m.labels.length);
  const step = plotW / n;
  const x = (i: number) => left + step * i + step / 2;
  const y = (v: number) => top + plotH - (Math.max(0, v) / max) * plotH;
  const parts: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    parts.push(`<line x1="${left}" x2="${W - 10}" y1="${r2(y(v))}" y2="${r2(y(v))}" stroke="var(--line)"/>`);
    parts.push(`<text x="${left - 6}" y="${r2(y(v) + 4)}" text-anchor="end" font-size="14" fill="var(--muted)">${tick(v)}</text>`);
  }
  const bw = Math.min(34, step * 0.55);
  m.bars.forEach((v, i) => parts.push(`<rect x="${r2(x(i) - bw / 2)}" y="${r2(y(v))}" width="${r2(bw)}" height="${r2(top + plotH - y(v))}" rx="3" fill="var(--s0)"><title>${esc(m.labels[i] ?? '')}: ${v.toFixed(2)}</title></rect>`));
  if (m.line.length > 1) parts.push(`<polyline points="${m.line.map((v, i) => `${r2(x(i))},${r2(y(v))}`).join(' ')}" fill="none" stroke="var(--s1)" stroke-width="2.5"/>`);
  m.line.forEach((v, i) => parts.push(`<circle cx="${r2(x(i))}" cy="${r2(y(v))}" r="5" fill="var(--card)" stroke="var(--s1)" stroke-width="2.5"><title>${esc(m.labels[i] ?? '')}: ${v.toFixed(2)}</title></circle>`));
  m.labels.forEach((l, i) => parts.push(`<text x="${r2(x(i))}" y="${H - 12}" text-anchor="middle" font-size="15" fill="var(--muted)">${esc(l)}</text>`));
  parts.push(`<rect x="${left}" y="6" width="12" height="12" rx="2" fill="var(--s0)"/><text x="${left + 18}" y="16" font-size="15" fill="currentColor">${esc(m.names.bars)}</text>`);
  parts.push(`<circle cx="${left + 126}" cy="12" r="5" fill="var(--card)" stroke="var(--s1)" stroke-width="2.5"/><text x="${left + 136}" y="16" font-size="15" fill="currentColor">${esc(m.names.line)}</text>`);
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(`${m.names.bars} / ${m.names.line}`)}">${parts.join('')}</svg>`;
}
