/** Every QIF and camt file of ../shared/corpus through detect + read, against the manifest. Skipped without the corpus. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMinor } from '../../src/core/money.js';
import { decode, declaredEncoding } from '../../src/import/encoding.js';
import { READERS } from '../../src/import/registry.js';
import { camtReader } from '../../src/import/formats/other/camt.js';
import { qifReader } from '../../src/import/formats/other/qif.js';
import type { Reader } from '../../src/import/types.js';
import { CORPUS, collect, corpusEntries, ctxFor, expectMatchesManifest } from './ofx-helpers.js';

const FORMATS: readonly [string, Reader][] = [
  ['qif', qifReader],
  ['camt', camtReader],
];

for (const [format, reader] of FORMATS) {
  const entries = corpusEntries([format]);
  describe.skipIf(entries.length === 0)(`${format} corpus`, () => {
    for (const entry of entries) {
      it(entry.file, async () => {
        const bytes = readFileSync(path.join(CORPUS, entry.file));
        const encoding = declaredEncoding(bytes) ?? 'utf-8';
        const text = decode(bytes, encoding);
        const name = path.basename(entry.file);
        const sniff = { fileName: name, head: bytes.subarray(0, 65536), text: text.slice(0, 65536), encoding };
        // Detected from the content alone, and no other reader claims the file as strongly.
        const scores = READERS.map((r) => [r.id, r.detect(sniff, ctxFor(name)).score] as const);
        const mine = scores.find(([id]) => id === reader.id)?.[1] ?? 0;
        expect(mine).toBe(100);
        expect(scores.filter(([id, s]) => id !== reader.id && s >= mine)).toEqual([]);
        expectMatchesManifest(entry, await collect(reader, name, text), expect, formatMinor);
      });
    }
  });
}
