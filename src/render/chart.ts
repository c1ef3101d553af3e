/**
 * The terminal plot: series of monthly values drawn across the width the caller gives (the CLI
 * passes the terminal's), months spread evenly with their labels under the axis, each series told
 * apart by its own point symbol (● ○ ◆ ▲) and named in a legend, so it reads without colour.
 * A series may hold fewer values than there are labels: months to come are left empty, never 0.
 * Pure: no IO, no `process`.
 */
import { textWidth } from './width.js';

export interface PlotSeries {
  name: string;
  values: readonly number[];
}

export interface PlotOptions {
  /** Columns the whole chart may use (axis labels included). */
  width: number;
  /** Rows of the plot area. */
  height?: number;
  /** Colour for series i's symbols (the painter's), identity without colour. */
  paint?: (text: string, series: number) => string;
}

/** Point symbol and the dotted line joining points, per series. */
export const SERIES_MARKS: readonly { point: string; line: string }[] = [
  { point: '●', line: '·' },
  { point: '○', line: '-' },
  { point: '◆', line: '.' },
  { point: '▲', line: '˙' },
];

const mark = (i: number) => SERIES_MARKS[i % SERIES_MARKS.length]!;

/** `30671.17` → `30,671`; small ranges keep their decimals (`0.50`). */
export function axisNumber(x: number, fine: boolean): string {
  const fixed = Math.abs(x).toFixed(fine ? 2 : 0);
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${x < 0 && Number(fixed) !== 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Month labels placed under their columns; a label that would touch the previous one is left out. */
function labelRow(labels: readonly string[], xs: readonly number[], offset: number, width: number): string {
  const row: string[] = Array.from({ length: width }, () => ' ');
  let free = 0;
  labels.forEach((label, i) => {
    const w = textWidth(label);
    const start = Math.max(0, Math.min(width - w, offset + xs[i]! - Math.floor(w / 2)));
    if (start < free) return;
    row[start] = label;
    for (let k = 1; k < w; k++) row[start + k] = '';
    free = start + w + 1;
  });
  return row.join('').trimEnd();
}

/**
 * The chart as lines: the plot with a y axis, the x axis, the month labels, the legend.
 * `labels` name every column position; series values fill them from the left.
 */
export function renderPlot(labels: readonly string[], series: readonly PlotSeries[], opts: PlotOptions): string[] {
  const height = Math.max(3, opts.height ?? 10);
  const paint = opts.paint ?? ((t: string) => t);
  const all = series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
  const lo = Math.min(0, ...all);
  const hi = Math.max(lo + 1, ...all);
  const fine = hi - lo < 10;
  const ticks = Array.from({ length: height }, (_, r) => hi - ((hi - lo) * r) / (height - 1));
  const axisWidth = Math.max(...ticks.map((v) => axisNumber(v, fine).length));
  const plotWidth = Math.max(labels.length, opts.width - axisWidth - 2);
  const n = Math.max(1, labels.length);
  const xs = labels.map((_, i) => (n === 1 ? Math.floor(plotWidth / 2) : Math.round((i * (plotWidth - 1)) / (n - 1))));
  const rowOf = (v: number) => Math.round(((hi - v) / (hi - lo)) * (height - 1));
  const grid: string[][] = Array.from({ length: height }, () => Array.from({ length: plotWidth }, () => ' '));
  series.forEach((s, si) => {
    const { line } = mark(si);
    for (let i = 0; i + 1 < s.values.length; i++) {
      const [x0, x1, v0, v1] = [xs[i]!, xs[i + 1]!, s.values[i]!, s.values[i + 1]!];
      for (let x = x0 + 1; x < x1; x++) {
        const r = rowOf(v0 + ((v1 - v0) * (x - x0)) / (x1 - x0));
        if (grid[r]![x] === ' ') grid[r]![x] = paint(line, si);
      }
    }
  });
  series.forEach((s, si) => s.values.forEach((v, i) => (grid[rowOf(v)]![xs[i]!] = paint(mark(si).point, si))));
  const tickEvery = height > 6 ? Math.ceil((height - 1) / 4) : 1;
  const lines = grid.map((cells, r) => {
    const label = r % tickEvery === 0 || r === height - 1 ? axisNumber(ticks[r]!, fine) : '';
    return `${label.padStart(axisWidth)} ${label ? '┤' : '│'}${cells.join('')}`.trimEnd();
  });
  lines.push(`${' '.repeat(axisWidth)} └${'─'.repeat(plotWidth)}`);
  lines.push(labelRow(labels, xs, axisWidth + 2, axisWidth + 2 + plotWidth));
  lines.push(`${' '.repeat(axisWidth + 2)}${series.map((s, i) => `${paint(mark(i).point, i)} ${s.name}`).join('   ')}`);
  return lines;
}
