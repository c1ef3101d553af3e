/** `pocketbook export --format csv|json|ledger|beancount [--from D --to D]`: every entry in the range. */
import type { Context } from '../core/context.js';
import { usageError } from '../core/errors.js';
import { isIsoDate } from '../core/dates.js';
import { iterateTransactions } from '../ledger/tx-query.js';
import { categoryNodes, iterateJournalRows } from '../ledger/export-rows.js';
import { withDb } from './notes.js';

export const EXPORT_FORMATS = ['csv', 'json', 'ledger', 'beancount'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format?: string;
  from?: string;
  to?: string;
}

function checkOptions(o: ExportOptions): { format: ExportFormat; from?: string; to?: string } {
  const format = o.format ?? 'csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw usageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  for (const [flag, v] of [['--from', o.from], ['--to', o.to]] as const) {
    if (v !== undefined && !isIsoDate(v)) throw usageError(`${flag} "${v}" must be a date like 2026-09-01`);
  }
  if (o.from && o.to && o.from > o.to) throw usageError('--from is after --to');
  return { format: format as ExportFormat, from: o.from, to: o.to };
}

/** Stream the export to `write`; returns the number of entries. */
export async function exportLedger(ctx: Context, o: ExportOptions, write: (chunk: string) => void): Promise<number> {
  const { format, from, to } = checkOptions(o);
  const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const locale = ctx.settings.locale === 'zh' ? 'zh' : 'en';
  if (format === 'csv' || format === 'json') {
    const { toJson } = await import('./tx-list.js');
    const { createTxWriter } = await import('./tx-format.js');
    return withDb(ctx, (db) => {
      const out = createTxWriter(format, write);
      let n = 0;
      for (const row of iterateTransactions(db, range)) {
        out.entry(toJson(row, locale));
        n++;
      }
      out.end();
      return n;
    });
  }
  const { categoryAccounts, journalTransactions, renderJournal } = await import('./export-journal.js');
  return withDb(ctx, (db) => {
    const categories = categoryAccounts(categoryNodes(db));
    let n = 0;
    const counted = (function* () {
      for (const t of journalTransactions(iterateJournalRows(db, range), categories)) {
        n++;
        yield t;
      }
    })();
    write(renderJournal(format, counted));
    return n;
  });
}
