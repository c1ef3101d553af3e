/**
 * The shell of every HTML file pocketbook writes: one self-contained document (inline CSS and
 * SVG, no script, no font, image or link from anywhere; the Content-Security-Policy forbids them),
 * readable at a phone's width, printable on A4, light and dark.
 */
import { escapeHtml as esc } from '../safe-text.js';

/** Forbids every fetch: only the inline style and inline SVG of the page itself. */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const CSS = `
:root{--bg:#f6f7fb;--card:#fff;--ink:#1d2330;--muted:#6b7385;--line:#e3e6ee;--accent:#e8590c;--good:#2b8a3e;--bad:#c92a2a;--track:#edf0f5;
--s0:#e8590c;--s1:#1c7ed6;--s2:#2b8a3e;--s3:#ae3ec9;--s4:#f59f00;--s5:#0c8599;--s6:#d6336c;--s7:#5c7cfa;--s8:#868e96}
@media (prefers-color-scheme:dark){:root{--bg:#14161c;--card:#1e2129;--ink:#e8eaf0;--muted:#9aa3b5;--line:#2e323d;--accent:#ff8a3d;--good:#69db7c;--bad:#ff6b6b;--track:#2a2e38}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
main{max-width:960px;margin:0 auto;padding:16px}
header h1{margin:0;font-size:26px;letter-spacing:.02em}
header p{margin:4px 0 0;color:var(--muted)}
section{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:16px;margin:14px 0;break-inside:avoid;min-width:0}
section h2{margin:0 0 10px;font-size:17px}
.summary{font-size:16px}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px}
.figure{background:var(--track);border-radius:10px;padding:10px 12px;min-width:0}
.figure .label{color:var(--muted);font-size:13px}
.figure .value{display:block;font-size:22px;font-weight:700;overflow-wrap:anywhere}
.figure .change{font-size:13px}
.good{color:var(--good)}.bad{color:var(--bad)}.muted{color:var(--muted)}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,420px),1fr));gap:14px}
.split{display:grid;grid-template-columns:minmax(0,200px) minmax(0,1fr);gap:16px;align-items:center}
@media (max-width:560px){.split{grid-template-columns:minmax(0,1fr)}.split svg{max-width:220px;margin:0 auto}}
svg{display:block;width:100%;height:auto}
ol.rank,ul.rows{list-style:none;margin:0;padding:0}
.row{display:grid;grid-template-columns:1.6em minmax(0,1fr) auto;gap:6px 8px;align-items:center;padding:5px 0;border-bottom:1px solid var(--line)}
.row:last-child{border-bottom:0}
.row .name{display:block;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0}
.row .amount{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.row .meta{grid-column:2/4;color:var(--muted);font-size:12px;overflow-wrap:anywhere}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%}
.bar{grid-column:2/4;height:6px;background:var(--track);border-radius:3px;overflow:hidden}
.bar i{display:block;height:100%;background:var(--accent);border-radius:3px}
.progress{height:10px;background:var(--track);border-radius:5px;overflow:hidden;margin:6px 0}
.progress i{display:block;height:100%;background:var(--s1)}
.progress.over i{background:var(--bad)}
.item{padding:8px 0;border-bottom:1px solid var(--line);min-width:0;overflow-wrap:anywhere}
.item:last-child{border-bottom:0}
.badge{display:inline-block;padding:1px 8px;border-radius:999px;background:var(--accent);color:#fff;font-size:12px}
footer{color:var(--muted);font-size:12px;text-align:center;margin:18px 0}
.legend-swatch{fill:currentColor}
@page{size:A4;margin:14mm}
@media print{body{background:#fff;color:#000;font-size:11pt}main{max-width:none;padding:0}section{border-color:#bbb;box-shadow:none}
 :root{--bg:#fff;--card:#fff;--ink:#000;--muted:#555;--line:#ccc;--track:#eee}}
`;

export interface PageOptions {
  lang: 'en' | 'zh';
  title: string;
  body: string;
}

export function htmlPage(p: PageOptions): string {
  return `<!DOCTYPE html>
<html lang="${p.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="pocketbook">
<title>${esc(p.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${p.body}
</main>
</body>
</html>
`;
}

/** A section with a heading, left out when it holds nothing. */
export function section(title: string, inner: string, cls = ''): string {
  return inner === '' ? '' : `<section${cls ? ` class="${cls}"` : ''}><h2>${esc(title)}</h2>${inner}</section>`;
}

/** A progress bar for a 0..1 share (over 1 shows full, in the "over" colour). */
export function progressBar(used: number, label: string, overIsBad = true): string {
  const pct = Math.round(Math.max(0, Math.min(1, used)) * 1000) / 10;
  return `<div class="progress${used > 1 && overIsBad ? ' over' : ''}" role="img" aria-label="${esc(label)}"><i style="width:${pct}%"></i></div>`;
}

/** Series colour i (CSS variable). */
export const colour = (i: number): string => `var(--s${i % 9})`;
