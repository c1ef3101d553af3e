/**
 * The rules engine's data from the ledger: the user's rules, the defaults switch, merchant aliases
 * and the category tree (creating the categories user rules name that do not exist yet, unless
 * told not to). The engine itself (rules/engine.ts) is pure: it gets this as data, and second
 * threads get it by message.
 */
import type { Db } from '../../ledger/open.js';
import { allCategories, categoryResolver } from '../../ledger/categories.js';
import { ensureCategoryPath } from '../../ledger/category-store.js';
import { listAliases } from '../../ledger/merchants.js';
import { defaultsEnabled, listUserRules } from '../../ledger/rules-store.js';
import { buildEngine, type Engine, type RulesData } from '../../rules/engine.js';
import { checkUserPatterns } from '../../rules/compile.js';
import { enricherFor, type Enricher } from '../../rules/enricher.js';
import type { Rule } from '../../rules/model.js';

export interface EngineOptions {
  /** Rules placed right after the user's rules (e.g. the inline rule of `rules test`). */
  extra?: readonly Rule[];
  /** Use these instead of the stored user rules. */
  userRules?: readonly Rule[];
  /** Create categories user rules name that do not exist (default true). */
  createCategories?: boolean;
}

/** Resolve (and create, when missing) each user rule's category in order, as the engine will use them. */
function ensureRuleCategories(db: Db, rules: readonly Rule[]): { resolved: Map<string, number>; created: string[] } {
  const resolved = new Map<string, number>();
  const created: string[] = [];
  let lookup = categoryResolver(db);
  for (const rule of rules) {
    const path = rule.set.category;
    if (path === undefined) continue;
    let known;
    try {
      known = lookup(path);
    } catch {
      known = undefined;
    }
    if (known) {
      resolved.set(path, known.id);
      continue;
    }
    const { id, created: isNew } = ensureCategoryPath(db, path);
    if (isNew) {
      created.push(path);
      lookup = categoryResolver(db);
    }
    resolved.set(path, id);
  }
  return { resolved, created };
}

/** The engine's data as the ledger has it now. */
export function loadRulesData(db: Db, opts: EngineOptions = {}): RulesData {
  const userRules = [...(opts.userRules ?? listUserRules(db)), ...(opts.extra ?? [])];
  checkUserPatterns(userRules); // now, not when the rules are first compiled (maybe mid-file)
  const made = opts.createCategories === false ? undefined : ensureRuleCategories(db, userRules);
  return {
    userRules,
    defaultsEnabled: defaultsEnabled(db),
    aliases: listAliases(db),
    categories: allCategories(db),
    ...(made ? { resolved: made.resolved, created: made.created } : {}),
  };
}

/** The engine over the ledger's rules, aliases and categories. */
export function loadEngine(db: Db, opts: EngineOptions = {}): Engine {
  return buildEngine(loadRulesData(db, opts));
}

/** The import enricher over the ledger's rules (creating the categories they name). */
export function createEnricher(db: Db, opts: EngineOptions = {}): Enricher {
  return enricherFor(loadEngine(db, opts));
}

/**
 * The data a second thread needs to decide exactly as a fresh read-only load of the committed
 * ledger would (categories this thread created are committed and in `categories`).
 */
export function rulesDataForThread(data: RulesData): RulesData {
  return { userRules: data.userRules, defaultsEnabled: data.defaultsEnabled, aliases: data.aliases, categories: data.categories };
}
