/**
 * The shipped default rules, in priority order: money movements first (repayments, refunds,
 * salaries), then named merchants, then generic words ("超市", "restaurant"). They run after
 * the user's own rules and can be switched off (`rules defaults off`).
 */
import type { Rule } from '../model.js';
import { CAR, TRAVEL, TRANSPORT } from './getting-around.js';
import { HOME_AND_BILLS, LEISURE_AND_LIFE, SHOPPING } from './living.js';
import { MONEY, WORDS } from './money.js';
import { DINING, GROCERIES, type DefaultRow } from './spending.js';

/** Defaults are plain words: escape regex syntax so each stays a literal alternative. */
const literal = (pattern: string) =>
  pattern
    .split('|')
    .map((p) => p.replace(/[.*+?^${}()[\]\\]/g, '\\$&'))
    .join('|');

function toRule([name, pattern, category, merchant]: DefaultRow): Rule {
  return { name, match: { description: literal(pattern) }, set: merchant ? { category, merchant } : { category } };
}

const ROWS: DefaultRow[] = [...DINING, ...GROCERIES, ...CAR, ...TRANSPORT, ...TRAVEL, ...SHOPPING, ...HOME_AND_BILLS, ...LEISURE_AND_LIFE];
const isGeneric = (row: DefaultRow) => row[3] === undefined;

/** Default rules in priority order. Rule names are unique; user rules may reuse them. */
export const DEFAULT_RULES: readonly Rule[] = [
  ...MONEY.map((r) => ({ ...r, match: { ...r.match, description: literal(r.match.description!) } })),
  ...ROWS.filter((r) => !isGeneric(r)).map(toRule),
  ...ROWS.filter(isGeneric).map(toRule),
  ...WORDS,
];
