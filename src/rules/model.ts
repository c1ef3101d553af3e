/**
 * The rule model: what a rule is, and validation of rules read from YAML, the CLI or the
 * ledger. Every problem names the rule (and its line when known). Pure.
 */
import { PocketbookError } from '../core/errors.js';
import { isChannel, isKind } from '../core/types.js';
import type { Rule, RuleMatch, RuleSet } from '../core/rule.js';
import { parseAmountCondition } from './amount.js';
import { checkPattern } from '../core/redos.js';
import { tErrorsRules as tR } from '../core/messages/errors-rules.js';

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
  if (!isRecord(raw)) fail(tR('notMapping', { n: index + 1 }), loc);
  const name = raw.name;
  if (typeof name !== 'string' || name.trim() === '') fail(tR('needsName', { n: index + 1 }), loc, 'name');
  const label = tR('label', { name });
  for (const key of Object.keys(raw)) {
    if (!['name', 'match', 'set'].includes(key)) fail(tR('unknownKey', { label, key }), loc, key);
  }
  const matchRaw = raw.match ?? {};
  const setRaw = raw.set ?? {};
  if (!isRecord(matchRaw)) fail(tR('matchMapping', { label }), loc, 'match');
  if (!isRecord(setRaw)) fail(tR('setMapping', { label }), loc, 'set');
  const match: RuleMatch = {};
  for (const [key, value] of Object.entries(matchRaw)) {
    if (value === null || value === undefined || value === '') continue;
    if (!(MATCH_FIELDS as readonly string[]).includes(key)) {
      fail(tR('unknownCondition', { label, key, fields: MATCH_FIELDS.join(', ') }), loc, key);
    }
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string') fail(tR('matchText', { label, key }), loc, key);
    if (key === 'description' || key === 'merchant') {
      const problem = checkPattern(text, 'i');
      if (problem) fail(tR('matchPattern', { label, key, text, problem }), loc, key);
      match[key] = text;
    } else if (key === 'amount') {
      try {
        parseAmountCondition(text);
      } catch (err) {
        fail(tR('inLabel', { label, message: (err as Error).message }), loc, key);
      }
      match.amount = text;
    } else if (key === 'channel') {
      if (!isChannel(text)) fail(tR('matchChannel', { label, text }), loc, key);
      match.channel = text;
    } else if (key === 'direction') {
      if (text !== 'in' && text !== 'out') fail(tR('matchDirection', { label }), loc, key);
      match.direction = text;
    } else if (key === 'account') {
      match.account = text;
    }
  }
  const set: RuleSet = {};
  for (const [key, value] of Object.entries(setRaw)) {
    if (value === null || value === undefined || value === '') continue;
    if (!(SET_FIELDS as readonly string[]).includes(key)) fail(tR('unknownSet', { label, key, fields: SET_FIELDS.join(', ') }), loc, key);
    if (key === 'tags') {
      const tags = Array.isArray(value) ? value : [value];
      if (!tags.every((t) => typeof t === 'string' && t.trim() !== '')) fail(tR('setTags', { label }), loc, key);
      set.tags = (tags as string[]).map((t) => t.trim());
      continue;
    }
    if (typeof value !== 'string') fail(tR('setText', { label, key }), loc, key);
    if (key === 'kind') {
      if (!isKind(value)) fail(tR('setKind', { label, value }), loc, key);
      set.kind = value;
    } else if (key === 'channel') {
      if (!isChannel(value)) fail(tR('setChannel', { label, value }), loc, key);
      set.channel = value;
    } else if (key === 'category' || key === 'merchant') {
      set[key] = value.trim();
    }
  }
  if (Object.keys(match).length === 0) fail(tR('noCondition', { label }), loc, 'match');
  if (Object.keys(set).length === 0) fail(tR('noField', { label }), loc, 'set');
  return { name: name.trim(), match, set };
}

/** Validate a list of rules, refusing duplicate names. */
export function validateRules(raw: unknown[], loc: (index: number) => Locator = () => ({})): Rule[] {
  const seen = new Set<string>();
  return raw.map((r, i) => {
    const rule = validateRule(r, i, loc(i));
    const key = rule.name.toLowerCase();
    if (seen.has(key)) fail(tR('twice', { name: rule.name }), loc(i), 'name');
    seen.add(key);
    return rule;
  });
}
