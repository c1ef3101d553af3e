/**
 * The profile-driven CSV reader. `detect` finds the header row in the file's head and scores every
 * built-in profile against it; `read` (and `readBatches`, the same events a slice of the file at a
 * time) streams the file's records (csv-split.ts: csv-parse's records, its fast path for lines
 * without quotes) in constant memory and turns each record into a row in the holder's view
 * (negative = money out).
 */
import { PocketbookError } from '../../core/errors.js';
import type { Detection, ParseContext, Reader, ReaderEvent, Sniff, Source } from '../types.js';
import type { ColumnRef, Profile } from '../profile.js';
import { builtinProfiles, findProfile } from '../profiles/index.js';
import { guessDelimiter, headLines, matchProfile, resolveColumn, splitLine, type HeaderMatch } from './csv-header.js';
import { type RowConverter, type RowOutcome, compileLayout } from './csv-row.js';
import { roundedMessage } from './csv-amount.js';
import { RecordSplitter, type Split } from './csv-split.js';
import { preambleNumber } from './preamble-number.js';
import { CsvBalances } from './csv-balances.js';
import { currencyAssumed, inferredDetection } from '../infer/detect.js';
import { isWorkbook, workbookCsv, workbookSource } from '../infer/workbook.js';
import { inferDecimal } from '../../core/money.js';
import { statementAnchor } from '../../core/statement-year.js';
import { tErrorsImport as tI } from '../../core/messages/errors-import.js';
import { getLocale } from '../../core/i18n.js';

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

/** A workbook no other reader claims is read as CSV (its first sheet): claimed with the lowest score, below every workbook layout. */
function detectWorkbook(sniff: Sniff, ctx: ParseContext): Detection {
  if (!isWorkbook(sniff.head)) return { score: 0 };
  let text: string;
  try {
    text = workbookCsv(sniff.head, true, ctx.profile?.sheet);
  } catch {
    return { score: 0 };
  }
  const found = detectText(text, false, ctx);
  return found.score > 0 ? { ...found, score: 1 } : found;
}

function detect(sniff: Sniff, ctx: ParseContext): Detection {
  if (sniff.encoding === 'binary') return detectWorkbook(sniff, ctx);
  if (sniff.text === '') return { score: 0 };
  return detectText(sniff.text, sniff.head.length >= 64 * 1024, ctx);
}

function detectText(text: string, truncated: boolean, ctx: ParseContext): Detection {
  const lines = headLines(text, truncated);
  const found = detectProfile(lines, ctx.profile ? [ctx.profile] : builtinProfiles);
  if (!ctx.profile && (!found || found.profile.generic)) {
    const inferred = inferredDetection(lines, ctx, found?.profile, found?.match.score);
    if (inferred) return inferred;
  }
  if (!found) return { score: 0 };
  const assumed = !ctx.profile && found.profile.generic ? currencyAssumed(found.profile, found.match.header, ctx.defaultCurrency) : undefined;
  return { score: found.match.score, profile: found.profile.name, ...(assumed ? { note: assumed } : {}) };
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

/** Byte offset where line `index` (0-based) starts in `bytes`: line breaks are \r\n, \n or \r, as in headLines. */
function lineOffset(bytes: Uint8Array, index: number): number {
  let offset = 0;
  for (let line = 0; line < index; line++) {
    while (offset < bytes.length && bytes[offset] !== 0x0a && bytes[offset] !== 0x0d) offset++;
    if (offset >= bytes.length) return bytes.length;
    offset += bytes[offset] === 0x0d && bytes[offset + 1] === 0x0a ? 2 : 1;
  }
  return offset;
}

const HEAD_BYTES = 64 * 1024;
/**
 * Bytes given to the record splitter at a time: the records of a slice are alive together until they are
 * taken, and a few hundred of them stay cheap for the garbage collector, where the few thousand of
 * a whole read chunk would outlive collections and be copied.
 */
const SLICE_BYTES = 16 * 1024;

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

/**
 * The decimal mark of a profile that names none, settled by the head's own amounts (core
 * inferDecimal: `1.234,56`, `12,5`, a repeated separator). Values that read both ways only
 * (`1.234`, `7,000`) or that disagree: a generic or inferred layout refuses with the question
 * (never a guess); a bank's built-in layout keeps its point as before.
 */
function decimalOfHead(profile: Profile, samples: readonly string[], currency: string, strict: boolean): '.' | ',' {
  const decided = inferDecimal(samples, profile.currency ?? currency);
  if ('decimal' in decided) return decided.decimal;
  if (strict) throw new PocketbookError('CSV_AMOUNT', tI('layoutUnclear', { question: decided.question }), { hint: tI('answerInProfile') });
  return '.';
}

/** The profile with what it leaves open settled from the head: delimiter, decimal mark. */
function settle(profile: Profile, match: HeaderMatch, lines: readonly string[], currency: string, strict: boolean): Profile {
  const c = profile.columns;
  const decimal =
    profile.decimal ?? decimalOfHead(profile, [c.amount, c.debit, c.credit].flatMap((ref) => headCells(profile, match, lines, ref)), currency, strict);
  return { ...profile, delimiter: match.delimiter, decimal };
}

/** Read the stream until the head is long enough to find the header; return the head bytes and the rest. */
async function takeHead(chunks: AsyncIterator<Buffer>): Promise<{ head: Buffer; done: boolean }> {
  const taken: Buffer[] = [];
  let length = 0;
  for (;;) {
    const next = await chunks.next();
    if (next.done) return { head: Buffer.concat(taken, length), done: true };
    taken.push(next.value);
    length += next.value.length;
    if (length >= HEAD_BYTES) return { head: Buffer.concat(taken, length), done: false };
  }
}

async function* restOf(first: Buffer, chunks: AsyncIterator<Buffer>, done: boolean): AsyncGenerator<Buffer> {
  try {
    if (first.length > 0) yield first;
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
  if (detection.question) {
    const { line, text, header } = detection.question;
    throw new PocketbookError('CSV_LAYOUT', tI('layoutUnclear', { question: text }), {
      location: { line },
      hint: tI('headerAnswer', { header: header.length > 100 ? `${header.slice(0, 100)}…` : header }),
    });
  }
  if (detection.inferred) return detection.inferred;
  const profile = detection.profile ? findProfile(detection.profile) : undefined;
  if (!profile) {
    throw new PocketbookError('CSV_LAYOUT', detection.profile ? tI('noCsvProfileNamed', { name: detection.profile }) : tI('noCsvProfile'), {
      hint: tI('seeProfiles'),
    });
  }
  return profile;
}

/**
 * The file's events, a batch per slice of the file: the file's UTF-8 bytes go to the record
 * splitter SLICE_BYTES at a time, and the records each slice completes are taken at once (no
 * promise per record).
 */
async function* readBatches(given: Source, ctx: ParseContext, detection: Detection): AsyncGenerator<ReaderEvent[]> {
  const resolved = resolveProfile(ctx, detection);
  // --date-format: the user's order wins over what the layout left open.
  const profile = ctx.dateFormat ? { ...resolved, date_format: ctx.dateFormat } : resolved;
  const source = given.encoding === 'binary' ? workbookSource(given, profile.sheet) : given;
  const chunks = source.streamUtf8()[Symbol.asyncIterator]();
  const { head, done } = await takeHead(chunks);
  const lines = headLines(head.toString('utf8'), !done);
  const match = matchProfile(profile, lines) ?? fallbackMatch(profile, lines);
  const dates = profile.date_format ? [] : headCells(profile, match, lines, profile.columns.date);
  const settled = settle(profile, match, lines, ctx.defaultCurrency, !ctx.profile && (profile.generic === true || detection.inferred !== undefined));
  // Dates printed without a year take it from the statement period (file name, preamble), else today (issue 30 class 2).
  const yearAnchor = statementAnchor(ctx.fileName, lines.slice(0, match.lineIndex));
  const convert = compileLayout(settled, match.header, match.lineIndex + 1, yearAnchor ? { ...ctx, yearAnchor } : ctx, dates);
  const splitter = new RecordSplitter(match.delimiter, profile.quote ?? '"');
  const balances = new CsvBalances(settled, match.header, lines.slice(0, match.lineIndex), match.delimiter, !ctx.profile && profile.generic === true);
  const records = recordHandler(profile, match.header, match.lineIndex, convert, balances);
  // Its last four digits only: a generic layout names no bank, so an unknown number asks for --account.
  const number = /(\d{4})\D*$/.exec(preambleNumber(lines.slice(0, match.lineIndex)) ?? '')?.[1];
  if (number) yield [{ type: 'statement', account: { number, ...(profile.account_type ? { type: profile.account_type } : {}), ...(profile.currency ? { currency: profile.currency } : {}) } }];
  /** The records as events; false once the layout says the data stopped. */
  const take = (split: Split, events: ReaderEvent[]): boolean => {
    for (const record of split.records) {
      if (!records.take(record, events)) return false;
    }
    return true;
  };
  const balanceEvents = () => balances.events(convert.dateOf);
  try {
    for await (const chunk of restOf(head.subarray(lineOffset(head, match.lineIndex)), chunks, done)) {
      for (let at = 0; at < chunk.length; at += SLICE_BYTES) {
        const split = splitter.write(chunk.subarray(at, at + SLICE_BYTES));
        const events: ReaderEvent[] = [];
        const more = take(split, events);
        if (events.length > 0) yield events;
        // A CSV error comes after the records before it; one in what follows the data (a footer read for balance lines) ends the reading.
        if (split.error !== undefined && !records.pastData()) throw split.error;
        if (!more || split.error !== undefined) {
          yield balanceEvents();
          return;
        }
      }
    }
    const split = await splitter.end();
    const events: ReaderEvent[] = [];
    take(split, events);
    if (events.length > 0) yield events;
    if (split.error !== undefined && !records.pastData()) throw split.error;
    yield balanceEvents();
  } catch (err) {
    throw locateParseError(err, match.lineIndex);
  } finally {
    splitter.destroy();
  }
}

/** Records looked at for balance lines once the data stopped (a footer), before the reading stops. */
const FOOTER_RECORDS = 20;

/**
 * What each record becomes: header repeats and blank lines are dropped, a footer stops the data,
 * rows and skips are appended to `events` with their first physical line. A record that is no row
 * (a footer, an ignored line, one that fails) may be a balance line (`balances`); after the data
 * stopped, a few more records are looked at for them. `take` returns false to stop.
 */
function recordHandler(profile: Profile, header: string[] | undefined, offset: number, convert: RowConverter, balances: CsvBalances) {
  let nextLine = 1; // parser-relative line where the next record starts; `offset` physical lines come before line 1
  let seenData = false;
  let first = true;
  let footer = -1; // records left to look at after the data stopped; -1 while it goes on
  const stop = (): boolean => {
    footer = FOOTER_RECORDS;
    return true;
  };
  const take = (record: string[], events: ReaderEvent[]): boolean => {
    const line = offset + nextLine;
    nextLine += 1 + innerLineBreaks(record);
    if (first) {
      first = false;
      if (header) return true; // the header row itself
    }
    if (footer >= 0) {
      balances.line(record, line);
      return footer-- > 0;
    }
    if (record.every((cell) => cell === '')) return seenData && profile.stop_at_blank_line ? stop() : true;
    if (header && record[0] === header[0] && record.length === header.length && record.every((c, i) => c === header[i])) return true;
    let outcome: RowOutcome;
    try {
      outcome = convert(record, line);
    } catch (err) {
      if (!balances.line(record, line)) throw err;
      return seenData ? stop() : true;
    }
    if (outcome.type === 'row') {
      seenData = true;
      events.push({ type: 'row', row: outcome.row });
      if (outcome.rounded) events.push({ type: 'warning', line, message: roundedMessage(outcome.row.currency) });
      balances.see(outcome.row, record);
    } else if (outcome.type === 'skip') {
      events.push({ type: 'skip', skipped: { line, reason: outcome.reason } });
    } else if (outcome.type === 'ignore') {
      balances.line(record, line);
    } else if (outcome.type === 'stop') {
      // A balance line above the rows is passed over; below them it is a footer, as before.
      return balances.line(record, line) && !seenData ? true : stop();
    }
    return true;
  };
  return { take, pastData: () => footer >= 0 };
}

async function* read(source: Source, ctx: ParseContext, detection: Detection): AsyncGenerator<ReaderEvent> {
  for await (const events of readBatches(source, ctx, detection)) yield* events;
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

/** csv-parse's own words in English; in Chinese the common ones by their code, else a plain 'malformed CSV'. */
function csvParseMessage(code: string, message: string | undefined): string {
  if (getLocale() === 'en') return (message ?? tI('malformedCsv')).replace(/^Invalid Record Length: /, '');
  if (code === 'CSV_QUOTE_NOT_CLOSED') return tI('quoteNotClosed');
  if (code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || code === 'CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH') return tI('fieldCount');
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return tI('badQuote');
  return tI('malformedCsv');
}

/** csv-parse errors (unclosed quotes …) become CSV_LAYOUT errors with the physical line. */
function locateParseError(err: unknown, offset: number): unknown {
  if (err instanceof PocketbookError) return err;
  const e = err as { code?: string; lines?: number; message?: string };
  if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
    return new PocketbookError('CSV_LAYOUT', csvParseMessage(e.code, e.message), {
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
  readBatches,
};
