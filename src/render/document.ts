/**
 * A report as a document of blocks (summary lines, tables, charts, notes) and the terminal
 * renderer (optionally coloured); Markdown and CSV are in document-text.ts. No IO, no DB.
 */
import { tReport } from '../core/messages/report-render.js';
import { type Cell, type Table, figure, shownText } from './table.js';
import { escapeControls as shown } from './safe-text.js';
import { cutText, padText, textWidth } from './width.js';
import { renderPlot } from './chart.js';
import { monthLabel, shortMonthLabel } from '../core/period-text.js';

export type Tone = 'good' | 'bad' | 'muted' | 'plain';

export interface SummaryItem {
  label: string;
  value: string;
  /** The label in CSV when it differs (dates kept ISO: `at 2026-09-30`, not `at Wed 30 Sep`). */
  csvLabel?: string;
  /** The value as a plain number for CSV (`-1553.49`), when the line is one figure. */
  plain?: string;
  tone?: Tone;
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'summary'; title?: string; items: SummaryItem[] }
  | { type: 'table'; table: Table; /** column key holding a 0..1 share drawn as a bar on terminals */ bar?: string }
  | {
      type: 'chart'; title: string;
      /** What a person reads under each point (`Sep 2026`); `keys` are the same points for CSV (`2026-09`). */
      labels: string[]; keys?: string[];
      series: { name: string; values: number[] }[]; /** decimals of the values (the currency's) */ digits?: number;
    }
  | { type: 'note'; text: string; tone?: Tone };

export interface Document {
  blocks: Block[];
}

export interface Painter {
  bold(text: string): string;
  dim(text: string): string;
  tone(text: string, tone: Tone): string;
  /** Colour of chart series i (ANSI code string for asciichart), '' for none. */
  series(i: number): string;
}

export const PLAIN_PAINTER: Painter = { bold: (t) => t, dim: (t) => t, tone: (t) => t, series: () => '' };

/** Chart drawing, loaded lazily (asciichart) by the caller. */
export type Plot = (series: number[][], opts: { height: number; colors?: string[]; format?: (x: number) => string }) => string;

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A proportional bar of `width` cells for a 0..1 share. */
export function bar(share: number, width = 20): string {
  const clamped = Math.max(0, Math.min(1, share));
  const eighths = Math.round(clamped * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

/** A progress bar `[█████░░░░░] 52%` (over 100% shows full and the real percentage). */
export function progress(used: number, width = 20): string {
  const filled = Math.round(Math.max(0, Math.min(1, used)) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.round(used * 100)}%`;
}

/**
 * A chart block on a terminal `width` columns wide (render/chart.ts): month labels under the axis,
 * a symbol and a legend entry per series. `plot` (asciichart) is no longer used here; Markdown keeps it.
 */
export function chartText(block: Extract<Block, { type: 'chart' }>, _plot: Plot | undefined, painter: Painter, width = 80): string {
  const lines = [painter.bold(shown(block.title))];
  const drawable = block.series.filter((s) => s.values.length > 0);
  if (drawable.length > 0 && block.labels.length > 1) {
    // The months' own keys (`2026-09`) when the block has them: the axis says them short (`Sep`, `9月`).
    const points = block.keys ?? block.labels;
    const labels = points.map((l, i) => (/^\d{4}-\d{2}$/.test(l) ? shortMonthLabel(l) : shown(block.labels[i] ?? l)));
    const paint = (t: string, i: number) => (painter.series(i) ? `${painter.series(i)}${t}\x1b[39m` : t);
    lines.push(...renderPlot(labels, drawable.map((s) => ({ name: shown(s.name), values: s.values })), { width, height: 10, paint }));
    const [first, last] = [points[0] ?? '', points[points.length - 1] ?? ''];
    if (/^\d{4}-\d{2}$/.test(first) && /^\d{4}-\d{2}$/.test(last)) lines.push(painter.dim(`${monthLabel(first)} – ${monthLabel(last)}`));
  }
  return lines.join('\n');
}

const labelCell = (text: string, key: string | undefined): Cell => (key === undefined ? text : figure(text, key));

export function chartTable(block: Extract<Block, { type: 'chart' }>): Table {
  return {
    title: block.title,
    columns: [{ key: 'label', header: tReport('colMonth') }, ...block.series.map((s, i) => ({ key: `s${i}`, header: s.name, numeric: true }))],
    // Only months with values (a year in progress names its months to come on the chart's axis only).
    rows: block.labels
      .slice(0, Math.max(0, ...block.series.map((s) => s.values.length)))
      .map((text, r) => ({ label: labelCell(text, block.keys?.[r]), ...Object.fromEntries(block.series.map((s, i) => [`s${i}`, s.values[r]?.toFixed(block.digits ?? 2)])) })),
  };
}

/**
 * Aligned columns (CJK-aware, ANSI-safe), like table.ts's renderTable. Cells are shown with their
 * control characters escaped; the `__bar` column is pocketbook's own (painted) drawing.
 */
function terminalTable(table: Table, painter: Painter): string {
  const cells = table.rows.map((row) => table.columns.map((c) => (c.key === '__bar' ? String(row[c.key] ?? '') : cutText(shownText(row[c.key]), 48))));
  const headers = table.columns.map((c) => shown(c.header));
  const widths = table.columns.map((_, i) => Math.max(textWidth(headers[i]!), ...cells.map((r) => textWidth(r[i] ?? ''))));
  const align = table.columns.map((c) => c.align ?? (c.numeric ? 'right' : 'left'));
  const line = (r: string[]) => r.map((t, i) => padText(t, widths[i]!, align[i])).join('  ').trimEnd();
  return [
    ...(table.title ? [painter.bold(shown(table.title))] : []),
    painter.bold(line(headers)),
    painter.dim(widths.map((w) => '─'.repeat(w)).join('  ')),
    ...cells.map(line),
  ].join('\n');
}

/** `width`: the terminal's columns (charts spread across it). */
export function renderTerminal(doc: Document, painter: Painter = PLAIN_PAINTER, plot?: Plot, width = 80): string {
  const out: string[] = [];
  for (const block of doc.blocks) {
    if (block.type === 'heading') out.push(painter.bold(shown(block.text)));
    else if (block.type === 'summary') {
      const width = Math.max(...block.items.map((i) => textWidth(shown(i.label))));
      const item = (i: SummaryItem) => `${painter.dim(padText(shown(i.label), width))}  ${painter.tone(shown(i.value), i.tone ?? 'plain')}`;
      out.push([...(block.title ? [painter.bold(shown(block.title))] : []), ...block.items.map(item)].join('\n'));
    } else if (block.type === 'table') {
      const { table } = block;
      const withBar: Table = block.bar
        ? {
            ...table,
            columns: [...table.columns, { key: '__bar', header: '' }],
            rows: table.rows.map((row) => ({ ...row, __bar: painter.tone(bar(Number(row[`${block.bar}__value`] ?? 0)), 'muted') })),
          }
        : table;
      out.push(terminalTable({ ...withBar, columns: withBar.columns.filter((c) => !c.key.endsWith('__value')) }, painter));
    } else if (block.type === 'chart') out.push(chartText(block, plot, painter, width));
    else out.push(painter.tone(shown(block.text), block.tone ?? 'muted'));
  }
  return `${out.join('\n\n')}\n`;
}

