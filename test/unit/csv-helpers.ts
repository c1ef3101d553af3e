/** Test helpers for the CSV reader: an in-memory Source and an event collector. */
import { PocketbookError } from '../../src/core/errors.js';
import type { NormalizedRow, SkippedRow } from '../../src/core/types.js';
import { csvReader } from '../../src/import/formats/csv.js';
import type { Profile } from '../../src/import/profile.js';
import type { ParseContext, Source } from '../../src/import/types.js';

/** A Source over a string, streamed in chunks of `chunk` bytes (ending inside a character as often as not). */
export function textSource(text: string, chunk = 7): Source {
  return {
    fileName: 'test.csv',
    encoding: 'utf-8',
    readText: async () => text,
    readBytes: async () => Buffer.from(text),
    async *streamUtf8() {
      const bytes = Buffer.from(text, 'utf8');
      for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
    },
  };
}

export function context(profile?: Profile, defaultCurrency = 'USD'): ParseContext {
  return { fileName: 'test.csv', defaultCurrency, today: '2026-11-15', ...(profile ? { profile } : {}) };
}

export interface ReadResult {
  profile?: string;
  score: number;
  rows: NormalizedRow[];
  skipped: SkippedRow[];
}

/** Detect (unless a profile is forced) and read a whole text. */
export async function readCsv(text: string, opts: { profile?: Profile; currency?: string; chunk?: number } = {}): Promise<ReadResult> {
  const ctx = context(opts.profile, opts.currency);
  const detection = csvReader.detect({ fileName: 'test.csv', head: Buffer.from(text), text, encoding: 'utf-8' }, ctx);
  const rows: NormalizedRow[] = [];
  const skipped: SkippedRow[] = [];
  for await (const event of csvReader.read(textSource(text, opts.chunk), ctx, detection)) {
    if (event.type === 'row') rows.push(event.row);
    else if (event.type === 'skip') skipped.push(event.skipped);
  }
  return { profile: detection.profile, score: detection.score, rows, skipped };
}

/** The PocketbookError a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<PocketbookError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof PocketbookError) return err;
    throw err;
  }
  throw new Error('expected a PocketbookError');
}
