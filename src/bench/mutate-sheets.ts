/**
 * Hostile mutations of the made-up workbooks (test/fixtures/reliability/spdb-debit.xls and
 * wechat-prefixed.xlsx, which are exactly what workbooks.ts builds): byte-level damage like the
 * text fixtures get, plus structural damage aimed at the readers — compound-file sector numbers,
 * BIFF cell positions and record lengths, zip sizes and methods, cell references, nesting,
 * entities and bombs. Pure: bytes in, bytes out.
 */
import { xlsDifatLoop } from './hostile-sheets.js';
import type { Mutated, MutationSpec } from './mutate.js';
import { SPDB_ROWS, WECHAT_ROWS, XLS_LAYOUT, biffStream, sheetXmlOf, xlsOf, xlsxBomb, xlsxOf } from './workbooks.js';

const u32 = (bytes: Uint8Array): number => Buffer.from([...bytes, 0, 0, 0, 0]).readUInt32LE(0);
const u16 = (bytes: Uint8Array): number => Buffer.from([...bytes, 0, 0]).readUInt16LE(0);

/** The WeChat sheet XML with `extra` before `</sheetData>` (or spliced at `pos` with `splice`). */
function wechatSheet(extra: string): string {
  return sheetXmlOf(WECHAT_ROWS, 'x:').replace('</x:sheetData>', `${extra}</x:sheetData>`);
}

function spliceAt(text: string, pos: number, insert: string): string {
  const at = Math.floor(pos * text.length);
  return text.slice(0, at) + insert + text.slice(at);
}

/** Offsets of the BIFF cell records (LABELSST) in a stream built by biffStream. */
function cellRecords(stream: Buffer): number[] {
  const out: number[] = [];
  for (let at = stream.indexOf(Buffer.from([0xfd, 0x00, 0x0a, 0x00])); at >= 0; at = stream.indexOf(Buffer.from([0xfd, 0x00, 0x0a, 0x00]), at + 1)) out.push(at);
  return out;
}

function mutateXls(spec: MutationSpec): Mutated {
  const S = XLS_LAYOUT.sectorSize;
  const pick = (n: number) => Math.floor(spec.pos * n);
  switch (spec.n % 7) {
    case 0: {
      // a header field (sector sizes, FAT/directory/MiniFAT/DIFAT starts and counts, the DIFAT array)
      const file = xlsOf(SPDB_ROWS);
      file.writeUInt32LE(u32(spec.bytes), 0x1c + 4 * pick((0x1c0 - 0x1c) / 4));
      return { data: file, expect: 'either' };
    }
    case 1: {
      // a FAT entry: chains that loop, end early or point outside the file
      const file = xlsOf(SPDB_ROWS);
      file.writeUInt32LE(u32(spec.bytes) % 64 === 0 ? u32(spec.bytes) : u32(spec.bytes) % 16, S * (1 + XLS_LAYOUT.fatSector) + 4 * pick(16));
      return { data: file, expect: 'either' };
    }
    case 2: {
      // the Workbook directory entry's start sector or size
      const file = xlsOf(SPDB_ROWS);
      file.writeUInt32LE(u32(spec.bytes), S * (1 + XLS_LAYOUT.dirSector) + 128 + (spec.pos < 0.5 ? 0x74 : 0x78));
      return { data: file, expect: 'either' };
    }
    case 3:
      return { data: xlsDifatLoop(), expect: 'error' };
    case 4: {
      // a cell's row or column (a column past 255 must be refused)
      const stream = biffStream(SPDB_ROWS);
      const cells = cellRecords(stream);
      const at = cells[pick(cells.length)]!;
      const value = u16(spec.bytes);
      stream.writeUInt16LE(value, at + (spec.n % 2 ? 6 : 4));
      return { data: xlsOf([], stream), expect: spec.n % 2 && value > 255 ? 'error' : 'either' };
    }
    case 5: {
      // a record whose length lies
      const stream = biffStream(SPDB_ROWS);
      const cells = cellRecords(stream);
      stream.writeUInt16LE(u16(spec.bytes), cells[pick(cells.length)]! + 2);
      return { data: xlsOf([], stream), expect: 'either' };
    }
    default: {
      // the string table's count
      const stream = biffStream(SPDB_ROWS);
      stream.writeUInt32LE(u32(spec.bytes), stream.indexOf(Buffer.from([0xfc, 0x00])) + 8);
      return { data: xlsOf([], stream), expect: 'either' };
    }
  }
}

/** A zip whose sheet part's declared size (central directory and local header) is `size`. */
function lyingSize(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  for (let at = out.indexOf(name); at >= 0; at = out.indexOf(name, at + 1)) {
    if (out.readUInt32LE(at - 30) === 0x04034b50) out.writeUInt32LE(size, at - 30 + 22);
    else if (out.readUInt32LE(at - 46) === 0x02014b50) out.writeUInt32LE(size, at - 46 + 24);
  }
  return out;
}

function mutateXlsx(spec: MutationSpec): Mutated {
  const row = 10 + (spec.n % 1_000_000);
  switch (spec.n % 8) {
    case 0:
      return { data: xlsxOf([], { sheetXml: wechatSheet(`<x:row r="${row}"><x:c r="ZZZZ${row}"><x:v>1</x:v></x:c></x:row>`) }), expect: 'error' };
    case 1:
      return { data: xlsxOf([], { sheetXml: wechatSheet(`<x:row r="${1_048_577 + spec.n}"/>`) }), expect: 'error' };
    case 2:
      return { data: xlsxOf([], { sheetXml: wechatSheet('<x:row>'.repeat(100 + spec.n * 20)) }), expect: 'error' };
    case 3: {
      const open = sheetXmlOf(WECHAT_ROWS).replace(/<\/sheetData><\/worksheet>$/, '<row r="99">');
      return { data: xlsxBomb(16 + (spec.n % 48), spec.pos < 0.5 ? 4096 : undefined, open), expect: 'error' };
    }
    case 4: {
      // bytes spliced into the sheet XML, stored so the XML reader sees them
      const xml = spliceAt(sheetXmlOf(WECHAT_ROWS, 'x:'), spec.pos, Buffer.from(spec.bytes).toString('latin1'));
      return { data: xlsxOf([], { sheetXml: xml, stored: true }), expect: 'either' };
    }
    case 5:
      return { data: lyingSize(xlsxOf(WECHAT_ROWS, { prefix: 'x' }), spec.n * 7), expect: 'either' };
    case 6: {
      // an entity the XML does not define, or a DOCTYPE declaring one (never expanded)
      const evil = spec.pos < 0.5 ? '&bogus;' : '&lol9;';
      const xml = spec.pos < 0.5 ? wechatSheet(`<x:row><x:c t="inlineStr"><x:is><x:t>${evil}</x:t></x:is></x:c></x:row>`)
        : `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY lol "lol"><!ENTITY lol9 "&lol;&lol;&lol;">]>${wechatSheet(`<x:row><x:c t="inlineStr"><x:is><x:t>${evil}</x:t></x:is></x:c></x:row>`).replace(/^<\?xml[^>]*>\n?/, '')}`;
      return { data: xlsxOf([], { sheetXml: xml }), expect: 'either' };
    }
    default:
      return { data: xlsxOf(WECHAT_ROWS, { prefix: 'x', sharedStrings: `<sst>${'<si><t>x'.repeat(100 + spec.n)}` }), expect: 'error' };
  }
}

/** Byte-level kinds act on the workbook's bytes; every other kind becomes a structural mutation. */
export function mutateWorkbook(original: Buffer, kind: 'xls' | 'xlsx', spec: MutationSpec): Mutated {
  const at = Math.floor(spec.pos * original.length);
  const splice = (insert: Buffer, remove = 0) => Buffer.concat([original.subarray(0, at), insert, original.subarray(at + remove)]);
  switch (spec.kind) {
    case 'none':
      return { data: original, expect: 'ok' };
    case 'empty':
      return { data: Buffer.alloc(0), expect: 'error' };
    case 'truncate':
      return { data: original.subarray(0, at), expect: 'either' };
    case 'random-bytes':
      return { data: splice(Buffer.from(spec.bytes)), expect: 'either' };
    case 'overwrite':
      return { data: splice(Buffer.from(spec.bytes), spec.bytes.length), expect: 'either' };
    case 'nul-bytes':
      return { data: splice(Buffer.alloc(1 + (spec.n % 8), 0), 1 + (spec.n % 8)), expect: 'either' };
    default:
      return kind === 'xls' ? mutateXls(spec) : mutateXlsx(spec);
  }
}
