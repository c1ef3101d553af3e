/**
 * Every corpus file owned by 'wallets' is detected (unique top score against every reader) and read
 * with the manifest's entries, skipped rows, neutral (transfer) rows, holder-view sum and dates.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { READERS } from '../../../src/import/registry.js';
import { chinaReaders } from '../../../src/import/formats/china/index.js';
import { formatMinor } from '../../../src/core/money.js';
import { CORPUS, ctx, readAll, sniffOf } from './helpers.js';

interface Expected {
  owner: string;
  entries: number;
  skipped: number;
  neutral: number;
  sum: string | null;
  sum_by_currency: Record<string, string> | null;
  first_date: string;
  last_date: string;
}
interface Entry {
  file: string;
  pocketbook: Expected;
}

const manifestPath = path.join(CORPUS, 'manifest.json');
const entries: Entry[] = fs.existsSync(manifestPath)
  ? (JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Entry[]).filter((e) => e.pocketbook?.owner === 'wallets')
  : [];

describe.skipIf(entries.length === 0)('wallet and Chinese bank corpus', () => {
  it.each(entries.map((e) => [e.file, e] as const))('%s', async (file, entry) => {
    const buf = fs.readFileSync(path.join(CORPUS, file));
    const sniff = sniffOf(path.basename(file), buf);
    const scored = READERS.map((r) => ({ r, d: r.detect(sniff, ctx(file)) })).sort((a, b) => b.d.score - a.d.score);
    const top = scored[0]!;
    expect(top.d.score).toBeGreaterThan(0);
    expect(scored[1]?.d.score ?? 0, `tie with ${scored[1]?.r.id}`).toBeLessThan(top.d.score);
    expect(chinaReaders).toContain(top.r);

    const got = await readAll(top.r, path.basename(file), buf);
    const want = entry.pocketbook;
    expect(got.rows.length, 'entries').toBe(want.entries);
    expect(got.skipped.length, 'skipped').toBe(want.skipped);
    expect(got.rows.filter((r) => r.kind === 'transfer').length, 'neutral').toBe(want.neutral);
    const sums = new Map<string, number>();
    for (const r of got.rows) if (r.kind !== 'transfer') sums.set(r.currency, (sums.get(r.currency) ?? 0) + r.amount);
    if (want.sum_by_currency) {
      const shown = Object.fromEntries([...sums].map(([c, v]) => [c, formatMinor(v, c)]));
      expect(shown).toEqual(want.sum_by_currency);
    } else {
      const total = [...sums.values()].reduce((a, b) => a + b, 0);
      expect(formatMinor(total, 'CNY'), 'sum').toBe(want.sum);
    }
    const dates = got.rows.map((r) => r.date).sort();
    expect(dates[0]).toBe(want.first_date);
    expect(dates[dates.length - 1]).toBe(want.last_date);
    expect(got.statements.length).toBe(1);
  });
});
