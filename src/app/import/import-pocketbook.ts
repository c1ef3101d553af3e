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
import { type AccountType, isAccountType, isKind } from '../../core/types.js';
import { sideOfKind } from '../../core/sides.js';
import { findAccountByName, insertAccount } from '../../ledger/accounts.js';
import { insertBatch, setBatchIds, updateBatchCounts } from '../../ledger/batches.js';
import { categoryResolver } from '../../ledger/categories.js';
import { dedupKey } from '../../ledger/entries.js';
import type { Db } from '../../ledger/open.js';
import { restoreLinker, restoreWriter, restoredCategoryInserter } from '../../ledger/restore.js';
import { syncSearchIndex } from '../../ledger/search.js';
import { type EXPORT_CSV_COLUMNS, exportColumnOf, exportCsvHeaders } from '../export/export-csv.js';
import { sha256File } from './file-source.js';
import type { FileResult } from './import-files.js';
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
const idOf = (cell: string) => (cell === '' ? null : Number(cell));

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
  result.format = 'pocketbook-csv';
  result.encoding = 'utf-8';
  const entries = readEntries(file);
  const now = new Date().toISOString();
  const write = db.transaction(() => {
    const batch = insertBatch(db, { file, sha256: sha256File(file), accountId: null, format: 'pocketbook-csv', profile: null, importedAt: now });
    const category = categoryFinder(db);
    const accounts = new Map<string, number>();
    const w = restoreWriter(db);
    const newId = new Map<number, number>();
    const seen = new Map<string, number>();
    let first: number | undefined;
    let last = 0;
    for (const e of entries) {
      const c = e.cells;
      const name = text(c.account);
      let accountId = accounts.get(name) ?? findAccountByName(db, name)?.id;
      if (accountId === undefined) accountId = insertAccount(db, { name, type: e.type, currency: c.currency }, now).id;
      accounts.set(name, accountId);
      const description = text(c.description);
      const key = dedupKey({ date: c.date, amount: e.amount, description });
      const occurrence = (seen.get(`${accountId}|${key}`) ?? 0) + 1;
      seen.set(`${accountId}|${key}`, occurrence);
      if (w.exists(accountId, key, occurrence)) {
        result.duplicates++;
        continue;
      }
      const side = sideOfKind(c.kind);
      const id = w.insert({
        accountId, batchId: batch, line: e.line, date: c.date, amount: e.amount, currency: c.currency, description, dedupKey: key, occurrence,
        merchant: text(c.merchant) || null, categoryId: category(text(c.category), side), kind: c.kind, channel: c.channel || 'unknown', createdAt: now,
      });
      first ??= id;
      last = id;
      newId.set(Number(c.id), id);
      e.parts.forEach((p, i) => w.addSplit(id, category(p.category, side), p.amount, i));
      for (const g of text(c.tags).split(' ').filter(Boolean)) w.addTag(id, g);
      for (const n of text(c.notes).split(' | ').filter(Boolean)) w.addNote(id, n, now);
      result.new++;
    }
    const link = restoreLinker(db);
    for (const e of entries) {
      const id = newId.get(Number(e.cells.id));
      if (id === undefined) continue;
      const peer = newId.get(idOf(e.cells.link) ?? -1);
      const mirror = newId.get(idOf(e.cells.mirror_of) ?? -1);
      if (peer !== undefined) link.setPeer(id, peer);
      if (mirror !== undefined) link.setMirror(id, mirror);
    }
    result.rows = entries.length;
    result.account = [...accounts.keys()].join(', ');
    setBatchIds(db, batch, first !== undefined ? { first, last } : undefined);
    updateBatchCounts(db, batch, { accountId: accounts.size === 1 ? [...accounts.values()][0]! : null, rows: entries.length, new: result.new, duplicates: result.duplicates, skipped: 0 });
    result.batch = batch;
    if (dryRun) throw new DryRun();
  });
  try {
    write();
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
    result.batch = null;
  }
  if (!dryRun && result.new > 0) {
    try {
      syncSearchIndex(db);
    } catch (err) {
      ctx.io.err(tK('searchLater', { file, why: (err as Error).message }));
    }
  }
  return result;
}

class DryRun extends Error {}

/** A category id by its path (either language), created (under its parent) when the ledger lacks it. */
function categoryFinder(db: Db): (path: string, side: string) => number | null {
  let resolve = categoryResolver(db);
  const add = restoredCategoryInserter(db);
  return (path, side) => {
    if (path === '') return null;
    const found = resolve(path);
    if (found) return found.id;
    const kind = side === 'income' ? 'income' : 'expense';
    const [top, child] = path.split(/[:：]/, 2) as [string, string | undefined];
    const parent = resolve(top)?.id ?? add(null, top, kind);
    const id = child === undefined ? parent : add(parent, child, kind);
    resolve = categoryResolver(db);
    return id;
  };
}
