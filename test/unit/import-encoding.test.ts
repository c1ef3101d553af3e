import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { candidateEncodings, identify } from '../../src/import/sniff.js';
import { declaredEncoding, implausibility, isValidUtf8, normalizeEncoding } from '../../src/import/encoding.js';
import { dedupKey, normalizeDescription } from '../../src/ledger/entries.js';
import type { Reader, Sniff } from '../../src/import/types.js';

const ctx = { fileName: 'f', defaultCurrency: 'CNY', today: '2026-11-01' };
const reader = (id: string, detect: (s: Sniff) => number): Reader => ({ id, describe: id, detect: (s) => ({ score: detect(s) }), read: () => [] });

describe('encoding detection', () => {
  it('reads BOMs, binary containers, OFX charset headers and valid UTF-8', () => {
    expect(candidateEncodings(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), false)).toEqual(['utf-8']);
    expect(candidateEncodings(Buffer.from([0xff, 0xfe, 0x41, 0]), false)).toEqual(['utf-16le']);
    expect(candidateEncodings(Buffer.from([0xfe, 0xff, 0, 0x41]), false)).toEqual(['utf-16be']);
    expect(candidateEncodings(Buffer.from('PK\x03\x04rest', 'latin1'), false)).toEqual(['binary']);
    expect(candidateEncodings(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1]), false)).toEqual(['binary']);
    expect(declaredEncoding(Buffer.from('OFXHEADER:100\r\nDATA:OFXSGML\r\nCHARSET:1252\r\n'))).toBe('windows-1252');
    expect(candidateEncodings(Buffer.from('日期,金额\n'), false)).toEqual(['utf-8']);
    expect(candidateEncodings(iconv.encode('日期,金额\n', 'gb18030'), false)).toEqual(['gb18030', 'shift_jis', 'windows-1252']);
  });

  it('accepts a UTF-8 head cut inside a character only when truncated', () => {
    const cut = Buffer.from('ab日').subarray(0, 4);
    expect(isValidUtf8(cut, true)).toBe(true);
    expect(isValidUtf8(cut, false)).toBe(false);
    expect(isValidUtf8(Buffer.from([0xc0, 0x80]))).toBe(false);
  });

  it('ranks legacy decodings by plausibility', () => {
    const gbk = iconv.encode('交易日期,交易摘要,金额\n2026-09-01,星巴克,-35.50\n', 'gb18030');
    const sjis = iconv.encode('日付,ご利用店名,金額\n2020/07/03,セブンイレブン,-1000\n', 'shift_jis');
    const latin = iconv.encode('Buchungsdatum;Empfänger;Währung;Betrag\n01.02.2013;Müller GmbH;EUR;-12,50\n', 'windows-1252');
    const best = (buf: Buffer) => ['gb18030', 'shift_jis', 'windows-1252'].sort((a, b) => implausibility(buf, a) - implausibility(buf, b))[0];
    expect(best(gbk)).toBe('gb18030');
    expect(best(sjis)).toBe('shift_jis');
    expect(best(latin)).toBe('windows-1252');
  });

  it('normalizes encoding names and rejects unknown ones', () => {
    expect(normalizeEncoding('GBK')).toBe('gb18030');
    expect(normalizeEncoding('utf-8-bom')).toBe('utf-8');
    expect(normalizeEncoding('cp932')).toBe('shift_jis');
    expect(() => normalizeEncoding('klingon')).toThrow(/unknown encoding/);
  });
});

describe('identify', () => {
  it('asks every reader under every candidate and takes the best pair', () => {
    const head = iconv.encode('日付,金額\n', 'shift_jis');
    const jp = reader('jp', (s) => (s.text.startsWith('日付') ? 5 : 0));
    const any = reader('any', (s) => (s.text.includes(',') ? 1 : 0));
    const got = identify('f.csv', head, [any, jp], ctx, { truncated: false });
    expect(got.reader.id).toBe('jp');
    expect(got.sniff.encoding).toBe('shift_jis');
  });

  it('refuses ties between readers and names unknown layouts by their header', () => {
    const head = Buffer.from('Foo,Bar,Baz\n1,2,3\n');
    const a = reader('a', () => 3);
    const b = reader('b', () => 3);
    expect(() => identify('f.csv', head, [a, b], ctx, { truncated: false })).toThrow(/a, b/);
    const none = reader('none', () => 0);
    try {
      identify('f.csv', head, [none], ctx, { truncated: false });
      expect.unreachable();
    } catch (err) {
      expect((err as { code: string }).code).toBe('UNKNOWN_FORMAT');
      expect(String((err as Error).message)).toContain('Foo,Bar,Baz');
    }
  });
});

describe('dedup keys', () => {
  it('prefers the source id, else a normalized fingerprint', () => {
    expect(dedupKey({ externalId: 'X1', date: '2026-09-01', amount: -100, description: 'a' })).toBe('id:X1');
    expect(dedupKey({ date: '2026-09-01', amount: -3550, description: '  STARBUCKS   ＃42 ' })).toBe('fp:2026-09-01|-3550|starbucks #42');
    expect(normalizeDescription('Ｃａｆé\u3000Ｘ')).toBe('café x');
  });
});
