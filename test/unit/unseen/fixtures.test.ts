/** The made-up statements of test/fixtures/unseen through the readers (issue 30, classes 2, 3, 6, 9). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decode } from '../../../src/import/encoding.js';
import { candidateEncodings } from '../../../src/import/sniff.js';
import { parseQif } from '../../../src/import/formats/other/qif.js';
import { parseProfileText } from '../../../src/import/profile-load.js';
import { readCsv, rejection } from '../csv-helpers.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'unseen');
const text = (name: string) => readFileSync(path.join(DIR, name), 'utf8');
const brief = (rows: { date: string; amount: number; time?: string }[]) => rows.map((r) => [r.date, r.amount, r.time]);

describe('unseen fixtures', () => {
  it('month names, 12-hour times and parentheses (month-names.csv)', async () => {
    const { rows } = await readCsv(text('month-names.csv'));
    expect(brief(rows)).toEqual([
      ['2020-05-06', -450, undefined],
      ['2020-05-07', 250000, undefined],
      ['2020-05-08', -1299, '18:50:00'],
      ['2020-05-15', -95000, undefined],
    ]);
  });

  it('"May 6, 2020" with a dollar sign (month-names-us.csv)', async () => {
    const { rows } = await readCsv(text('month-names-us.csv'));
    expect(brief(rows)).toEqual([['2020-05-06', -450, undefined], ['2020-06-01', 500, undefined]]);
  });

  it('day-first settled by a day above 12 (day-first.csv)', async () => {
    const { rows } = await readCsv(text('day-first.csv'));
    expect(rows.map((r) => r.date)).toEqual(['2020-06-05', '2020-05-29', '2020-07-01']);
  });

  it('day/month order no date settles is one located question naming date_format (day-month-unclear.csv)', async () => {
    const err = await rejection(readCsv(text('day-month-unclear.csv')));
    expect(err.code).toBe('CSV_DATE');
    expect(err.location?.line).toBe(2);
    expect(err.message).toMatch(/day-first or month-first/);
    expect(err.hint).toMatch(/date_format: "DD\/MM\/YYYY".*"MM\/DD\/YYYY"/);
  });

  it('decimal comma, currency after, trailing minus, parentheses, German month names (amounts-eu.csv)', async () => {
    const profile = parseProfileText(text('amounts-eu.yaml'), 'amounts-eu.yaml');
    const { rows } = await readCsv(text('amounts-eu.csv'), { profile, currency: 'EUR' });
    expect(brief(rows)).toEqual([
      ['2021-05-15', -123456, undefined],
      ['2021-05-16', 250000, undefined],
      ['2021-05-17', -1230, undefined],
      ['2021-03-18', -400, undefined],
    ]);
  });

  it('pending and balance rows are skipped and counted, "Balance transfer fee" is kept (pending-balance.csv)', async () => {
    const { rows, skipped } = await readCsv(text('pending-balance.csv'));
    expect(rows.map((r) => r.description)).toEqual(['Balance transfer fee', 'GROCER']);
    expect(skipped.map((s) => s.line)).toEqual([2, 4, 6, 7]);
    expect(skipped.map((s) => s.reason).join(' ')).toMatch(/Opening balance.*Authorised.*Pending.*Saldo finale/);
  });

  it('Shift_JIS yen sign decoded as a backslash (yen-backslash.csv)', async () => {
    const bytes = readFileSync(path.join(DIR, 'yen-backslash.csv'));
    const { rows } = await readCsv(decode(bytes, 'shift_jis'), { currency: 'JPY' });
    expect(rows.map((r) => [r.description, r.amount])).toEqual([['給料', 7000], ['コンビニ', -1280]]);
  });

  it('more decimals than the currency keeps: rounded half-even, the file still imports (wallet-precision.csv)', async () => {
    const { rows } = await readCsv(text('wallet-precision.csv'), { currency: 'CNY' });
    expect(rows.map((r) => r.amount)).toEqual([0, 10000, -350]);
  });

  it('a dash in the empty one of debit/credit is no amount (debit-credit-dash.csv)', async () => {
    const { rows } = await readCsv(text('debit-credit-dash.csv'));
    expect(brief(rows)).toEqual([['2021-05-03', -1250, undefined], ['2021-05-04', 300000, undefined]]);
  });

  it('day-first QIF with decimal commas (day-first.qif)', () => {
    const events = parseQif(text('day-first.qif'), { defaultCurrency: 'EUR' });
    const rows = events.flatMap((e) => (e.type === 'row' ? [e.row] : []));
    expect(brief(rows)).toEqual([
      ['2008-05-29', -123450, undefined],
      ['2008-06-03', -2000, undefined],
      ['2008-06-12', 200000, undefined],
    ]);
  });

  it('an OFX whose header says CHARSET:1252 over a UTF-8 body is read as UTF-8 (lying-charset.ofx)', () => {
    const bytes = readFileSync(path.join(DIR, 'lying-charset.ofx'));
    const [encoding] = candidateEncodings(bytes, false);
    expect(encoding).toBe('utf-8');
    expect(decode(bytes, encoding!)).toContain('Café Crème Société Générale');
    const latin = Buffer.from(text('lying-charset.ofx').replace(/é/g, 'e'), 'utf8');
    latin[latin.indexOf('Cafe') + 3] = 0xe9; // one Windows-1252 é: the body is not UTF-8, the header stands
    expect(candidateEncodings(latin, false)).toEqual(['windows-1252']);
  });
});
