/**
 * Every foundation CSV of ../shared/corpus: detected as the right layout with a unique top score,
 * read, and compared with the manifest's `pocketbook` expectations. Skipped when the corpus is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { formatMinor } from '../../src/core/money.js';
import { scoreProfiles } from '../../src/import/formats/csv.js';
import { headLines } from '../../src/import/formats/csv-header.js';
import { builtinProfiles } from '../../src/import/profiles/index.js';
import { readCsv, rejection } from './csv-helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const MANIFEST = path.join(CORPUS, 'manifest.json');

interface Expect {
  owner: string;
  reject: boolean;
  entries: number | null;
  skipped: number | null;
  sum: string | null;
  sum_by_currency: Record<string, string> | null;
  first_date: string | null;
  last_date: string | null;
}
interface Entry {
  file: string;
  format: string;
  encoding: string;
  currency: string | null;
  pocketbook: Expect;
}

const ENCODINGS: Record<string, string> = {
  'shift_jis (cp932)': 'cp932', 'iso-8859-1': 'latin1', 'windows-1252': 'win1252', ascii: 'utf8', 'utf-8': 'utf8', 'utf-8-bom': 'utf8',
};

function decodeFile(entry: Entry): string {
  const encoding = ENCODINGS[entry.encoding];
  if (!encoding) throw new Error(`no mapping for encoding ${entry.encoding}`);
  const text = iconv.decode(readFileSync(path.join(CORPUS, entry.file)), encoding);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const entries: Entry[] = existsSync(MANIFEST)
  ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Entry[]).filter((e) => e.format === 'csv' && e.pocketbook.owner === 'foundation')
  : [];

describe.skipIf(entries.length === 0)('foundation CSVs of the corpus', () => {
  for (const entry of entries) {
    it(entry.file, async () => {
      const text = decodeFile(entry);
      const scores = scoreProfiles(headLines(text), builtinProfiles);
      expect(scores.length, 'some built-in profile matches').toBeGreaterThan(0);
      expect(scores[0]!.score, `unique top score: ${JSON.stringify(scores.slice(0, 3))}`).toBeGreaterThan(scores[1]?.score ?? 0);
      const pb = entry.pocketbook;
      const currency = entry.currency ?? 'USD';
      if (pb.reject) {
        const err = await rejection(readCsv(text, { currency }));
        expect(err.location?.line).toBeGreaterThan(0);
        return;
      }
      const result = await readCsv(text, { currency });
      expect(result.profile).toBe(scores[0]!.name);
      if (pb.entries !== null) expect(result.rows.length).toBe(pb.entries);
      if (pb.skipped !== null) expect(result.skipped.length).toBe(pb.skipped);
      const totals = new Map<string, number>();
      for (const row of result.rows) totals.set(row.currency, (totals.get(row.currency) ?? 0) + row.amount);
      if (pb.sum_by_currency) {
        const got = Object.fromEntries([...totals].map(([c, minor]) => [c, formatMinor(minor, c)]));
        expect(got).toEqual(normalizeSums(pb.sum_by_currency));
      } else if (pb.sum !== null) {
        expect(totals.size).toBe(1);
        const [c, minor] = [...totals][0]!;
        expect(formatMinor(minor, c)).toBe(normalizeSum(pb.sum, c));
      }
      const dates = result.rows.map((r) => r.date).sort();
      if (pb.first_date !== null) expect(dates[0]).toBe(pb.first_date);
      if (pb.last_date !== null) expect(dates[dates.length - 1]).toBe(pb.last_date);
    });
  }
});

/** A manifest sum written with the currency's own number of decimals ("-14924" JPY, "14.50" USD). */
function normalizeSum(sum: string, currency: string): string {
  const [whole = '0', fraction = ''] = sum.split('.');
  const exponent = currency === 'JPY' ? 0 : 2;
  return exponent === 0 ? whole : `${whole}.${fraction.padEnd(exponent, '0')}`;
}

function normalizeSums(sums: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(sums).map(([c, s]) => [c, normalizeSum(s, c)]));
}
