/**
 * The guard against regular expressions that backtrack catastrophically. JavaScript's engine
 * backtracks: a pattern whose parts can share out the same text in many ways makes it try every
 * way before failing. The policy, applied to every pattern a user gives (rules and profiles):
 *
 * - Every subject a user pattern sees is cut to SUBJECT_LIMIT characters (see `clipSubject`).
 * - A choice point is a variable repeat (`*`, `+`, `?`, `{m,n}`: up to SUBJECT_LIMIT ways for an
 *   unbounded one, n−m+1 for a bounded one) or an alternation whose branches can start with the
 *   same character (as many ways as branches that can). Choice points *chain* when a later one
 *   can take characters an earlier one could have taken, with no mandatory character in between
 *   that the earlier one cannot take (`a+b+` do not chain, `.*x.*` and `\s*\s*` do). The ways of a
 *   chain multiply; a pattern whose worst chain exceeds STEP_BUDGET ways per starting position is
 *   refused as polynomial — one unbounded repeat per chain is fine, two are not (`.*.*`), nor are
 *   three bounded `.{0,40}` in a row. Elements at the very end that cannot fail (`x.*`) are ignored.
 * - A repeat whose body chains with itself from one pass to the next (`(a+)+`, `(\w+\s?)*`,
 *   `(a|ab)*`, `(?:a|b?)+`) is refused as exponential.
 * Sets of characters are over-approximated and patterns are read exactly as JavaScript reads them
 * (`[^]` is any character), so a refusal may be a false alarm but an accepted pattern is bounded.
 * Pure and linear in the pattern: no regex is ever run on user text here.
 */
import { ALL, MAX_NESTING, RegexParser, type CharSet, type Flags, type Node } from './regex-syntax.js';
import { tErrorsCore as tE } from './messages/errors-core.js';

/** Longest text (description, merchant, CSV row or cell) a user pattern is tested against. */
export const SUBJECT_LIMIT = 2000;
/** Ways one starting position may try: one unbounded repeat (and a few optional parts) fit. */
export const STEP_BUDGET = 4 * SUBJECT_LIMIT;
/** Longest pattern checked (a list of several hundred words fits). */
export const PATTERN_LIMIT = 10_000;
const MAX_REPEAT_NESTING = 6;
const MAX_OPEN = 24;

/** A choice point that later ones may still chain with: what it can take, and its chain's ways. */
interface Open {
  /** Ids of the choice points it stands for (a span when several were merged). */
  lo: number;
  hi: number;
  set: CharSet;
  ways: number;
  /** The quantifier as written, and the choice point it extends (for the message). */
  text: string;
  prev?: Open;
}

/** The choice points of a chain, oldest first (the last four). */
const chainOf = (o: Open): string[] => {
  const texts: string[] = [];
  for (let at: Open | undefined = o; at && texts.length < 4; at = at.prev) texts.unshift(at.text);
  return texts;
};

/** Per-node facts shared by the two passes over a pattern. */
interface Caches {
  ways: Map<Node, number>;
  sets: Map<Node, { first: CharSet; all: CharSet; nullable: boolean }>;
}

class Refusal extends Error {}

const overlaps = (a: CharSet, b: CharSet) => (a & b) !== 0n;

class Analyzer {
  /** The worst chain seen: its ways and the choice points in it. */
  worst: Open = { lo: -1, hi: -1, set: 0n, ways: 1, text: '' };
  private peak = 1;
  private nextId = 0;
  /** Repeats in their second pass, with the ids of the choice points of their first. */
  private readonly watchers: { lo: number; hi: number; crossed: boolean }[] = [];

  constructor(private readonly cache: Caches) {}

  run(node: Node, open: readonly Open[]): readonly Open[] {
    switch (node.t) {
      case 'chars': return open.filter((o) => overlaps(o.set, node.set));
      case 'empty': case 'anchor': case 'backref': return open;
      case 'group': return this.run(node.body, open);
      case 'look': this.run(node.behind ? reversed(node.body) : node.body, open); return open;
      case 'seq': return node.items.reduce((acc, item) => this.run(item, acc), open);
      case 'alt': return this.alternation(node, open);
      case 'repeat': return this.repeat(node, open);
    }
  }

  private alternation(node: Extract<Node, { t: 'alt' }>, open: readonly Open[]): readonly Open[] {
    const { branches } = node;
    const out = new Set<Open>();
    for (const b of branches) for (const o of this.run(b, open)) out.add(o);
    const ways = this.altWays(node);
    const merged = [...out];
    if (ways > 1) {
      merged.push(this.choice(this.sets(node), ways, '(…|…)', open));
    }
    return cap(merged);
  }

  private repeat(node: Extract<Node, { t: 'repeat' }>, open: readonly Open[]): readonly Open[] {
    const { body, min, max } = node;
    if (max === 0) return open;
    let out: readonly Open[];
    if (max > 1 && this.hasChoice(body)) out = this.iterate(node, open);
    else out = this.run(body, open);
    if (min === max) return out;
    const width = max === Infinity ? SUBJECT_LIMIT : Math.min(max - min + 1, SUBJECT_LIMIT);
    const merged = [...out, this.choice(this.sets(body), width, node.text, open)];
    return cap(min === 0 ? [...open, ...merged] : merged);
  }

  /**
   * Run a repeated body twice, the second time after the first: when a choice point of the second
   * pass chains with one made in the first, the ways multiply with every repetition.
   */
  private iterate(node: Extract<Node, { t: 'repeat' }>, open: readonly Open[]): readonly Open[] {
    if (this.watchers.length >= MAX_REPEAT_NESTING) throw new Refusal(`nests repeats more than ${MAX_REPEAT_NESTING} deep`);
    const lo = this.nextId;
    const peakBefore = this.peak;
    this.peak = 1;
    const first = this.run(node.body, open);
    const firstPeak = this.peak;
    const watcher = { lo, hi: this.nextId, crossed: false };
    this.watchers.push(watcher);
    const out = this.run(node.body, cap([...open, ...first]));
    this.watchers.pop();
    this.peak = Math.max(this.peak, peakBefore);
    if (!watcher.crossed) return out;
    const why = tE('regexExponential', { part: node.text });
    if (node.max === Infinity) throw new Refusal(why);
    const ways = Math.max(firstPeak, 2) ** node.max;
    if (ways > STEP_BUDGET) throw new Refusal(why);
    return cap([...out, this.record({ ...this.ids(), set: this.sets(node.body).all, ways, text: node.text })]);
  }

  /**
   * A new choice point of `ways` (taking the characters `all`) after the worst chain it extends:
   * the open choice points that can take a character it can start with.
   */
  private choice({ first, all }: { first: CharSet; all: CharSet }, ways: number, text: string, open: readonly Open[]): Open {
    let before: Open | undefined;
    for (const o of open) {
      if (!overlaps(o.set, first)) continue;
      if (!before || o.ways > before.ways) before = o;
      for (const w of this.watchers) if (o.hi >= w.lo && o.lo < w.hi) w.crossed = true;
    }
    return this.record({ ...this.ids(), set: all, ways: (before?.ways ?? 1) * ways, text, prev: before });
  }

  private ids(): { lo: number; hi: number } {
    const id = this.nextId++;
    return { lo: id, hi: id };
  }

  private record(entry: Open): Open {
    this.peak = Math.max(this.peak, entry.ways);
    if (entry.ways > this.worst.ways) this.worst = entry;
    return entry;
  }

  private hasChoice(node: Node): boolean {
    switch (node.t) {
      case 'chars': case 'empty': case 'anchor': case 'backref': return false;
      case 'group': case 'look': return this.hasChoice(node.body);
      case 'seq': return node.items.some((n) => this.hasChoice(n));
      case 'alt': return this.altWays(node) > 1 || node.branches.some((b) => this.hasChoice(b));
      case 'repeat': return node.min !== node.max || this.hasChoice(node.body);
    }
  }

  private altWays(node: Extract<Node, { t: 'alt' }>): number {
    let ways = this.cache.ways.get(node);
    if (ways === undefined) {
      ways = alternationWays(node.branches.map((b) => this.sets(b)));
      this.cache.ways.set(node, ways);
    }
    return ways;
  }

  /** What a node can start with, every character it can take, and whether it can match "". */
  sets(node: Node): { first: CharSet; all: CharSet; nullable: boolean } {
    const hit = this.cache.sets.get(node);
    if (hit) return hit;
    let r: { first: CharSet; all: CharSet; nullable: boolean };
    switch (node.t) {
      case 'chars': r = { first: node.set, all: node.set, nullable: false }; break;
      case 'empty': case 'anchor': case 'look': r = { first: 0n, all: 0n, nullable: true }; break;
      case 'backref': r = { first: ALL, all: ALL, nullable: true }; break;
      case 'group': r = this.sets(node.body); break;
      case 'repeat': {
        const b = this.sets(node.body);
        r = { first: b.first, all: b.all, nullable: node.min === 0 || b.nullable };
        break;
      }
      case 'alt': case 'seq': {
        const parts = (node.t === 'alt' ? node.branches : node.items).map((n) => this.sets(n));
        let first = 0n;
        let nullable = node.t === 'seq';
        for (const p of parts) {
          if (node.t === 'alt' || nullable) first |= p.first;
          nullable = node.t === 'alt' ? nullable || p.nullable : nullable && p.nullable;
        }
        r = { first, all: parts.reduce((s, p) => s | p.all, 0n), nullable };
      }
    }
    this.cache.sets.set(node, r);
    return r;
  }
}


/** How many branches can be tried on the same character (1 when the choice is deterministic). */
function alternationWays(branches: readonly { first: CharSet; nullable: boolean }[]): number {
  if (branches.length < 2) return 1;
  let seen = 0n;
  let overlap = false;
  let nullables = 0;
  for (const b of branches) {
    overlap ||= (seen & b.first) !== 0n;
    seen |= b.first;
    if (b.nullable) nullables++;
  }
  if (!overlap) return nullables === 0 || branches.length === 1 ? 1 : 1 + nullables;
  const counts = new Uint32Array(256);
  let nullable = 0;
  for (const b of branches) {
    if (b.nullable) nullable++;
    const bits = b.first.toString(2);
    for (let k = 0; k < bits.length; k++) if (bits.charCodeAt(bits.length - 1 - k) === 49) counts[k]!++;
  }
  const ways = Math.max(...counts) + nullable;
  return ways > 1 ? ways : 1;
}

/** Keep the open list short: past MAX_OPEN entries, merge them into one that covers them all. */
function cap(list: readonly Open[]): readonly Open[] {
  const unique = [...new Set(list)];
  if (unique.length <= MAX_OPEN) return unique;
  const worst = unique.reduce((a, b) => (b.ways > a.ways ? b : a));
  return [{
    ...worst,
    set: unique.reduce((s, o) => s | o.set, 0n),
    lo: Math.min(...unique.map((o) => o.lo)),
    hi: Math.max(...unique.map((o) => o.hi)),
  }];
}

/**
 * The pattern without trailing parts that cannot fail (for a yes/no test `x.*` is `x`, `x\d+`
 * is `x\d`): backtracking only happens when something after a choice can fail.
 */
function trimTail(node: Node): Node {
  switch (node.t) {
    case 'repeat':
      if (node.min === 0) return { t: 'empty' };
      return node.min === 1 ? trimTail(node.body) : { ...node, max: node.min };
    case 'group': return { t: 'group', body: trimTail(node.body) };
    case 'alt': return { t: 'alt', branches: node.branches.map(trimTail) };
    case 'seq': {
      const items = [...node.items];
      while (items.length > 0) {
        const last = trimTail(items[items.length - 1]!);
        items[items.length - 1] = last;
        if (last.t !== 'empty') break;
        items.pop();
      }
      return items.length === 0 ? { t: 'empty' } : { t: 'seq', items };
    }
    default: return node;
  }
}

/** A lookbehind's body as the engine matches it: right to left. */
function reversed(node: Node): Node {
  switch (node.t) {
    case 'seq': return { t: 'seq', items: node.items.map(reversed).reverse() };
    case 'alt': return { t: 'alt', branches: node.branches.map(reversed) };
    case 'group': return { t: 'group', body: reversed(node.body) };
    case 'repeat': return { ...node, body: reversed(node.body) };
    default: return node;
  }
}

/**
 * Check a pattern as `new RegExp(source, flags)` reads it ('i' for rules, 'u' for profiles).
 * Returns why it is refused, or undefined when it is acceptable.
 */
export function checkPattern(source: string, flags = 'i'): string | undefined {
  try {
    new RegExp(source, flags);
  } catch (err) {
    return tE('regexInvalid', { why: (err as Error).message.replace(/^Invalid regular expression: /, '') });
  }
  if (source.length > PATTERN_LIMIT) return tE('regexTooLong', { max: PATTERN_LIMIT });
  const parsed: Flags = { ignoreCase: flags.includes('i'), unicode: flags.includes('u') || flags.includes('v') };
  let tree: Node;
  try {
    tree = new RegexParser(source, parsed).parse();
  } catch (err) {
    return tE('regexUncheckable', { why: (err as Error).message });
  }
  // Nested repetition is refused wherever it stands; the chains are measured on the pattern
  // without the trailing parts that cannot fail.
  const cache: Caches = { ways: new Map(), sets: new Map() };
  const analyzer = new Analyzer(cache);
  try {
    new Analyzer(cache).run(tree, []);
    analyzer.run(trimTail(tree), []);
  } catch (err) {
    if (err instanceof Refusal) return tE('regexCatastrophic', { why: err.message });
    if (err instanceof RangeError) return tE('regexTooDeep', { max: MAX_NESTING });
    throw err;
  }
  if (analyzer.worst.ways <= STEP_BUDGET) return undefined;
  const parts = chainOf(analyzer.worst).map((c) => `"${c}"`).join(tE('regexThen'));
  return tE('regexPolynomial', { parts, limit: SUBJECT_LIMIT, fix: tE('regexFix') });
}

/** The text a user pattern is tested against: at most SUBJECT_LIMIT characters. */
export function clipSubject(text: string): string {
  return text.length > SUBJECT_LIMIT ? text.slice(0, SUBJECT_LIMIT) : text;
}
