/**
 * Category use cases: list the tree (names in the locale), add, rename, move, remove.
 * Rules that name a renamed, moved or removed category follow it.
 */
import type { Context } from '../../core/context.js';
import { PocketbookError, notFound } from '../../core/errors.js';
import type { Db } from '../../ledger/open.js';
import { allCategories, categoryPath, entryCountsByCategory, findCategory, type CategoryRow } from '../../ledger/categories.js';
import { countEntries, ensureCategoryPath, insertCategory, moveCategory, removeCategory, renameCategory } from '../../ledger/category-store.js';
import { listUserRules, saveUserRules } from '../../ledger/rules-store.js';
import { withDb } from './rules.js';
import { tAppRules as say } from '../../core/messages/app-rules.js';

export interface CategoryView {
  id: number;
  path: string;
  name_en: string;
  name_zh: string;
  parent: string | null;
  kind: string;
  entries: number;
}

export function listCategoryViews(ctx: Context): CategoryView[] {
  return withDb(ctx, (db) => {
    const counts = new Map(
      entryCountsByCategory(db).map((r) => [r.id, r.n]),
    );
    const cats = allCategories(db);
    const byId = new Map(cats.map((c) => [c.id, c]));
    const out: CategoryView[] = [];
    const view = (c: CategoryRow): CategoryView => ({
      id: c.id, path: categoryPath(db, c.id, ctx.settings.locale), name_en: c.name_en, name_zh: c.name_zh,
      parent: c.parent_id !== null ? (ctx.settings.locale === 'zh' ? byId.get(c.parent_id)?.name_zh : byId.get(c.parent_id)?.name_en) ?? null : null,
      kind: c.kind, entries: counts.get(c.id) ?? 0,
    });
    for (const top of cats.filter((c) => c.parent_id === null)) {
      out.push(view(top));
      for (const child of cats.filter((c) => c.parent_id === top.id)) out.push(view(child));
    }
    return out;
  });
}

function mustFind(db: Db, name: string): CategoryRow {
  const c = findCategory(db, name);
  if (!c) throw notFound(say('noCategory', { name }), say('seeCategories'));
  return c;
}

/** Rewrite rules naming category `id` (as it was before the change) with its new path. */
function followInRules(db: Db, ids: ReadonlySet<number>, newPath: (id: number) => string | undefined): void {
  const rules = listUserRules(db);
  let touched = false;
  for (const r of rules) {
    if (r.set.category === undefined) continue;
    let c: CategoryRow | undefined;
    try {
      c = findCategory(db, r.set.category);
    } catch {
      c = undefined;
    }
    if (c && ids.has(c.id)) {
      const p = newPath(c.id);
      if (p === undefined) delete r.set.category;
      else r.set.category = p;
      touched = true;
    }
  }
  if (touched) saveUserRules(db, rules.filter((r) => Object.keys(r.set).length > 0), new Date().toISOString());
}

export function addCategory(ctx: Context, path: string, opts: { zh?: string; en?: string; kind?: string }): CategoryView {
  return withDb(ctx, (db) => {
    const parts = path.split(/[:：]/).map((p) => p.trim());
    if (parts.length > 2 || parts.some((p) => p === '')) throw new PocketbookError('BAD_INPUT', say('twoLevels', { path }));
    const kind = opts.kind ?? 'expense';
    if (!['expense', 'income', 'transfer'].includes(kind)) throw new PocketbookError('BAD_INPUT', say('kindChoices'));
    let parentId: number | null = null;
    let parentKind = kind as CategoryRow['kind'];
    if (parts.length === 2) {
      const parent = mustFind(db, parts[0]!);
      if (parent.parent_id !== null) throw new PocketbookError('BAD_INPUT', say('isSubcategory', { name: parts[0]! }));
      [parentId, parentKind] = [parent.id, parent.kind];
    }
    const name = parts[parts.length - 1]!;
    const en = opts.en ?? name;
    const zh = opts.zh ?? name;
    const id = insertCategory(db, parentId, en, zh, parentKind);
    return { id, path: categoryPath(db, id, ctx.settings.locale), name_en: en, name_zh: zh, parent: parts.length === 2 ? parts[0]! : null, kind: parentKind, entries: 0 };
  });
}

export function renameCategoryUseCase(ctx: Context, name: string, opts: { en?: string; zh?: string; to?: string }): string {
  return withDb(ctx, (db) =>
    db.transaction(() => {
      const c = mustFind(db, name);
      const names = { en: opts.en, zh: opts.zh };
      if (opts.to !== undefined) {
        // A new name in the locale's language (Chinese text goes to the Chinese name).
        if (/[\u3400-\u9fff]/.test(opts.to)) names.zh ??= opts.to;
        else names.en ??= opts.to;
      }
      if (names.en === undefined && names.zh === undefined) throw new PocketbookError('USAGE', say('giveNewName'), { exitCode: 2 });
      followInRulesPrepare(db, listUserRules(db));
      const oldPaths = new Map([c.id, ...allCategories(db).filter((x) => x.parent_id === c.id).map((x) => x.id)].map((id) => [categoryPath(db, id, 'en'), id]));
      renameCategory(db, c.id, names);
      const renamed = listUserRules(db).map((r) => {
        const id = r.set.category !== undefined ? oldPaths.get(r.set.category) : undefined;
        return id !== undefined ? { ...r, set: { ...r.set, category: categoryPath(db, id, 'en') } } : r;
      });
      saveUserRules(db, renamed, new Date().toISOString());
      return categoryPath(db, c.id, ctx.settings.locale);
    })(),
  );
}

/** Rules resolve by name, so resolve them before the rename; stored so followInRules can match by id. */
function followInRulesPrepare(db: Db, rules: ReturnType<typeof listUserRules>): void {
  // Normalise rule category text to English paths while the old names still resolve.
  let touched = false;
  for (const r of rules) {
    if (r.set.category === undefined) continue;
    try {
      const c = findCategory(db, r.set.category);
      if (c) {
        const p = categoryPath(db, c.id, 'en');
        if (p !== r.set.category) (r.set.category = p), (touched = true);
      }
    } catch {
      /* ambiguous: leave as written */
    }
  }
  if (touched) saveUserRules(db, rules, new Date().toISOString());
}

export function moveCategoryUseCase(ctx: Context, name: string, to: string): string {
  return withDb(ctx, (db) =>
    db.transaction(() => {
      const c = mustFind(db, name);
      const parent = ['top', '/', '-'].includes(to.trim().toLowerCase()) ? null : mustFind(db, to);
      const rules = listUserRules(db);
      followInRulesPrepare(db, rules);
      const oldPath = categoryPath(db, c.id, 'en');
      moveCategory(db, c.id, parent?.id ?? null);
      const newPath = categoryPath(db, c.id, 'en');
      const moved = listUserRules(db).map((r) => (r.set.category === oldPath ? { ...r, set: { ...r.set, category: newPath } } : r));
      saveUserRules(db, moved, new Date().toISOString());
      return categoryPath(db, c.id, ctx.settings.locale);
    })(),
  );
}

export function categoryEntryCount(ctx: Context, name: string): { path: string; entries: number } {
  return withDb(ctx, (db) => {
    const c = mustFind(db, name);
    return { path: categoryPath(db, c.id, ctx.settings.locale), entries: countEntries(db, c.id) };
  });
}

/** Remove; entries go to `to` (a category, or "none" for uncategorized). */
export function removeCategoryUseCase(ctx: Context, name: string, to: string | undefined): { path: string; moved: number; to: string | null } {
  return withDb(ctx, (db) =>
    db.transaction(() => {
      const c = mustFind(db, name);
      const entries = countEntries(db, c.id);
      if (entries > 0 && to === undefined) {
        throw new PocketbookError('USAGE', say('holdsEntries', { path: categoryPath(db, c.id, ctx.settings.locale), n: entries }), {
          hint: say('addTo'), exitCode: 2,
        });
      }
      const target = to === undefined || to.trim().toLowerCase() === 'none' ? null : mustFind(db, to);
      const path = categoryPath(db, c.id, ctx.settings.locale);
      const ids = new Set([c.id, ...allCategories(db).filter((x) => x.parent_id === c.id).map((x) => x.id)]);
      const rules = listUserRules(db);
      followInRulesPrepare(db, rules);
      followInRules(db, ids, () => (target ? categoryPath(db, target.id, 'en') : undefined));
      const moved = removeCategory(db, c.id, target?.id ?? null);
      return { path, moved, to: target ? categoryPath(db, target.id, ctx.settings.locale) : null };
    })(),
  );
}

export { ensureCategoryPath };
