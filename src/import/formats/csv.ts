/**
 * The profile-driven CSV reader. `detect` finds the header row in the file's head and scores every
 * built-in profile against it; `read` streams the file through csv-parse in constant memory and
 * turns each record into a row in the holder's view (negative = money out).
 */
import { Readable, pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { PocketbookError } from '../../core/errors.js';
import type { Detection, ParseContext, Reader, ReaderEvent, Sniff, Source } from '../types.js';
import type { ColumnRef, Profile } from '../profile.js';
import { builtinProfiles, findProfile } from '../profiles/index.js';
import { guessDelimiter, headLines, matchProfile, resolveColumn, splitLine, type HeaderMatch } from './csv-header.js';
import { compileLayout } from './csv-row.js';

/** The best-matching profile among `profiles` for a file head, with its match. */
export function detectProfile(
  lines: readonly string[],
  profiles: readonly Profile[],
): { profile: Profile; match: HeaderMatch } | undefined {
  let best: { profile: Profile; match: HeaderMatch } | undefined;
  for (const profile of profiles) {
    const match = matchProfile(profile, lines);
    if (match && (!best || match.score > best.match.score)) best = { profile, match };
  }
  return best;
}

/** Scores of every profile matching a head (for tests and `profile create`). */
export function scoreProfiles(lines: readonly string[], profiles: readonly Profile[]): { name: string; score: number }[] {
  return profiles
    .map((p) => ({ name: p.name, score: matchProfile(p, lines)?.score ?? 0 }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
}

function detect(sniff: Sniff, ctx: ParseContext): Detection {
  if (sniff.encoding === 'binary' || sniff.text === '') return { score: 0 };
  const lines = headLines(sniff.text, sniff.head.length >= 64 * 1024);
  const found = detectProfile(lines, ctx.profile ? [ctx.profile] : builtinProfiles);
  return found ? { score: found.match.score, profile: found.profile.name } : { score: 0 };
}

/** Where the data starts when the profile did not match the head: its skip_lines, else the first non-blank line. */
function fallbackMatch(profile: Profile, lines: readonly string[]): HeaderMatch {
  let index = profile.skip_lines ?? 0;
  while (index < lines.length && lines[index]!.trim() === '') index++;
  const line = lines[index] ?? '';
  const delimiter = profile.delimiter ?? guessDelimiter(line);
  return profile.header === false
    ? { lineIndex: index, delimiter, score: 0 }
    : { lineIndex: index, delimiter, score: 0, header: splitLine(line, delimiter, profile.quote) };
}

/** Character offset where line `index` (0-based) starts in `text`. */
function lineOffset(text: string, index: number): number {
  const re = /\r?\n|\r/g;
  let offset = 0;
  for (let i = 0; i < index; i++) {
    const m = re.exec(text);
    if (!m) return text.length;
    offset = m.index + m[0].length;
  }
  return offset;
}

const HEAD_CHARS = 64 * 1024;

/** Cells of one column in the data rows of the head (for inferring date format and decimal mark). */
function headCells(profile: Profile, match: HeaderMatch, lines: readonly string[], ref: ColumnRef | null | undefined): string[] {
  const index = ref === undefined || ref === null ? undefined : resolveColumn(ref, match.header);
  if (index === undefined) return [];
  const cells: string[] = [];
  for (let i = match.lineIndex + (match.header ? 1 : 0); i < lines.length && cells.length < 500; i++) {
    const cell = splitLine(lines[i]!, match.delimiter, profile.quote)[index];
    if (cell && /\d/.test(cell)) cells.push(cell);
  }
  return cells;
}

/** "," when the head's amounts are written with a decimal comma (`-800,00`) and never a decimal point. */
function inferDecimal(samples: readonly string[]): '.' | ',' {
  const comma = samples.some((s) => /\d,\d{1,2}\s*$/.test(s));
  const point = samples.some((s) => /\d\.\d{1,2}\s*$/.test(s));
  return comma && !point ? ',' : '.';
}

/** The profile with what it leaves open settled from the head: delimiter, decimal mark. */
function settle(profile: Profile, match: HeaderMatch, lines: readonly string[]): Profile {
  const c = profile.columns;
  const decimal =
    profile.decimal ?? inferDecimal([c.amount, c.debit, c.credit].flatMap((ref) => headCells(profile, match, lines, ref)));
  return { ...profile, delimiter: match.delimiter, decimal };
}

/** Read the stream until the head is long enough to find the header; return head text and the rest. */
async function takeHead(chunks: AsyncIterator<string>): Promise<{ head: string; done: boolean }> {
  let head = '';
  for (;;) {
    const next = await chunks.next();
    if (next.done) return { head, done: true };
    head += next.value;
    if (head.length >= HEAD_CHARS) return { head, done: false };
  }
}

async function* restOf(first: string, chunks: AsyncIterator<string>, done: boolean): AsyncGenerator<string> {
  try {
    if (first !== '') yield first;
    if (done) return;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    if (!done) await chunks.return?.();
  }
}

function resolveProfile(ctx: ParseContext, detection: Detection): Profile {
  if (ctx.profile) return ctx.profile;
  const profile = detection.profile ? findProfile(detection.profile) : undefined;
  if (!profile) {
    throw new PocketbookError('CSV_LAYOUT', `no CSV profile${detection.profile ? ` named "${detection.profile}"` : ''}`, {
      hint: 'see `pocketbook profile list`',
    });
  }
  return profile;
}

async function* read(source: Source, ctx: ParseContext, detection: Detection): AsyncGenerator<ReaderEvent> {
  const profile = resolveProfile(ctx, detection);
  const chunks = source.streamText()[Symbol.asyncIterator]();
  const { head, done } = await takeHead(chunks);
  const lines = headLines(head, !done);
  const match = matchProfile(profile, lines) ?? fallbackMatch(profile, lines);
  const start = lineOffset(head, match.lineIndex);
  const dates = profile.date_format ? [] : headCells(profile, match, lines, profile.columns.date);
  const convert = compileLayout(settle(profile, match, lines), match.header, match.lineIndex + 1, ctx, dates);
  const parser = parse({
    delimiter: match.delimiter,
    quote: profile.quote ?? '"',
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    trim: true,
    skip_empty_lines: false,
  });
  const input = Readable.from(restOf(head.slice(start), chunks, done), { objectMode: false });
  pipeline(input, parser, () => undefined);
  const offset = match.lineIndex; // physical lines before the parser's line 1
  const header = match.header;
  let nextLine = 1; // parser-relative line where the next record starts
  let seenData = false;
  let first = true;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = offset + nextLine;
      nextLine += 1 + innerLineBreaks(record);
      if (first) {
        first = false;
        if (header) continue; // the header row itself
      }
      if (record.every((cell) => cell === '')) {
        if (seenData && profile.stop_at_blank_line) break;
        continue;
      }
      if (header && record[0] === header[0] && record.length === header.length && record.every((c, i) => c === header[i])) continue;
      const outcome = convert(record, line);
      if (outcome.type === 'row') {
        seenData = true;
        yield { type: 'row', row: outcome.row };
      } else if (outcome.type === 'skip') {
        yield { type: 'skip', skipped: { line, reason: outcome.reason } };
      } else if (outcome.type === 'stop') {
        break;
      }
    }
  } catch (err) {
    throw locateParseError(err, offset);
  } finally {
    parser.destroy();
    input.destroy();
  }
}

/**
 * Line breaks inside a record's (quoted) cells. Counting them is much cheaper than csv-parse's
 * per-record `info` objects, and gives each record's first physical line.
 */
function innerLineBreaks(record: readonly string[]): number {
  let breaks = 0;
  for (const cell of record) {
    if (cell.length === 0 || (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0)) continue;
    const m = cell.match(/\r\n|\r|\n/g);
    breaks += m ? m.length : 0;
  }
  return breaks;
}

/** csv-parse errors (unclosed quotes …) become CSV_LAYOUT errors with the physical line. */
function locateParseError(err: unknown, offset: number): unknown {
  if (err instanceof PocketbookError) return err;
  const e = err as { code?: string; lines?: number; message?: string };
  if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
    return new PocketbookError('CSV_LAYOUT', (e.message ?? 'malformed CSV').replace(/^Invalid Record Length: /, ''), {
      location: e.lines !== undefined ? { line: offset + e.lines } : {},
    });
  }
  return err;
}

export const csvReader: Reader = {
  id: 'csv',
  describe: 'CSV files described by a profile (built-in bank layouts, generic layouts, or --profile FILE)',
  detect,
  read,
};
