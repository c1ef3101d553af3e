/**
 * Made-up workbooks for the fuzzer and the hostile-spreadsheet tests: a minimal .xlsx (fflate's
 * zip, optionally with a namespace prefix on every element) and a minimal .xls (an OLE2 compound
 * file with one BIFF8 sheet of shared strings), plus the layout facts tests need to break them.
 */
import { deflateRawSync, constants as zc } from 'node:zlib';
import { zipSync } from 'fflate';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** `A`, `B` … `Z`, `AA` for a 0-based column. */
export function columnName(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export interface XlsxOptions {
  /** Element prefix (`x` gives `<x:row>`), declared on the root. */
  prefix?: string;
  /** Store the parts uncompressed (byte mutations then reach the XML reader). */
  stored?: boolean;
  /** Replace the sheet XML (hostile sheets). */
  sheetXml?: string;
  /** An xl/sharedStrings.xml part. */
  sharedStrings?: string;
}

/** The sheet XML of `rows` (inline strings), with `p` as element prefix. */
export function sheetXmlOf(rows: readonly string[][], p = ''): string {
  const body = rows
    .map((cells, r) => `<${p}row r="${r + 1}">${cells
      .map((c, i) => (c === '' ? '' : `<${p}c r="${columnName(i)}${r + 1}" t="inlineStr"><${p}is><${p}t>${esc(c)}</${p}t></${p}is></${p}c>`))
      .join('')}</${p}row>`)
    .join('');
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const decl = p ? `xmlns:${p.slice(0, -1)}="${ns}"` : `xmlns="${ns}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${decl}><${p}sheetData>${body}</${p}sheetData></${p}worksheet>`;
}

export function xlsxOf(rows: readonly string[][], opts: XlsxOptions = {}): Buffer {
  const p = opts.prefix ? `${opts.prefix}:` : '';
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const decl = p ? `xmlns:${opts.prefix}="${ns}"` : `xmlns="${ns}"`;
  const parts: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<?xml version="1.0"?><${p}workbook ${decl} xmlns:r="${rel}"><${p}sheets><${p}sheet name="S1" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
    ...(opts.sharedStrings !== undefined ? { 'xl/sharedStrings.xml': opts.sharedStrings } : {}),
    'xl/worksheets/sheet1.xml': opts.sheetXml ?? sheetXmlOf(rows, p),
  };
  const level = opts.stored ? 0 : 6;
  const zippable = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [new TextEncoder().encode(v), { level }]]));
  return Buffer.from(zipSync(zippable as Parameters<typeof zipSync>[0], { mtime: new Date('2026-01-01T00:00:00Z') }));
}

/**
 * A zip bomb: one sheet part of `prefix` followed by `mib` MiB of spaces, each MiB deflated once
 * (≈ 1 KiB) and repeated, so 4.5 MB of file inflate to 4.5 GB without ever being built.
 * `declared` is the uncompressed size written in the headers (honest by default).
 */
export function xlsxBomb(mib: number, declared?: number, prefix = '<worksheet><sheetData><row r="1">'): Buffer {
  const flush = { finishFlush: zc.Z_SYNC_FLUSH, level: 9 };
  const head = deflateRawSync(Buffer.from(prefix), flush);
  const mb = deflateRawSync(Buffer.alloc(1 << 20, 0x20), flush);
  const data = Buffer.concat([head, ...Array.from({ length: mib }, () => mb), Buffer.from([0x03, 0x00])]);
  const size = declared ?? Math.min(0xfffffffe, Buffer.byteLength(prefix) + mib * (1 << 20));
  const base = xlsxOf([['x']], { stored: true, sheetXml: '' });
  return replaceSheetPart(base, data, size);
}

/** `zip` with its (empty, stored) sheet part replaced by raw deflated `data` declaring `size`. */
function replaceSheetPart(zip: Buffer, data: Buffer, size: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const at = zip.indexOf(name) - 30; // the local header of the sheet part (written last)
  const local = Buffer.from(zip.subarray(at, at + 30 + name.length));
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  const cdStart = at + 30 + name.length; // empty part: the central directory follows
  const cd = Buffer.from(zip.subarray(cdStart));
  let p = 0;
  for (; p < cd.length && cd.readUInt32LE(p) === 0x02014b50; p += 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32)) {
    if (cd.readUInt32LE(p + 42) !== at) continue;
    cd.writeUInt16LE(8, p + 10);
    cd.writeUInt32LE(data.length, p + 20);
    cd.writeUInt32LE(size, p + 24);
  }
  const eocd = cd.length - 22;
  cd.writeUInt32LE(cdStart + data.length, eocd + 16);
  return Buffer.concat([zip.subarray(0, at), local, data, cd]);
}

function record(type: number, data: Buffer): Buffer {
  const h = Buffer.alloc(4);
  h.writeUInt16LE(type, 0);
  h.writeUInt16LE(data.length, 2);
  return Buffer.concat([h, data]);
}

function bof(dt: number): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt16LE(0x0600, 0);
  b.writeUInt16LE(dt, 2);
  return record(0x0809, b);
}

/** The BIFF8 workbook stream: globals (BOUNDSHEET, SST, EOF) then one sheet of LABELSST cells. */
export function biffStream(rows: readonly string[][]): Buffer {
  const strings: string[] = [];
  const cells: Buffer[] = [];
  rows.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text === '') return;
      const d = Buffer.alloc(10);
      d.writeUInt16LE(r, 0);
      d.writeUInt16LE(c, 2);
      d.writeUInt32LE(strings.push(text) - 1, 6);
      cells.push(record(0x00fd, d));
    }),
  );
  const sst = Buffer.concat([
    Buffer.from(new Uint32Array([strings.length, strings.length]).buffer),
    ...strings.map((s) => Buffer.concat([Buffer.from([s.length & 0xff, s.length >> 8, 1]), Buffer.from(s, 'utf16le')])),
  ]);
  if (sst.length > 8224) throw new Error('biffStream: string table too big for one record');
  const sheetName = Buffer.from('Sheet1', 'latin1');
  const boundsheet = (pos: number) => {
    const d = Buffer.alloc(8);
    d.writeUInt32LE(pos, 0);
    d[6] = sheetName.length;
    return record(0x0085, Buffer.concat([d, sheetName]));
  };
  const globalsLen = bof(5).length + boundsheet(0).length + record(0x00fc, sst).length + 4;
  const globals = Buffer.concat([bof(5), boundsheet(globalsLen), record(0x00fc, sst), record(0x000a, Buffer.alloc(0))]);
  const stream = Buffer.concat([globals, bof(0x10), ...cells, record(0x000a, Buffer.alloc(0))]);
  return Buffer.concat([stream, Buffer.alloc(Math.max(0, 4096 - stream.length))]); // ≥ the mini-stream cutoff
}

/** Where the parts of an `xlsOf` file are, for tests that break them. */
export const XLS_LAYOUT = { fatSector: 0, dirSector: 1, firstStreamSector: 2, sectorSize: 512 } as const;

/** A compound file (v3, 512-byte sectors) holding `stream` as its Workbook: header, FAT, directory, stream. */
export function xlsOf(rows: readonly string[][], stream = biffStream(rows)): Buffer {
  const S = XLS_LAYOUT.sectorSize;
  const n = Math.ceil(stream.length / S);
  if (n + 2 > S / 4) throw new Error('xlsOf: workbook too big for one FAT sector');
  const header = Buffer.alloc(S, 0);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(XLS_LAYOUT.dirSector, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? XLS_LAYOUT.fatSector : 0xffffffff, 0x4c + i * 4);
  const fat = Buffer.alloc(S, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  for (let i = 0; i < n; i++) fat.writeUInt32LE(i === n - 1 ? 0xfffffffe : 3 + i, (2 + i) * 4);
  const dir = Buffer.alloc(S, 0);
  const entry = (k: number, name: string, type: number, start: number, size: number) => {
    const o = k * 128;
    Buffer.from(`${name}\0`, 'utf16le').copy(dir, o);
    dir.writeUInt16LE((name.length + 1) * 2, o + 0x40);
    dir[o + 0x42] = type;
    dir.writeUInt32LE(0xffffffff, o + 0x44);
    dir.writeUInt32LE(0xffffffff, o + 0x48);
    dir.writeUInt32LE(k === 0 ? 1 : 0xffffffff, o + 0x4c);
    dir.writeUInt32LE(start, o + 0x74);
    dir.writeUInt32LE(size, o + 0x78);
  };
  entry(0, 'Root Entry', 5, 0xfffffffe, 0);
  entry(1, 'Workbook', 2, XLS_LAYOUT.firstStreamSector, stream.length);
  const body = Buffer.concat([stream, Buffer.alloc(n * S - stream.length)]);
  return Buffer.concat([header, fat, dir, body]);
}

/** A SPDB debit statement (a layout read from .xls) and a WeChat bill (read from .xlsx) as rows. */
export const SPDB_ROWS: string[][] = [
  ['浦发银行账户交易明细'],
  ['账号 6225880011223344'],
  ['顺序号', '交易日期', '交易类型', '存入金额', '取出金额', '余额', '交易对手名称'],
  ['1', '20260903', '消费', '', '45.00', '955.00', '美团'],
  ['2', '20260910', '工资', '8000.00', '', '8955.00', '某公司'],
  ['3', '20260915', '消费', '', '12.50', '8942.50', '全家便利店'],
];

export const WECHAT_ROWS: string[][] = [
  ['微信支付账单明细'],
  ['起始时间：[2026-09-01 00:00:00] 终止时间：[2026-09-30 23:59:59]'],
  ['交易时间', '交易类型', '交易对方', '商品', '收/支', '金额(元)', '支付方式', '当前状态', '交易单号', '商户单号', '备注'],
  ['2026-09-22 12:15:00', '商户消费', '美团', '美团订单-880922', '支出', '¥45.00', '零钱', '支付成功', '42000020260922000000000006', '10000922001', '/'],
  ['2026-09-09 07:45:10', '商户消费', '全家便利店', '早餐', '支出', '¥12.50', '零钱', '支付成功', '42000020260909000000000003', '10000909001', '/'],
  ['2026-09-06 20:00:00', '微信红包', '王**', '/', '收入', '¥66.00', '/', '已存入零钱', '10000399010906000000000002', '/', '/'],
];
