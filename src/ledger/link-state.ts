/**
 * What a transfer link replaced (migration 15): linking makes both entries kind 'transfer' and
 * keeps, per entry, the kind and kind source it had just before (src/ledger/links.ts linkWriter).
 * Whatever removes a link (`tx unlink`, `import undo` or `account remove` of the other side) gives
 * them back with this. And what deleting entries means for link_hints (migration 15).
 */
import type { Db } from './open.js';

/**
 * After deleting entries: new ones will take the ids above the largest left, so link_hints must
 * look at them again (its mark goes down to that id; its rows above it go).
 */
export function afterEntriesDeleted(db: Db): void {
  const top = (db.prepare('SELECT ifnull(max(id), 0) FROM transactions').pluck().get() as number);
  const upto = Number(db.prepare("SELECT value FROM meta WHERE key = 'link_hints_upto'").pluck().get() ?? 0);
  if (upto <= top) return;
  db.prepare("UPDATE meta SET value = ? WHERE key = 'link_hints_upto'").run(String(top));
  db.prepare('DELETE FROM link_hints WHERE tx_id > ?').run(top);
}

/**
 * SQL (an UPDATE's SET list) that clears entries' transfer links and gives them back the kind they
 * had before (migration 15). An entry whose kind was changed by hand since (no longer 'transfer')
 * keeps it. For a link older than migration 15, `legacy` decides: 'sign' gives the kind of its sign,
 * set by hand (`tx unlink` before 15), 'keep' leaves the kind as it is.
 */
export function restoreBeforeLink(legacy: 'sign' | 'keep'): string {
  const linked = "kind = 'transfer' AND kind_before_link IS NOT NULL";
  const [kind, source] = legacy === 'sign' ? ["CASE WHEN amount < 0 THEN 'expense' ELSE 'income' END", "'manual'"] : ['kind', 'kind_source'];
  return `transfer_peer_id = NULL,
    kind = CASE WHEN ${linked} THEN kind_before_link WHEN kind = 'transfer' AND transfer_peer_id IS NOT NULL THEN ${kind} ELSE kind END,
    kind_source = CASE WHEN ${linked} THEN kind_source_before_link WHEN kind = 'transfer' AND transfer_peer_id IS NOT NULL THEN ${source} ELSE kind_source END,
    kind_before_link = NULL, kind_source_before_link = NULL`;
}
