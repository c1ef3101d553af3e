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

/**
 * Merchants with their counts and totals; `names` (the forgiving search's matches, exact names)
 * limits them to those names, `search` to names containing the text.
 */
export function listMerchants(db: Db, opts: { search?: string; names?: readonly string[]; limit?: number } = {}): MerchantSummary[] {
  const like = opts.search ? `%${opts.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : '%';
  const names = opts.names ? `AND merchant IN (SELECT value FROM json_each(?))` : '';
  return db
    .prepare(
      `SELECT merchant, count(*) AS count, sum(amount) AS total, currency FROM transactions
       WHERE merchant IS NOT NULL AND merchant LIKE ? ESCAPE '\\' ${names}
       GROUP BY merchant, currency ORDER BY count(*) DESC, merchant LIMIT ?`,
    )
    .all(like, ...(opts.names ? [JSON.stringify(opts.names)] : []), opts.limit ?? -1) as MerchantSummary[];
}

/** Every distinct merchant name, each found by one look-up in the merchant index (merchants are few). */
export function distinctMerchants(db: Db): string[] {
  return db
    .prepare(
      `WITH RECURSIVE names (name) AS (
         SELECT min(merchant) FROM transactions
         UNION ALL SELECT (SELECT min(merchant) FROM transactions WHERE merchant > names.name) FROM names WHERE names.name IS NOT NULL)
       SELECT name FROM names WHERE name IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
}

/** The user's Chinese ↔ English merchant pairs (migration 19). */
export function listMerchantNames(db: Db): { zh: string; en: string }[] {
  return db.prepare('SELECT zh, en FROM merchant_names ORDER BY zh').all() as { zh: string; en: string }[];
}

/** Record that `zh` and `en` name one merchant; a pair holding either name before is replaced. */
export function setMerchantNames(db: Db, zh: string, en: string): void {
  db.prepare('DELETE FROM merchant_names WHERE zh = ? OR en = ? OR zh = ? OR en = ?').run(zh, en, en, zh);
  db.prepare('INSERT INTO merchant_names (zh, en) VALUES (?, ?)').run(zh, en);
}

export interface MerchantSearchKeys {
  name: string;
  simplified: string;
  pinyin: string;
  initials: string;
}

/** The cached search keys of these names (those that have some). */
export function searchKeysOf(db: Db, names: readonly string[]): MerchantSearchKeys[] {
  return db
    .prepare('SELECT name, simplified, pinyin, initials FROM merchant_search_keys WHERE name IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(names)) as MerchantSearchKeys[];
}

/** Cache search keys; false when the ledger cannot take them now (read-only, busy): they are derived. */
export function saveSearchKeys(db: Db, keys: readonly MerchantSearchKeys[]): boolean {
  if (keys.length === 0) return true;
  // A search never waits for another command's write: the keys are cached next time instead.
  const busy = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    const insert = db.prepare('INSERT OR REPLACE INTO merchant_search_keys (name, simplified, pinyin, initials) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (const k of keys) insert.run(k.name, k.simplified, k.pinyin, k.initials);
    })();
    return true;
  } catch {
    return false;
  } finally {
    db.pragma(`busy_timeout = ${busy}`);
  }
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
