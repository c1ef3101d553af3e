/**
 * Hand-made changes to entries (`tx edit`, `categorize`): each records `*_source = 'manual'`,
 * which rules never override. Also the queries `rules suggest` and `categorize` need.
 */
import type { Db } from './open.js';

export interface EntryBrief {
  id: number;
  date: string;
  amount: number;
  currency: string;
  description: string;
  merchant: string | null;
  category_id: number | null;
  category_source: string | null;
  kind: string;
  channel: string;
}

export function getEntryBrief(db: Db, id: number): EntryBrief | undefined {
  return db
    .prepare('SELECT id, date, amount, currency, description, merchant, category_id, category_source, kind, channel FROM transactions WHERE id = ?')
    .get(id) as EntryBrief | undefined;
}

export interface ManualChange {
  categoryId?: number | null;
  merchant?: string;
  kind?: string;
  channel?: string;
}

/** Apply hand-set fields to entries (one transaction). */
export function setManual(db: Db, ids: readonly number[], change: ManualChange): void {
  const sets: string[] = [];
  const params: unknown[] = [];
  if (change.categoryId !== undefined) (sets.push("category_id = ?, category_source = 'manual'"), params.push(change.categoryId));
  if (change.merchant !== undefined) (sets.push("merchant = ?, merchant_source = 'manual'"), params.push(change.merchant));
  if (change.kind !== undefined) (sets.push("kind = ?, kind_source = 'manual'"), params.push(change.kind));
  if (change.channel !== undefined) (sets.push("channel = ?, channel_source = 'manual'"), params.push(change.channel));
  if (sets.length === 0) return;
  const stmt = db.prepare(`UPDATE transactions SET ${sets.join(', ')} WHERE id = ?`);
  db.transaction(() => {
    for (const id of ids) stmt.run(...params, id);
  })();
}

/** Merchants the user filed by hand into one category consistently (at least `min` times, never elsewhere). */
export function consistentManualChoices(db: Db, min = 2): { merchant: string; category_id: number; count: number }[] {
  return db
    .prepare(
      `SELECT merchant, min(category_id) AS category_id, count(*) AS count FROM transactions
       WHERE category_source = 'manual' AND merchant IS NOT NULL AND category_id IS NOT NULL
       GROUP BY merchant COLLATE NOCASE HAVING count(DISTINCT category_id) = 1 AND count(*) >= ? ORDER BY count(*) DESC, merchant`,
    )
    .all(min) as { merchant: string; category_id: number; count: number }[];
}

export interface UncategorizedGroup {
  merchant: string;
  count: number;
  total: number;
  currency: string;
  ids: string;
}

/** Uncategorized, non-transfer entries grouped by merchant, largest absolute total first. */
export function uncategorizedByMerchant(db: Db): UncategorizedGroup[] {
  return db
    .prepare(
      `SELECT coalesce(merchant, description) AS merchant, count(*) AS count, sum(amount) AS total, currency, group_concat(id) AS ids
       FROM transactions WHERE category_id IS NULL AND kind <> 'transfer'
       GROUP BY coalesce(merchant, description), currency ORDER BY abs(sum(amount)) DESC`,
    )
    .all() as UncategorizedGroup[];
}
