/**
 * CSV records from UTF-8 bytes, exactly as csv-parse gives them with the reader's options
 * (relaxed quotes and column counts, trimmed cells, empty lines kept), without running csv-parse
 * over every byte.
 *
 * Most lines of a bank export hold no quote character, or quote whole cells with no quote inside
 * (`"2026-01-02","Coffee, large","-3.50"`). Once the record delimiter is known, such a line is
 * read here: split at the delimiter, an unquoted cell trimmed the way csv-parse trims one (at the
 * start the characters it counts as trimmable: CR, LF, form feed, space, tab; at the end all white
 * space, String.prototype.trimEnd), a quoted cell taken as it is between its quotes. Any other
 * line (a doubled quote, a quoted cell going on over the line end, a quote inside an unquoted
 * cell, space around a quoted cell) goes to csv-parse itself with the lines after it up to a line
 * end where the quotes seen are even. If csv-parse finds an error there (an unclosed quote, or a
 * run cut inside a quoted cell because a lone quote stood inside an unquoted cell), csv-parse
 * reads everything from the run's start as one stream, as if there had been no split: its records
 * and its error are the ones a whole-file parse gives.
 *
 * A record delimiter is found the way csv-parse finds it (the first CR LF, LF or CR outside
 * quotes) by letting csv-parse read the start; a delimiter or quote longer than one byte, or a
 * head without a line end, leaves all the work to csv-parse.
 */
import { Parser, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { speedOn } from '../../core/speed.js';

/** The options the CSV reader gives csv-parse (the splitter keeps to their meaning). */
export const csvParseOptions = (delimiter: string, quote: string): Options => ({
  delimiter,
  quote,
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  trim: true,
  skip_empty_lines: false,
});

/** A batch of records and, after them, csv-parse's error (with `lines` counted from the splitter's start). */
export interface Split {
  records: string[][];
  error?: unknown;
}

/** Bytes held back waiting for a line end or a quoted run to close, beyond which csv-parse streams the rest. */
const MAX_CARRY = 1 << 20;

/** csv-parse's left-trimmed characters: CR, LF, form feed, space, tab. */
const leftTrimmable = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0x0c;

/** A cell as csv-parse leaves an unquoted one with `trim`. */
function trimCell(cell: string): string {
  const n = cell.length;
  if (n === 0) return cell;
  let start = 0;
  while (start < n && leftTrimmable(cell.charCodeAt(start))) start++;
  const out = start === 0 ? cell : cell.slice(start);
  const last = out.length > 0 ? out.charCodeAt(out.length - 1) : 0;
  // Only a possible white-space character at the end needs trimEnd.
  return last <= 0x20 || last === 0xa0 || last >= 0x1680 ? out.trimEnd() : out;
}

export class RecordSplitter {
  private readonly quote: number | undefined;
  private readonly quoteText: string;
  private readonly delimiter: string | undefined;
  /** The record delimiter, once csv-parse has found it. */
  private lineEnd: Buffer | undefined;
  private lineEndText = '';
  private carry: Buffer = Buffer.alloc(0);
  /** csv-parse reading everything from some point on (see the module comment). */
  private stream: Parser | undefined;
  /**
   * Lines csv-parse would have counted in the bytes consumed before `stream` started (its error
   * lines follow on): one per CR or LF byte, but one per record delimiter of two bytes.
   */
  private linesBefore = 0;
  /** The stream's error, its line counted from the splitter's start. */
  private failure: unknown;

  private readonly options: Options;

  constructor(delimiter: string, quote: string) {
    this.options = csvParseOptions(delimiter, quote);
    const oneByte = (s: string) => Buffer.byteLength(s) === 1;
    const simple = oneByte(delimiter) && oneByte(quote) && speedOn('fast-split');
    this.quote = simple ? quote.charCodeAt(0) : undefined;
    this.quoteText = quote;
    this.delimiter = simple ? delimiter : undefined;
    if (!simple) this.startStream(0);
  }

  /** The records `chunk` completes. */
  write(chunk: Buffer): Split {
    if (this.stream) return this.feed(chunk);
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    // A byte-order mark at the very start: csv-parse's to skip.
    if (this.linesBefore === 0 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return this.streamFrom(buf, 0, []);
    if (!this.lineEnd && !this.discover(buf)) {
      this.carry = buf;
      return buf.length > MAX_CARRY ? this.streamFrom(buf, 0, []) : { records: [] };
    }
    return this.split(buf);
  }

  /** The last records, at the end of input. */
  async end(): Promise<Split> {
    if (!this.stream) {
      const rest = this.carry;
      this.carry = Buffer.alloc(0);
      if (rest.length === 0) return { records: [] };
      // The last line, without a line end: csv-parse itself, with the end of input.
      const out: string[][] = [];
      const run = this.run(rest, out);
      if (run === undefined) return { records: out };
      return this.streamEnd(this.streamFrom(rest, 0, out));
    }
    return this.streamEnd({ records: [] });
  }

  /** The record delimiter csv-parse finds in `buf` (false: none yet). */
  private discover(buf: Buffer): boolean {
    const probe = new Parser({ ...this.options, bom: false });
    probe.on('error', () => undefined);
    probe.write(buf);
    const found = probe.options.record_delimiter[0];
    probe.destroy();
    if (!found) return false;
    this.lineEnd = found;
    this.lineEndText = found.toString('latin1');
    return true;
  }

  private split(buf: Buffer): Split {
    const records: string[][] = [];
    const end = this.lineEnd!;
    let pos = 0;
    /** Where the lines split here since the last run began (their line count is taken in one go). */
    let from = 0;
    let lines = 0;
    const countLines = () => {
      this.linesBefore += lineBreakBytes(buf, from, pos) - lines * (end.length - 1);
      from = pos;
      lines = 0;
    };
    for (;;) {
      const lineEnd = buf.indexOf(end, pos);
      if (lineEnd < 0) break;
      // Each line decoded on its own: a cell is a slice of its line's string, and a cell kept
      // somewhere (a cache) keeps only that line alive, not a whole slice of the file.
      const cells = this.cells(buf.toString('utf8', pos, lineEnd));
      if (cells) {
        records.push(cells);
        lines++;
        pos = lineEnd + end.length;
        continue;
      }
      countLines();
      const runEnd = this.quotedRun(buf, pos);
      if (runEnd < 0) break; // not closed within the bytes so far
      if (this.run(buf.subarray(pos, runEnd), records) !== undefined) return this.streamFrom(buf, pos, records);
      pos = from = runEnd;
    }
    countLines();
    this.carry = pos < buf.length ? Buffer.from(buf.subarray(pos)) : Buffer.alloc(0);
    return this.carry.length > MAX_CARRY ? this.streamFrom(this.carry, 0, records) : { records };
  }

  /**
   * A line's cells as csv-parse reads them, when each cell is either unquoted without a quote
   * character (trimmed) or quoted from its first character to a closing quote right before the
   * delimiter or the line end, without a quote inside (taken as it is); otherwise undefined.
   */
  private cells(line: string): string[] | undefined {
    const delimiter = this.delimiter!;
    const quote = this.quoteText;
    if (line.indexOf(quote) < 0) {
      const cells = line.split(delimiter);
      for (let i = 0; i < cells.length; i++) cells[i] = trimCell(cells[i]!);
      return cells;
    }
    const cells: string[] = [];
    for (let at = 0; ; ) {
      if (line.startsWith(quote, at)) {
        const close = line.indexOf(quote, at + 1);
        if (close < 0) return undefined;
        const after = close + 1;
        if (after < line.length && !line.startsWith(delimiter, after)) return undefined;
        cells.push(line.slice(at + 1, close));
        if (after >= line.length) return cells;
        at = after + 1;
      } else {
        const next = line.indexOf(delimiter, at);
        const cell = line.slice(at, next < 0 ? line.length : next);
        if (cell.indexOf(quote) >= 0) return undefined;
        cells.push(trimCell(cell));
        if (next < 0) return cells;
        at = next + 1;
      }
    }
  }

  /** Where the run of lines starting at `pos` ends (after the first line end where its quotes are even), or -1 if not within `buf`. */
  private quotedRun(buf: Buffer, pos: number): number {
    const end = this.lineEnd!;
    const quote = this.quote!;
    let odd = false;
    for (let at = pos; ; ) {
      const lineEnd = buf.indexOf(end, at);
      if (lineEnd < 0) return -1;
      for (let q = buf.indexOf(quote, at); q >= 0 && q < lineEnd; q = buf.indexOf(quote, q + 1)) odd = !odd;
      at = lineEnd + end.length;
      if (!odd) return at;
    }
  }

  /** csv-parse over a run of whole lines, with the end of input; its error, if any (records then left out). */
  private run(bytes: Buffer, records: string[][]): unknown {
    let parsed: string[][];
    try {
      parsed = parseSync(bytes, { ...this.options, bom: this.linesBefore === 0, ...(this.lineEnd ? { record_delimiter: this.lineEndText } : {}) }) as string[][];
    } catch (err) {
      return err;
    }
    for (const r of parsed) records.push(r);
    // Each record of the run ends at a record delimiter outside quotes.
    this.linesBefore += lineBreakBytes(bytes, 0, bytes.length) - parsed.length * (this.lineEnd ? this.lineEnd.length - 1 : 0);
    return undefined;
  }

  /** From here on csv-parse reads the stream: `buf` from `pos`, then every later chunk. */
  private streamFrom(buf: Buffer, pos: number, records: string[][]): Split {
    this.carry = Buffer.alloc(0);
    this.startStream(this.linesBefore);
    const more = this.feed(buf.subarray(pos));
    return { records: [...records, ...more.records], ...(more.error !== undefined ? { error: more.error } : {}) };
  }

  private startStream(linesBefore: number): void {
    const lineEnd = this.lineEndText;
    // Started mid-file, it takes no byte-order mark and keeps the record delimiter found at the start.
    this.stream = new Parser({ ...this.options, bom: linesBefore === 0, ...(lineEnd ? { record_delimiter: lineEnd } : {}) });
    this.stream.on('error', () => undefined); // read from `errored` (set at once; the event comes a tick later)
    this.linesBefore = linesBefore;
  }

  private feed(chunk: Buffer): Split {
    const stream = this.stream!;
    stream.write(chunk);
    const records: string[][] = [];
    for (let r = stream.read() as string[] | null; r !== null; r = stream.read() as string[] | null) records.push(r);
    return stream.errored ? { records, error: this.located(stream.errored) } : { records };
  }

  private async streamEnd(before: Split): Promise<Split> {
    if (before.error !== undefined) return before;
    const stream = this.stream!;
    const records = before.records;
    stream.end();
    try {
      // The last record, completed by the end of input, comes after the stream has flushed.
      for await (const r of stream as AsyncIterable<string[]>) records.push(r);
    } catch (err) {
      return { records, error: this.located(err) };
    } finally {
      stream.destroy();
    }
    return { records };
  }

  /** csv-parse's error with its line counted from the splitter's start (once: a stream keeps its error). */
  private located(err: unknown): unknown {
    if (this.failure === undefined) {
      const e = err as { lines?: number };
      if (typeof e.lines === 'number') e.lines += this.linesBefore;
      this.failure = err;
    }
    return this.failure;
  }

  /** Stop reading (the caller has what it needs). */
  destroy(): void {
    this.stream?.destroy();
  }
}

/** CR and LF bytes in bytes[from, to). */
function lineBreakBytes(bytes: Buffer, from: number, to: number): number {
  let n = 0;
  for (const byte of [0x0a, 0x0d]) {
    for (let at = bytes.indexOf(byte, from); at >= 0 && at < to; at = bytes.indexOf(byte, at + 1)) n++;
  }
  return n;
}
