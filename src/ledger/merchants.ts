/**
 * Merchants: the names entries carry, and aliases (`merchant_aliases`) that map a spelling
 * to the name the user wants — honoured by every later import and `rules apply`.
 */
import type { Db } from './open.js';

export interface MerchantSummary {
  merchant: string;
  count: number;
  /** Sum of amounts in minor units, per currency. */
  total: number;
  currency: string;
}

export function listMerchants(db: Db, opts: { search?: string; limit?: number } = {}): MerchantSummary[] {
  const like = opts.search ? `%${opts.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : '%';
  return db
    .prepare(
      `SELECT merchant, count(*) AS count, sum(amount) AS total, currency FROM transactions
       WHERE merchant IS NOT NULL AND merchant LIKE ? ESCAPE '\\'
       GROUP BY merchant, currency ORDER BY count(*) DESC, merchant LIMIT ?`,
    )
    .all(like, opts.limit ?? -1) as MerchantSummary[];
}

export function listAliases(db: Db): { alias: string; merchant: string }[] {
  return db.prepare('SELECT alias, merchant FROM merchant_aliases ORDER BY merchant, alias').all() as { alias: string; merchant: string }[];
}

/** Record that `alias` (a folded key) means `merchant`. */
export function setAlias(db: Db, alias: string, merchant: string): void {
  db.prepare('INSERT INTO merchant_aliases (alias, merchant) VALUES (?, ?) ON CONFLICT(alias) DO UPDATE SET merchant = excluded.merchant').run(alias, merchant);
  // Aliases pointing at the old name follow it.
  db.prepare('UPDATE merchant_aliases SET merchant = ? WHERE merchant = ? COLLATE NOCASE').run(merchant, alias);
}

export function removeAlias(db: Db, alias: string): boolean {
  return db.prepare('DELETE FROM merchant_aliases WHERE alias = ?').run(alias).changes > 0;
}

/** Rename entries whose merchant is `from` (case-insensitive), except hand-set ones unless `includeManual`. Returns rows changed. */
export function renameMerchantOnEntries(db: Db, from: string, to: string): number {
  return db
    .prepare("UPDATE transactions SET merchant = ? WHERE merchant = ? COLLATE NOCASE AND merchant IS NOT ?")
    .run(to, from, to).changes;
}

export function merchantExists(db: Db, name: string): boolean {
  return db.prepare('SELECT 1 FROM transactions WHERE merchant = ? COLLATE NOCASE LIMIT 1').get(name) !== undefined;
}
