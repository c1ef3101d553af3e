/**
 * The small condition language of custom badges. A condition compares a month's figures:
 *
 *   spending < 3000
 *   count(category = "Dining") >= 10 and new_merchants >= 3
 *   spent(merchant = "Starbucks") <= 200 or spending < average_3m
 *
 * Figures: spending, income, net, average_3m, spent(FIELD = "X") (money, written in major units) and
 * entries, merchants, new_merchants, count(FIELD = "X") (counts), FIELD being category, merchant or
 * channel, or count(hour OP N) / spent(hour OP N) over the hour of day (0–23) of entries that carry a
 * time (`count(hour >= 22) >= 5`: five purchases from 22:00 on; entries without a time never match).
 * Operators < <= > >= = !=, joined with `and` / `or` (and binds tighter), parentheses.
 * Nothing is executed: the text is parsed into this tree and evaluated over the figures.
 */
import { formatMoney, parseUserAmount } from '../../core/money.js';
import { type Group, type MonthFigures, average3 } from './figures.js';
import { tHours } from '../../core/messages/hours.js';

type Op = '<' | '<=' | '>' | '>=' | '=' | '!=';
type Type = 'money' | 'count';
export type Operand =
  | { kind: 'figure'; name: string; type: Type }
  | { kind: 'group'; fn: 'count' | 'spent'; field: 'category' | 'merchant' | 'channel'; value: string; type: Type }
  | { kind: 'hour'; fn: 'count' | 'spent'; op: Op; hour: number; type: Type }
  | { kind: 'number'; text: string };
export type Condition =
  | { kind: 'cmp'; left: Operand; op: Op; right: Operand; text: string }
  | { kind: 'and' | 'or'; parts: Condition[] };

export class ConditionError extends Error {
  constructor(message: string, readonly column: number) {
    super(message);
  }
}

const FIGURES: Record<string, Type> = {
  spending: 'money', income: 'money', net: 'money', average_3m: 'money', entries: 'count', merchants: 'count', new_merchants: 'count',
};

interface Token { t: string; kind: 'id' | 'num' | 'str' | 'op' | 'punct'; col: number }

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|(\d+(?:\.\d+)?)|"([^"]*)"|(<=|>=|!=|<|>|=)|([(),]))/y;
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) throw new ConditionError(`unexpected "${src.slice(i).trim().slice(0, 10)}"`, i + 1 + (src.slice(i).length - src.slice(i).trimStart().length));
    const col = i + 1 + (m[0].length - m[0].trimStart().length);
    if (m[1] !== undefined) out.push({ t: m[1], kind: 'id', col });
    else if (m[2] !== undefined) out.push({ t: m[2], kind: 'num', col });
    else if (m[3] !== undefined) out.push({ t: m[3], kind: 'str', col });
    else if (m[4] !== undefined) out.push({ t: m[4], kind: 'op', col });
    else out.push({ t: m[5]!, kind: 'punct', col });
    i = re.lastIndex;
  }
  return out;
}

/** Parse a condition; throws ConditionError with a 1-based column. */
export function parseCondition(src: string): Condition {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const endCol = src.length + 1;
  const fail = (what: string): never => {
    const tok = peek();
    throw new ConditionError(tok ? `expected ${what}, found "${tok.t}"` : `expected ${what} at the end`, tok?.col ?? endCol);
  };
  const take = (t: string) => (peek()?.t === t ? (pos++, true) : false);

  const operand = (): Operand => {
    const tok = peek();
    if (!tok) return fail('a figure or a number');
    if (tok.kind === 'num') return pos++, { kind: 'number', text: tok.t };
    if (tok.kind !== 'id') return fail('a figure or a number');
    pos++;
    if (tok.t === 'count' || tok.t === 'spent') {
      if (!take('(')) fail('"(" after ' + tok.t);
      const field = peek();
      if (field?.t === 'hour') return pos++, hourFilter(tok.t);
      if (!field || !['category', 'merchant', 'channel'].includes(field.t)) fail('category, merchant, channel or hour');
      pos++;
      if (!take('=')) fail('"="');
      const value = peek();
      if (!value || value.kind !== 'str') fail('a "quoted" name');
      pos++;
      if (!take(')')) fail('")"');
      return { kind: 'group', fn: tok.t, field: field!.t as 'category', value: value!.t, type: tok.t === 'count' ? 'count' : 'money' };
    }
    const type = FIGURES[tok.t];
    if (!type) throw new ConditionError(`unknown figure "${tok.t}" (known: ${Object.keys(FIGURES).join(', ')}, count(...), spent(...))`, tok.col);
    return { kind: 'figure', name: tok.t, type };
  };

  /** `hour OP N)` inside count( / spent( — the hour of day of entries with a time. */
  const hourFilter = (fn: 'count' | 'spent'): Operand => {
    const op = peek();
    if (!op || op.kind !== 'op') return fail('a comparison (< <= > >= = !=) after hour');
    pos++;
    const num = peek();
    if (!num || num.kind !== 'num') return fail('an hour from 0 to 23');
    if (num.t.includes('.') || Number(num.t) > 23) throw new ConditionError(tHours('hourRange', { value: num.t }), num.col);
    pos++;
    if (!take(')')) fail('")"');
    return { kind: 'hour', fn, op: op.t as Op, hour: Number(num.t), type: fn === 'count' ? 'count' : 'money' };
  };

  const comparison = (): Condition => {
    if (take('(')) {
      const inner = or();
      if (!take(')')) fail('")"');
      return inner;
    }
    const start = peek()?.col ?? endCol;
    const left = operand();
    const op = peek();
    if (!op || op.kind !== 'op') return fail('a comparison (< <= > >= = !=)');
    pos++;
    const right = operand();
    const lt = typeOf(left);
    const rt = typeOf(right);
    if (lt === undefined && rt === undefined) throw new ConditionError('compares two numbers', start);
    if (lt !== undefined && rt !== undefined && lt !== rt) throw new ConditionError('compares an amount with a count', start);
    for (const side of [left, right]) {
      if (side.kind === 'number' && (lt ?? rt) === 'count' && side.text.includes('.')) throw new ConditionError(`a count must be a whole number, not ${side.text}`, start);
    }
    const end = peek()?.col ?? endCol;
    return { kind: 'cmp', left, op: op.t as Op, right, text: src.slice(start - 1, end - 1).trim() };
  };
  const and = (): Condition => {
    const parts = [comparison()];
    while (take('and')) parts.push(comparison());
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  };
  const or = (): Condition => {
    const parts = [and()];
    while (take('or')) parts.push(and());
    return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
  };
  if (tokens.length === 0) throw new ConditionError('is empty', 1);
  const cond = or();
  if (pos < tokens.length) fail('"and", "or" or the end');
  return cond;
}

const typeOf = (o: Operand): Type | undefined => (o.kind === 'number' ? undefined : o.type);

function groupOf(f: MonthFigures, o: Extract<Operand, { kind: 'group' }>): Group | undefined {
  const key = o.value.toLowerCase().replace(/：/g, ':');
  return (o.field === 'category' ? f.categories : o.field === 'merchant' ? f.merchantGroups : f.channels).get(key);
}

function valueOf(o: Operand, type: Type, f: MonthFigures): number {
  if (o.kind === 'number') return type === 'money' ? parseUserAmount(o.text, f.currency) : Number(o.text);
  if (o.kind === 'hour') {
    let total = 0;
    for (const [hour, g] of f.hours ?? []) if (compare(hour, o.op, o.hour)) total += o.fn === 'count' ? g.count : g.amount;
    return total;
  }
  if (o.kind === 'group') {
    const g = groupOf(f, o);
    return o.fn === 'count' ? (g?.count ?? 0) : (g?.amount ?? 0);
  }
  switch (o.name) {
    case 'spending': return f.spending;
    case 'income': return f.income;
    case 'net': return f.income - f.spending;
    case 'average_3m': return average3(f) ?? 0;
    case 'entries': return f.entries;
    case 'merchants': return f.merchants;
    default: return f.newMerchants;
  }
}

export interface Evaluation {
  holds: boolean;
  progress: number;
  reason: string;
}

function compare(l: number, op: Op, r: number): boolean {
  return op === '<' ? l < r : op === '<=' ? l <= r : op === '>' ? l > r : op === '>=' ? l >= r : op === '=' ? l === r : l !== r;
}

/** Evaluate over a month's figures: whether it holds, how far along (0..1) and why. */
export function evaluate(c: Condition, f: MonthFigures): Evaluation {
  if (c.kind !== 'cmp') {
    const parts = c.parts.map((p) => evaluate(p, f));
    const holds = c.kind === 'and' ? parts.every((p) => p.holds) : parts.some((p) => p.holds);
    const progress = c.kind === 'and' ? Math.min(...parts.map((p) => p.progress)) : Math.max(...parts.map((p) => p.progress));
    return { holds, progress, reason: parts.map((p) => p.reason).join(c.kind === 'and' ? '; ' : ' | ') };
  }
  const type = typeOf(c.left) ?? typeOf(c.right)!;
  const l = valueOf(c.left, type, f);
  const r = valueOf(c.right, type, f);
  const holds = compare(l, c.op, r);
  let progress = holds ? 1 : 0;
  if (!holds && (c.op === '<' || c.op === '<=')) progress = l > 0 ? r / l : 0;
  if (!holds && (c.op === '>' || c.op === '>=')) progress = r > 0 ? l / r : 0;
  const show = (x: number) => (type === 'money' ? formatMoney(x, f.currency) : String(x));
  return { holds, progress: Math.max(0, Math.min(1, progress)), reason: `${c.text}: ${show(l)} ${c.op} ${show(r)} ${holds ? '✓' : '✗'}` };
}
