/**
 * `tx edit`: hand-set category, merchant, kind or channel (recorded as `manual`, so rules and
 * re-imports never change them), and the "make this a rule?" follow-up.
 */
import type { Context } from '../../core/context.js';
import { PocketbookError, notFound } from '../../core/errors.js';
import { isChannel, isKind } from '../../core/types.js';
import { categoryPath, findCategory } from '../../ledger/categories.js';
import { getEntryBrief, setManual, type ManualChange } from '../../ledger/manual-edits.js';
import { listUserRules } from '../../ledger/rules-store.js';
import { withDb, storeRules } from '../rules/rules.js';
import { merchantRule, uniqueName } from '../rules/rules-suggest.js';
import { tEntry as say } from '../../core/messages/cli-tx-entry.js';

export interface EditInput {
  category?: string;
  merchant?: string;
  kind?: string;
  channel?: string;
}

export interface EditResult {
  id: number;
  merchant: string | null;
  category: string | null;
  changed: string[];
}

export function editEntry(ctx: Context, id: number, input: EditInput): EditResult {
  if (!Number.isInteger(id) || id <= 0) throw new PocketbookError('USAGE', say('notEntryId', { id }), { exitCode: 2 });
  const change: ManualChange = {};
  const changed: string[] = [];
  return withDb(ctx, (db) => {
    if (!getEntryBrief(db, id)) throw notFound(say('noEntry', { id }), say('findIds'));
    if (input.category !== undefined) {
      if (['none', '-', ''].includes(input.category.trim().toLowerCase())) change.categoryId = null;
      else {
        const cat = findCategory(db, input.category);
        if (!cat) throw notFound(say('noCategory', { name: input.category }), say('seeCategories'));
        change.categoryId = cat.id;
      }
      changed.push('category');
    }
    if (input.merchant !== undefined) {
      if (input.merchant.trim() === '') throw new PocketbookError('BAD_INPUT', say('merchantEmpty'));
      change.merchant = input.merchant.trim();
      changed.push('merchant');
    }
    if (input.kind !== undefined) {
      if (!isKind(input.kind)) throw new PocketbookError('BAD_INPUT', say('badKind', { kind: input.kind }));
      change.kind = input.kind;
      changed.push('kind');
    }
    if (input.channel !== undefined) {
      if (!isChannel(input.channel)) throw new PocketbookError('BAD_INPUT', say('badChannel', { channel: input.channel }));
      change.channel = input.channel;
      changed.push('channel');
    }
    if (changed.length === 0) throw new PocketbookError('USAGE', say('nothingToChange'), { hint: say('giveField'), exitCode: 2 });
    setManual(db, [id], change);
    const after = getEntryBrief(db, id)!;
    return {
      id,
      merchant: after.merchant,
      category: after.category_id !== null ? categoryPath(db, after.category_id, ctx.settings.locale) : null,
      changed,
    };
  });
}

/** Make "merchant → category" a user rule; returns its name. */
export function ruleFromEdit(ctx: Context, merchant: string, category: string): string {
  return withDb(ctx, (db) => {
    const rules = listUserRules(db);
    const name = uniqueName(new Set(rules.map((r) => r.name.toLowerCase())), merchant);
    storeRules(db, [...rules, merchantRule(name, merchant, category)]);
    return name;
  });
}
