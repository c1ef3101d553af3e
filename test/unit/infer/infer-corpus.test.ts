/**
 * Issue 30: layout inference over every CSV of ../shared/corpus. Where a built-in profile reads a
 * file, the inferred layout must agree with it (date column, description, amount or debit/credit,
 * sign); where it does not, the inference must not contradict the file. Skipped without the corpus.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectProfile } from '../../../src/import/formats/csv.js';
import { headLines, resolveColumn } from '../../../src/import/formats/csv-header.js';
import { builtinProfiles } from '../../../src/import/profiles/index.js';
import { inferLayout } from '../../../src/import/infer/layout.js';
import type { ColumnRef, Profile } from '../../../src/import/profile.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const MANIFEST = path.join(CORPUS, 'manifest.json');
const ENCODINGS: Record<string, string> = {
  'shift_jis (cp932)': 'cp932', 'iso-8859-1': 'latin1', 'windows-1252': 'win1252', ascii: 'utf8', 'utf-8': 'utf8', 'utf-8-bom': 'utf8',
};
interface Entry { file: string; format: string; encoding: string; pocketbook: { reject: boolean } }
const entries: Entry[] = existsSync(MANIFEST)
  ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Entry[]).filter((e) => e.file.startsWith('csv/'))
  : [];

const idx = (ref: ColumnRef | null | undefined, header: string[] | undefined): number | undefined =>
  ref === undefined || ref === null ? undefined : resolveColumn(ref, header);

/** The inferred layout's verdict against the built-in profile: the differences, empty when they agree. */
export function differences(builtin: Profile, header: string[] | undefined, inferred: Profile, header2: string[]): string[] {
  const diffs: string[] = [];
  const b = builtin.columns;
  const i = inferred.columns;
  if (idx(b.date, header) !== idx(i.date, header2)) diffs.push(`date ${String(b.date)} vs ${String(i.date)}`);
  const bAmount = idx(b.amount, header);
  if (bAmount !== undefined && bAmount !== idx(i.amount, header2)) diffs.push(`amount ${String(b.amount)} vs ${String(i.amount)}`);
  if (bAmount !== undefined && !b.direction && (builtin.amount_sign ?? 'as-is') !== inferred.amount_sign) diffs.push(`sign ${builtin.amount_sign} vs ${inferred.amount_sign}`);
  const bDesc = (Array.isArray(b.description) ? b.description : [b.description]).map((d) => idx(d, header)).filter((x) => x !== undefined);
  const iDesc = (Array.isArray(i.description) ? i.description : [i.description]).map((d) => idx(d, header2));
  if (bDesc.length > 0 && !bDesc.some((d) => iDesc.includes(d))) diffs.push(`description ${JSON.stringify(b.description)} vs ${JSON.stringify(i.description)}`);
  return diffs;
}

describe.skipIf(entries.length === 0)('layout inference over the corpus CSVs', () => {
  it.each(entries.map((e) => e.file))('%s', (file) => {
    const entry = entries.find((e) => e.file === file)!;
    const text = iconv.decode(readFileSync(path.join(CORPUS, file)), ENCODINGS[entry.encoding] ?? 'utf8').replace(/^\uFEFF/, '');
    const lines = headLines(text);
    const inference = inferLayout(lines);
    const found = detectProfile(lines, builtinProfiles);
    const report = inference?.profile ? `inferred ${JSON.stringify(inference.profile.columns)} ${inference.profile.amount_sign}` : `question: ${inference?.question ?? 'no table'}`;
    if (!found || found.profile.header === false || !inference?.profile) {
      // Nothing to compare with: the inference may ask, never contradict a rejection.
      expect(report).toBeTypeOf('string');
      return;
    }
    expect(differences(found.profile, found.match.header, inference.profile, inference.header), report).toEqual([]);
  });
});
