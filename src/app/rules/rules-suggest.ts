/**
 * Learning from hand-made choices: a rule proposed for every merchant the user filed into the
 * same category at least twice (and never elsewhere), unless a user rule already does it.
 */
import type { Context } from '../../core/context.js';
import { categoryPath } from '../../ledger/categories.js';
import { consistentManualChoices } from '../../ledger/manual-edits.js';
import { listUserRules } from '../../ledger/rules-store.js';
import type { Rule } from '../../rules/model.js';
import { loadEngine } from './rules-engine.js';
import { storeRules, withDb } from './rules.js';

export interface Suggestion {
  rule: Rule;
  count: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The rule that files a merchant's entries under a category. */
export function merchantRule(name: string, merchant: string, category: string): Rule {
  return { name, match: { merchant: escapeRe(merchant) }, set: { category } };
}

export function uniqueName(taken: ReadonlySet<string>, base: string): string {
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
  return name;
}

export function suggestRules(ctx: Context): Suggestion[] {
  return withDb(ctx, (db) => {
    const user = listUserRules(db);
    const taken = new Set(user.map((r) => r.name.toLowerCase()));
    const engine = loadEngine(db, { createCategories: false });
    const out: Suggestion[] = [];
    for (const c of consistentManualChoices(db, 2)) {
      const decided = engine.rules.evaluate({ description: '', merchant: c.merchant, amount: -1, currency: 'XXX', account: '', channel: 'unknown' });
      if (decided.category?.rule.origin === 'user' && decided.category.value === c.category_id) continue;
      const name = uniqueName(taken, c.merchant);
      taken.add(name.toLowerCase());
      out.push({ rule: merchantRule(name, c.merchant, categoryPath(db, c.category_id, 'en')), count: c.count });
    }
    return out;
  });
}

/** Append accepted suggestions to the user's rules. */
export function acceptSuggestions(ctx: Context, rules: readonly Rule[]): string[] {
  return withDb(ctx, (db) => storeRules(db, [...listUserRules(db), ...rules]));
}
