/**
 * Finding a profile's header row (or first data row) in the head of a CSV file, resolving
 * column references against it, and scoring how specifically a profile matches. Pure.
 */
import { clipSubject } from '../../core/redos.js';
import type { ColumnKey, ColumnRef, Profile } from '../profile.js';

/** How far into a file the header row is looked for. */
export const HEADER_SCAN_LINES = 80;

/** Split one physical line into trimmed cells (quotes removed); good enough for headers. */
export function splitLine(line: string, delimiter: string, quote = '"'): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === quote && line[i + 1] === quote) {
        cell += quote;
        i++;
      } else if (ch === quote) quoted = false;
      else cell += ch;
    } else if (ch === quote && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter occurring most often outside quotes in `line` (',' when none). */
export function guessDelimiter(line: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = splitLine(line, d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

const norm = (s: string): string => s.trim().toLowerCase();

/** Index of a column in `header` (undefined when absent). Indexes are taken as they are. */
export function resolveColumn(ref: ColumnRef, header: readonly string[] | undefined): number | undefined {
  if (typeof ref === 'number') return ref;
  if (!header) return /^\d+$/.test(ref) ? Number(ref) : undefined;
  const wanted = norm(ref);
  const exact = header.findIndex((h) => norm(h) === wanted);
  if (exact >= 0) return exact;
  for (const alt of ref.split('|')) {
    const i = header.findIndex((h) => norm(h) === norm(alt));
    if (alt.trim() !== '' && i >= 0) return i;
  }
  return undefined;
}

/** Every column reference of a profile, keyed, for resolution and validation. */
export function columnRefs(profile: Profile): { key: ColumnKey; ref: ColumnRef }[] {
  const refs: { key: ColumnKey; ref: ColumnRef }[] = [];
  const c = profile.columns;
  refs.push({ key: 'date', ref: c.date });
  for (const d of Array.isArray(c.description) ? c.description : [c.description]) refs.push({ key: 'description', ref: d });
  for (const key of ['time', 'amount', 'debit', 'credit', 'fee', 'currency', 'external_id', 'channel', 'status', 'account'] as const) {
    const ref = c[key];
    if (ref !== undefined && ref !== null) refs.push({ key, ref });
  }
  if (c.direction) refs.push({ key: 'direction', ref: c.direction.column });
  return refs;
}

/** Columns a header must have for `profile` that it lacks (names as written in the profile). */
export function missingColumns(profile: Profile, header: readonly string[] | undefined): string[] {
  const optional = new Set(profile.optional_columns ?? []);
  const missing: string[] = [];
  let debitCredit = 0;
  for (const { key, ref } of columnRefs(profile)) {
    const found = resolveColumn(ref, header) !== undefined;
    if ((key === 'debit' || key === 'credit') && found) debitCredit++;
    if (!found && !optional.has(key)) missing.push(String(ref));
  }
  const c = profile.columns;
  if ((c.debit || c.credit) && !c.amount && debitCredit === 0 && missing.length === 0) missing.push(String(c.debit ?? c.credit));
  return missing;
}

export interface HeaderMatch {
  /** 0-based index of the header line (or, headerless, of the first data line). */
  lineIndex: number;
  /** Header cells; undefined for headerless layouts. */
  header?: string[];
  delimiter: string;
  score: number;
}

const compiledPatterns = new Map<string, RegExp>();
/** A profile pattern (checked when the profile was loaded); it sees at most SUBJECT_LIMIT characters of a text. */
export function regex(source: string): { test(text: string): boolean } {
  let re = compiledPatterns.get(source);
  if (!re) {
    re = new RegExp(source, 'u');
    compiledPatterns.set(source, re);
  }
  const compiled = re;
  return { test: (text) => compiled.test(clipSubject(text)) };
}

function containsAll(haystack: readonly string[], needles: readonly string[]): boolean {
  const lowered = haystack.map(norm);
  return needles.every((n) => lowered.some((h) => h.includes(norm(n))));
}

/** Index of the first non-blank line at or after `from`. */
function nextContentLine(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i]!.replace(/[,;\t|\s]/g, '') === '') i++;
  return i;
}

function matchHeaderless(profile: Profile, lines: readonly string[]): HeaderMatch | undefined {
  const skip = profile.skip_lines ?? 0;
  const index = nextContentLine(lines, skip);
  const line = lines[index];
  if (line === undefined || line.includes('\uFFFD')) return undefined;
  const delimiter = profile.delimiter ?? guessDelimiter(line);
  const cells = splitLine(line, delimiter, profile.quote);
  const patterns = (profile.row_pattern ?? []).filter((p) => p !== '').length;
  const ok = (profile.row_pattern ?? []).every((p, i) => p === '' || regex(p).test(cells[i] ?? ''));
  const needles = profile.header_contains ?? [];
  if (!ok || !containsAll([lines.slice(0, skip).join('\n')], needles)) return undefined;
  if (missingColumns(profile, undefined).length > 0 || maxIndex(profile) >= cells.length) return undefined;
  return { lineIndex: index, delimiter, score: 30 + 3 * patterns + 5 * needles.length };
}

function maxIndex(profile: Profile): number {
  return Math.max(...columnRefs(profile).map(({ ref }) => resolveColumn(ref, undefined) ?? 0));
}

/**
 * Where `profile` matches the head `lines` of a file, and how specifically. A header line
 * matches when it holds every `header_contains` string and every required column.
 */
export function matchProfile(profile: Profile, lines: readonly string[]): HeaderMatch | undefined {
  if (profile.header === false) return matchHeaderless(profile, lines);
  const candidates =
    profile.skip_lines !== undefined
      ? [nextContentLine(lines, profile.skip_lines)]
      : Array.from({ length: Math.min(lines.length, HEADER_SCAN_LINES) }, (_, i) => i);
  const needles = profile.header_contains ?? [];
  for (const index of candidates) {
    const line = lines[index];
    if (line === undefined || line.trim() === '' || line.includes('\uFFFD')) continue;
    const delimiter = profile.delimiter ?? guessDelimiter(line);
    const header = splitLine(line, delimiter, profile.quote);
    if (header.length < 2 || !containsAll(header, needles)) continue;
    if (missingColumns(profile, header).length > 0) continue;
    const resolved = columnRefs(profile).filter(({ ref }) => resolveColumn(ref, header) !== undefined).length;
    const score = profile.generic ? 10 + resolved : 50 + 5 * needles.length + resolved;
    return { lineIndex: index, header, delimiter, score };
  }
  return undefined;
}

/** Split decoded head text into lines (CR/LF aware); a truncated last line is dropped when asked. */
export function headLines(text: string, truncated = false): string[] {
  const lines = text.split(/\r?\n|\r/);
  if (truncated && lines.length > 1) lines.pop();
  return lines;
}
