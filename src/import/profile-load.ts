/**
 * User profiles: a YAML or JSON file (SPEC "CSV profiles") validated field by field, with errors
 * located at the offending line (`PROFILE: my.yaml:7: unknown field "amout"`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, isMap, isPair, isScalar, parseDocument, type Document } from 'yaml';
import { yamlToData } from '../core/yaml-data.js';
import { PocketbookError } from '../core/errors.js';
import { checkPattern } from '../core/redos.js';
import { ACCOUNT_TYPES } from '../core/types.js';
import { normalizeEncoding } from './encoding.js';
import { COLUMN_KEYS, type Profile } from './profile.js';
import { builtinProfiles, findProfile } from './profiles/index.js';
import { tInfer } from '../core/messages/import-infer.js';
import { tErrorsImport as tI } from '../core/messages/errors-import.js';

const TOP_KEYS = [
  'name', 'describe', 'encoding', 'delimiter', 'quote', 'skip_lines', 'header_contains', 'date_format', 'decimal', 'columns',
  'skip_status', 'amount_sign', 'stop_at_blank_line', 'account_type', 'currency', 'header', 'row_pattern', 'generic',
  'optional_columns', 'ignore_rows', 'stop_at', 'extra_cells', 'sheet',
] as const;

type Path = (string | number)[];

/** Validates parsed profile data; `lineOf` maps a field path to its line in the file. */
class Checker {
  constructor(
    private readonly file: string,
    private readonly lineOf: (path: Path, key?: boolean) => number | undefined,
  ) {}

  fail(path: Path, message: string, hint?: string, key = false): never {
    const line = this.lineOf(path, key) ?? this.lineOf(path.slice(0, -1), true);
    throw new PocketbookError('PROFILE', message, { hint, location: { file: this.file, ...(line ? { line } : {}) } });
  }

  object(value: unknown, path: Path, allowed: readonly string[]): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, tI('mustBeMapping', { label: label(path) }));
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) this.fail([...path, key], path.length ? tI('unknownFieldIn', { key, label: label(path) }) : tI('unknownField', { key }), tI('knownFields', { fields: allowed.join(', ') }), true);
    }
    return record;
  }

  string(value: unknown, path: Path): string {
    if (typeof value !== 'string' || value === '') this.fail(path, tI('mustBeText', { label: label(path) }));
    return value;
  }

  strings(value: unknown, path: Path): string[] {
    if (!Array.isArray(value)) this.fail(path, tI('mustBeTexts', { label: label(path) }));
    return value.map((v, i) => (typeof v === 'number' ? String(v) : this.string(v, [...path, i])));
  }

  regexes(value: unknown, path: Path, allowEmpty = false): string[] {
    if (!Array.isArray(value)) this.fail(path, tI('mustBeRegexes', { label: label(path) }));
    const list = value.map((v, i) => (allowEmpty && v === '' ? '' : this.string(v, [...path, i])));
    list.forEach((source, i) => {
      if (source === '') return;
      try {
        new RegExp(source, 'u');
      } catch (err) {
        this.fail([...path, i], tI('invalidRegex', { label: label(path), why: (err as Error).message }));
      }
      const problem = checkPattern(source, 'u');
      if (problem) this.fail([...path, i], tI('badPattern', { label: label([...path, i]), source, problem }));
    });
    return list;
  }

  oneOf<T extends string>(value: unknown, path: Path, options: readonly T[]): T {
    if (typeof value !== 'string' || !options.includes(value as T)) this.fail(path, tI('mustBeOneOf', { label: label(path), choices: options.join(', ') }));
    return value as T;
  }

  column(value: unknown, path: Path, headerless: boolean): string | number {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
    if (headerless) this.fail(path, tI('mustBeIndex', { label: label(path) }));
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.fail(path, tI('mustBeColumn', { label: label(path) }));
  }
}

function label(path: Path): string {
  return path.length === 0 ? tI('theProfile') : path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

const DATE_TOKEN = /YYYY|YY|MM|M|DD|D|HH|H|mm|ss/g;

export function checkDateFormat(format: string): string | undefined {
  const tokens = format.match(DATE_TOKEN) ?? [];
  const rest = format.replace(DATE_TOKEN, '');
  if (/[A-Za-z0-9]/.test(rest)) return tI('dateTokens', { letters: rest.replace(/[^A-Za-z0-9]/g, '') });
  if (!tokens.some((t) => t === 'MM' || t === 'M') || !tokens.some((t) => t === 'DD' || t === 'D')) return tI('dateNeeds');
  return undefined;
}

/** Validate profile data (already parsed from YAML/JSON) into a Profile. */
export function validateProfile(data: unknown, file: string, lineOf: (path: Path, key?: boolean) => number | undefined = () => undefined): Profile {
  const c: Checker = new Checker(file, lineOf);
  const raw = c.object(data, [], TOP_KEYS);
  const columns = validateColumns(c, raw, raw.header === false);
  const fallbackName = path.basename(file).replace(/\.(ya?ml|json)$/i, '');
  const profile: Profile = { name: raw.name === undefined ? fallbackName : c.string(raw.name, ['name']), columns };
  if (raw.describe !== undefined) profile.describe = c.string(raw.describe, ['describe']);
  if (raw.encoding !== undefined) {
    const encoding = c.string(raw.encoding, ['encoding']);
    try {
      normalizeEncoding(encoding);
    } catch {
      c.fail(['encoding'], tI('unknownEncoding', { name: encoding }), tI('profileEncodingHint'));
    }
    profile.encoding = encoding;
  }
  for (const key of ['delimiter', 'quote'] as const) {
    if (raw[key] === undefined) continue;
    const v = c.string(raw[key], [key]);
    if (v.length !== 1) c.fail([key], tI('oneCharacter', { key }));
    profile[key] = v;
  }
  if (raw.skip_lines !== undefined) {
    const skip = raw.skip_lines;
    if (typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0) c.fail(['skip_lines'], tI('skipLines'));
    profile.skip_lines = skip;
  }
  if (raw.header_contains !== undefined) profile.header_contains = c.strings(raw.header_contains, ['header_contains']);
  if (raw.date_format !== undefined) {
    const format = c.string(raw.date_format, ['date_format']);
    const problem = checkDateFormat(format);
    if (problem) c.fail(['date_format'], tI('badDateFormat', { format, problem }), tI('dateFormatHint'));
    profile.date_format = format;
  }
  validateReading(c, raw, profile);
  return profile;
}

/** The `columns` of a profile: where each field is, by header name or position. */
function validateColumns(c: Checker, raw: Record<string, unknown>, headerless: boolean): Profile['columns'] {
  if (raw.columns === undefined) c.fail([], tI('noColumns'), tI('noColumnsHint'));
  const cols = c.object(raw.columns, ['columns'], COLUMN_KEYS);
  if (cols.date === undefined) c.fail(['columns'], tI('noDate'), undefined, true);
  if (cols.description === undefined) c.fail(['columns'], tI('noDescription'), undefined, true);
  const hasAmount = [cols.amount, cols.debit, cols.credit].some((v) => v !== undefined && v !== null);
  if (!hasAmount) c.fail(['columns'], tI('noAmountRule'), tI('noAmountRuleHint'), true);
  const columns: Profile['columns'] = {
    date: c.column(cols.date, ['columns', 'date'], headerless),
    description: Array.isArray(cols.description)
      ? cols.description.map((d, i) => c.column(d, ['columns', 'description', i], headerless))
      : c.column(cols.description, ['columns', 'description'], headerless),
  };
  for (const key of ['time', 'amount', 'debit', 'credit', 'fee', 'currency', 'external_id', 'channel', 'status', 'account'] as const) {
    const v = cols[key];
    if (v !== undefined && v !== null) columns[key] = c.column(v, ['columns', key], headerless);
  }
  if (cols.direction !== undefined && cols.direction !== null) {
    const d = c.object(cols.direction, ['columns', 'direction'], ['column', 'out', 'in', 'neither']);
    if (columns.amount === undefined) c.fail(['columns', 'direction'], tI('directionNeedsAmount'));
    columns.direction = {
      column: c.column(d.column, ['columns', 'direction', 'column'], headerless),
      out: c.strings(d.out ?? [], ['columns', 'direction', 'out']),
      in: c.strings(d.in ?? [], ['columns', 'direction', 'in']),
      ...(d.neither !== undefined ? { neither: c.strings(d.neither, ['columns', 'direction', 'neither']) } : {}),
    };
  }
  return columns;
}

/** How rows are read: decimal mark, signs, statuses, flags, account type, currency, row filters, sheet. */
function validateReading(c: Checker, raw: Record<string, unknown>, profile: Profile): void {
  if (raw.decimal !== undefined) profile.decimal = c.oneOf(raw.decimal, ['decimal'], ['.', ','] as const);
  if (raw.skip_status !== undefined) profile.skip_status = c.strings(raw.skip_status, ['skip_status']);
  if (raw.amount_sign !== undefined) profile.amount_sign = c.oneOf(raw.amount_sign, ['amount_sign'], ['as-is', 'invert'] as const);
  for (const key of ['stop_at_blank_line', 'header', 'generic'] as const) {
    const flag = raw[key];
    if (flag === undefined) continue;
    if (typeof flag !== 'boolean') c.fail([key], tI('mustBeBoolean', { key }));
    profile[key] = flag;
  }
  if (raw.account_type !== undefined) profile.account_type = c.oneOf(raw.account_type, ['account_type'], ACCOUNT_TYPES);
  if (raw.currency !== undefined) {
    const currency = c.string(raw.currency, ['currency']);
    if (!/^[A-Z]{3}$/.test(currency)) c.fail(['currency'], tI('badCurrency', { currency }));
    profile.currency = currency;
  }
  if (raw.row_pattern !== undefined) profile.row_pattern = c.regexes(raw.row_pattern, ['row_pattern'], true);
  if (raw.ignore_rows !== undefined) profile.ignore_rows = c.regexes(raw.ignore_rows, ['ignore_rows']);
  if (raw.stop_at !== undefined) profile.stop_at = c.regexes(raw.stop_at, ['stop_at']);
  if (raw.optional_columns !== undefined) {
    profile.optional_columns = c.strings(raw.optional_columns, ['optional_columns']).map((k, i) =>
      c.oneOf(k, ['optional_columns', i], COLUMN_KEYS),
    );
  }
  if (raw.sheet !== undefined) {
    const sheet = raw.sheet;
    const number = typeof sheet === 'number' && Number.isInteger(sheet) && sheet >= 1;
    if (!number && (typeof sheet !== 'string' || sheet.trim() === '')) c.fail(['sheet'], tInfer('sheetBad'));
    profile.sheet = sheet as string | number;
  }
  if (raw.extra_cells !== undefined) profile.extra_cells = c.oneOf(raw.extra_cells, ['extra_cells'], ['ignore', 'description'] as const);
}

/** Parse and validate the text of a YAML or JSON profile file. */
export function parseProfileText(text: string, file: string): Profile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0]?.line;
    throw new PocketbookError('PROFILE', syntax.message.split('\n')[0]!, { location: { file, ...(line ? { line } : {}) } });
  }
  return validateProfile(yamlToData(doc, file, 'PROFILE'), file, (p, key) => lineOfPath(doc, counter, p, key));
}

function lineOfPath(doc: Document, counter: LineCounter, p: Path, key = false): number | undefined {
  if (p.length === 0) return undefined;
  const parent = p.length === 1 ? doc.contents : doc.getIn(p.slice(0, -1), true);
  const last = p[p.length - 1];
  if (key && isMap(parent)) {
    const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === last);
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    if (range) return counter.linePos(range[0]).line;
  }
  const node = doc.getIn(p, true) as { range?: [number, number, number] } | undefined;
  if (node?.range) return counter.linePos(node.range[0]).line;
  return undefined;
}

/** A built-in profile by name, or a YAML/JSON profile file. Throws PROFILE when neither. */
export async function loadProfile(nameOrPath: string): Promise<Profile> {
  const looksLikePath = /[\\/]|\.(ya?ml|json)$/i.test(nameOrPath);
  if (!looksLikePath) {
    const builtin = findProfile(nameOrPath);
    if (builtin) return builtin;
  }
  let text: string;
  try {
    text = await readFile(nameOrPath, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!looksLikePath || code === 'ENOENT') {
      throw new PocketbookError('PROFILE', tI('noProfile', { name: nameOrPath }), {
        hint: tI('builtinProfiles', { names: builtinProfiles.map((p) => p.name).join(', ') }),
      });
    }
    throw new PocketbookError('PROFILE', tI('cannotRead', { file: nameOrPath, why: (err as Error).message }));
  }
  return parseProfileText(text.replace(/^\uFEFF/, ''), nameOrPath);
}
