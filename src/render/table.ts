/**
 * Tabular data and its renderers. A report or listing produces a `Table`; the CLI picks
 * table (terminal), csv, markdown or json. No IO here.
 */
import { escapeControls, escapeMarkdown } from './safe-text.js';
import { cutText, padText, textWidth } from './width.js';
import { csvField } from '../core/csv-field.js';

export interface Column {
  key: string;
  header: string;
  align?: 'left' | 'right';
  /** Numeric columns are never formula-escaped in CSV and are right-aligned. */
  numeric?: boolean;
}

/**
 * A figure shown one way to people and another to programs: `text` ("-1,553.49") in tables and
 * Markdown, `plain` ("-1553.49", a plain number) in CSV.
 */
export interface Figure {
  text: string;
  plain: string;
}

export type Cell = string | number | Figure | null | undefined;

export const figure = (text: string, plain: string): Figure => ({ text, plain });

export interface Table {
  title?: string;
  columns: Column[];
  rows: Record<string, Cell>[];
}

export interface Style {
  /** Colour the header and per-cell styles. Identity functions when colour is off. */
  header(text: string): string;
  dim(text: string): string;
}

export const PLAIN: Style = { header: (t) => t, dim: (t) => t };

/** What a person reads. */
export const cellText = (value: Cell): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? value.text : String(value);

/** What a person reads on a terminal: control characters (tab and newline too) shown escaped. */
export const shownText = (value: Cell): string => escapeControls(cellText(value));

/** Display width in terminal columns (CJK wide characters count 2; ANSI codes count 0). */
export const displayWidth = textWidth;

/** Pad to a display width, aware of CJK width. */
export const pad = padText;

/** Cut to a display width, adding "…" when cut. */
export const truncate = cutText;

/**
 * Aligned columns for the terminal. Each cell is measured once (listings run to thousands of rows).
 * Titles, headers and cells are shown with their control characters escaped.
 */
export function renderTable(table: Table, style: Style = PLAIN, opts: { maxColumnWidth?: number } = {}): string {
  const max = opts.maxColumnWidth ?? 48;
  const n = table.columns.length;
  const texts: string[] = [];
  const cellWidths: number[] = [];
  const headers = table.columns.map((c) => escapeControls(c.header));
  const widths = headers.map((h) => displayWidth(h));
  for (const row of table.rows) {
    for (let i = 0; i < n; i++) {
      const text = truncate(shownText(row[table.columns[i]!.key]), max);
      const w = displayWidth(text);
      texts.push(text);
      cellWidths.push(w);
      if (w > widths[i]!) widths[i] = w;
    }
  }
  const right = table.columns.map((c) => (c.align ?? (c.numeric ? 'right' : 'left')) === 'right');
  const lines: string[] = [];
  if (table.title) lines.push(style.header(escapeControls(table.title)));
  lines.push(style.header(headers.map((h, i) => pad(h, widths[i]!, right[i] ? 'right' : 'left')).join('  ').trimEnd()));
  lines.push(style.dim(widths.map((w) => '─'.repeat(w)).join('  ')));
  for (let r = 0; r < texts.length; r += n) {
    let line = '';
    for (let i = 0; i < n; i++) {
      const gap = ' '.repeat(widths[i]! - cellWidths[r + i]!);
      const text = texts[r + i]!;
      line += (i > 0 ? '  ' : '') + (right[i] ? gap + text : text + gap);
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}


/** One CSV cell (core/csv-field.ts): a figure is written as its plain number (`-1553.49`). */
export function csvCell(value: Cell, numeric = false): string {
  return csvField(value !== null && typeof value === 'object' ? value.plain : cellText(value), numeric);
}

export function renderCsv(table: Table): string {
  const lines = [table.columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(row[c.key], c.numeric)).join(','));
  return `${lines.join('\n')}\n`;
}

/** A Markdown cell: statement text cannot add HTML, links, code, columns or rows. */
const mdCell = (value: Cell): string => escapeMarkdown(cellText(value));

export function renderMarkdown(table: Table): string {
  const lines: string[] = [];
  if (table.title) lines.push(`### ${escapeMarkdown(table.title)}`, '');
  lines.push(`| ${table.columns.map((c) => mdCell(c.header)).join(' | ')} |`);
  lines.push(`| ${table.columns.map((c) => ((c.align ?? (c.numeric ? 'right' : 'left')) === 'right' ? '---:' : '---')).join(' | ')} |`);
  for (const row of table.rows) lines.push(`| ${table.columns.map((c) => mdCell(row[c.key])).join(' | ')} |`);
  return lines.join('\n');
}

export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

export function renderNdjson(values: Iterable<unknown>): string {
  const lines: string[] = [];
  for (const v of values) lines.push(JSON.stringify(v));
  return lines.length ? `${lines.join('\n')}\n` : '';
}
