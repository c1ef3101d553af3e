/**
 * Rules use cases: list, add, remove, export, import, edit, defaults on|off, test, apply.
 * Every change validates the whole rule list first and writes nothing when anything is wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../../core/context.js';
import { PocketbookError, notFound } from '../../core/errors.js';
import { openLedger, type Db } from '../../ledger/open.js';
import { ensureCategoryPath } from '../../ledger/category-store.js';
import { defaultsEnabled, listUserRules, saveUserRules, setDefaultsEnabled } from '../../ledger/rules-store.js';
import { DEFAULT_RULES } from '../../rules/defaults/index.js';
import { loadEngine } from './rules-engine.js';
import { validateRule, validateRules, type Rule } from '../../rules/model.js';
import { formatRulesYaml, parseRulesYaml } from '../../rules/yaml.js';
import { applyRulesParallel, previewRules, type EntryChange } from './rules-apply.js';
import { withLedger as withDb } from '../with-ledger.js';
import { tAppRules as say } from '../../core/messages/app-rules.js';

export { withDb };

const now = () => new Date().toISOString();

/** Save user rules after validating them all; creates the categories they name. Returns the created paths. */
export function storeRules(db: Db, rules: readonly Rule[]): string[] {
  const valid = validateRules([...rules]);
  const created: string[] = [];
  db.transaction(() => {
    for (const r of valid) {
      if (r.set.category === undefined) continue;
      const { created: isNew } = ensureCategoryPath(db, r.set.category);
      if (isNew) created.push(r.set.category);
    }
    saveUserRules(db, valid, now());
  })();
  return created;
}

export function reportCreated(ctx: Context, created: readonly string[]): void {
  for (const c of created) ctx.io.err(say('createdCategory', { name: c }));
}

export interface RuleListing {
  position: number;
  name: string;
  origin: 'user' | 'default';
  match: Rule['match'];
  set: Rule['set'];
}

export function listRules(ctx: Context, withDefaults: boolean): { rules: RuleListing[]; defaultsOn: boolean } {
  return withDb(ctx, (db) => {
    const user = listUserRules(db).map((r, i) => ({ position: i + 1, origin: 'user' as const, ...r }));
    const on = defaultsEnabled(db);
    const defaults = withDefaults ? DEFAULT_RULES.map((r, i) => ({ position: user.length + i + 1, origin: 'default' as const, ...r })) : [];
    return { rules: [...user, ...defaults], defaultsOn: on };
  });
}

export function addRule(ctx: Context, raw: Record<string, unknown>): { rule: Rule; created: string[] } {
  const rule = validateRule(raw, 0);
  return withDb(ctx, (db) => {
    const rules = listUserRules(db);
    if (rules.some((r) => r.name.toLowerCase() === rule.name.toLowerCase())) {
      throw new PocketbookError('CONFLICT', say('ruleExists', { name: rule.name }), { hint: say('chooseAnother') });
    }
    const created = storeRules(db, [...rules, rule]);
    reportCreated(ctx, created);
    return { rule, created };
  });
}

export function removeRule(ctx: Context, name: string): void {
  withDb(ctx, (db) => {
    const rules = listUserRules(db);
    const kept = rules.filter((r) => r.name.toLowerCase() !== name.toLowerCase());
    if (kept.length === rules.length) throw notFound(say('noRule', { name }), say('seeRules'));
    saveUserRules(db, kept, now());
  });
}

export function exportRules(ctx: Context): string {
  return withDb(ctx, (db) => formatRulesYaml(listUserRules(db)));
}

/** Import a rules file: appended to the user's rules, or replacing them. */
export function importRules(ctx: Context, file: string, replace: boolean): { added: number; total: number; created: string[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new PocketbookError('NOT_FOUND', say('cannotReadRules', { code: (err as NodeJS.ErrnoException).code ?? 'error' }), { location: { file } });
  }
  const incoming = parseRulesYaml(text, file);
  return withDb(ctx, (db) => {
    const existing = replace ? [] : listUserRules(db);
    const names = new Set(existing.map((r) => r.name.toLowerCase()));
    const clash = incoming.find((r) => names.has(r.name.toLowerCase()));
    if (clash) {
      throw new PocketbookError('CONFLICT', say('ruleInFileExists', { name: clash.name }), { location: { file }, hint: say('renameInFile') });
    }
    const all = [...existing, ...incoming];
    const created = storeRules(db, all);
    reportCreated(ctx, created);
    if (path.resolve(file) === rejectedEditPath(ctx.ledgerPath)) fs.rmSync(file, { force: true });
    return { added: incoming.length, total: all.length, created };
  });
}

/**
 * Where a rejected `rules edit` is kept: beside the ledger, one per ledger, until an edit is saved
 * or the file is imported (`rules import --replace FILE`).
 */
export function rejectedEditPath(ledgerPath: string): string {
  return `${path.resolve(ledgerPath)}.rules-rejected.yaml`;
}

export function setDefaults(ctx: Context, on: boolean): void {
  withDb(ctx, (db) => setDefaultsEnabled(db, on));
}

/** `rules apply [--all]`: how many entries changed. `parallelMinRows`: ledgers this big use a second thread. */
export async function runApply(ctx: Context, all: boolean, parallelMinRows?: number): Promise<{ examined: number; changed: number; created: string[] }> {
  const db = openLedger(ctx.ledgerPath);
  try {
    const engine = loadEngine(db);
    reportCreated(ctx, engine.created);
    const { examined, changed, threads } = await applyRulesParallel(db, ctx.ledgerPath, engine, all, parallelMinRows);
    if (ctx.debug) ctx.io.err(`rules apply: ${examined} entries decided on ${threads} thread${threads === 1 ? '' : 's'}`);
    return { examined, changed, created: engine.created };
  } finally {
    db.close();
  }
}

/** `rules test`: the inline rule (added after the user's rules) or the named rules; nothing is written. */
export function runTest(ctx: Context, input: { inline?: Record<string, unknown>; names?: string[]; limit?: number }): { changes: EntryChange[]; total: number } {
  return withDb(ctx, (db) => {
    let extra: Rule[] = [];
    let names: Set<string>;
    if (input.inline) {
      const rule = validateRule(input.inline, 0);
      extra = [rule];
      names = new Set([rule.name]);
    } else {
      const wanted = input.names ?? [];
      const known = [...listUserRules(db), ...DEFAULT_RULES];
      names = new Set();
      for (const n of wanted) {
        const found = known.find((r) => r.name.toLowerCase() === n.toLowerCase());
        if (!found) throw notFound(say('noRule', { name: n }), say('seeRulesDefaults'));
        names.add(found.name);
      }
    }
    // Never write: categories an inline rule names are looked up only, inside a rolled-back savepoint.
    let result: { changes: EntryChange[]; total: number } = { changes: [], total: 0 };
    const probe = db.transaction(() => {
      const engine = loadEngine(db, { extra });
      result = previewRules(db, engine, { ruleNames: names, locale: ctx.settings.locale, limit: input.limit });
      throw ROLLBACK;
    });
    try {
      probe();
    } catch (err) {
      if (err !== ROLLBACK) throw err;
    }
    return result;
  });
}

const ROLLBACK = Symbol('rollback');
