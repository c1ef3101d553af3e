/**
 * Looking inside a ledger from the outside (bench, stress, reliability tests): integrity,
 * entry and batch counts, duplicates, and a hash of the logical content.
 *
 * "Unchanged" is judged two ways: the main file's bytes (sha256) — valid because a failed
 * import commits nothing, so SQLite never checkpoints anything into it — and the logical
 * content (schema, user_version and every row of every table, in rowid order), which also
 * catches a commit still sitting in the WAL.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

export interface LedgerState {
  integrity: string;
  entries: number;
  batches: number;
  /** Batches whose recorded `new` or id range (first_id..last_id) differs from the entries that carry their id. */
  inconsistentBatches: number;
  /** Entries sharing (account, dedup key, occurrence) or (account, external id, occurrence). */
  duplicates: number;
  /** Entries whose batch row is missing. */
  orphans: number;
  /** Rows whose foreign key (account, batch, category …) points at nothing (PRAGMA foreign_key_check). */
  brokenReferences: number;
  /** Entries the search index has not taken yet (above its watermark): searches check them directly. */
  unindexed: number;
}

function withDb<T>(file: string, fn: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 15000');
    return fn(db);
  } finally {
    db.close();
  }
}

export function ledgerState(file: string): LedgerState {
  return withDb(file, (db) => {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    const one = (sql: string) => Number((db.prepare(sql).pluck().get() as number | null) ?? 0);
    const hasTable = one(`SELECT count(*) FROM sqlite_master WHERE type='table' AND name='transactions'`) > 0;
    if (!hasTable) return { integrity, entries: 0, batches: 0, inconsistentBatches: 0, duplicates: 0, orphans: 0, brokenReferences: 0, unindexed: 0 };
    return {
      integrity,
      entries: one('SELECT count(*) FROM transactions'),
      batches: one('SELECT count(*) FROM batches'),
      // One pass over the entries (batch_id has no index): each batch's count and lowest and highest id.
      inconsistentBatches: one(
        `SELECT count(*) FROM batches b LEFT JOIN (SELECT batch_id, count(*) AS n, min(id) AS lo, max(id) AS hi FROM transactions GROUP BY batch_id) e
           ON e.batch_id = b.id
         WHERE b.new <> ifnull(e.n, 0) OR b.first_id IS NOT e.lo OR b.last_id IS NOT e.hi`,
      ),
      duplicates:
        one(`SELECT count(*) FROM (SELECT 1 FROM transactions GROUP BY account_id, dedup_key, occurrence HAVING count(*) > 1)`) +
        one(`SELECT count(*) FROM (SELECT 1 FROM transactions WHERE external_id IS NOT NULL
               GROUP BY account_id, external_id, occurrence HAVING count(*) > 1)`),
      orphans: one(`SELECT count(*) FROM transactions t WHERE t.batch_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM batches b WHERE b.id = t.batch_id)`),
      brokenReferences: (db.pragma('foreign_key_check') as unknown[]).length,
      unindexed: one(
        `SELECT count(*) FROM transactions WHERE id > ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'search_indexed_upto'), 0)`,
      ),
    };
  });
}

/** sha256 over user_version, the schema and every row of every table (rowid order). */
export function logicalHash(file: string): string {
  return withDb(file, (db) => {
    const h = createHash('sha256');
    h.update(String(db.pragma('user_version', { simple: true })));
    const objects = db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all() as Array<{ type: string; name: string; sql: string | null }>;
    for (const o of objects) {
      h.update(`${o.type}|${o.name}|${o.sql ?? ''}\n`);
      // A virtual table's rows live in its shadow tables (hashed as tables of their own).
      if (o.type !== 'table' || o.name.startsWith('sqlite_') || /^CREATE\s+VIRTUAL\b/i.test(o.sql ?? '')) continue;
      const withoutRowid = /WITHOUT\s+ROWID/i.test(o.sql ?? '');
      const quoted = `"${o.name.replace(/"/g, '""')}"`;
      const columns = (db.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(o.name) as number) || 1;
      const order = withoutRowid ? Array.from({ length: columns }, (_v, i) => i + 1).join(', ') : 'rowid';
      const stmt = db.prepare(`SELECT * FROM ${quoted} ORDER BY ${order}`).raw();
      for (const row of stmt.iterate()) h.update(`${JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`);
    }
    return h.digest('hex');
  });
}

export function fileSha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Move everything from the WAL into the main file so that file alone is the ledger. */
export function checkpoint(file: string): void {
  withDb(file, (db) => {
    db.pragma('wal_checkpoint(TRUNCATE)');
  });
}

/** Copy a checkpointed ledger (main file only; no WAL after a TRUNCATE checkpoint). */
export function copyLedger(from: string, to: string): void {
  checkpoint(from);
  fs.copyFileSync(from, to);
  fs.chmodSync(to, 0o600);
}
