/**
 * Writing imported entries with counted-fingerprint dedup (SPEC "Import"): the i-th row of a file
 * with key K is inserted only when (account, K, i) is not in the ledger yet. The per-file counters
 * live in a TEMP table, so memory does not grow with the file.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';
import type { EntryDraft } from '../core/types.js';

export interface EntryWriter {
  /** Forget the counters (call at the start of each file). */
  reset(): void;
  /** Insert the draft unless it is a duplicate; true when inserted. */
  write(draft: EntryDraft, dedupKey: string, batchId: number, now: string): boolean;
}

export function createEntryWriter(db: Db): EntryWriter {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS import_counts (account_id INTEGER NOT NULL, key TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (account_id, key)) WITHOUT ROWID');
  const count: Statement = db.prepare(
    `INSERT INTO temp.import_counts (account_id, key, n) VALUES (?, ?, 1)
     ON CONFLICT (account_id, key) DO UPDATE SET n = n + 1 RETURNING n`,
  );
  const insert: Statement = db.prepare(
    `INSERT INTO transactions (account_id, batch_id, source_line, date, time, amount, currency, description,
       dedup_key, occurrence, external_id, counterparty, source_category, funding, merchant, merchant_source,
       category_id, category_source, kind, kind_source, channel, channel_source, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, dedup_key, occurrence) DO NOTHING`,
  );
  const addTag = db.prepare('INSERT OR IGNORE INTO tags (tx_id, tag) VALUES (?, ?)');
  const clear = db.prepare('DELETE FROM temp.import_counts');
  count.pluck();
  return {
    reset: () => void clear.run(),
    write(d, dedupKey, batchId, now) {
      const occurrence = count.get(d.accountId, dedupKey) as number;
      const info = insert.run(
        d.accountId, batchId, d.line, d.date, d.time ?? null, d.amount, d.currency, d.description,
        dedupKey, occurrence, d.externalId ?? null, d.counterparty ?? null, d.sourceCategory ?? null, d.funding ?? null,
        d.merchant ?? null, d.merchantSource ?? null, d.categoryId ?? null, d.categorySource ?? null,
        d.kind, d.kindSource ?? null, d.channel, d.channelSource ?? null, now,
      );
      if (info.changes === 0) return false;
      if (d.tags && d.tags.length > 0) {
        const id = info.lastInsertRowid;
        for (const tag of d.tags) addTag.run(id, tag);
      }
      return true;
    },
  };
}

/** Half-width, lower-case, single-spaced: the description part of a fingerprint. */
export function normalizeDescription(text: string): string {
  let t = text;
  // Fast path: plain ASCII needs no half-width mapping.
  if (/[^\x00-\x7f]/.test(t)) {
    t = t
      .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
      .replace(/[\u3000\u00A0\u2007\u202F]/g, ' ');
  }
  return t.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The dedup key: the source's transaction id when there is one, else date|amount|description. */
export function dedupKey(row: { externalId?: string; date: string; amount: number; description: string }): string {
  return row.externalId ? `id:${row.externalId}` : `fp:${row.date}|${row.amount}|${normalizeDescription(row.description)}`;
}
