/**
 * The writes behind `import` of pocketbook's own CSV export (app/import/import-pocketbook.ts): entries as
 * exported (category, kind and merchant kept, source 'import'), their split parts, tags and notes,
 * transfer links and mirrors, and categories the ledger lacks. Prepared once; call inside a transaction.
 */
import type { Db } from './open.js';

export interface RestoredEntry {
  accountId: number;
  batchId: number;
  line: number;
  date: string;
  /** The time of day (HH:MM or HH:MM:SS) where the source gave one. */
  time?: string | null;
  amount: number;
  currency: string;
  description: string;
  dedupKey: string;
  occurrence: number;
  merchant: string | null;
  categoryId: number | null;
  kind: string;
  channel: string;
  createdAt: string;
}

export interface RestoreWriter {
  /** Whether the ledger holds this entry already (same account, fingerprint and occurrence). */
  exists(accountId: number, dedupKey: string, occurrence: number): boolean;
  /** Insert an entry; its id. */
  insert(e: RestoredEntry): number;
  addSplit(txId: number, categoryId: number | null, amount: number, position: number): void;
  addTag(txId: number, tag: string): void;
  addNote(txId: number, text: string, now: string): void;
}

export function restoreWriter(db: Db): RestoreWriter {
  const insert = db.prepare(
    `INSERT INTO transactions (account_id, batch_id, source_line, date, time, amount, currency, description, dedup_key, occurrence, merchant, merchant_source,
       category_id, category_source, kind, kind_source, channel, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, 'import', ?, 'import', ?, ?)`,
  );
  const exists = db.prepare('SELECT 1 FROM transactions WHERE account_id = ? AND dedup_key = ? AND occurrence = ?').pluck();
  const split = db.prepare('INSERT INTO splits (tx_id, category_id, amount, position) VALUES (?, ?, ?, ?)');
  const tag = db.prepare('INSERT OR IGNORE INTO tags (tx_id, tag) VALUES (?, ?)');
  const note = db.prepare('INSERT INTO notes (tx_id, text, created_at, updated_at) VALUES (?, ?, ?, ?)');
  return {
    exists: (accountId, key, occurrence) => exists.get(accountId, key, occurrence) !== undefined,
    insert: (e) =>
      Number(
        insert.run(e.accountId, e.batchId, e.line, e.date, e.time ?? null, e.amount, e.currency, e.description, e.dedupKey, e.occurrence, e.merchant, e.categoryId, e.kind, e.channel, e.createdAt)
          .lastInsertRowid,
      ),
    addSplit: (txId, categoryId, amount, position) => void split.run(txId, categoryId, amount, position),
    addTag: (txId, t) => void tag.run(txId, t),
    addNote: (txId, text, now) => void note.run(txId, text, now, now),
  };
}

/** Link restored entries: transfer peers and mirrors (by their new ids). */
export function restoreLinker(db: Db): { setPeer(id: number, peer: number): void; setMirror(id: number, mirror: number): void } {
  const setPeer = db.prepare('UPDATE transactions SET transfer_peer_id = ? WHERE id = ?');
  const setMirror = db.prepare('UPDATE transactions SET mirror_of = ? WHERE id = ?');
  return {
    setPeer: (id, peer) => void setPeer.run(peer, id),
    setMirror: (id, mirror) => void setMirror.run(mirror, id),
  };
}

/** Add a category as a restore names it (both names the same, placed after the others); its id. */
export function restoredCategoryInserter(db: Db): (parentId: number | null, name: string, kind: 'income' | 'expense') => number {
  const add = db.prepare('INSERT INTO categories (parent_id, name_en, name_zh, kind, position) VALUES (?, ?, ?, ?, 1000)');
  return (parentId, name, kind) => Number(add.run(parentId, name, name, kind).lastInsertRowid);
}
