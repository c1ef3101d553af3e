/**
 * Every Chinese wallet and bank export, CSV or spreadsheet, becomes a grid of trimmed text cells
 * with their source line; layouts then find their header row and read rows by column name. Pure.
 */
import { PocketbookError } from '../../../core/errors.js';
import { parseAmount } from '../../../core/money.js';

export interface GridRow {
  /** 1-based line (CSV) or sheet row. */
  line: number;
  cells: string[];
}

/** Trim the padding Chinese exports put around cells: spaces, tabs, full-width spaces, `="…"`. */
export function clean(cell: string | undefined): string {
  if (cell === undefined) return '';
  let text = cell.replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/g, '');
  const formula = /^="(.*)"$/.exec(text);
  if (formula) text = formula[1]!.trim();
  return text;
}

/** RFC 4180 CSV (quotes, doubled quotes, newlines inside quotes) with the start line of each record. */
export function parseCsv(text: string, maxRecords = Infinity): GridRow[] {
  const rows: GridRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const n = text.length;
  while (i < n && rows.length < maxRecords) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: start, cells: cells.map(clean) });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else cell += ch;
    i++;
  }
  if ((cell !== '' || cells.length > 0) && rows.length < maxRecords) {
    cells.push(cell);
    rows.push({ line: start, cells: cells.map(clean) });
  }
  return rows;
}

/** A spreadsheet grid as GridRows (sheet row numbers). */
export function fromSheet(grid: string[][]): GridRow[] {
  return grid.map((cells, i) => ({ line: i + 1, cells: cells.map(clean) }));
}

/** Index of the first row holding every one of `names` as a cell, or -1. */
export function findHeader(rows: readonly GridRow[], names: readonly string[]): number {
  return rows.findIndex((r) => names.every((name) => r.cells.includes(name)));
}

/** A data row read by column name. */
export class Row {
  constructor(
    readonly line: number,
    private readonly cells: string[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}
  get(name: string): string {
    const i = this.index.get(name);
    return i === undefined ? '' : (this.cells[i] ?? '');
  }
  has(name: string): boolean {
    return this.index.has(name);
  }
  /** Number of non-empty cells. */
  filled(): number {
    return this.cells.filter((c) => c !== '').length;
  }
  first(): string {
    return this.cells[0] ?? '';
  }
}

export function headerIndex(cells: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  cells.forEach((c, i) => {
    if (c !== '' && !index.has(c)) index.set(c, i);
  });
  return index;
}

/** Unsigned magnitude of a printed amount (`¥28.16`, `1,234.56`, `CNY 123.18`) in minor units, plus its currency code. */
export function magnitude(text: string, currency: string): { minor: number; currency?: string } {
  const parsed = parseAmount(text, { currency });
  return { minor: Math.abs(parsed.minor), ...(parsed.currency ? { currency: parsed.currency } : {}) };
}

/** Signed minor units of an amount cell; '' and '-' placeholders are 0. */
export function signed(text: string, currency: string): number {
  if (text === '' || text === '-' || text === '--') return 0;
  return parseAmount(text, { currency }).minor;
}

const CURRENCY_WORDS: Record<string, string> = { 人民币: 'CNY', 美元: 'USD', 港币: 'HKD', 港元: 'HKD', 日元: 'JPY', 欧元: 'EUR', 英镑: 'GBP' };

/** `人民币`/`CNY`/`RMB` → ISO code; undefined when the cell names none. */
export function currencyOf(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (CURRENCY_WORDS[t]) return CURRENCY_WORDS[t];
  if (/^RMB$/i.test(t)) return 'CNY';
  return /^[A-Z]{3}$/.test(t) ? t : undefined;
}

export function located(err: unknown, file: string, line: number): unknown {
  return err instanceof PocketbookError ? err.at({ file, line }) : err;
}
