/**
 * The rule model: what a rule is, and validation of rules read from YAML, the CLI or the
 * ledger. Every problem names the rule (and its line when known). Pure.
 */
import { PocketbookError } from '../core/errors.js';
import { isChannel, isKind } from '../core/types.js';
import type { Rule, RuleMatch, RuleSet } from '../core/rule.js';
import { parseAmountCondition } from './amount.js';
import { checkPattern } from '../core/redos.js';

export type { Direction, Rule, RuleMatch, RuleSet } from '../core/rule.js';

export const MATCH_FIELDS = ['description', 'merchant', 'amount', 'account', 'channel', 'direction'] as const;
export const SET_FIELDS = ['category', 'merchant', 'kind', 'channel', 'tags'] as const;
export type SetField = (typeof SET_FIELDS)[number];

/** A rule problem, located at a line and (optionally) naming the field. */
export interface Locator {
  file?: string;
  /** Line of the rule, or of a field inside it. */
  line?: (field?: string) => number | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(message: string, loc: Locator, field?: string): never {
  throw new PocketbookError('RULES', message, { location: { file: loc.file, line: loc.line?.(field) } });
}

/** Validate one rule as read from data; throws a located RULES error. */
export function validateRule(raw: unknown, index: number, loc: Locator = {}): Rule {
  if (!isRecord(raw)) fail(`rule ${index + 1} must be a mapping with name, match and set`, loc);
  const name = raw.name;
  if (typeof name !== 'string' || name.trim() === '') fail(`rule ${index + 1} needs a name`, loc, 'name');
  const label = `rule "${name}"`;
  for (const key of Object.keys(raw)) {
    if (!['name', 'match', 'set'].includes(key)) fail(`${label}: unknown key "${key}" (expected name, match, set)`, loc, key);
  }
  const matchRaw = raw.match ?? {};
  const setRaw = raw.set ?? {};
  if (!isRecord(matchRaw)) fail(`${label}: match must be a mapping`, loc, 'match');
  if (!isRecord(setRaw)) fail(`${label}: set must be a mapping`, loc, 'set');
  const match: RuleMatch = {};
  for (const [key, value] of Object.entries(matchRaw)) {
    if (value === null || value === undefined || value === '') continue;
    if (!(MATCH_FIELDS as readonly string[]).includes(key)) {
      fail(`${label}: unknown match condition "${key}" (expected ${MATCH_FIELDS.join(', ')})`, loc, key);
    }
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string') fail(`${label}: match.${key} must be text`, loc, key);
    if (key === 'description' || key === 'merchant') {
      const problem = checkPattern(text, 'i');
      if (problem) fail(`${label}: match.${key} "${text}" ${problem}`, loc, key);
      match[key] = text;
    } else if (key === 'amount') {
      try {
        parseAmountCondition(text);
      } catch (err) {
        fail(`${label}: ${(err as Error).message}`, loc, key);
      }
      match.amount = text;
    } else if (key === 'channel') {
      if (!isChannel(text)) fail(`${label}: match.channel "${text}" is not a channel`, loc, key);
      match.channel = text;
    } else if (key === 'direction') {
      if (text !== 'in' && text !== 'out') fail(`${label}: match.direction must be in or out`, loc, key);
      match.direction = text;
    } else if (key === 'account') {
      match.account = text;
    }
  }
  const set: RuleSet = {};
  for (const [key, value] of Object.entries(setRaw)) {
    if (value === null || value === undefined || value === '') continue;
    if (!(SET_FIELDS as readonly string[]).includes(key)) fail(`${label}: unknown set field "${key}" (expected ${SET_FIELDS.join(', ')})`, loc, key);
    if (key === 'tags') {
      const tags = Array.isArray(value) ? value : [value];
      if (!tags.every((t) => typeof t === 'string' && t.trim() !== '')) fail(`${label}: set.tags must be a list of words`, loc, key);
      set.tags = (tags as string[]).map((t) => t.trim());
      continue;
    }
    if (typeof value !== 'string') fail(`${label}: set.${key} must be text`, loc, key);
    if (key === 'kind') {
      if (!isKind(value)) fail(`${label}: set.kind "${value}" must be expense, income, transfer or refund`, loc, key);
      set.kind = value;
    } else if (key === 'channel') {
      if (!isChannel(value)) fail(`${label}: set.channel "${value}" is not a channel`, loc, key);
      set.channel = value;
    } else if (key === 'category' || key === 'merchant') {
      set[key] = value.trim();
    }
  }
  if (Object.keys(match).length === 0) fail(`${label}: match needs at least one condition`, loc, 'match');
  if (Object.keys(set).length === 0) fail(`${label}: set needs at least one field`, loc, 'set');
  return { name: name.trim(), match, set };
}

/** Validate a list of rules, refusing duplicate names. */
export function validateRules(raw: unknown[], loc: (index: number) => Locator = () => ({})): Rule[] {
  const seen = new Set<string>();
  return raw.map((r, i) => {
    const rule = validateRule(r, i, loc(i));
    const key = rule.name.toLowerCase();
    if (seen.has(key)) fail(`rule "${rule.name}" is defined twice; names must be unique`, loc(i), 'name');
    seen.add(key);
    return rule;
  });
}
