/**
 * What a rule is, as data: shared by the rule model (rules/model.ts validates it), the store that
 * keeps it (ledger/rules-store.ts) and the engine that applies it. Types only.
 */
import type { Channel, Kind } from './types.js';

export type Direction = 'in' | 'out';

export interface RuleMatch {
  description?: string;
  merchant?: string;
  amount?: string;
  account?: string;
  channel?: Channel;
  direction?: Direction;
}

export interface RuleSet {
  category?: string;
  merchant?: string;
  kind?: Kind;
  channel?: Channel;
  tags?: string[];
}

export interface Rule {
  name: string;
  match: RuleMatch;
  set: RuleSet;
}
