/**
 * Issue 30's open points, unit by unit: the QIF date order (refused when no date settles it, with
 * the fix; Quicken's apostrophe year is month-first), QIF/OFX amounts rounded with a warning, a
 * workbook's sheet by name or number (default the first with data), a profile's `sheet:` field,
 * `--date-format` answering an inferred layout, and the head read of a big .xls.
 */
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withLocale } from '../../../src/core/i18n.js';
import { orderOfFormat, parseQif, qifDateOrder } from '../../../src/import/formats/other/qif.js';
import { parseOfx } from '../../../src/import/formats/ofx.js';
import { parseOfxAmount } from '../../../src/import/formats/ofx-fields.js';
import { chooseSheet } from '../../../src/import/infer/workbook.js';
import { inferLayout } from '../../../src/import/infer/layout.js';
import { parseProfileText } from '../../../src/import/profile-load.js';
import { readHead } from '../../../src/app/import/file-source.js';
import { biffStream, xlsOf } from '../../../src/bench/workbooks.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'unseen');
const bytes = (name: string) => readFileSync(path.join(DIR, name));
const text = (name: string) => bytes(name).toString('utf8');
const d = (value: string, line: number) => ({ value, line });

describe('QIF day/month order', () => {
  it('a file whose dates read both ways is refused at the first such date, with the fix, in English and Chinese', () => {
    const dates = [d('03/04/21', 2), d('05/04/21', 6), d('11/04/21', 10)];
    expect(() => qifDateOrder(dates)).toThrow(expect.objectContaining({ location: { line: 2 }, hint: expect.stringMatching(/--date-format DD\/MM\/YY/) }));
    expect(() => qifDateOrder(dates)).toThrow(/"03\/04\/21" is 2021-04-03 or 2021-03-04/);
    withLocale('zh', () => {
      expect(() => qifDateOrder(dates)).toThrow(/文件中没有任何日期能确定顺序/);
    });
    expect(() => parseQif(text('day-first-low.qif'), { defaultCurrency: 'EUR' })).toThrow(/day-first and month-first alike/);
  });

  it('settled by a date above 12, by --date-format, by dates that read the same both ways, or by Quicken\'s apostrophe year', () => {
    expect(qifDateOrder([d('03/04/21', 2), d('29/04/21', 6)])).toBe('day-first');
    expect(qifDateOrder([d('03/04/21', 2), d('4/29/21', 6)])).toBe('month-first');
    expect(qifDateOrder([d('03/04/21', 2)], 'day-first')).toBe('day-first');
    expect(qifDateOrder([d('1/1/26', 2), d('2/2/26', 6)])).toBe('month-first');
    expect(qifDateOrder([d("1/ 2'00", 2)])).toBe('month-first');
    const rows = parseQif(text('day-first-low.qif'), { defaultCurrency: 'EUR', dateFormat: 'DD/MM/YY' }).flatMap((e) => (e.type === 'row' ? [e.row.date] : []));
    expect(rows).toEqual(['2021-04-03', '2021-04-05', '2021-04-11']);
  });

  it('the order a --date-format names', () => {
    expect(orderOfFormat('DD/MM/YY')).toBe('day-first');
    expect(orderOfFormat('D.M.YYYY')).toBe('day-first');
    expect(orderOfFormat('MM/DD/YYYY')).toBe('month-first');
    expect(orderOfFormat('YYYY-MM-DD')).toBeUndefined();
    expect(orderOfFormat(undefined)).toBeUndefined();
  });
});

describe('more decimals than the currency keeps', () => {
  it('QIF: rounded half-even, a warning event at the T line', () => {
    const events = parseQif(text('precision.qif'), { defaultCurrency: 'USD' });
    expect(events.flatMap((e) => (e.type === 'row' ? [e.row.amount] : []))).toEqual([-346, 10000, -100]);
    expect(events.filter((e) => e.type === 'warning')).toEqual([
      { type: 'warning', line: 3, message: 'amount has more decimals than USD keeps; rounded half-even to the minor unit' },
      { type: 'warning', line: 11, message: 'amount has more decimals than USD keeps; rounded half-even to the minor unit' },
    ]);
  });

  it('OFX: rounded with a warning when the reader asks; refused otherwise', () => {
    const seen: number[] = [];
    expect(parseOfxAmount('-12.345', 'USD', 7, (line) => seen.push(line))).toBe(-1234);
    expect(seen).toEqual([7]);
    expect(() => parseOfxAmount('-12.345', 'USD', 7)).toThrow(expect.objectContaining({ code: 'OFX_AMOUNT' }));
    const events = parseOfx(text('precision.ofx'), { defaultCurrency: 'EUR' });
    expect(events.flatMap((e) => (e.type === 'row' ? [e.row.amount] : []))).toEqual([-1234, 25000, 0]);
    expect(events.filter((e) => e.type === 'warning').map((e) => (e.type === 'warning' ? e.line : 0))).toEqual([17, 19]);
  });
});

describe('workbook sheets', () => {
  it('default: the first sheet with data; else by name (any case) or by number counted from 1', () => {
    expect(chooseSheet(bytes('empty-first.xlsx'), false)).toMatchObject({ name: 'Transactions', index: 1 });
    const wb = bytes('sheets.xlsx');
    expect(chooseSheet(wb, false)).toMatchObject({ name: 'Übersicht', index: 0 });
    expect(chooseSheet(wb, false, 'Buchungen').grid[0]).toEqual(['Buchungstag', 'Empfänger', 'Verwendungszweck', 'Betrag', 'Saldo']);
    expect(chooseSheet(wb, false, 'buchungen ')).toMatchObject({ index: 1 });
    expect(chooseSheet(wb, false, 2)).toMatchObject({ name: 'Buchungen' });
    expect(chooseSheet(wb, true, '2')).toMatchObject({ name: 'Buchungen' });
  });

  it('an unknown sheet names the sheets there are', () => {
    const wb = bytes('sheets.xlsx');
    expect(() => chooseSheet(wb, false, 'Umsätze')).toThrow('the workbook has no sheet "Umsätze"; its sheets: 1 "Übersicht", 2 "Buchungen"');
    expect(() => chooseSheet(wb, false, 3)).toThrow(/no sheet "3"/);
    withLocale('zh', () => expect(() => chooseSheet(wb, false, 'Umsätze')).toThrow('工作簿中没有名为“Umsätze”的工作表；现有工作表：1 "Übersicht", 2 "Buchungen"'));
  });

  it('.xls sheets by name and number', () => {
    const rows = [['Date', 'Description', 'Amount'], ['2024-05-02', 'Coffee', '-4.50']];
    const xls = xlsOf(rows);
    expect(chooseSheet(xls, false)).toMatchObject({ name: 'Sheet1', index: 0 });
    expect(chooseSheet(xls, false, 1).grid[1]).toEqual(['2024-05-02', 'Coffee', '-4.50']);
    expect(() => chooseSheet(xls, false, 'Data')).toThrow(/its sheets: 1 "Sheet1"/);
  });

  it('a profile\'s sheet: is a name or a number from 1', () => {
    const base = 'columns: {date: Date, description: Text, amount: Amount}\n';
    expect(parseProfileText(`sheet: Buchungen\n${base}`, 'p.yaml').sheet).toBe('Buchungen');
    expect(parseProfileText(`sheet: 2\n${base}`, 'p.yaml').sheet).toBe(2);
    expect(() => parseProfileText(`sheet: 0\n${base}`, 'p.yaml')).toThrow(expect.objectContaining({ code: 'PROFILE', location: { file: 'p.yaml', line: 1 } }));
  });

  it('an .xls over 64 KiB is read whole for detection (its workbook stream ends past the head)', () => {
    const rows = [['Date', 'Description', 'Amount'], ['2024-05-02', 'Coffee', '-4.50']];
    const stream = biffStream(rows);
    const xls = xlsOf(rows, Buffer.concat([stream, Buffer.alloc(126 * 512 - stream.length)]));
    expect(() => chooseSheet(xls.subarray(0, 64 * 1024), true)).toThrow(/beyond the end of the file/);
    const dir = mkdtempSync(path.join(tmpdir(), 'pb-xls-'));
    try {
      const file = path.join(dir, 'big.xls');
      writeFileSync(file, xls);
      const { head, size } = readHead(file);
      expect(size).toBeGreaterThan(64 * 1024);
      expect(head.length).toBe(size);
      expect(chooseSheet(head, true).grid[1]).toEqual(['2024-05-02', 'Coffee', '-4.50']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--date-format answers an inferred layout', () => {
  it('DD/MM/YY picks the day-first candidate of the same order', () => {
    const lines = ['Posted,Merchant,Amount', '05/06/2020,Bakery,-3.20', '01/07/2020,Grocer,-41.75', '03/02/2020,Refund,5.00'];
    expect(inferLayout(lines)?.question).toMatch(/DD\/MM\/YYYY or MM\/DD\/YYYY|MM\/DD\/YYYY or DD\/MM\/YYYY/);
    expect(inferLayout(lines, { answers: { date_format: 'DD/MM/YY' } })?.profile?.date_format).toBe('DD/MM/YYYY');
    expect(inferLayout(lines, { answers: { date_format: 'MM/DD/YYYY' } })?.profile?.date_format).toBe('MM/DD/YYYY');
  });
});
