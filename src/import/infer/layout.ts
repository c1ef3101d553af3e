/**
 * Layout inference for a table no built-in profile describes: the header row after any preamble,
 * each column's role from its header words and from the values under it, the date format, the
 * decimal mark, the currency and the sign convention, all settled by the file's own evidence. Pure:
 * lines in, a profile (or the one question that decides it) and the evidence out.
 */
import { inferDecimal, parseAmount } from '../../core/money.js';
import type { ColumnRef, DirectionRule, Profile } from '../profile.js';
import { type ColumnValues, columnValues, decimalOf } from './columns.js';
import { findTable, type Table } from './grid.js';
import { amountsVerdict, balanceVerdict, type SignRow, type SignVerdict } from './signs.js';
import { HEADER, IN_WORDS, OUT_WORDS, bracketKey, currencyIn, headerKey, signWord } from './words.js';
import { settleDateFormat } from './dates.js';
import { tErrorsImport as tI } from '../../core/messages/errors-import.js';
import { tEvidence as tV } from '../../core/messages/import-evidence.js';

export interface InferOptions {
  /** The account is a card (--type credit, a credit account, a profile's account_type). */
  card?: boolean;
  /** Answers to questions the file left open (profile create's prompts, --yes). */
  answers?: { amount_sign?: 'as-is' | 'invert'; date_format?: string };
}

/** A question the file leaves open that an answer can settle: the profile field and its choices, default first. */
export interface Choice {
  field: 'amount_sign' | 'date_format';
  choices: string[];
}

export interface Inference {
  /** 0-based line of the header row, and its cells. */
  headerIndex: number;
  header: string[];
  /** The layout, when the evidence settles it. */
  profile?: Profile;
  /** Otherwise the one question that decides it, naming the profile field that answers it. */
  question?: string;
  /** When the question is one of a field's values: which, and the choices (default first). */
  choice?: Choice;
  /** What was found, one phrase each, for stderr and `--explain`. */
  evidence: string[];
  /** The day/month order was settled only by the order of the rows (a generic layout would refuse the file). */
  datesByOrder?: boolean;
}

interface Roles {
  date?: number;
  time?: number;
  descriptions: number[];
  amount?: number;
  debit?: number;
  credit?: number;
  balance?: number;
  currency?: number;
  direction?: number;
}

const NUMERIC_SHARE = 0.9;

function isNumeric(v: ColumnValues): boolean {
  return v.filled > 0 && v.amounts >= NUMERIC_SHARE && v.dates < 0.5 && v.longestDigits <= 12;
}

function pickDate(keys: string[], values: ColumnValues[]): number | undefined {
  // `20230511` reads as a number too: a date column by its header word or its eight-digit values.
  const dated = values.filter(
    (v) => v.filled > 0 && v.dates >= 0.8 && (v.amounts < 1 || HEADER.date.test(keys[v.index]!) || v.dateFormat === 'YYYYMMDD'),
  );
  const byWord = dated.find((v) => HEADER.date.test(keys[v.index]!) && !HEADER.valueDate.test(keys[v.index]!));
  return (byWord ?? dated.find((v) => !HEADER.valueDate.test(keys[v.index]!)) ?? dated[0])?.index;
}

function assignRoles(table: Table, keys: string[], values: ColumnValues[]): Roles {
  const roles: Roles = { descriptions: [] };
  roles.date = pickDate(keys, values);
  const used = new Set<number>(roles.date === undefined ? [] : [roles.date]);
  const take = (i: number | undefined): number | undefined => {
    if (i !== undefined) used.add(i);
    return i;
  };
  const free = (v: ColumnValues) => !used.has(v.index);
  roles.time = take(values.find((v) => free(v) && HEADER.time.test(keys[v.index]!) && v.filled > 0)?.index);
  roles.currency = take(values.find((v) => free(v) && v.currencies >= 0.8 && v.distinct <= 6)?.index);
  roles.direction = take(values.find((v) => free(v) && v.filled > 0 && v.signs >= 0.95 && v.distinct <= 4)?.index);
  const numeric = values.filter((v) => free(v) && isNumeric(v) && !HEADER.reference.test(keys[v.index]!));
  const byWord = (word: RegExp) => numeric.find((v) => !used.has(v.index) && word.test(keys[v.index]!))?.index;
  const byBracket = (word: RegExp) => numeric.find((v) => !used.has(v.index) && word.test(bracketKey(table.header[v.index]!)))?.index;
  roles.balance = take(byWord(HEADER.balance));
  roles.debit = take(byWord(HEADER.debit) ?? byBracket(HEADER.debit));
  roles.credit = take(byWord(HEADER.credit) ?? byBracket(HEADER.credit));
  if (roles.debit === undefined || roles.credit === undefined) {
    // One of a pair alone is an amount column's neighbour (a fee, a points column), not a pair.
    for (const i of [roles.debit, roles.credit]) if (i !== undefined) used.delete(i);
    roles.debit = undefined;
    roles.credit = undefined;
    roles.amount = take(byWord(HEADER.amount));
  }
  const descriptions = values.filter((v) => free(v) && v.textLength > 0 && HEADER.description.test(keys[v.index]!));
  roles.descriptions = descriptions.slice(0, 3).map((v) => v.index);
  if (roles.descriptions.length === 0) {
    const text = values.filter((v) => free(v) && !isNumeric(v) && v.textLength > 0).sort((a, b) => b.textLength - a.textLength)[0];
    if (text) roles.descriptions = [text.index];
  }
  return roles;
}

/** Numeric columns with no role yet: what an amount could still be. */
function spareNumeric(keys: string[], values: ColumnValues[], roles: Roles): number[] {
  const used = new Set([roles.date, roles.time, roles.currency, roles.direction, roles.balance, roles.amount, roles.debit, roles.credit, ...roles.descriptions]);
  return values.filter((v) => !used.has(v.index) && isNumeric(v) && !HEADER.reference.test(keys[v.index]!)).map((v) => v.index);
}

const minor = (cell: string | undefined, decimal: '.' | ','): number | undefined => {
  const c = (cell ?? '').trim();
  if (c === '') return undefined;
  try {
    return parseAmount(c, { currency: 'EUR', decimal }).minor;
  } catch {
    return undefined;
  }
};

/** Each sample row's amount as the layout reads it before any inversion, its balance and its description. */
function signRows(table: Table, roles: Roles, decimal: '.' | ',', direction?: DirectionRule): SignRow[] {
  return table.rows.map(({ cells }) => {
    let amount: number | undefined;
    if (roles.amount !== undefined) {
      amount = minor(cells[roles.amount], decimal);
      if (amount !== undefined && direction && roles.direction !== undefined) {
        const word = signWord(cells[roles.direction] ?? '');
        amount = word === 'out' ? -Math.abs(amount) : word === 'in' ? Math.abs(amount) : undefined;
      }
    } else {
      const out = roles.debit === undefined ? undefined : minor(cells[roles.debit], decimal);
      const into = roles.credit === undefined ? undefined : minor(cells[roles.credit], decimal);
      amount = out === undefined && into === undefined ? undefined : Math.abs(into ?? 0) - Math.abs(out ?? 0);
    }
    const balance = roles.balance === undefined ? undefined : minor(cells[roles.balance], decimal);
    const description = roles.descriptions.map((i) => cells[i] ?? '').join(' ');
    return { ...(amount !== undefined ? { amount } : {}), ...(balance !== undefined ? { balance } : {}), description };
  });
}

/** A direction rule from the words a type column holds. */
function directionRule(table: Table, column: number, header: string): DirectionRule {
  const words = new Set(table.rows.map((r) => (r.cells[column] ?? '').trim()).filter((w) => w !== ''));
  const out = [...words].filter((w) => signWord(w) === 'out');
  const into = [...words].filter((w) => signWord(w) === 'in');
  return { column: header, out: out.length > 0 ? out : OUT_WORDS.slice(0, 4), in: into.length > 0 ? into : IN_WORDS.slice(0, 4) };
}

/** Whether the printed signs of the amount column agree with the type column on every row that has both. */
function signsAgree(table: Table, amount: number, direction: number, decimal: '.' | ','): boolean {
  return table.rows.every(({ cells }) => {
    const value = minor(cells[amount], decimal);
    const word = signWord(cells[direction] ?? '');
    if (value === undefined || word === undefined || value === 0) return true;
    return (value < 0) === (word === 'out');
  });
}

export function inferLayout(lines: readonly string[], opts: InferOptions = {}): Inference | undefined {
  const table = findTable(lines);
  if (!table) return undefined;
  const keys = table.header.map(headerKey);
  const cells = table.rows.map((r) => r.cells);
  const first = decimalOf(cells.flat().filter((c) => /\d[.,]\d{1,2}\)?-?$/.test(c.trim()) && !/^\d{1,2}[./]\d{1,2}[./]\d{2,4}/.test(c.trim())));
  let values = table.header.map((_, i) => columnValues(cells, i, first));
  let roles = assignRoles(table, keys, values);
  const base = { headerIndex: table.headerIndex, header: table.header, evidence: [] as string[] };
  const ask = (question: string, choice?: Choice): Inference => ({ ...base, question, ...(choice ? { choice } : {}) });
  if (roles.date === undefined) return undefined;
  // The decimal mark settled by the amount columns' own values (core inferDecimal): `1.234` alone reads both ways.
  const settledDecimal = amountsDecimal(table, roles, first);
  if ('question' in settledDecimal) return ask(settledDecimal.question);
  const decimal = settledDecimal.decimal;
  if (decimal !== first) {
    values = table.header.map((_, i) => columnValues(cells, i, decimal));
    roles = assignRoles(table, keys, values);
    if (roles.date === undefined) return undefined;
  }
  const ref = (i: number): ColumnRef => columnRef(table.header, i);
  if (roles.amount === undefined && roles.debit === undefined && roles.credit === undefined) {
    const spare = spareNumeric(keys, values, roles);
    if (spare.length === 1) roles.amount = spare[0];
    else if (spare.length === 2 && roles.balance !== undefined) return pairByBalance(table, roles, spare, decimal, opts, base, ask);
    else if (spare.length === 0) return undefined;
    else return ask(tI('whichAmount', { columns: spare.map((i) => `"${table.header[i]}"`).join(tI('or')) }));
  }
  return finish(table, roles, decimal, opts, base, ask, ref);
}

/** The decimal mark the amount, debit, credit and balance columns settle (the header's currency may: JPY `7,000` groups); else the first guess. */
function amountsDecimal(table: Table, roles: Roles, first: '.' | ','): { decimal: '.' | ',' } | { question: string } {
  const columns = [roles.amount, roles.debit, roles.credit, roles.balance].filter((i): i is number => i !== undefined);
  if (columns.length === 0) return { decimal: first };
  const samples = table.rows.flatMap(({ cells }) => columns.map((i) => (cells[i] ?? '').trim())).filter((c) => /\d/.test(c));
  const currency = columns.map((i) => currencyIn(table.header[i] ?? '')).find((c) => c !== undefined);
  const decided = inferDecimal(samples, currency);
  return 'decimal' in decided ? decided : { question: decided.question.replace(' in the profile', ' in a profile') };
}

/** Two unnamed amount columns beside a balance: the balance says which is money in. */
function pairByBalance(
  table: Table, roles: Roles, spare: number[], decimal: '.' | ',', opts: InferOptions,
  base: Omit<Inference, 'profile' | 'question'>, ask: (q: string, choice?: Choice) => Inference,
): Inference {
  const [a, b] = spare as [number, number];
  const verdict = balanceVerdict(signRows(table, { ...roles, debit: a, credit: b }, decimal));
  if (verdict?.sign === 'as-is') Object.assign(roles, { debit: a, credit: b });
  else if (verdict?.sign === 'invert') Object.assign(roles, { debit: b, credit: a });
  else return ask(tI('whichOut', { a: table.header[a]!, b: table.header[b]! }));
  return finish(table, roles, decimal, opts, base, ask, (i) => columnRef(table.header, i));
}

/** The candidate an answer (`date_format`, `--date-format`) names, or the one with its day/month order (`DD/MM/YY` picks `DD/MM/YYYY`). */
function answeredFormat(candidates: readonly string[], answer: string): string | undefined {
  if (candidates.includes(answer)) return answer;
  const order = (f: string) => f.replace(/[^DM]/g, '').replace(/(.)\1+/g, '$1');
  const same = candidates.filter((c) => order(c) === order(answer));
  return same.length === 1 ? same[0] : undefined;
}

/** A column by its header name when that name is unique, else by its index. */
function columnRef(header: readonly string[], i: number): ColumnRef {
  const name = header[i]!.trim();
  return name !== '' && !name.includes('|') && header.filter((h) => h.trim().toLowerCase() === name.toLowerCase()).length === 1 ? name : i;
}

function finish(
  table: Table, roles: Roles, decimal: '.' | ',', opts: InferOptions,
  base: Omit<Inference, 'profile' | 'question'>, ask: (q: string, choice?: Choice) => Inference, ref: (i: number) => ColumnRef,
): Inference {
  const evidence = base.evidence;
  const at = (i: number | undefined) => (i === undefined ? '' : `"${table.header[i]}"`);
  let direction: DirectionRule | undefined;
  if (roles.direction !== undefined && roles.amount !== undefined) {
    const printedNegatives = table.rows.some(({ cells }) => (minor(cells[roles.amount!], decimal) ?? 0) < 0);
    if (!printedNegatives) direction = directionRule(table, roles.direction, String(ref(roles.direction)));
    else if (!signsAgree(table, roles.amount, roles.direction, decimal)) {
      const rule = directionRule(table, roles.direction, String(ref(roles.direction)));
      if (balanceVerdict(signRows(table, roles, decimal, rule))?.sign === 'as-is') direction = rule;
      else return ask(tI('signsContradict', { amount: at(roles.amount), direction: at(roles.direction) }));
    }
    if (direction) evidence.push(tV('signFrom', { column: at(roles.direction), out: direction.out.join('/'), in: direction.in.join('/') }));
  }
  const settled = settleDateFormat(table.rows.map((r) => r.cells[roles.date!] ?? ''));
  const answered = opts.answers?.date_format;
  if (!('question' in settled) && settled.byOrder) base.datesByOrder = true;
  const pick = 'question' in settled && answered ? answeredFormat(settled.candidates, answered) : undefined;
  const dates = pick ? { format: pick } : settled;
  if ('question' in dates) {
    const choice = dates.candidates.length > 1 ? { field: 'date_format' as const, choices: dates.candidates } : undefined;
    return ask(dates.question.replace('DATE', at(roles.date)), choice);
  }
  const rows = signRows(table, roles, decimal, direction);
  let verdict: SignVerdict = (direction || (roles.debit !== undefined || roles.credit !== undefined)) && roles.balance === undefined
    ? { sign: 'as-is', by: 'mixed signs', detail: direction ? tV('typeColumn') : tV('ownColumns') }
    : (balanceVerdict(rows) ?? amountsVerdict(rows, opts.card === true));
  if (verdict.sign === 'unknown' && opts.answers?.amount_sign) {
    verdict = { sign: opts.answers.amount_sign, by: 'mixed signs', detail: tV('answered', { sign: opts.answers.amount_sign }) };
  }
  if (verdict.sign === 'unknown') {
    return ask(tI('positiveOut', { detail: verdict.detail }), {
      field: 'amount_sign',
      choices: ['invert', 'as-is'],
    });
  }
  evidence.push(verdict.detail);
  const currency = currencyOf(table, roles);
  if (currency.found) evidence.push(currency.found);
  const profile = buildProfile(table, roles, decimal, dates.format, verdict, direction, currency.code, ref);
  evidence.unshift(
    tV('headerLine', { line: table.headerIndex + 1 }),
    tV('date', { column: at(roles.date), format: dates.format }),
    roles.amount !== undefined ? tV('amount', { column: at(roles.amount) }) : tV('debitCredit', { debit: at(roles.debit) || '-', credit: at(roles.credit) || '-' }),
    ...(roles.descriptions.length > 0 ? [tV('description', { columns: roles.descriptions.map(at).join(' + ') })] : []),
    ...(roles.balance !== undefined ? [tV('balance', { column: at(roles.balance) })] : []),
  );
  return { ...base, profile };
}

function currencyOf(table: Table, roles: Roles): { code?: string; found?: string } {
  if (roles.currency !== undefined) return { found: tV('currencyColumn', { column: table.header[roles.currency]! }) };
  const amountHeaders = [roles.amount, roles.debit, roles.credit, roles.balance].filter((i) => i !== undefined).map((i) => table.header[i!]!);
  const fromHeader = amountHeaders.map(currencyIn).find((c) => c !== undefined);
  if (fromHeader) return { code: fromHeader, found: tV('currencyHeader', { code: fromHeader }) };
  const amountCells = table.rows.slice(0, 50).flatMap((r) => [roles.amount, roles.debit, roles.credit].map((i) => (i === undefined ? '' : (r.cells[i] ?? ''))));
  const fromCells = [...new Set(amountCells.map(currencyIn).filter((c) => c !== undefined))];
  if (fromCells.length === 1) return { code: fromCells[0], found: tV('currencyCells', { code: fromCells[0]! }) };
  return {};
}

function buildProfile(
  table: Table, roles: Roles, decimal: '.' | ',', dateFormat: string, verdict: SignVerdict, direction: DirectionRule | undefined,
  currency: string | undefined, ref: (i: number) => ColumnRef,
): Profile {
  const columns: Profile['columns'] = { date: ref(roles.date!), description: roles.descriptions.map(ref) };
  if (roles.time !== undefined) columns.time = ref(roles.time);
  if (roles.amount !== undefined) columns.amount = ref(roles.amount);
  if (roles.debit !== undefined) columns.debit = ref(roles.debit);
  if (roles.credit !== undefined) columns.credit = ref(roles.credit);
  if (direction) columns.direction = direction;
  if (roles.currency !== undefined) columns.currency = ref(roles.currency);
  const card = verdict.sign !== 'unknown' && verdict.card === true;
  return {
    name: 'inferred',
    describe: 'layout inferred from the file',
    delimiter: table.delimiter,
    skip_lines: table.headerIndex,
    date_format: dateFormat,
    decimal,
    columns,
    amount_sign: verdict.sign === 'invert' ? 'invert' : 'as-is',
    ...(card ? { account_type: 'credit' as const } : {}),
    ...(currency ? { currency } : {}),
  };
}
