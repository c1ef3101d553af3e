/**
 * Category look-up: `Parent:Child` paths or bare names, English or Chinese, case-insensitive.
 */
import type { Db } from './open.js';
import { categoryLookup, type CategoryRow } from '../core/categories.js';

export type { CategoryRow } from '../core/categories.js';

export function allCategories(db: Db): CategoryRow[] {
  return db.prepare('SELECT id, parent_id, name_en, name_zh, kind FROM categories ORDER BY position, id').all() as CategoryRow[];
}

/** Find a category by path or name in either language; undefined when none matches. Ambiguous bare names throw. */
export function findCategory(db: Db, name: string): CategoryRow | undefined {
  return categoryResolver(db)(name);
}

/**
 * A look-up over the tree as it is now, loaded once (for resolving many names: rules, imports).
 * Same answers as findCategory.
 */
export function categoryResolver(db: Db): (name: string) => CategoryRow | undefined {
  return categoryLookup(allCategories(db));
}

/** How many entries each category has (categories with none are left out). */
export function entryCountsByCategory(db: Db): { id: number; n: number }[] {
  return db.prepare('SELECT category_id AS id, count(*) AS n FROM transactions WHERE category_id IS NOT NULL GROUP BY category_id').all() as { id: number; n: number }[];
}

/** The category with its children's ids (for filters that include subcategories). */
export function categoryWithChildren(db: Db, id: number): number[] {
  const rows = db.prepare('SELECT id FROM categories WHERE parent_id = ?').all(id) as { id: number }[];
  return [id, ...rows.map((r) => r.id)];
}

/** `Parent:Child` in the given locale. */
export function categoryPath(db: Db, id: number, locale: 'en' | 'zh'): string {
  const row = db.prepare('SELECT c.name_en, c.name_zh, p.name_en AS p_en, p.name_zh AS p_zh FROM categories c LEFT JOIN categories p ON p.id = c.parent_id WHERE c.id = ?').get(id) as
    | { name_en: string; name_zh: string; p_en: string | null; p_zh: string | null }
    | undefined;
  if (!row) return '';
  const own = locale === 'zh' ? row.name_zh : row.name_en;
  const parent = locale === 'zh' ? row.p_zh : row.p_en;
  return parent ? `${parent}:${own}` : own;
}
