/**
 * `rules apply` and `rules test`: re-evaluate entries with the compiled rules. Hand-set fields
 * are never touched; apply writes only changed rows, in one transaction; test writes nothing.
 */
import type { Db } from '../ledger/open.js';
import { categoryPath } from '../ledger/categories.js';
import { entriesForRules, ruleUpdater, type RuleEntryRow } from '../ledger/rules-store.js';
import type { Channel } from '../core/types.js';
import { decide, type Decided, type Engine } from '../rules/engine.js';

export interface FieldChange {
  field: 'category' | 'merchant' | 'kind' | 'channel' | 'tags';
  before: string;
  after: string;
  source: string | null;
}

export interface EntryChange {
  row: RuleEntryRow;
  changes: FieldChange[];
}

function decideRow(engine: Engine, r: RuleEntryRow): Decided {
  return decide(engine, {
    description: r.description, counterparty: r.counterparty, sourceCategory: r.source_category, amount: r.amount,
    currency: r.currency, account: r.account, merchant: r.merchant, merchantSource: r.merchant_source, categoryId: r.category_id,
    categorySource: r.category_source, kind: r.kind, kindSource: r.kind_source, channel: r.channel as Channel, channelSource: r.channel_source,
  });
}

const differs = (r: RuleEntryRow, d: Decided) =>
  r.category_id !== d.categoryId || r.category_source !== d.categorySource || r.merchant !== d.merchant ||
  r.merchant_source !== d.merchantSource || r.kind !== d.kind || r.kind_source !== d.kindSource ||
  r.channel !== d.channel || r.channel_source !== d.channelSource;

/** Re-evaluate and write; returns how many entries changed. */
export function applyRules(db: Db, engine: Engine, all: boolean): { examined: number; changed: number } {
  const write = ruleUpdater(db);
  let examined = 0;
  let changed = 0;
  db.transaction(() => {
    for (const page of entriesForRules(db, all)) {
      for (const r of page) {
        examined++;
        const d = decideRow(engine, r);
        if (!differs(r, d) && !d.tags) continue;
        if (differs(r, d)) changed++;
        write({ id: r.id, merchant: d.merchant, merchantSource: d.merchantSource, categoryId: d.categoryId, categorySource: d.categorySource, kind: d.kind, kindSource: d.kindSource, channel: d.channel, channelSource: d.channelSource, tags: d.tags });
      }
    }
  })();
  return { examined, changed };
}

/** What applying would change, limited to changes made by rules named in `ruleNames` (all when undefined). Writes nothing. */
export function previewRules(db: Db, engine: Engine, opts: { ruleNames?: ReadonlySet<string>; locale: 'en' | 'zh'; limit?: number }): { changes: EntryChange[]; total: number } {
  const paths = new Map<number, string>();
  const path = (id: number | null) => {
    if (id === null) return '';
    let p = paths.get(id);
    if (p === undefined) paths.set(id, (p = categoryPath(db, id, opts.locale)));
    return p;
  };
  const byRule = (source: string | null) => !opts.ruleNames || (source !== null && opts.ruleNames.has(source.replace(/^rule:/, '')));
  const changes: EntryChange[] = [];
  let total = 0;
  for (const page of entriesForRules(db, true)) {
    for (const r of page) {
      const d = decideRow(engine, r);
      const list: FieldChange[] = [];
      if (r.category_id !== d.categoryId && byRule(d.categorySource)) list.push({ field: 'category', before: path(r.category_id), after: path(d.categoryId), source: d.categorySource });
      if (r.merchant !== d.merchant && byRule(d.merchantSource)) list.push({ field: 'merchant', before: r.merchant ?? '', after: d.merchant ?? '', source: d.merchantSource });
      if (r.kind !== d.kind && byRule(d.kindSource)) list.push({ field: 'kind', before: r.kind, after: d.kind, source: d.kindSource });
      if (r.channel !== d.channel && byRule(d.channelSource)) list.push({ field: 'channel', before: r.channel, after: d.channel, source: d.channelSource });
      if (list.length === 0) continue;
      total++;
      if (changes.length < (opts.limit ?? Infinity)) changes.push({ row: r, changes: list });
    }
  }
  return { changes, total };
}
