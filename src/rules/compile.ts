/**
 * Rules compiled once per run into a matcher. Literal alternatives (`星巴克|starbucks`) of all
 * rules are combined into one scan per text field; only real regular expressions are tested
 * one by one. For each field the first matching rule (in priority order) that sets it wins.
 */
import { PocketbookError } from '../core/errors.js';
import type { Channel, Kind } from '../core/types.js';
import { AhoCorasick } from './aho-corasick.js';
import { parseAmountCondition, type AmountCondition } from './amount.js';
import type { Direction, Rule, SetField } from './model.js';
import { checkPattern, clipSubject } from '../core/redos.js';
import { tErrorsRules as tR } from '../core/messages/errors-rules.js';

/** What a rule sees of an entry. */
export interface Subject {
  /** Raw description (with the counterparty when the source keeps it apart). */
  description: string;
  /** Merchant before rules (normalized, aliases applied). */
  merchant: string;
  amount: number;
  currency: string;
  account: string;
  channel: string;
}

export interface CompiledRule {
  rule: Rule;
  /** 'user' rules come before 'default' ones. */
  origin: 'user' | 'default';
  categoryId?: number;
}

export interface Decision<T> {
  value: T;
  rule: CompiledRule;
  /** What the entry records as who decided: `rule:NAME`. */
  source: string;
}

export interface Outcome {
  category?: Decision<number>;
  merchant?: Decision<string>;
  kind?: Decision<Kind>;
  channel?: Decision<Channel>;
  tags?: Decision<string[]>;
}

interface Compiled {
  entry: CompiledRule;
  description?: TextTest;
  merchant?: TextTest;
  amount?: AmountCondition;
  account?: string;
  channel?: string;
  direction?: Direction;
  /** What the rule decides when it matches, field by field (made once: rows only point at them). */
  decides: Outcome;
  sets: SetField[];
}

type TextTest = { literal: true } | { literal: false; re: RegExp };

const FOLD_NEEDED = /[\uFF01-\uFF5E\u3000\u00A0\u2007\u202F\u2212\u2012\u2013A-Z]/;
/** Lower-case and half-width, as literals are compared. */
export function fold(text: string): string {
  if (!FOLD_NEEDED.test(text)) return text;
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .toLowerCase();
}

/** The literal alternatives of a pattern, or undefined when it uses regex syntax. */
export function literalAlternatives(pattern: string): string[] | undefined {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return undefined; // \d, \b, \1 …
      current += next;
      i++;
    } else if (c === '|') {
      parts.push(current);
      current = '';
    } else if ('^$.*+?()[]{}'.includes(c)) {
      return undefined;
    } else {
      current += c;
    }
  }
  parts.push(current);
  if (parts.some((p) => p === '')) return undefined;
  return parts.map(fold);
}

/** One combined scan over all literals of one field; reports which rules hit. */
class LiteralIndex {
  private readonly ac: AhoCorasick | undefined;
  private readonly literalRules: number[][] = [];

  constructor(entries: { literals: string[]; rule: number }[]) {
    const ids = new Map<string, number>();
    for (const { literals, rule } of entries) {
      for (const lit of literals) {
        let id = ids.get(lit);
        if (id === undefined) {
          id = ids.size;
          ids.set(lit, id);
          this.literalRules.push([]);
        }
        if (!this.literalRules[id]!.includes(rule)) this.literalRules[id]!.push(rule);
      }
    }
    this.ac = ids.size ? new AhoCorasick([...ids.keys()]) : undefined;
  }

  /** Mark `hits[rule] = stamp` for every rule with a literal found in `text`, and add it to `touched` (sorted, once). */
  scan(text: string, hits: Uint32Array, stamp: number, touched: number[]): void {
    this.ac?.scan(text, (id) => {
      for (const r of this.literalRules[id]!) {
        if (hits[r] !== stamp) {
          hits[r] = stamp;
          insertSorted(touched, r);
        }
      }
    });
  }
}

/**
 * Refuse a user rule whose pattern the backtracking guard refuses: rules stored by an older
 * version were checked by an older guard. Plain words (no regex) need no check.
 */
export function checkUserPatterns(rules: readonly Rule[]): void {
  for (const rule of rules) {
    for (const field of ['description', 'merchant'] as const) {
      const pattern = rule.match[field];
      if (pattern === undefined || literalAlternatives(pattern)) continue;
      const problem = checkPattern(pattern, 'i');
      if (!problem) continue;
      throw new PocketbookError('RULES', tR('badStored', { name: rule.name, field, pattern, problem }), {
        hint: tR('badStoredHint', { name: rule.name }),
      });
    }
  }
}

function compileText(pattern: string | undefined, rule: number, lits: { literals: string[]; rule: number }[]): TextTest | undefined {
  if (pattern === undefined) return undefined;
  const literals = literalAlternatives(pattern);
  if (literals) {
    lits.push({ literals, rule });
    return { literal: true };
  }
  return { literal: false, re: new RegExp(pattern, 'i') };
}

export class CompiledRules {
  private readonly rules: Compiled[];
  private readonly descIndex: LiteralIndex;
  private readonly merchantIndex: LiteralIndex;
  /** Rules that must be checked on every row (no literal text condition). */
  private readonly always: number[];
  private readonly descHits: Uint32Array;
  private readonly merchantHits: Uint32Array;
  private stamp = 0;
  /** The rules a literal was found for in the row being evaluated, in priority order. */
  private readonly touched: number[] = [];
  /** Whether any rule has a merchant condition (else the merchant need not be known before evaluating). */
  readonly usesMerchant: boolean;

  constructor(entries: readonly CompiledRule[]) {
    checkUserPatterns(entries.filter((e) => e.origin === 'user').map((e) => e.rule));
    const descLits: { literals: string[]; rule: number }[] = [];
    const merchantLits: { literals: string[]; rule: number }[] = [];
    this.rules = entries.map((entry, i) => {
      const m = entry.rule.match;
      return {
        entry,
        description: compileText(m.description, i, descLits),
        merchant: compileText(m.merchant, i, merchantLits),
        amount: m.amount !== undefined ? parseAmountCondition(m.amount) : undefined,
        account: m.account?.toLowerCase(),
        channel: m.channel,
        direction: m.direction,
        ...decisionsOf(entry),
      };
    });
    this.descIndex = new LiteralIndex(descLits);
    this.merchantIndex = new LiteralIndex(merchantLits);
    this.always = this.rules.flatMap((r, i) => (r.description?.literal || r.merchant?.literal ? [] : [i]));
    this.descHits = new Uint32Array(this.rules.length);
    this.merchantHits = new Uint32Array(this.rules.length);
    this.usesMerchant = this.rules.some((r) => r.merchant !== undefined);
  }

  get size(): number {
    return this.rules.length;
  }

  /** Decide the fields in `wanted` (default: all) for one entry. */
  evaluate(s: Subject, wanted: ReadonlySet<SetField> | undefined = undefined): Outcome {
    const out: Outcome = {};
    if (this.rules.length === 0) return out;
    const stamp = ++this.stamp;
    const touched = this.touched;
    touched.length = 0;
    this.descIndex.scan(s.description, this.descHits, stamp, touched);
    if (s.merchant) this.merchantIndex.scan(s.merchant, this.merchantHits, stamp, touched);
    // The candidates in priority order: the rules a literal was found for, merged with those that
    // are always checked (no list of their own per row).
    const always = this.always;
    let open = wanted ? wanted.size : 5;
    for (let t = 0, a = 0; t < touched.length || a < always.length; ) {
      const next = touched[t];
      let i: number;
      if (next !== undefined && (a >= always.length || next <= always[a]!)) {
        i = next;
        t++;
        if (i === always[a]) a++;
      } else {
        i = always[a++]!;
      }
      const r = this.rules[i]!;
      if (!this.matches(r, i, s, stamp)) continue;
      for (const f of r.sets) {
        if (out[f] !== undefined || (wanted && !wanted.has(f))) continue;
        (out as Record<SetField, unknown>)[f] = r.decides[f];
        open--;
      }
      if (open <= 0) break;
    }
    return out;
  }

  private matches(r: Compiled, i: number, s: Subject, stamp: number): boolean {
    if (r.description && (r.description.literal ? this.descHits[i] !== stamp : !r.description.re.test(clipSubject(s.description)))) return false;
    if (r.merchant && (r.merchant.literal ? this.merchantHits[i] !== stamp : !s.merchant || !r.merchant.re.test(clipSubject(s.merchant)))) return false;
    if (r.direction && (r.direction === 'out' ? s.amount >= 0 : s.amount <= 0)) return false;
    if (r.amount && !r.amount.test(s.amount, s.currency)) return false;
    if (r.account !== undefined && s.account.toLowerCase() !== r.account) return false;
    if (r.channel !== undefined && s.channel !== r.channel) return false;
    return true;
  }
}

/** A rule's decisions, and the fields it decides (its category only when that resolved to an id). */
function decisionsOf(entry: CompiledRule): { decides: Outcome; sets: SetField[] } {
  const { set } = entry.rule;
  const source = `rule:${entry.rule.name}`;
  const decides: Outcome = {};
  if (set.category !== undefined && entry.categoryId !== undefined) decides.category = { value: entry.categoryId, rule: entry, source };
  if (set.merchant !== undefined) decides.merchant = { value: set.merchant, rule: entry, source };
  if (set.kind !== undefined) decides.kind = { value: set.kind, rule: entry, source };
  if (set.channel !== undefined) decides.channel = { value: set.channel, rule: entry, source };
  if (set.tags !== undefined) decides.tags = { value: set.tags, rule: entry, source };
  return { decides, sets: (Object.keys(set) as SetField[]).filter((f) => decides[f] !== undefined) };
}

/** Add `n` to the sorted `list` unless it is there (lists of a few rules: a linear insert). */
function insertSorted(list: number[], n: number): void {
  let at = list.length;
  while (at > 0 && list[at - 1]! > n) at--;
  if (at > 0 && list[at - 1] === n) return;
  list.push(n);
  for (let k = list.length - 1; k > at; k--) list[k] = list[k - 1]!;
  list[at] = n;
}
