/**
 * The import pipeline's hook into categorization: one enricher per import run, compiled
 * once, applied to every draft entry before it is written.
 */
import type { EntryDraft } from '../core/types.js';
import { decide, type Engine } from './engine.js';

export interface Enricher {
  /** Fill merchant, category, kind, channel and tags (and their *Source) in place. Returns true when a rule set the category. */
  enrich(entry: EntryDraft): boolean;
  /** Compile the rules now rather than at the first entry (a thread with time to spare). */
  compileRules(): void;
}

/**
 * The enricher for an import run over one engine (its rules compiled once, its aliases and
 * category fallbacks loaded once: app/rules/rules-engine.ts loads them from the ledger).
 */
export function enricherFor(engine: Engine): Enricher {
  return {
    compileRules() {
      void engine.rules;
    },
    enrich(entry) {
      const d = decide(engine, {
        description: entry.description,
        counterparty: entry.counterparty,
        sourceCategory: entry.sourceCategory,
        amount: entry.amount,
        currency: entry.currency,
        account: entry.accountName,
        merchant: entry.merchant,
        merchantSource: entry.merchantSource,
        categoryId: entry.categoryId,
        categorySource: entry.categorySource,
        kind: entry.kind,
        kindSource: entry.kindSource,
        channel: entry.channel,
        channelSource: entry.channelSource,
      });
      entry.merchant = d.merchant ?? undefined;
      entry.merchantSource = d.merchantSource ?? undefined;
      entry.categoryId = d.categoryId ?? undefined;
      entry.categorySource = d.categorySource ?? undefined;
      entry.kind = d.kind;
      entry.kindSource = d.kindSource ?? undefined;
      entry.channel = d.channel;
      entry.channelSource = d.channelSource ?? undefined;
      if (d.tags) entry.tags = [...new Set([...(entry.tags ?? []), ...d.tags])];
      return d.categorizedByRule;
    },
  };
}
