/** QIF reader on made-up input: sections, US dates, splits kept as one entry, located errors. */
import { describe, expect, it } from 'vitest';
import { PocketbookError } from '../../src/core/errors.js';
import { detectQif, parseQifDate, qifReader } from '../../src/import/formats/other/qif.js';
import { collect, ctxFor, rowsOf } from './ofx-helpers.js';

const QIF = [
  '!Account', 'NEveryday Card', 'TCCard', '^', // lines 1-4
  '!Type:CCard', // 5
  'D9/2/26', 'T-1,234.50', 'PHardware & Co', 'MDrill', 'LHome:Tools/Reno', '^', // 6-11
  "D9/30'2026", 'U-45.00', 'T-45.00', 'PGrocer', 'L--Split--', 'SFood', 'D9/1/26', 'EMilk', '$-5.00', 'SHome', '$-40.00', '^', // 12-23
  '!Type:Cat', 'NFood', 'E', '^',
  '!Type:Bank', 'D10/ 1\'26', 'T+2,000', 'N101', 'L[Savings]', '^',
].join('\r\n');

describe('QIF', () => {
  it('detects headers only', () => {
    expect(detectQif(QIF).score).toBe(100);
    expect(detectQif('### exported\n!Type:Bank\nD1/1/26\n').score).toBe(100);
    expect(detectQif('Date,Amount\n').score).toBe(0);
  });

  it('reads each cash section with its account', async () => {
    const events = await collect(qifReader, 'a.qif', QIF, ctxFor('a.qif', 'USD'));
    expect(events.map((e) => e.type)).toEqual(['statement', 'row', 'row', 'statement', 'row']);
    expect(events[0]).toEqual({ type: 'statement', account: { name: 'Everyday Card', type: 'credit' } });
    expect(events[3]).toEqual({ type: 'statement', account: { type: 'checking' } });
    expect(rowsOf(events)).toEqual([
      { line: 6, date: '2026-09-02', amount: -123450, currency: 'USD', description: 'Hardware & Co / Drill', counterparty: 'Hardware & Co', sourceCategory: 'Home:Tools' },
      // The split's own D line does not move the record; its total T is the entry.
      { line: 12, date: '2026-09-30', amount: -4500, currency: 'USD', description: 'Grocer', counterparty: 'Grocer' },
      { line: 29, date: '2026-10-01', amount: 200000, currency: 'USD', description: 'Check 101' },
    ]);
  });

  it('month-first dates', () => {
    expect(parseQifDate('8/12/13')).toBe('2013-08-12');
    expect(parseQifDate("1/ 1'00")).toBe('2000-01-01');
    expect(parseQifDate('12/31/1999')).toBe('1999-12-31');
    expect(parseQifDate('2026-09-02')).toBe('2026-09-02');
    expect(parseQifDate('13/1/26')).toBeUndefined();
    expect(parseQifDate('2/30/26')).toBeUndefined();
  });

  it('bad dates and amounts fail at their line', async () => {
    const cases: [string, number][] = [
      ['!Type:Bank\nD13/1/26\nT1\n^\nD1/13/26\nT-1\n^', 5], // one day-first date, one month-first: refused
      ['!Type:Bank\nD1/1/26\nT1\n^\nD2/30/26\nT-1\n^', 5],
      ['!Type:Bank\nD1/1/26\nPx\nTabc\n^', 4],
      ['!Type:Bank\nPno date\nT1\n^', 2],
    ];
    for (const [text, line] of cases) {
      const err = await collect(qifReader, 'b.qif', text).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(PocketbookError);
      expect((err as PocketbookError).location).toEqual({ file: 'b.qif', line });
    }
  });
});
