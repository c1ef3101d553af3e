/** Shared helpers for the China reader tests: decode a file like the pipeline does and run a reader. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bomEncoding, decode, isBinaryContainer, isValidUtf8 } from '../../../src/import/encoding.js';
import type { Reader, ReaderEvent, Sniff, Source, ParseContext, StatementBalance } from '../../../src/import/types.js';
import type { NormalizedRow, SkippedRow, AccountHint } from '../../../src/core/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CORPUS = path.resolve(ROOT, '../shared/corpus');

export function encodingOf(buf: Buffer): string {
  if (isBinaryContainer(buf)) return 'binary';
  if (bomEncoding(buf)) return bomEncoding(buf)!;
  return isValidUtf8(buf) ? 'utf-8' : 'gb18030';
}

export function sniffOf(fileName: string, buf: Buffer): Sniff {
  const encoding = encodingOf(buf);
  const head = buf.subarray(0, 64 * 1024);
  return { fileName, head, encoding, text: encoding === 'binary' ? '' : decode(head, encoding) };
}

export function sourceOf(fileName: string, buf: Buffer): Source {
  const encoding = encodingOf(buf);
  const text = encoding === 'binary' ? '' : decode(buf, encoding);
  return {
    fileName,
    encoding,
    readText: async () => text,
    readBytes: async () => buf,
    streamUtf8: async function* () {
      yield Buffer.from(text, 'utf8');
    },
  };
}

export const ctx = (fileName: string, today = '2026-10-15'): ParseContext => ({ fileName, defaultCurrency: 'CNY', today });

export interface ReadResult {
  rows: NormalizedRow[];
  skipped: SkippedRow[];
  statements: AccountHint[];
  balances: StatementBalance[];
}

export async function readAll(reader: Reader, fileName: string, buf: Buffer, today?: string): Promise<ReadResult> {
  const c = ctx(fileName, today);
  const detection = reader.detect(sniffOf(fileName, buf), c);
  const out: ReadResult = { rows: [], skipped: [], statements: [], balances: [] };
  const events = reader.read(sourceOf(fileName, buf), c, detection) as AsyncIterable<ReaderEvent> | Iterable<ReaderEvent>;
  for await (const e of events) {
    if (e.type === 'row') out.rows.push(e.row);
    else if (e.type === 'skip') out.skipped.push(e.skipped);
    else if (e.type === 'balance') out.balances.push(e.balance);
    else out.statements.push(e.account);
  }
  return out;
}

export function readFixture(name: string): Buffer {
  return fs.readFileSync(path.join(ROOT, 'test/fixtures/china', name));
}
