/** OTP Bank (Hungary) .xlsx reader: the corpus workbook against its manifest, plus made-up workbooks. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMinor } from '../../src/core/money.js';
import { isPocketbookError } from '../../src/core/errors.js';
import { READERS } from '../../src/import/registry.js';
import type { ReaderEvent, Sniff, Source } from '../../src/import/types.js';
import { otpReader } from '../../src/import/formats/other/otp.js';
import { readXlsx, readXlsxSheet } from '../../src/import/formats/china/xlsx.js';
import { CORPUS, corpusEntries, ctxFor, expectMatchesManifest, rowsOf } from './ofx-helpers.js';

const sniffOf = (fileName: string, bytes: Buffer): Sniff => ({ fileName, head: bytes.subarray(0, 65536), text: '', encoding: 'binary' });
const sourceOf = (fileName: string, bytes: Buffer): Source => ({
  fileName,
  encoding: 'binary',
  readText: async () => '',
  readBytes: async () => bytes,
  async *streamUtf8() {
    yield Buffer.alloc(0);
  },
});

async function readAll(fileName: string, bytes: Buffer): Promise<ReaderEvent[]> {
  const events: ReaderEvent[] = [];
  for await (const ev of otpReader.read(sourceOf(fileName, bytes), ctxFor(fileName, 'EUR'), { score: 100 })) events.push(ev);
  return events;
}

/** A zip of stored (uncompressed) parts, local headers only (the reader falls back to them). */
function zip(parts: Record<string, string>): Buffer {
  const chunks: Buffer[] = [];
  for (const [name, text] of Object.entries(parts)) {
    const data = Buffer.from(text, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(data.length, 22);
    h.writeUInt16LE(nameBuf.length, 26);
    chunks.push(h, nameBuf, data);
  }
  return Buffer.concat(chunks);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
type Cell = string | number;
function sheetXml(rows: { cells: Cell[]; hidden?: boolean }[]): string {
  const body = rows
    .map((row, r) => {
      const cells = row.cells
        .map((c, i) => {
          const ref = `${String.fromCharCode(65 + i)}${r + 1}`;
          if (typeof c === 'number') return `<c r="${ref}" t="n"><v>${c}</v></c>`;
          return c === '' ? '' : `<c r="${ref}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}"${row.hidden ? ' hidden="1"' : ''}>${cells}</row>`;
    })
    .join('');
  return `<worksheet><sheetData>${body}</sheetData></worksheet>`;
}

/** A workbook whose sheets are listed in order; `hidden` sheets carry state="hidden". */
function workbook(sheets: { rows: { cells: Cell[]; hidden?: boolean }[]; hidden?: boolean }[], date1904 = false): Buffer {
  const parts: Record<string, string> = {
    'xl/workbook.xml': `<workbook><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets>${sheets
      .map((s, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships>${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}</Relationships>`,
  };
  sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(s.rows)));
  return zip(parts);
}

const HEADER = ['Számlaszám', 'Ellenoldali számlaszám', 'Ellenoldali név', 'Forgalom típusa', 'Közlemény', 'Tranzakció kategória',
  'Banki azonosító', 'Tranzakció időpontja', 'Könyvelés dátuma', 'Összeg', 'Devizanem'];
const ACC = '11773016-01234567';
const row = (time: Cell, booked: string, amount: Cell, name = 'Bolt', memo = 'vásárlás', cur = 'HUF'): Cell[] =>
  [ACC, '', name, 'VÁSÁRLÁS KÁRTYÁVAL', memo, 'Egyéb', 'ID1', time, booked, amount, cur];

const entries = corpusEntries(['xlsx']).filter((e) => e.file.includes('otp__'));

describe.skipIf(entries.length === 0)('OTP corpus workbook', () => {
  for (const entry of entries) {
    it(entry.file, async () => {
      const file = path.join(CORPUS, entry.file);
      if (!existsSync(file)) return;
      const bytes = readFileSync(file);
      const name = path.basename(entry.file);
      const sniff = sniffOf(name, bytes);
      // Detected by its header cells alone, and no other reader claims it as strongly.
      const scores = READERS.map((r) => [r.id, r.detect(sniff, ctxFor(name)).score] as const);
      const mine = scores.find(([id]) => id === 'otp')?.[1] ?? 0;
      expect(mine).toBe(100);
      expect(scores.filter(([id, s]) => id !== 'otp' && s >= mine)).toEqual([]);

      const events = await readAll(name, bytes);
      expectMatchesManifest(entry, events, expect, formatMinor);
      const rows = rowsOf(events);
      expect(new Set(rows.map((r) => r.currency))).toEqual(new Set(['HUF']));
      // The statement names the bank, currency and first account; two accounts in one sheet → each row names its own.
      expect(events[0]).toEqual({
        type: 'statement',
        account: { type: 'checking', institution: 'OTP Bank', currency: 'HUF', number: '11111111-22222222' },
      });
      expect(new Set(rows.map((r) => r.account?.number))).toEqual(new Set(['11111111-22222222', '33333333-44444444']));
      // The real-datetime cell (45298.78125) and fractional HUF.
      const mol = rows.find((r) => r.counterparty === 'MOL TOLTOALLOMAS')!;
      expect(mol).toMatchObject({ date: '2024-01-07', time: '18:45:00', amount: -1550050, description: 'MOL TOLTOALLOMAS / Tankolás' });
      expect(rows.find((r) => r.description.includes('Havi kamat'))?.amount).toBe(1250);
      expect(rows.find((r) => r.counterparty === 'SPAR MAGYARORSZAG KFT')).toMatchObject({ time: '09:15:00', externalId: '2024010209150011001' });
      const skips = events.flatMap((e) => (e.type === 'skip' ? [e.skipped] : []));
      expect(skips).toEqual([
        { line: 18, reason: 'hidden row (filtered out in the workbook)' },
        { line: 19, reason: 'not booked yet (no Könyvelés dátuma)' },
      ]);
    });
  }
});

describe('OTP reader on made-up workbooks', () => {
  it('reads the first visible sheet, text amounts with a decimal comma and Hungarian dates; one account → statement number', async () => {
    const bytes = workbook([
      { hidden: true, rows: [{ cells: HEADER }, { cells: row('2024-03-01 10:00:00', '2024-03-01', -1) }] },
      {
        rows: [
          { cells: ['Számlatörténet'] },
          { cells: ['Számlaszám', `[${ACC}]`] },
          { cells: [] },
          { cells: HEADER },
          { cells: row('2024.03.02. 08:05:00', '2024.03.02.', '-1 234,50', 'Pék', '') },
          { cells: row('', '2024-03-04', 500000, 'Munkáltató', 'Bér') },
          { cells: [] },
        ],
      },
    ]);
    expect(otpReader.detect(sniffOf('x.xlsx', bytes), ctxFor('x.xlsx')).score).toBe(100);
    const events = await readAll('x.xlsx', bytes);
    expect(events[0]).toEqual({ type: 'statement', account: { type: 'checking', institution: 'OTP Bank', currency: 'HUF', number: ACC } });
    expect(rowsOf(events).map((r) => [r.line, r.date, r.time, r.amount, r.description])).toEqual([
      [5, '2024-03-02', '08:05:00', -123450, 'Pék'],
      [6, '2024-03-04', undefined, 50000000, 'Munkáltató / Bér'],
    ]);
  });

  it('honours date1904 workbooks for datetime cells', async () => {
    const bytes = workbook([{ rows: [{ cells: HEADER }, { cells: row(43836.5, '2024-01-07', -10) }] }], true);
    expect(rowsOf(await readAll('y.xlsx', bytes))[0]).toMatchObject({ date: '2024-01-07', time: '12:00:00' });
  });

  it('stops at a bad date with a located error and nothing read', async () => {
    const bytes = workbook([{ rows: [{ cells: HEADER }, { cells: row('yesterday', '2024-01-07', -10) }] }]);
    const err = await readAll('bad.xlsx', bytes).catch((e: unknown) => e);
    expect(isPocketbookError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'BAD_INPUT', location: { file: 'bad.xlsx', line: 2 } });
    expect((err as Error).message).toMatch(/Tranzakció időpontja "yesterday" is not a date/);
  });

  it('does not claim other workbooks or text files', () => {
    const other = workbook([{ rows: [{ cells: ['Date', 'Amount', 'Currency', 'Összeg'] }, { cells: ['2024-01-01', 5, 'HUF', 5] }] }]);
    expect(otpReader.detect(sniffOf('o.xlsx', other), ctxFor('o.xlsx')).score).toBe(0);
    const csv: Sniff = { fileName: 'o.csv', head: Buffer.from(HEADER.join(',')), text: HEADER.join(','), encoding: 'utf-8' };
    expect(otpReader.detect(csv, ctxFor('o.csv')).score).toBe(0);
  });

  it('readXlsxSheet exposes hidden rows and cell types; readXlsx stays the first sheet as text', () => {
    const bytes = workbook([
      { hidden: true, rows: [{ cells: ['hidden sheet'] }] },
      { rows: [{ cells: ['a', 1.5] }, { cells: ['b'], hidden: true }] },
    ]);
    expect(readXlsx(bytes)).toEqual([['hidden sheet']]);
    const sheet = readXlsxSheet(bytes, { visibleOnly: true });
    expect(sheet.grid).toEqual([['a', '1.5'], ['b']]);
    expect(sheet.types).toEqual([['inlineStr', 'n'], ['inlineStr']]);
    expect([...sheet.hiddenRows]).toEqual([1]);
    expect(sheet.date1904).toBe(false);
  });
});
