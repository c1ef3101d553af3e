/**
 * Statement balance lines of a Chinese bank export (issue 27): `期初余额：12,345.67` above the
 * header, `期末余额,13,000.00` below the rows, read by statement-lines.ts's recognizer and dated by
 * the rows (an opening balance the day before the first row, a closing one the last row's day).
 */
import type { ReaderEvent } from '../../types.js';
import { StatementLines } from '../statement-lines.js';
import type { GridRow } from './grid.js';
import { fullDate } from './layout.js';

/**
 * The balance events the lines around a table state (none when they state none). `credit`: a card
 * statement whose balances move against its rows is in the issuer's view and negated.
 */
export function balanceLineEvents(around: readonly GridRow[], csv: boolean, events: readonly ReaderEvent[], credit: boolean): ReaderEvent[] {
  // Spreadsheet cells are whole: a `12` beside a `345.67` cell is no split thousands.
  const lines = new StatementLines('.', csv ? ',' : '\t');
  let any = false;
  for (const g of around) any = lines.line(g.cells, g.line) || any;
  if (!any) return [];
  for (const e of events) if (e.type === 'row') lines.row(e.row);
  return lines.events((raw) => {
    try {
      return fullDate(raw.trim()).date;
    } catch {
      return undefined;
    }
  }, credit);
}
