/**
 * Every OFX/QFX file of ../shared/corpus through detect + read, checked against the manifest's
 * `pocketbook` expectations. Skipped when the corpus is absent.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PocketbookError } from '../../src/core/errors.js';
import { formatMinor } from '../../src/core/money.js';
import { decode, declaredEncoding } from '../../src/import/encoding.js';
import { ofxReader } from '../../src/import/formats/ofx.js';
import { READERS } from '../../src/import/registry.js';
import { CORPUS, collect, corpusEntries, ctxFor, expectMatchesManifest, rowsOf } from './ofx-helpers.js';

const entries = corpusEntries(['ofx', 'qfx']);

/** Windows-1252 when the header declares CHARSET:1252 (or the XML declaration another charset), else UTF-8. */
function readCorpusText(file: string): { text: string; head: Buffer; encoding: string } {
  const bytes = readFileSync(path.join(CORPUS, file));
  const encoding = declaredEncoding(bytes) ?? 'utf-8';
  return { text: decode(bytes, encoding), head: bytes.subarray(0, 64 * 1024), encoding };
}

describe.skipIf(entries.length === 0)('OFX/QFX corpus', () => {
  it('has the foundation files', () => {
    expect(entries.length).toBeGreaterThanOrEqual(20);
  });

  for (const entry of entries) {
    const want = entry.pocketbook;
    it(`${entry.file}${want.reject ? ' (reject)' : ''}`, async () => {
      const { text, head, encoding } = readCorpusText(entry.file);
      const name = path.basename(entry.file);
      const sniff = { fileName: name, head, text: text.slice(0, 64 * 1024), encoding };
      // Detected from the content, and no other reader claims the file as strongly.
      const scores = READERS.map((r) => [r.id, r.detect(sniff, ctxFor(name)).score] as const);
      expect(scores.find(([id]) => id === 'ofx')?.[1]).toBe(100);
      expect(scores.filter(([id, score]) => id !== 'ofx' && score >= 100)).toEqual([]);
      if (want.reject) {
        const err = await collect(ofxReader, name, text).then(() => undefined, (e: unknown) => e);
        expect(err).toBeInstanceOf(PocketbookError);
        const pb = err as PocketbookError;
        expect(pb.code).toMatch(/^OFX_/);
        expect(pb.location?.file).toBe(name);
        expect(pb.location?.line).toBeGreaterThan(1);
        return;
      }
      const events = await collect(ofxReader, name, text);
      expect(events.some((e) => e.type === 'statement')).toBe(true);
      expectMatchesManifest(entry, events, expect, formatMinor);
    });
  }

  it('multiple_accounts yields two statements and no entries (each with its LEDGERBAL)', async () => {
    const { text } = readCorpusText('ofx/ofxparse__multiple_accounts.ofx');
    const events = await collect(ofxReader, 'multiple_accounts.ofx', text);
    expect(events.map((e) => e.type)).toEqual(['statement', 'balance', 'statement', 'balance']);
  });

  it('latin1 file decodes the accented payee', async () => {
    const { text } = readCorpusText('ofx/autosync__accented_characters_latin1.ofx');
    const rows = rowsOf(await collect(ofxReader, 'latin1.ofx', text));
    expect(rows[0]?.description).toContain('Virement Interac à: Jean');
  });

  it('rejects each bad file with the right code', async () => {
    const codes: Record<string, string> = {
      'ofx/ofxparse__date_missing.ofx': 'OFX_DATE',
      'ofx/ofxparse__decimal_error.ofx': 'OFX_',
      'ofx/ofxparse__error_message.ofx': 'OFX_ERROR',
    };
    for (const [file, code] of Object.entries(codes)) {
      const err = await collect(ofxReader, file, readCorpusText(file).text).then(() => undefined, (e: unknown) => e);
      expect((err as PocketbookError).code).toContain(code);
    }
  });
});
