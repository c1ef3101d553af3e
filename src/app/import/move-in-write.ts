/**
 * The writes of every file that arrives whole rather than as one statement — pocketbook's own CSV
 * and JSON exports, the exports of 随手记, 钱迹 and 挖财: entries in many accounts (created by
 * name when the ledger lacks them), with their category, kind, merchant, tags, notes, split parts
 * and links. One transaction, one batch; a row already in the ledger (same account and
 * fingerprint, counted) is a duplicate; `--dry-run` rolls it all back.
 */
import type { Context } from '../../core/context.js';
import type { AccountType, Kind } from '../../core/types.js';
import { sideOfKind } from '../../core/sides.js';
import { findAccountByName, insertAccount } from '../../ledger/accounts.js';
import { insertBatch, setBatchIds, updateBatchCounts } from '../../ledger/batches.js';
import { categoryResolver } from '../../ledger/categories.js';
import { dedupKey } from '../../ledger/entries.js';
import type { Db } from '../../ledger/open.js';
import { restoreLinker, restoreWriter, restoredCategoryInserter } from '../../ledger/restore.js';
import { syncSearchIndex } from '../../ledger/search.js';
import { sha256File } from './file-source.js';
import type { FileResult } from './import-files.js';
import { linkAfterImport } from './transfers.js';
import { tAppLinks as tK } from '../../core/messages/app-links.js';

/** One entry to write, as the file gave it. */
export interface RestoreItem {
  line: number;
  /** The file's own id of the entry (what `link`/`mirror` name). */
  ref?: string;
  account: string;
  /** The type of an account the ledger lacks. */
  accountType: AccountType;
  date: string;
  /** The time of day, where the file gave one. */
  time?: string;
  amount: number;
  currency: string;
  description: string;
  merchant: string | null;
  /** A category path (either language, `Parent:Child`); created when the ledger lacks it. '' = none. */
  category: string;
  kind: Kind;
  channel: string;
  tags: readonly string[];
  notes: readonly string[];
  parts?: readonly { category: string; amount: number }[];
  /** `ref` of the transfer partner / of the entry this one mirrors. */
  link?: string;
  mirror?: string;
}

export interface RestoreOptions {
  format: string;
  dryRun: boolean;
  /** Find transfers and mirrors the way a statement import does (a file that does not carry its links). */
  linkAfter?: boolean;
}

class DryRun extends Error {}

/** Write `items` from `file` in one transaction; fills `result` (counts, accounts, batch). */
export function writeRestored(ctx: Context, db: Db, file: string, items: readonly RestoreItem[], result: FileResult, o: RestoreOptions): FileResult {
  result.format = o.format;
  const now = new Date().toISOString();
  const write = db.transaction(() => {
    const batch = insertBatch(db, { file, sha256: sha256File(file), accountId: null, format: o.format, profile: null, importedAt: now });
    const category = categoryFinder(db);
    const accounts = new Map<string, number>();
    const w = restoreWriter(db);
    const newId = new Map<string, number>();
    const seen = new Map<string, number>();
    let first: number | undefined;
    let last = 0;
    for (const e of items) {
      let accountId = accounts.get(e.account) ?? findAccountByName(db, e.account)?.id;
      if (accountId === undefined) accountId = insertAccount(db, { name: e.account, type: e.accountType, currency: e.currency }, now).id;
      accounts.set(e.account, accountId);
      const key = dedupKey({ date: e.date, amount: e.amount, description: e.description });
      const occurrence = (seen.get(`${accountId}|${key}`) ?? 0) + 1;
      seen.set(`${accountId}|${key}`, occurrence);
      if (w.exists(accountId, key, occurrence)) {
        result.duplicates++;
        continue;
      }
      const side = sideOfKind(e.kind);
      const id = w.insert({
        accountId, batchId: batch, line: e.line, date: e.date, time: e.time ?? null, amount: e.amount, currency: e.currency, description: e.description, dedupKey: key, occurrence,
        merchant: e.merchant, categoryId: category(e.category, side), kind: e.kind, channel: e.channel || 'unknown', createdAt: now,
      });
      first ??= id;
      last = id;
      if (e.ref !== undefined) newId.set(e.ref, id);
      (e.parts ?? []).forEach((p, i) => w.addSplit(id, category(p.category, side), p.amount, i));
      for (const g of e.tags) w.addTag(id, g);
      for (const n of e.notes) w.addNote(id, n, now);
      result.new++;
    }
    const link = restoreLinker(db);
    for (const e of items) {
      const id = e.ref !== undefined ? newId.get(e.ref) : undefined;
      if (id === undefined) continue;
      const peer = e.link !== undefined ? newId.get(e.link) : undefined;
      const mirror = e.mirror !== undefined ? newId.get(e.mirror) : undefined;
      if (peer !== undefined) link.setPeer(id, peer);
      if (mirror !== undefined) link.setMirror(id, mirror);
    }
    result.rows = items.length;
    result.account = [...accounts.keys()].join(', ');
    setBatchIds(db, batch, first !== undefined ? { first, last } : undefined);
    if (o.linkAfter) {
      const linked = linkAfterImport(db, [batch]);
      result.transfers = linked.transfers;
      result.mirrors = linked.mirrors;
    } else result.transfers = items.filter((e) => e.link !== undefined && e.ref !== undefined && newId.has(e.ref) && newId.has(e.link)).length / 2;
    updateBatchCounts(db, batch, { accountId: accounts.size === 1 ? [...accounts.values()][0]! : null, rows: items.length, new: result.new, duplicates: result.duplicates, skipped: result.skipped });
    result.batch = batch;
    if (o.dryRun) throw new DryRun();
  });
  try {
    write();
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
    result.batch = null;
  }
  if (!o.dryRun && result.new > 0) {
    try {
      syncSearchIndex(db);
    } catch (err) {
      ctx.io.err(tK('searchLater', { file, why: (err as Error).message }));
    }
  }
  return result;
}

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
    const topRow = resolve(top);
    const parent = topRow && topRow.parent_id === null ? topRow.id : add(null, top, kind); // a tree of two levels
    const id = child === undefined ? parent : add(parent, child, kind);
    resolve = categoryResolver(db);
    return id;
  };
}
