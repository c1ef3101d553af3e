/**
 * Category look-up over a category tree given as rows: `Parent:Child` paths or bare names, English
 * or Chinese, case-insensitive. Pure; the ledger loads the rows (ledger/categories.ts).
 */
import { PocketbookError } from './errors.js';
import { tErrorsCore as tE } from './messages/errors-core.js';

export interface CategoryRow {
  id: number;
  parent_id: number | null;
  name_en: string;
  name_zh: string;
  kind: 'expense' | 'income' | 'transfer';
}

const norm = (s: string) => s.trim().toLowerCase();
const INCOME_ROOTS = new Set(['income', '收入']);

/**
 * A look-up over these categories: undefined when none matches; an ambiguous bare name throws
 * (BAD_INPUT, with the `Parent:Child` paths to choose from).
 */
export function categoryLookup(cats: readonly CategoryRow[]): (name: string) => CategoryRow | undefined {
  const byId = new Map(cats.map((c) => [c.id, c]));
  const matches = (c: CategoryRow, part: string) => norm(c.name_en) === part || norm(c.name_zh) === part;
  const pathOf = (c: CategoryRow) => {
    const parent = c.parent_id !== null ? byId.get(c.parent_id) : undefined;
    return parent ? `${parent.name_en}:${c.name_en}` : c.name_en;
  };
  return (name) => {
    const parts = name.split(/[:：]/).map(norm);
    let found: CategoryRow[];
    if (parts.length >= 2) {
      found = cats.filter((c) => {
        const parent = c.parent_id !== null ? byId.get(c.parent_id) : undefined;
        return parent !== undefined && matches(parent, parts[0]!) && matches(c, parts.slice(1).join(':'));
      });
    } else {
      const top = cats.filter((c) => c.parent_id === null && matches(c, parts[0]!));
      found = top.length > 0 ? top : cats.filter((c) => matches(c, parts[0]!));
    }
    // `Income:Salary` (the tree before migration 18 had one `Income` group): the top-level income
    // category of that name, when no category `Income` has such a child.
    if (found.length === 0 && parts.length === 2 && INCOME_ROOTS.has(parts[0]!)) {
      const income = cats.filter((c) => c.kind === 'income' && matches(c, parts[1]!));
      const top = income.filter((c) => c.parent_id === null);
      found = top.length > 0 ? top : income;
    }
    if (found.length > 1) {
      throw new PocketbookError('BAD_INPUT', tE('categoryAmbiguous', { name }), {
        hint: tE('categoryAmbiguousHint', { choices: found.map(pathOf).join(tE('dateOr')) }),
      });
    }
    return found[0];
  };
}
