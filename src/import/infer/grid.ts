/**
 * Finding the header row of an unknown table after any preamble (title lines, `key: value` lines,
 * blank lines, a dashed banner) and the data rows under it. Pure: lines (or a grid) in.
 */
import { guessDelimiter, splitLine } from '../formats/csv-header.js';

export interface Table {
  /** 0-based index of the header line. */
  headerIndex: number;
  header: string[];
  delimiter: string;
  /** Data rows under the header (cells), with their 0-based line index, up to a sample limit. */
  rows: { index: number; cells: string[] }[];
}

const SCAN = 80;
const SAMPLE = 300;
const DATEISH = /\d{1,4}\s*[-/.年:]\s*\d{1,2}|\d{8}|\d{1,2}[-\s.]*[A-Za-zéû]{3,}\.?[-\s]*\d{2,4}|\d{1,2}月\d{1,2}日/u;
const NUMBERISH = /^[-+(]?\s*[^\d\s]{0,4}\s*[\d.,'\s]*\d\s*[)-]?\s*(?:[A-Za-z]{2,3})?$/u;

const isBlank = (line: string): boolean => line.replace(/[,;\t|\s\-=_*]/g, '') === '';

function looksLikeData(cells: readonly string[]): boolean {
  return cells.some((c) => DATEISH.test(c)) && cells.some((c) => NUMERIC_CELL(c));
}

function NUMERIC_CELL(cell: string): boolean {
  const c = cell.trim();
  return c !== '' && /\d/.test(c) && NUMBERISH.test(c);
}

/** A header cell: text, not a number or a date. */
function isLabel(cell: string): boolean {
  const c = cell.trim();
  return c !== '' && /\p{L}/u.test(c) && !NUMERIC_CELL(c) && !DATEISH.test(c);
}

/** The header among `lines`: the first line of labels whose next content lines are data rows of its width. */
export function findTable(lines: readonly string[]): Table | undefined {
  const limit = Math.min(lines.length, SCAN);
  for (let i = 0; i < limit; i++) {
    const line = lines[i]!;
    if (isBlank(line) || line.includes('\uFFFD')) continue;
    const delimiter = guessDelimiter(line);
    const header = splitLine(line, delimiter);
    if (header.length < 3) continue;
    const labels = header.filter(isLabel).length;
    if (labels < Math.max(3, Math.ceil(header.filter((c) => c !== '').length * 0.7))) continue;
    const rows = dataRows(lines, i + 1, delimiter, header.length);
    if (rows.length === 0) continue;
    const head = rows.slice(0, 5);
    if (head.filter((r) => looksLikeData(r.cells)).length < Math.ceil(head.length * 0.6)) continue;
    return { headerIndex: i, header, delimiter, rows };
  }
  return undefined;
}

/** Rows after a header: as wide as it (give or take one trailing cell); stops at the first non-blank line that is not. */
function dataRows(lines: readonly string[], from: number, delimiter: string, width: number): Table['rows'] {
  const rows: Table['rows'] = [];
  for (let i = from; i < lines.length && rows.length < SAMPLE; i++) {
    const line = lines[i]!;
    if (isBlank(line)) {
      if (rows.length > 0) break;
      continue;
    }
    const cells = splitLine(line, delimiter);
    if (Math.abs(cells.length - width) > 1) break;
    rows.push({ index: i, cells });
  }
  return rows;
}
