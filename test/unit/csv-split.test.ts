/**
 * The CSV record splitter (src/import/formats/csv-split.ts) against csv-parse reading the same
 * bytes whole: the same records, and the same error at the same line, for seeded random files
 * cut into random chunks, and for the cases its fast path must not get wrong.
 */
import { Parser } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { RecordSplitter, csvParseOptions } from '../../src/import/formats/csv-split.js';

interface Outcome {
  records: string[][];
  error?: string;
}

/** csv-parse over the whole input, read as the reader read it before the splitter (16 KiB writes, records, then its error). */
async function whole(bytes: Buffer, delimiter: string, quote: string): Promise<Outcome> {
  const parser = new Parser(csvParseOptions(delimiter, quote));
  parser.on('error', () => undefined);
  const records: string[][] = [];
  const fail = (err: unknown): Outcome => {
    const e = err as { code?: string; lines?: number };
    return { records, error: `${e.code} line ${e.lines}` };
  };
  for (let at = 0; at < bytes.length; at += 16 * 1024) {
    parser.write(bytes.subarray(at, at + 16 * 1024));
    for (let r = parser.read() as string[] | null; r !== null; r = parser.read() as string[] | null) records.push(r);
    if (parser.errored) return fail(parser.errored);
  }
  parser.end();
  try {
    for await (const r of parser as AsyncIterable<string[]>) records.push(r);
  } catch (err) {
    return fail(err);
  }
  return { records };
}

async function split(bytes: Buffer, delimiter: string, quote: string, cuts: number[]): Promise<Outcome> {
  const splitter = new RecordSplitter(delimiter, quote);
  const records: string[][] = [];
  const fail = (error: unknown): Outcome => {
    const e = error as { code?: string; lines?: number };
    return { records, error: `${e.code} line ${e.lines}` };
  };
  let from = 0;
  for (const to of [...cuts, bytes.length]) {
    const s = splitter.write(bytes.subarray(from, to));
    records.push(...s.records);
    if (s.error !== undefined) return fail(s.error);
    from = to;
  }
  const last = await splitter.end();
  records.push(...last.records);
  return last.error !== undefined ? fail(last.error) : { records };
}

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'Coffee', '42.50', '-3', ' ', '  ', '\t', '\f', '\u3000', '\u00a0', '星巴克', ',', ';', '|', '"', '""', "'", '\r', '\n', '\r\n', 'x"y', '"q,uoted"', '"multi\nline"', '\ufeff'];

function randomFile(rnd: () => number, lineEnd: string, delimiter: string, quoteRate: number): string {
  const lines: string[] = [];
  const n = 1 + Math.floor(rnd() * 40);
  for (let i = 0; i < n; i++) {
    const cells: string[] = [];
    const k = Math.floor(rnd() * 5);
    for (let c = 0; c <= k; c++) {
      let cell = '';
      const parts = Math.floor(rnd() * 4);
      for (let p = 0; p < parts; p++) {
        const piece = PIECES[Math.floor(rnd() * PIECES.length)]!;
        if (piece.includes('"') && rnd() > quoteRate) continue;
        cell += piece;
      }
      cells.push(rnd() < quoteRate / 2 ? `"${cell.replace(/"/g, '""')}"` : cell);
    }
    lines.push(cells.join(delimiter));
  }
  return lines.join(lineEnd) + (rnd() < 0.7 ? lineEnd : '');
}

function randomCuts(rnd: () => number, length: number): number[] {
  const cuts = new Set<number>();
  const n = Math.floor(rnd() * 6);
  for (let i = 0; i < n; i++) cuts.add(Math.floor(rnd() * (length + 1)));
  return [...cuts].sort((a, b) => a - b);
}

describe('RecordSplitter', () => {
  it('gives csv-parse\'s records and errors for 3,000 seeded random files in random chunks', async () => {
    const rnd = random(20261205);
    let withError = 0;
    let fastOnly = 0;
    for (let i = 0; i < 3000; i++) {
      const lineEnd = ['\n', '\r\n', '\r'][i % 3]!;
      const delimiter = [',', ';', '\t', '|'][Math.floor(i / 3) % 4]!;
      const text = randomFile(rnd, lineEnd, delimiter, [0, 0.05, 0.3, 1][i % 3 === 0 ? 0 : Math.floor(rnd() * 4)]!);
      const bytes = Buffer.from(text);
      const cuts = randomCuts(rnd, bytes.length);
      const quote = i % 7 === 6 ? "'" : '"';
      const expected = await whole(bytes, delimiter, quote);
      const got = await split(bytes, delimiter, quote, cuts);
      expect(got, `file ${i}: ${JSON.stringify(text)} cut at ${cuts}`).toEqual(expected);
      if (expected.error) withError++;
      if (!text.includes('"')) fastOnly++;
    }
    // The cases were mixed: some with errors, many without any quote.
    expect(withError).toBeGreaterThan(50);
    expect(fastOnly).toBeGreaterThan(500);
  });

  it('trims unquoted cells as csv-parse does: left only CR, LF, form feed, space and tab; right all white space', async () => {
    const text = 'a,b\n \f\tx\u3000 ,\u3000\u00a0\n\u2003y\ufeff,  \n';
    const got = await split(Buffer.from(text), ',', '"', [3]);
    expect(got).toEqual(await whole(Buffer.from(text), ',', '"'));
    expect(got.records).toEqual([['a', 'b'], ['x', ''], ['\u2003y', '']]);
  });

  it('keeps empty lines as records and reads a last line without a line end', async () => {
    const text = 'a,b\n\n1,2\n   \n3,4';
    const got = await split(Buffer.from(text), ',', '"', [5, 6]);
    expect(got.records).toEqual([['a', 'b'], [''], ['1', '2'], [''], ['3', '4']]);
    expect(got).toEqual(await whole(Buffer.from(text), ',', '"'));
  });

  it('a lone quote inside an unquoted cell, then a quoted cell over two lines: records as csv-parse reads them', async () => {
    const text = 'd,t,a\n1,ab"c,2\n2,"x\ny",3\n3,z,4\n';
    const got = await split(Buffer.from(text), ',', '"', [9, 20]);
    expect(got).toEqual(await whole(Buffer.from(text), ',', '"'));
    expect(got.records).toEqual([['d', 't', 'a'], ['1', 'ab"c', '2'], ['2', 'x\ny', '3'], ['3', 'z', '4']]);
  });

  it('an unclosed quote 2,000 lines in: the error and line csv-parse gives, after the records before it', async () => {
    const lines = ['date,text,amount'];
    for (let i = 0; i < 2000; i++) lines.push(`2026-01-01,shop ${i},-1.00`);
    lines.push('2026-01-02,"never closed,-2.00', '2026-01-03,after,-3.00');
    const bytes = Buffer.from(lines.join('\n') + '\n');
    const got = await split(bytes, ',', '"', [1000, 30_000]);
    const expected = await whole(bytes, ',', '"');
    expect(expected.error).toMatch(/^CSV_QUOTE_NOT_CLOSED/);
    expect(got).toEqual(expected);
  });

  it('reads cells quoted whole as csv-parse does, and leaves every other use of quotes to it', async () => {
    const lines = [
      '"Date","Text","Amount"',
      '"2026-01-02","Coffee, large","-3.50"',
      '"",x,"  padded  "',
      '2026-01-03,"工资 ACME Co., Ltd.",100',
      '"a""b",c', // a doubled quote
      ' "lead",x', // space before the opening quote
      '"trail" ,x', // space after the closing quote
      'ab"c,d', // a quote inside an unquoted cell
      '"over',
      'two lines",e',
      '"end",',
      '"x"y,z', // text after the closing quote
    ];
    for (const lineEnd of ['\n', '\r\n']) {
      const bytes = Buffer.from(lines.join(lineEnd) + lineEnd);
      for (const cuts of [[], [7], [40, 41, 90]]) {
        const got = await split(bytes, ',', '"', cuts);
        expect(got, `${JSON.stringify(lineEnd)} cut at ${cuts}`).toEqual(await whole(bytes, ',', '"'));
      }
    }
    const got = await split(Buffer.from(lines.join('\n')), ',', '"', []);
    expect(got.records.slice(1, 4)).toEqual([['2026-01-02', 'Coffee, large', '-3.50'], ['', 'x', '  padded  '], ['2026-01-03', '工资 ACME Co., Ltd.', '100']]);
  });

  it('a delimiter of more than one byte leaves the whole file to csv-parse', async () => {
    const text = 'a;;b\n1;;2\n"x";;y\n';
    const got = await split(Buffer.from(text), ';;', '"', [4]);
    expect(got.records).toEqual([['a', 'b'], ['1', '2'], ['x', 'y']]);
  });
});
