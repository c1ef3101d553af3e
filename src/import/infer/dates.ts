/**
 * The date format of a date column, settled by the column's own values: a day above 12 rules out
 * the other order; when none is, the order that keeps the rows sorted (statements are) decides.
 * Otherwise the question that decides it. Pure.
 */
import { inferDateFormat, tryParseDate } from '../../core/dates.js';
import { tErrorsImport as tI } from '../../core/messages/errors-import.js';

function parsedAll(cells: readonly string[], format: string): string[] | undefined {
  const out: string[] = [];
  for (const c of cells) {
    const read = tryParseDate(c, format, 2000);
    if (read === undefined) return undefined;
    out.push(read.date);
  }
  return out;
}

function sorted(dates: readonly string[]): boolean {
  let up = true;
  let down = true;
  for (let i = 1; i < dates.length; i++) {
    if (dates[i]! < dates[i - 1]!) up = false;
    if (dates[i]! > dates[i - 1]!) down = false;
  }
  return up || down;
}

export function settleDateFormat(column: readonly string[]): { format: string; byOrder?: boolean } | { question: string; candidates: string[] } {
  const cells = column.map((c) => c.trim()).filter((c) => c !== '' && /\d/.test(c));
  const inferred = inferDateFormat(cells);
  if ('format' in inferred) return { format: inferred.format };
  const candidates = inferred.candidates;
  if (candidates.length > 1) {
    const ordered = candidates.filter((f) => {
      const dates = parsedAll(cells, f);
      return dates !== undefined && new Set(dates).size > 2 && sorted(dates);
    });
    if (ordered.length === 1) return { format: ordered[0]!, byOrder: true };
    return { question: tI('datesReadAs', { formats: candidates.join(tI('or')) }), candidates };
  }
  return { question: tI('datesUnreadable', { example: cells[0] ?? '' }), candidates };
}
