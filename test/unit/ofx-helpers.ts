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
    async *streamUtf8() {
      yield Buffer.from(text, 'utf8');
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

/** Check a reader's events against a manifest entry's `pocketbook` expectations (reject files excluded). */
export function expectMatchesManifest(
  entry: ManifestEntry,
  events: readonly ReaderEvent[],
  expect: (v: unknown, msg?: string) => { toBe(v: unknown): void; toEqual(v: unknown): void; toBeLessThanOrEqual(v: number): void },
  formatMinor: (minor: number, currency: string) => string,
): void {
  const want = entry.pocketbook;
  const rows = rowsOf(events);
  expect(events[0]?.type, 'a statement comes first').toBe('statement');
  if (want.entries !== null) expect(rows.length, 'entries').toBe(want.entries);
  if (want.skipped !== null) expect(events.filter((e) => e.type === 'skip').length, 'skipped').toBe(want.skipped);
  const totals = sums(rows);
  if (want.sum_by_currency) {
    expect(Object.fromEntries([...totals].map(([cur, minor]) => [cur, formatMinor(minor, cur)])), 'sum_by_currency').toEqual(want.sum_by_currency);
  } else if (want.sum !== null) {
    expect(totals.size, 'one currency').toBeLessThanOrEqual(1);
    const [cur, minor] = [...totals][0] ?? ['USD', 0];
    expect(formatMinor(minor, cur), 'sum').toBe(want.sum);
  }
  const dates = rows.map((r) => r.date).sort();
  if (want.first_date !== null) expect(dates[0], 'first_date').toBe(want.first_date);
  if (want.last_date !== null) expect(dates[dates.length - 1], 'last_date').toBe(want.last_date);
  for (const r of rows) {
    expect(r.description.length > 0, 'description').toBe(true);
    expect(Number.isInteger(r.amount), 'integer amount').toBe(true);
  }
}
