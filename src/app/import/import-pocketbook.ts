/**
 * `import` of pocketbook's own `export --format csv`: recognized by its header, read back whole —
 * account (and its type), kind, category, merchant, channel, tags, notes, split parts, transfer
 * links and mirrors — so that the reports of the new ledger equal those of the old one. One
 * transaction; a row already in the ledger (same account and fingerprint, counted) is a duplicate.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { isCurrencyCode, parseUserAmount } from '../../core/money.js';
import { isIsoDate } from '../../core/dates.js';
import { type AccountType, type Kind, isAccountType, isKind } from '../../core/types.js';
import type { Db } from '../../ledger/open.js';
import { type EXPORT_CSV_COLUMNS, exportColumnOf, exportCsvHeaders } from '../export/export-csv.js';
import type { FileResult } from './import-files.js';
import { type RestoreItem, writeRestored } from './move-in-write.js';
import { tAppLinks as tK } from '../../core/messages/app-links.js';

/** Whether the file starts with pocketbook's CSV export header (in any locale). */
export function isPocketbookExport(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  return exportCsvHeaders().some((header) => text.startsWith(`${header}\n`) || text.startsWith(`${header}\r\n`));
}

type Cells = Record<(typeof EXPORT_CSV_COLUMNS)[number], string>;

interface Entry {
  line: number;
  cells: Cells;
  type: AccountType;
  amount: number;
  parts: { category: string; amount: number }[];
}

const bad = (file: string, line: number, message: string) => new PocketbookError('BAD_INPUT', message, { location: { file, line } });
/** A text cell without the spreadsheet-safety quote the export put before `=`, `+`, `-`, `@`. */
const text = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

function readEntries(file: string): Entry[] {
  const records = parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { columns: (header: string[]) => header.map(exportColumnOf), skip_empty_lines: true, relax_column_count: false }) as Cells[];
  const entries: Entry[] = [];
  records.forEach((cells, i) => {
    const line = i + 2;
    if (!isCurrencyCode(cells.currency)) throw bad(file, line, tK('badCurrency', { value: cells.currency }));
    let amount: number;
    try {
      amount = parseUserAmount(cells.amount, cells.currency);
    } catch {
      throw bad(file, line, tK('badAmount', { value: cells.amount }));
    }
    if (cells.split_of !== '') {
      const parent = entries[entries.length - 1];
      if (!parent || parent.cells.id !== cells.split_of) throw bad(file, line, tK('splitOrder', { id: cells.split_of }));
      parent.parts.push({ category: text(cells.category), amount });
      return;
    }
    if (!/^\d+$/.test(cells.id)) throw bad(file, line, tK('badId', { value: cells.id }));
    if (!isIsoDate(cells.date)) throw bad(file, line, tK('badDate', { value: cells.date }));
    if (!isKind(cells.kind)) throw bad(file, line, tK('badKind', { value: cells.kind }));
    const type = cells.account_type;
    if (!isAccountType(type)) throw bad(file, line, tK('badType', { value: type }));
    entries.push({ line, cells, type, amount, parts: [] });
  });
  return entries;
}

export async function restorePocketbookCsv(ctx: Context, db: Db, file: string, result: FileResult, dryRun: boolean): Promise<FileResult> {
  result.encoding = 'utf-8';
  const items: RestoreItem[] = readEntries(file).map((e) => {
    const c = e.cells;
    return {
      line: e.line, ref: c.id, account: text(c.account), accountType: e.type, date: c.date, amount: e.amount, currency: c.currency,
      description: text(c.description), merchant: text(c.merchant) || null, category: text(c.category), kind: c.kind as Kind, channel: c.channel,
      tags: text(c.tags).split(' ').filter(Boolean), notes: text(c.notes).split(' | ').filter(Boolean), parts: e.parts,
      ...(c.link !== '' ? { link: c.link } : {}), ...(c.mirror_of !== '' ? { mirror: c.mirror_of } : {}),
    };
  });
  return writeRestored(ctx, db, file, items, result, { format: 'pocketbook-csv', dryRun });
}
