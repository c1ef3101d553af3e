/**
 * `rules apply` and `rules test`: re-evaluate entries with the compiled rules. Hand-set fields
 * are never touched; apply writes only changed rows, in one transaction; test writes nothing.
 */
import type { Db } from '../../ledger/open.js';
import { categoryPath } from '../../ledger/categories.js';
import { entriesForRules, entryIdRange, ruleUpdater, type RuleEntryRow, type RuleUpdate } from '../../ledger/rules-store.js';
import { beginImmediate, commit, rollbackIfOpen } from '../../ledger/transaction.js';
import type { Channel } from '../../core/types.js';
import { decide, type Decided, type Engine, type RulesData } from '../../rules/engine.js';
import { rulesDataForThread } from './rules-engine.js';
import { threshold, workerScript } from '../workers/threads.js';
import { tAppSafety as tS } from '../../core/messages/app-safety.js';

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
    currency: r.currency, account: r.account, credit: r.credit, merchant: r.merchant, merchantSource: r.merchant_source, categoryId: r.category_id,
    categorySource: r.category_source, kind: r.kind, kindSource: r.kind_source, channel: r.channel as Channel, channelSource: r.channel_source,
  });
}

const differs = (r: RuleEntryRow, d: Decided) =>
  r.category_id !== d.categoryId || r.category_source !== d.categorySource || r.merchant !== d.merchant ||
  r.merchant_source !== d.merchantSource || r.kind !== d.kind || r.kind_source !== d.kindSource ||
  r.channel !== d.channel || r.channel_source !== d.channelSource;

/**
 * Decide the entries of an id range (all when undefined); `emit` gets, a page at a time, the
 * updates to write: entries whose derived fields change or that get tags.
 */
export function decideEntries(
  db: Db, engine: Engine, all: boolean, range: { after: number; upto: number } | undefined, emit: (updates: RuleUpdate[]) => void,
): { examined: number; changed: number } {
  let examined = 0;
  let changed = 0;
  for (const page of entriesForRules(db, all, range)) {
    const updates: RuleUpdate[] = [];
    for (const r of page) {
      examined++;
      const d = decideRow(engine, r);
      const diff = differs(r, d);
      if (!diff && !d.tags) continue;
      if (diff) changed++;
      updates.push({ id: r.id, merchant: d.merchant, merchantSource: d.merchantSource, categoryId: d.categoryId, categorySource: d.categorySource, kind: d.kind, kindSource: d.kindSource, channel: d.channel, channelSource: d.channelSource, ...(d.tags ? { tags: d.tags } : {}) });
    }
    if (updates.length > 0) emit(updates);
  }
  return { examined, changed };
}

/** Re-evaluate and write in this thread, in one transaction; returns how many entries changed. */
export function applyRules(db: Db, engine: Engine, all: boolean): ApplyResult {
  const write = ruleUpdater(db);
  return { ...db.transaction(() => decideEntries(db, engine, all, undefined, (updates) => updates.forEach(write)))(), threads: 1 };
}

export interface ApplyResult {
  examined: number;
  changed: number;
  /** 1, or 2 when a worker thread decided half of the entries. */
  threads: number;
}

/**
 * Below this many entries one thread does it all (a worker takes a few hundred ms to start);
 * POCKETBOOK_THREADS_MIN_ROWS overrides it (tests force the worker on small ledgers).
 */
const PARALLEL_MIN_ROWS = threshold('POCKETBOOK_THREADS_MIN_ROWS', 100_000);

/**
 * Re-evaluate and write, a big ledger on two threads: a worker (its own read-only connection)
 * decides the upper half of the ids while this thread decides the lower half and writes
 * everything, in one write transaction held from the start, so nobody else can change an entry
 * between its reading and its writing. The worker reads what was committed before that
 * transaction began, which is exactly what this thread sees. Same result as `applyRules`.
 */
export async function applyRulesParallel(
  db: Db, ledgerPath: string, engine: Engine, all: boolean, minRows = PARALLEL_MIN_ROWS,
): Promise<ApplyResult> {
  const workerFile = workerScript('rules-apply-worker.js');
  const { min, max } = entryIdRange(db);
  if (max - min + 1 < Math.max(2, minRows) || !workerFile) return applyRules(db, engine, all);
  const mid = min - 1 + Math.ceil((max - min + 1) / 2);
  const write = ruleUpdater(db);
  const { Worker } = await import('node:worker_threads');
  beginImmediate(db);
  const input: RulesWorkerInput = { ledgerPath, rules: rulesDataForThread(engine.data), all, after: mid, upto: max };
  const worker = new Worker(workerFile, { workerData: input });
  const received: RuleUpdate[][] = [];
  const theirs = new Promise<{ examined: number; changed: number }>((resolve, reject) => {
    worker.on('message', (m: RulesWorkerMessage) => (m.type === 'updates' ? received.push(m.updates) : resolve(m.result)));
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(tS('rulesStopped', { code }))));
  });
  try {
    const mine = decideEntries(db, engine, all, { after: min - 1, upto: mid }, (updates) => updates.forEach(write));
    const other = await theirs;
    for (const updates of received) updates.forEach(write);
    commit(db);
    return { examined: mine.examined + other.examined, changed: mine.changed + other.changed, threads: 2 };
  } catch (err) {
    rollbackIfOpen(db);
    // Failed on this side: stop the worker, and do not let its now unwanted result go unhandled.
    theirs.catch(() => {});
    await worker.terminate();
    throw err;
  }
}

export interface RulesWorkerInput {
  ledgerPath: string;
  /** The rules, aliases and categories this thread's engine was built from (the worker reads only entries). */
  rules: RulesData;
  all: boolean;
  after: number;
  upto: number;
}

export type RulesWorkerMessage = { type: 'updates'; updates: RuleUpdate[] } | { type: 'done'; result: { examined: number; changed: number } };

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
