/** Shared helpers for the OFX/QIF/camt reader tests: run a reader on text and the corpus manifest. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NormalizedRow } from '../../src/core/types.js';
import type { ParseContext, Reader, ReaderEvent, Source } from '../../src/import/types.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'ofx');

export interface ManifestEntry {
  file: string;
  format: string;
  pocketbook: {
    owner: string;
    reject: boolean;
    entries: number | null;
    skipped: number | null;
    sum: string | null;
    sum_by_currency: Record<string, string> | null;
    first_date: string | null;
    last_date: string | null;
  };
}

/** Manifest entries with one of `formats`, or [] when the corpus is absent. */
export function corpusEntries(formats: readonly string[]): ManifestEntry[] {
  const manifest = path.join(CORPUS, 'manifest.json');
  if (!existsSync(manifest)) return [];
  const all = JSON.parse(readFileSync(manifest, 'utf8')) as ManifestEntry[];
  return all.filter((e) => formats.includes(e.format));
}

export function ctxFor(fileName: string, defaultCurrency = 'USD'): ParseContext {
  return { fileName, defaultCurrency, today: '2026-11-15' };
}

export function textSource(fileName: string, text: string): Source {
  return {
    fileName,
    encoding: 'utf-8',
    readText: async () => text,
    readBytes: async () => Buffer.from(text, 'utf8'),
    async *streamText() {
      yield text;
    },
  };
}

export async function collect(reader: Reader, fileName: string, text: string, ctx = ctxFor(fileName)): Promise<ReaderEvent[]> {
  const events: ReaderEvent[] = [];
  for await (const ev of reader.read(textSource(fileName, text), ctx, { score: 100 })) events.push(ev);
  return events;
}

export const rowsOf = (events: readonly ReaderEvent[]): NormalizedRow[] =>
  events.flatMap((e) => (e.type === 'row' ? [e.row] : []));

/** Sum of rows per currency, in minor units. */
export function sums(rows: readonly NormalizedRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.currency, (out.get(r.currency) ?? 0) + r.amount);
  return out;
}
