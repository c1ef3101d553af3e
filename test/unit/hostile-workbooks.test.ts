/**
 * Hostile spreadsheets (issue 23 point 4): each broken .xls/.xlsx is refused with one XLS_FORMAT /
 * XLSX_FORMAT error naming what is wrong, instead of looping, allocating to a far cell or
 * inflating a bomb; real-shaped workbooks (and `<x:row>` prefixes) still read exactly.
 */
import { describe, expect, it } from 'vitest';
import { readXls } from '../../src/import/formats/china/xls.js';
import { readXlsx, readXlsxSheet } from '../../src/import/formats/china/xlsx.js';
import { xlsDifatLoop, xlsFarColumn } from '../../src/bench/hostile-sheets.js';
import { SPDB_ROWS, WECHAT_ROWS, XLS_LAYOUT, biffStream, xlsOf, xlsxBomb, xlsxOf } from '../../src/bench/workbooks.js';

function refusal(read: () => unknown): { code: string; message: string } {
  try {
    read();
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

const sheet = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
const xlsxWithSheet = (xml: string, stored = false) => xlsxOf([], { sheetXml: xml, stored });

describe('xlsx', () => {
  it('reads a namespace-prefixed workbook (<x:row>, <x:c>) exactly like the plain one', () => {
    const plain = readXlsx(xlsxOf(WECHAT_ROWS));
    expect(plain).toEqual(WECHAT_ROWS);
    expect(readXlsx(xlsxOf(WECHAT_ROWS, { prefix: 'x' }))).toEqual(WECHAT_ROWS);
    expect(readXlsx(xlsxOf(WECHAT_ROWS, { prefix: 'x', stored: true }))).toEqual(WECHAT_ROWS);
  });

  it('refuses a cell reference beyond column XFD (r="ZZZZZZZ2") without allocating to it', () => {
    const err = refusal(() => readXlsx(xlsxWithSheet(sheet('<row r="2"><c r="ZZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>'))));
    expect(err.code).toBe('XLSX_FORMAT');
    expect(err.message).toMatch(/xl\/worksheets\/sheet1\.xml:\d+: cell "ZZZZZZZ2" is beyond Excel's last column XFD/);
    expect(refusal(() => readXlsx(xlsxWithSheet(sheet('<row><c r="XFE1"><v>1</v></c></row>')))).code).toBe('XLSX_FORMAT');
    expect(readXlsx(xlsxWithSheet(sheet('<row><c r="XFD1"><v>1</v></c></row>')))[0]).toHaveLength(16_384);
  });

  it('refuses a row number beyond 1,048,576 (<row r="999999999">) at once', () => {
    const err = refusal(() => readXlsx(xlsxWithSheet(sheet('<row r="999999999"><c><v>1</v></c></row>'))));
    expect(err).toMatchObject({ code: 'XLSX_FORMAT' });
    expect(err.message).toContain('row number 999999999 is outside');
    expect(refusal(() => readXlsx(xlsxWithSheet(sheet('<row><c r="A1048577"><v>1</v></c></row>')))).code).toBe('XLSX_FORMAT');
  });

  it('refuses 100k unclosed <row>, <c> and <si> tags (a streaming parser, no lazy regexes)', () => {
    for (const tag of ['<row>', '<c>', '<row><c><is><t>']) {
      const err = refusal(() => readXlsx(xlsxWithSheet(sheet(tag.repeat(100_000)))));
      expect(err.code).toBe('XLSX_FORMAT');
      expect(err.message).toMatch(/sheet1\.xml:\d+: elements nested more than 64 deep \(unclosed tags\?\)/);
    }
    const cell = sheet('<row><c t="s"><v>0</v></c></row>');
    expect(readXlsx(xlsxOf([], { sheetXml: cell, sharedStrings: '<sst><si><t>a &amp; b</t><rPh><t>x</t></rPh></si></sst>' }))).toEqual([['a & b']]);
    const err = refusal(() => readXlsx(xlsxOf([], { sheetXml: cell, sharedStrings: `<sst>${'<si><t>x'.repeat(100_000)}` })));
    expect(err.message).toMatch(/sharedStrings\.xml:\d+: elements nested more than 64 deep/);
    const few = refusal(() => readXlsx(xlsxWithSheet(sheet('<row><c>'.repeat(5)))));
    expect(few.message).toMatch(/sheet1\.xml:\d+:\d+: unexpected close tag/);
  });

  it('refuses a sheet whose sparse cells would span more than 5M slots', () => {
    const rows = Array.from({ length: 400 }, (_, r) => `<row r="${r + 1}"><c r="XFD${r + 1}"><v>1</v></c></row>`).join('');
    expect(refusal(() => readXlsx(xlsxWithSheet(sheet(rows)))).message).toContain('spans more than 5000000 cells');
  });

  it('refuses a zip bomb: declared honestly, lying about its size, or under the budget but all whitespace', () => {
    const bomb = xlsxBomb(4500); // 4.5 MB of file, 4.5 GB of spaces
    expect(bomb.length).toBeLessThan(6_000_000);
    expect(refusal(() => readXlsx(bomb)).message).toMatch(/would inflate to \d+ bytes, more than the \d+ allowed/);
    expect(refusal(() => readXlsx(xlsxBomb(4500, 4096))).message).toContain('inflates past its declared 4096 bytes');
    expect(refusal(() => readXlsx(xlsxBomb(4500, 200 << 20))).message).toMatch(/more than 1048576 characters without a tag/);
  });

  it('refuses a part that does not inflate, with the part named', () => {
    const good = xlsxOf(WECHAT_ROWS);
    const broken = Buffer.from(good);
    const at = broken.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 24;
    broken.fill(0xff, at, at + 40);
    const err = refusal(() => readXlsxSheet(broken));
    expect(err.code).toBe('XLSX_FORMAT');
    expect(err.message).toContain('xl/worksheets/sheet1.xml');
  });
});

describe('xls', () => {
  const S = XLS_LAYOUT.sectorSize;
  const sectorAt = (i: number) => (i + 1) * S;

  it('the made-up workbook reads back exactly', () => {
    expect(readXls(xlsOf(SPDB_ROWS))).toEqual(SPDB_ROWS);
  });

  it('refuses a DIFAT chain that points to itself (23 KB → 2 GB before)', () => {
    const err = refusal(() => readXls(xlsDifatLoop()));
    expect(err).toMatchObject({ code: 'XLS_FORMAT' });
    expect(err.message).toMatch(/DIFAT chain loops|FAT lists more sectors than the file holds/);
  });

  it('refuses a FAT chain that loops, a sector outside the file, a stream larger than the file, odd sector sizes', () => {
    const loop = xlsOf(SPDB_ROWS);
    const last = XLS_LAYOUT.firstStreamSector + 4096 / S - 1;
    loop.writeUInt32LE(XLS_LAYOUT.firstStreamSector, sectorAt(XLS_LAYOUT.fatSector) + last * 4);
    expect(refusal(() => readXls(loop)).message).toContain('the Workbook chain loops');

    const far = xlsOf(SPDB_ROWS);
    far.writeUInt32LE(0x00ffff00, 0x30);
    expect(refusal(() => readXls(far)).message).toMatch(/directory chain points to sector \d+, outside the file/);

    const huge = xlsOf(SPDB_ROWS);
    huge.writeUInt32LE(0x7fffffff, sectorAt(XLS_LAYOUT.dirSector) + 128 + 0x78);
    expect(refusal(() => readXls(huge)).message).toContain('more than the file holds');

    const shift = xlsOf(SPDB_ROWS);
    shift.writeUInt16LE(30, 0x1e);
    expect(refusal(() => readXls(shift)).message).toContain('sector size 2^30');
  });

  it('refuses a cell in column 65535 and reads a cell in the last row without allocating more than the sheet', () => {
    const err = refusal(() => readXls(xlsFarColumn()));
    expect(err).toMatchObject({ code: 'XLS_FORMAT' });
    expect(err.message).toContain('column 65536, beyond the 256 columns');

    const deep = biffStream(SPDB_ROWS);
    deep.writeUInt16LE(65535, deep.lastIndexOf(Buffer.from([0xfd, 0x00, 0x0a, 0x00])) + 4);
    expect(readXls(xlsOf([], deep))).toHaveLength(65_536);
  });

  it('reads a string table whose count lies (0xFFFFFFFF) as far as its bytes go', () => {
    const stream = biffStream(SPDB_ROWS);
    const sst = stream.indexOf(Buffer.from([0xfc, 0x00]));
    stream.writeUInt32LE(0xffffffff, sst + 4 + 4);
    expect(readXls(xlsOf([], stream))).toEqual(SPDB_ROWS);
  });

  it('refuses a cell record cut short instead of reading past it', () => {
    const stream = biffStream(SPDB_ROWS);
    const at = stream.lastIndexOf(Buffer.from([0xfd, 0x00, 0x0a, 0x00]));
    stream.writeUInt16LE(0x0203, at); // NUMBER needs 14 bytes; this record has 10
    expect(refusal(() => readXls(xlsOf([], stream))).message).toContain('is cut short');
  });
});
