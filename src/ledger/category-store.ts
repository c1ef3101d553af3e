/**
 * Changing the category tree: add, rename, move, remove (moving entries elsewhere), and
 * creating a `Parent:Child` path on demand (rules naming a category that does not exist).
 */
import type { Db } from './open.js';
import { PocketbookError } from '../core/errors.js';
import { allCategories, categoryPath, findCategory, type CategoryRow } from './categories.js';
import { tErrorsLedger as tL } from '../core/messages/errors-ledger.js';
import { getLocale } from '../core/i18n.js';

export type CategoryKind = CategoryRow['kind'];

function nextPosition(db: Db): number {
  return ((db.prepare('SELECT max(position) AS p FROM categories').get() as { p: number | null }).p ?? 0) + 1;
}

function conflict(db: Db, parentId: number | null, en: string, zh: string, exceptId?: number): void {
  const clash = db
    .prepare('SELECT id FROM categories WHERE ifnull(parent_id, 0) = ifnull(?, 0) AND (name_en = ? COLLATE NOCASE OR name_zh = ?) AND id IS NOT ?')
    .get(parentId, en, zh, exceptId ?? null) as { id: number } | undefined;
  if (clash) {
    throw new PocketbookError('CONFLICT', tL('categoryExists', { path: categoryPath(db, clash.id, getLocale()) }));
  }
}

/** Insert a category; `zh` defaults to the English name. */
export function insertCategory(db: Db, parentId: number | null, en: string, zh: string, kind: CategoryKind): number {
  if (en.includes(':') || zh.includes(':') || zh.includes('：')) {
    throw new PocketbookError('BAD_INPUT', tL('colonInName'));
  }
  conflict(db, parentId, en, zh);
  return Number(
    db.prepare('INSERT INTO categories (parent_id, name_en, name_zh, kind, position) VALUES (?, ?, ?, ?, ?)').run(parentId, en, zh, kind, nextPosition(db)).lastInsertRowid,
  );
}

/**
 * The category for a path, creating it (and its parent) when missing. New top-level groups
 * get `kind` (default expense); children inherit their parent's kind.
 */
export function ensureCategoryPath(db: Db, path: string, kind: CategoryKind = 'expense'): { id: number; created: boolean } {
  const found = findCategory(db, path);
  if (found) return { id: found.id, created: false };
  const parts = path.split(/[:：]/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > 2) {
    throw new PocketbookError('BAD_INPUT', tL('twoLevels', { path }));
  }
  if (parts.length === 1) return { id: insertCategory(db, null, parts[0]!, parts[0]!, kind), created: true };
  const parent = findTop(db, parts[0]!) ?? { id: insertCategory(db, null, parts[0]!, parts[0]!, kind), kind };
  return { id: insertCategory(db, parent.id, parts[1]!, parts[1]!, parent.kind), created: true };
}

function findTop(db: Db, name: string): CategoryRow | undefined {
  const n = name.trim().toLowerCase();
  return allCategories(db).find((c) => c.parent_id === null && (c.name_en.toLowerCase() === n || c.name_zh.toLowerCase() === n));
}

export function renameCategory(db: Db, id: number, names: { en?: string; zh?: string }): void {
  const row = db.prepare('SELECT parent_id, name_en, name_zh FROM categories WHERE id = ?').get(id) as
    | { parent_id: number | null; name_en: string; name_zh: string }
    | undefined;
  if (!row) throw new PocketbookError('NOT_FOUND', tL('noSuchCategory'));
  const en = names.en ?? row.name_en;
  const zh = names.zh ?? row.name_zh;
  if (en.includes(':') || zh.includes(':')) throw new PocketbookError('BAD_INPUT', tL('colonInNameShort'));
  conflict(db, row.parent_id, en, zh, id);
  db.prepare('UPDATE categories SET name_en = ?, name_zh = ? WHERE id = ?').run(en, zh, id);
}

/** Move under another top-level category (or to the top with null). */
export function moveCategory(db: Db, id: number, parentId: number | null): void {
  const row = db.prepare('SELECT name_en, name_zh FROM categories WHERE id = ?').get(id) as { name_en: string; name_zh: string } | undefined;
  if (!row) throw new PocketbookError('NOT_FOUND', tL('noSuchCategory'));
  if (parentId !== null) {
    const hasChildren = db.prepare('SELECT 1 FROM categories WHERE parent_id = ? LIMIT 1').get(id) !== undefined;
    if (hasChildren) throw new PocketbookError('BAD_INPUT', tL('hasChildren'));
    const parent = db.prepare('SELECT parent_id, kind FROM categories WHERE id = ?').get(parentId) as { parent_id: number | null; kind: CategoryKind } | undefined;
    if (!parent || parent.parent_id !== null) throw new PocketbookError('BAD_INPUT', tL('parentTopLevel'));
    if (parentId === id) throw new PocketbookError('BAD_INPUT', tL('ownParent'));
    conflict(db, parentId, row.name_en, row.name_zh, id);
    db.prepare('UPDATE categories SET parent_id = ?, kind = ? WHERE id = ?').run(parentId, parent.kind, id);
  } else {
    conflict(db, null, row.name_en, row.name_zh, id);
    db.prepare('UPDATE categories SET parent_id = NULL WHERE id = ?').run(id);
  }
}

/** Ids of the category and its children. */
function family(db: Db, id: number): number[] {
  return [id, ...(db.prepare('SELECT id FROM categories WHERE parent_id = ?').all(id) as { id: number }[]).map((r) => r.id)];
}

/** Entries (and split parts) filed under the category or its children. */
export function countEntries(db: Db, id: number): number {
  const ids = family(db, id);
  const marks = ids.map(() => '?').join(',');
  const tx = db.prepare(`SELECT count(*) AS n FROM transactions WHERE category_id IN (${marks})`).get(...ids) as { n: number };
  const sp = db.prepare(`SELECT count(*) AS n FROM splits WHERE category_id IN (${marks})`).get(...ids) as { n: number };
  return tx.n + sp.n;
}

/** Remove the category and its children; their entries go to `toId` (or become uncategorized with null). */
export function removeCategory(db: Db, id: number, toId: number | null): number {
  const ids = family(db, id);
  if (toId !== null && ids.includes(toId)) throw new PocketbookError('BAD_INPUT', tL('moveIntoRemoved'));
  const marks = ids.map(() => '?').join(',');
  return db.transaction(() => {
    const moved = db.prepare(`UPDATE transactions SET category_id = ? WHERE category_id IN (${marks})`).run(toId, ...ids).changes;
    db.prepare(`UPDATE splits SET category_id = ? WHERE category_id IN (${marks})`).run(toId, ...ids);
    db.prepare(`DELETE FROM budgets WHERE category_id IN (${marks})`).run(...ids);
    for (const c of ids.slice(1)) db.prepare('DELETE FROM categories WHERE id = ?').run(c);
    db.prepare('DELETE FROM categories WHERE id = ?').run(id);
    return moved;
  })();
}
