/**
 * A layout is one export format (Alipay bill, CMB credit-card CSV, CCB .xls …): the header cells
 * that identify it, where it may come from (CSV text or a spreadsheet), and how its rows become
 * ReaderEvents. `makeReader` turns the layouts of one source into a `Reader`. Pure.
 */
import type { AccountHint } from '../../../core/types.js';
import { parseDate, type ParsedDate } from '../../../core/dates.js';
import type { Detection, ParseContext, Reader, ReaderEvent, Sniff, Source } from '../../types.js';
import { findHeader, fromSheet, headerIndex, parseCsv, Row, type GridRow } from './grid.js';
import { isOle2, readXls } from './xls.js';
import { isZip, readXlsx } from './xlsx.js';

export type Container = 'csv' | 'xls' | 'xlsx';

export interface LayoutContext {
  fileName: string;
  /** Currency when the file names none. */
  currency: string;
  /** The text of every row above the header, joined by newlines (titles, periods, card numbers). */
  preamble: string;
  today: string;
  /** The rows around the table that are no data (above the header, below or between the rows): balance lines. */
  around?: readonly GridRow[];
  /** Whether the file is CSV text (cells split at commas) rather than a spreadsheet. */
  csv?: boolean;
}

export interface Layout {
  /** Shown as the detection's profile: 'alipay', 'cmb-credit' … */
  profile: string;
  containers: readonly Container[];
  /** Cells the header row must hold (exactly, after trimming). */
  header: readonly string[];
  /** A title in the preamble that confirms the layout (adds to the score). */
  marker?: RegExp;
  /** Column(s) holding the date: a row none of whose date cells starts with a digit is a footer/notice, not data. */
  dateColumns: readonly string[];
  statement(ctx: LayoutContext): AccountHint;
  /** All data rows at once (wallets need a look at the whole bill, e.g. closed trades and their refunds). */
  read(rows: readonly Row[], ctx: LayoutContext): ReaderEvent[];
}

function containerOf(head: Buffer, encoding: string): Container {
  if (encoding !== 'binary') return 'csv';
  return isZip(head) ? 'xlsx' : 'xls';
}

/** `prefix`: `bytes` is the head of the file, read to detect the layout (an .xlsx is read as far as it goes). */
function gridOf(container: Container, text: string, bytes: Buffer, maxRecords?: number, prefix = false): GridRow[] {
  if (container === 'xls') return fromSheet(readXls(bytes));
  if (container === 'xlsx') return fromSheet(readXlsx(bytes, { prefix }));
  return parseCsv(text, maxRecords);
}

/** Score of a layout on these rows: 0 when it does not match; more header cells and a title score higher. */
function scoreLayout(layout: Layout, rows: readonly GridRow[]): number {
  const at = findHeader(rows, layout.header);
  if (at < 0) return 0;
  const preamble = rows.slice(0, at).map((r) => r.cells.join(' ')).join('\n');
  return 60 + layout.header.length * 2 + (layout.marker?.test(preamble) ? 20 : 0);
}

/** Sheets too large for the 64 KiB head: the header strings are still in it (UTF-16LE in the string table). */
function xlsHeadScore(layout: Layout, head: Buffer): number {
  const all = layout.header.every((name) => head.includes(Buffer.from(name, 'utf16le')));
  return all ? 60 + layout.header.length * 2 : 0;
}

function bestLayout(layouts: readonly Layout[], container: Container, rows: readonly GridRow[] | undefined, head: Buffer): Detection {
  let best: Detection = { score: 0 };
  for (const layout of layouts) {
    if (!layout.containers.includes(container)) continue;
    const score = rows ? scoreLayout(layout, rows) : container === 'xls' ? xlsHeadScore(layout, head) : 0;
    if (score > best.score) best = { score, profile: layout.profile };
  }
  return best;
}

/** Data rows below the header of `layout`, with the preamble text above it. */
export function tableOf(layout: Layout, grid: readonly GridRow[]): { rows: Row[]; preamble: string; around: GridRow[] } | undefined {
  const at = findHeader(grid, layout.header);
  if (at < 0) return undefined;
  const index = headerIndex(grid[at]!.cells);
  const rows: Row[] = [];
  const around = grid.slice(0, at);
  for (const g of grid.slice(at + 1)) {
    const row = new Row(g.line, g.cells, index);
    if (layout.dateColumns.some((c) => /^\d/.test(row.get(c)))) rows.push(row);
    else around.push(g);
  }
  return { rows, preamble: grid.slice(0, at).map((r) => r.cells.join(' ')).join('\n'), around };
}

export function makeReader(id: string, describe: string, layouts: readonly Layout[]): Reader {
  return {
    id,
    describe,
    detect(sniff: Sniff): Detection {
      const container = containerOf(sniff.head, sniff.encoding);
      let rows: GridRow[] | undefined;
      try {
        if (container === 'csv') rows = parseCsv(sniff.text, 80);
        else if (container === 'xls' ? isOle2(sniff.head) : isZip(sniff.head)) rows = gridOf(container, '', sniff.head, undefined, true).slice(0, 80);
      } catch {
        rows = undefined; // a head cut short inside the workbook
      }
      return bestLayout(layouts, container, rows, sniff.head);
    },
    async *read(source: Source, ctx: ParseContext, detection: Detection): AsyncIterable<ReaderEvent> {
      const bytes = source.encoding === 'binary' ? await source.readBytes() : Buffer.alloc(0);
      const container = containerOf(bytes, source.encoding);
      const text = container === 'csv' ? await source.readText() : '';
      const grid = gridOf(container, text, bytes);
      const candidates = layouts.filter((l) => l.containers.includes(container));
      const layout =
        candidates.find((l) => l.profile === detection.profile && scoreLayout(l, grid) > 0) ??
        [...candidates].sort((a, b) => scoreLayout(b, grid) - scoreLayout(a, grid))[0];
      const table = layout && tableOf(layout, grid);
      if (!layout || !table) return;
      const lctx: LayoutContext = {
        // Alipay, WeChat Pay and Chinese bank statements are in yuan unless a row names its currency:
        // neither the locale's default currency nor the target account's may turn them into dollars.
        fileName: source.fileName, currency: 'CNY', preamble: table.preamble, today: ctx.today,
        around: table.around, csv: container === 'csv',
      };
      yield { type: 'statement', account: layout.statement(lctx) };
      yield* layout.read(table.rows, lctx);
    },
  };
}

const FULL_FORMATS = ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYYMMDD', 'YYYY.MM.DD', 'YYYY年MM月DD日'];

/** A full date (with optional time) in any of the layouts' spellings. */
export function fullDate(text: string): ParsedDate {
  for (const format of FULL_FORMATS.slice(0, -1)) {
    try {
      return parseDate(text, format);
    } catch {
      // try the next spelling
    }
  }
  return parseDate(text, FULL_FORMATS[FULL_FORMATS.length - 1]!);
}

/** `HHmmss`, `HH:mm:ss` or `HH:mm` → `HH:mm:ss`; undefined when empty or odd. */
export function timeOf(text: string): string | undefined {
  const t = text.trim();
  const compact = /^(\d{2})(\d{2})(\d{2})$/.exec(t);
  if (compact) return `${compact[1]}:${compact[2]}:${compact[3]}`;
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}:${m[3] ?? '00'}` : undefined;
}

/** Last four digits of a card/account number as printed (`1234****5678` → `5678`); undefined without digits. */
export function cardNumber(text: string | undefined): string | undefined {
  const digits = /(\d{4})\D*$/.exec(text ?? '')?.[1];
  return digits;
}
