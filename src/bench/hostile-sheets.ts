/**
 * The hostile spreadsheets of issue 23 point 4, built small: each must be refused by `import`
 * with one located line, at once and in bounded memory (test/reliability/hostile-sheets.test.ts
 * runs them through the built CLI and reports time and peak RSS).
 */
import { SPDB_ROWS, WECHAT_ROWS, XLS_LAYOUT, biffStream, sheetXmlOf, xlsOf, xlsxBomb, xlsxOf } from './workbooks.js';

export interface HostileSheet {
  name: string;
  /** What the refusal says. */
  expect: RegExp;
  make(): Buffer;
}

/**
 * A WeChat bill whose sheet goes on with `extra` after its rows: the layout is detected from the
 * head, so the import reaches the reader, which must refuse what follows.
 */
const wechatThen = (extra: string): string => sheetXmlOf(WECHAT_ROWS).replace('</sheetData>', `${extra}</sheetData>`);
/** The same bill's sheet, cut off after its rows (a bomb's text follows). */
const wechatOpen = (): string => `${sheetXmlOf(WECHAT_ROWS).replace(/<\/sheetData><\/worksheet>$/, '')}<row r="99">`;

/** A compound file whose DIFAT chain points to itself (each pass listed 127 more FAT sectors: 23 KB → 2 GB). */
export function xlsDifatLoop(): Buffer {
  const S = XLS_LAYOUT.sectorSize;
  const base = xlsOf(SPDB_ROWS);
  const self = base.length / S - 1;
  const difat = Buffer.alloc(S, 0);
  difat.writeUInt32LE(self, S - 4);
  const file = Buffer.concat([base, difat, Buffer.alloc(16_384)]);
  file.writeUInt32LE(self, 0x44);
  file.writeUInt32LE(1, 0x48);
  return file;
}

/** The SPDB sheet with its last cell moved to column 65536 (BIFF8 has 256). */
export function xlsFarColumn(): Buffer {
  const stream = biffStream(SPDB_ROWS);
  stream.writeUInt16LE(65535, stream.lastIndexOf(Buffer.from([0xfd, 0x00, 0x0a, 0x00])) + 6);
  return xlsOf([], stream);
}

export const HOSTILE_SHEETS: readonly HostileSheet[] = [
  { name: 'difat-loop.xls', expect: /DIFAT chain loops|FAT lists more sectors/, make: xlsDifatLoop },
  { name: 'column-65535.xls', expect: /column 65536, beyond the 256 columns/, make: xlsFarColumn },
  {
    name: 'far-column.xlsx', expect: /cell "ZZZZZZZ7" is beyond Excel's last column/,
    make: () => xlsxOf([], { sheetXml: wechatThen('<row r="7"><c r="ZZZZZZZ7" t="inlineStr"><is><t>x</t></is></c></row>') }),
  },
  { name: 'far-row.xlsx', expect: /row number 999999999 is outside/, make: () => xlsxOf([], { sheetXml: wechatThen('<row r="999999999"/>') }) },
  { name: 'unclosed-rows.xlsx', expect: /sheet1\.xml:\d+: elements nested more than 64 deep/, make: () => xlsxOf([], { sheetXml: wechatThen('<row>'.repeat(100_000)) }) },
  {
    name: 'unclosed-si.xlsx', expect: /sharedStrings\.xml:\d+: elements nested more than 64 deep/,
    make: () => xlsxOf(WECHAT_ROWS, { sharedStrings: `<sst>${'<si><t>x'.repeat(100_000)}` }),
  },
  { name: 'bomb.xlsx', expect: /would inflate to \d+ bytes/, make: () => xlsxBomb(4500, undefined, wechatOpen()) },
  { name: 'bomb-lying.xlsx', expect: /inflates past its declared/, make: () => xlsxBomb(4500, 65_536, wechatOpen()) },
  { name: 'bomb-whitespace.xlsx', expect: /characters without a tag/, make: () => xlsxBomb(4500, 200 << 20, wechatOpen()) },
];
