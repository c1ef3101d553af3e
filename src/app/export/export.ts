/** `pocketbook export --format csv|json|ledger|beancount [--from D --to D]`: every entry in the range, streamed. */
import type { Context } from '../../core/context.js';
import { usageError } from '../../core/errors.js';
import { tExport } from '../../core/messages/export.js';
import { isIsoDate } from '../../core/dates.js';
import { sideOfEntry } from '../../core/sides.js';
import type { Db } from '../../ledger/open.js';
import { iterateTransactions } from '../../ledger/tx-query.js';
import { accountNodes, categoryNodes, categoryPaths, iterateCsvRows, iterateJournalRows, journalUsage, type DateRange } from '../../ledger/export-rows.js';
import { assertionSpan, exportOpenings, iterateAssertions } from '../../ledger/export-checkpoints.js';
import { EQUITY, journalNames, type JournalFormat } from './journal-names.js';
import { withDb } from '../entries/notes.js';
import { settledReimbursementEntries } from '../../ledger/reimbursements.js';
import type { toJournalTx as ToJournalTx } from './export-journal.js';

type JournalFormatter = typeof import('./journal-format.js');
type BalanceWriter = typeof import('./export-balances.js');

export const EXPORT_FORMATS = ['csv', 'json', 'ledger', 'beancount'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format?: string;
  from?: string;
  to?: string;
  /** Journals: write balance checkpoints as openings and assertions (default true; `--no-balances`). */
  balances?: boolean;
}

const FLUSH_AT = 1 << 16;

function checkOptions(o: ExportOptions): { format: ExportFormat; from?: string; to?: string } {
  const format = o.format ?? 'csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw usageError(tExport('formatOneOf', { formats: EXPORT_FORMATS.join(', ') }));
  for (const [flag, v] of [['--from', o.from], ['--to', o.to]] as const) {
    if (v !== undefined && !isIsoDate(v)) throw usageError(tExport('notADate', { flag, value: v }));
  }
  if (o.from && o.to && o.from > o.to) throw usageError(tExport('fromAfterTo'));
  return { format: format as ExportFormat, from: o.from, to: o.to };
}

/** Stream the export to `write` (in chunks of about 64 KB); returns the number of entries. */
export async function exportLedger(ctx: Context, o: ExportOptions, write: (chunk: string) => void): Promise<number> {
  const { format, from, to } = checkOptions(o);
  const range: DateRange = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  // An export holds the money that moved; reports leave settled reimbursements out of spending and
  // income. Said, so that totals summed from the export are not taken for the reports' own.
  const settled = withDb(ctx, (db) => settledReimbursementEntries(db, range));
  if (settled > 0) ctx.io.err(tExport('reimbursedInExport', { n: settled }));
  const locale = ctx.settings.locale === 'zh' ? 'zh' : 'en';
  if (format === 'json') {
    const { toJson } = await import('../entries/tx-list.js');
    const { createTxWriter } = await import('../entries/tx-format.js');
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
  if (format === 'csv') {
    const { createExportCsvWriter, exportCsvLines } = await import('./export-csv.js');
    return withDb(ctx, (db) => {
      const categories = categoryPaths(db, locale);
      const out = createExportCsvWriter(write);
      let n = 0;
      for (const row of iterateCsvRows(db, range)) {
        out.entry(exportCsvLines(row, categories));
        n++;
      }
      out.end();
      return n;
    });
  }
  const journal = await import('./export-journal.js');
  const text = await import('./journal-format.js');
  const balances = await import('./export-balances.js');
  const withBalances = o.balances !== false;
  return withDb(ctx, (db) => writeJournal(db, { format, range, write, withBalances, toJournalTx: journal.toJournalTx, ...text, ...balances }));
}

/** Declarations first (from a few aggregate queries), then one transaction per entry as it is read. */
interface JournalJob extends JournalFormatter, BalanceWriter {
  format: JournalFormat;
  range: DateRange;
  write: (chunk: string) => void;
  /** Openings and assertions from the balance checkpoints (left out, the journal holds entries only: period exports join). */
  withBalances: boolean;
  toJournalTx: typeof ToJournalTx;
}

function writeJournal(db: Db, job: JournalJob): number {
  const { format, range, write, toJournalTx, formatBeancountTx, formatDeclarations, formatLedgerTx, ledgerNoteTags, ledgerTag, createBalanceStream, formatOpenings } = job;
  const names = journalNames(format, accountNodes(db), categoryNodes(db));
  const usage = journalUsage(db, range);
  // Checkpoints (issue 27): openings first, then each assertion as the stream passes its date.
  const { openings, offsets } = job.withBalances ? exportOpenings(db, range) : { openings: [], offsets: new Map<string, number>() };
  const span = job.withBalances ? assertionSpan(db, range) : { currencies: [] };
  const currencies = new Set([...usage.currencies, ...span.currencies, ...openings.map((o) => o.currency)]);
  const firstDates = [usage.firstDate, span.firstDate, ...openings.map((o) => o.date)].filter((d): d is string => d !== undefined).sort();
  const accounts = new Set<string>([...accountNodes(db).map((a) => names.asset(a.id)), ...Object.values(EQUITY)]);
  for (const c of usage.counted) {
    const side = sideOfEntry(c.kind, false);
    if (side !== 'none') accounts.add(names.counter(side, c.category_id));
  }
  const tags = new Set<string>(['pocketbook-id', ...usage.tags.map(ledgerTag)]);
  for (const n of usage.notes) for (const g of ledgerNoteTags(n.text)) tags.add(g);
  let buffer = formatDeclarations({
    format, firstDate: firstDates[0], currencies: [...currencies].sort(), accounts: [...accounts].sort(), info: names.info, tags: [...tags].sort(),
  });
  buffer += formatOpenings(format, openings, names);
  const checkpoints = createBalanceStream(format, job.withBalances ? iterateAssertions(db, range) : [][Symbol.iterator](), offsets, names);
  const formatTx = format === 'beancount' ? formatBeancountTx : formatLedgerTx;
  let n = 0;
  const push = (text: string) => {
    buffer += text;
    if (buffer.length >= FLUSH_AT) {
      write(buffer);
      buffer = '';
    }
  };
  for (const row of iterateJournalRows(db, range)) {
    for (const text of checkpoints.before(row.date)) push(text);
    push(`\n\n${formatTx(toJournalTx(row, names))}`);
    if (row.mirror_account_id !== null) checkpoints.mirror(row.mirror_account_id, row.currency, -row.amount);
    n++;
  }
  for (const text of checkpoints.end()) push(text);
  write(`${buffer}\n`);
  return n;
}
