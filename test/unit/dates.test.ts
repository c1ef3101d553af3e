import { describe, expect, it } from 'vitest';
import { PocketbookError } from '../../src/core/errors.js';
import { DATE_FORMATS, guessDateFormat, inferDateFormat, parseDate, tryParseDate } from '../../src/core/dates.js';

/** One sample per format for 2026-09-02 (and 13:05:09 where the format has a time). */
const SAMPLES: Record<(typeof DATE_FORMATS)[number], string> = {
  'YYYY-MM-DD': '2026-09-02', 'YYYY/MM/DD': '2026/09/02', 'YYYY.MM.DD': '2026.09.02', YYYYMMDD: '20260902',
  'YYYY年MM月DD日': '2026年09月02日', 'MM/DD/YYYY': '09/02/2026', 'DD/MM/YYYY': '02/09/2026', 'DD.MM.YYYY': '02.09.2026',
  'DD-MM-YYYY': '02-09-2026', 'MM-DD-YYYY': '09-02-2026', 'MM/DD/YY': '09/02/26', 'DD/MM/YY': '02/09/26', 'DD.MM.YY': '02.09.26',
  'YY/MM/DD': '26/09/02', 'MM-DD': '09-02', 'MM/DD': '09/02', 'YYYY-MM-DD HH:mm:ss': '2026-09-02 13:05:09',
  'YYYY/MM/DD HH:mm:ss': '2026/09/02 13:05:09', 'YYYY-MM-DD HH:mm': '2026-09-02 13:05', 'YYYY/MM/DD HH:mm': '2026/09/02 13:05',
  'YYYY:MM:DD': '2026:09:02', 'MM月DD日': '09月02日', 'DD MMM YYYY': '02 Sep 2026', 'DD MMM YY': '2-Sep-26',
  'MMM DD YYYY': 'Sep 2, 2026', 'MMM DD YY': 'Sept 02 26', 'YYYY MMM DD': '2026-Sep-02', 'DD MMM': '2. September',
  'MMM DD': 'sept. 2', 'DD.MM.': '02.09.', 'DD/MM': '02/09', 'DD-MM-YY': '02-09-26', 'MM-DD-YY': '09-02-26',
};

describe('parseDate', () => {
  for (const format of DATE_FORMATS) {
    it(`reads ${format} with and without a time`, () => {
      const sample = SAMPLES[format];
      const parsed = parseDate(sample, format, 2026);
      expect(parsed.date).toBe('2026-09-02');
      if (format.includes('HH')) {
        expect(parsed.time).toBe(format.includes('ss') ? '13:05:09' : '13:05:00');
      } else {
        expect(parsed.time).toBeUndefined();
        expect(parseDate(`${sample} 08:30:15`, format, 2026)).toEqual({ date: '2026-09-02', time: '08:30:15' });
        expect(parseDate(`${sample} 08:30`, format, 2026)).toEqual({ date: '2026-09-02', time: '08:30:00' });
      }
    });
  }

  it('accepts unpadded months and days, ISO T separators and fractions of seconds', () => {
    expect(parseDate('3/5/2016', 'MM/DD/YYYY').date).toBe('2016-03-05');
    expect(parseDate('2012/3/22', 'YYYY/MM/DD').date).toBe('2012-03-22');
    expect(parseDate('2026-09-02T12:30:00.123', 'YYYY-MM-DD')).toEqual({ date: '2026-09-02', time: '12:30:00' });
    expect(parseDate('  2026-09-02  ', 'YYYY-MM-DD').date).toBe('2026-09-02');
  });

  it.each([
    ['2026-02-30', 'YYYY-MM-DD'], ['2026-13-01', 'YYYY-MM-DD'], ['2025-02-29', 'YYYY-MM-DD'], ['31/04/2026', 'DD/MM/YYYY'],
    ['00/01/2026', 'DD/MM/YYYY'], ['2026-09-02 24:00:00', 'YYYY-MM-DD HH:mm:ss'], ['2026-09-02 12:60', 'YYYY-MM-DD'],
    ['02/09/2026', 'YYYY-MM-DD'], ['20260231', 'YYYYMMDD'], ['2026090', 'YYYYMMDD'], ['hello', 'DD.MM.YYYY'],
  ])('rejects %s as %s with CSV_DATE', (raw, format) => {
    let error: unknown;
    try {
      parseDate(raw, format);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PocketbookError);
    expect((error as PocketbookError).code).toBe('CSV_DATE');
  });

  it('accepts 29 February in leap years only', () => {
    expect(parseDate('2024-02-29', 'YYYY-MM-DD').date).toBe('2024-02-29');
    expect(parseDate('2000-02-29', 'YYYY-MM-DD').date).toBe('2000-02-29');
    expect(() => parseDate('1900-02-29', 'YYYY-MM-DD')).toThrow(/not a real date/);
  });

  it('needs a year for MM-DD formats', () => {
    expect(() => parseDate('09-02', 'MM-DD')).toThrow(/no year/);
    expect(parseDate('09-02', 'MM-DD', 2025).date).toBe('2025-09-02');
  });

  it('maps two-digit years to 1970–2069', () => {
    expect(parseDate('01/04/20', 'DD/MM/YY').date).toBe('2020-04-01');
    expect(parseDate('01/04/85', 'DD/MM/YY').date).toBe('1985-04-01');
  });
});

describe('parseDate on plain year-month-day dates (the fast path)', () => {
  /** The general path's answer: padding skips the fast path, and the general path trims it. */
  const general = (raw: string, format: string): unknown => {
    try {
      return parseDate(` ${raw}`, format);
    } catch (err) {
      return (err as PocketbookError).code;
    }
  };
  const fast = (raw: string, format: string): unknown => {
    try {
      return parseDate(raw, format);
    } catch (err) {
      return (err as PocketbookError).code;
    }
  };

  it('answers exactly as the general path, over 20,000 seeded near-dates', () => {
    let seed = 7;
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed % n);
    const pieces = ['0', '1', '2', '3', '9', 'a', '-', '/', '.', ' ', '０'];
    let valid = 0;
    for (let i = 0; i < 20_000; i++) {
      const format = (['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYY.MM.DD'] as const)[next(3)]!;
      const sep = format[4]!;
      const year = String(1890 + next(200));
      const month = String(next(14)).padStart(2, '0');
      const day = String(next(33)).padStart(2, '0');
      let raw = next(4) === 0 ? `${year}${['-', '/', '.'][next(3)]}${month}${sep}${day}` : `${year}${sep}${month}${sep}${day}`;
      if (next(5) === 0) {
        const at = next(raw.length);
        raw = raw.slice(0, at) + pieces[next(pieces.length)]! + raw.slice(at + 1);
      }
      const answer = fast(raw, format);
      expect(answer, `${raw} as ${format}`).toEqual(general(raw, format));
      if (typeof answer === 'object') valid++;
    }
    expect(valid).toBeGreaterThan(10_000);
  });

  it('returns the ISO text itself for YYYY-MM-DD and rewrites the other separators', () => {
    expect(parseDate('2024-02-29', 'YYYY-MM-DD')).toEqual({ date: '2024-02-29' });
    expect(parseDate('2024/02/29', 'YYYY/MM/DD')).toEqual({ date: '2024-02-29' });
    expect(parseDate('2024.02.29', 'YYYY.MM.DD')).toEqual({ date: '2024-02-29' });
    expect(() => parseDate('2023-02-29', 'YYYY-MM-DD')).toThrow(/"2023-02-29" is not a real date/);
    expect(() => parseDate('2023-00-10', 'YYYY-MM-DD')).toThrow(/is not a real date/);
  });
});

describe('guessing formats', () => {
  it('guesses only unambiguous formats', () => {
    expect(guessDateFormat(['2026-09-02', '2026-10-31'])).toBe('YYYY-MM-DD');
    expect(guessDateFormat(['2026/9/2'])).toBe('YYYY/MM/DD');
    expect(guessDateFormat(['20260902'])).toBe('YYYYMMDD');
    expect(guessDateFormat(['2026年09月02日'])).toBe('YYYY年MM月DD日');
    expect(guessDateFormat(['2022-01-02 12:16:54'])).toBe('YYYY-MM-DD');
    expect(guessDateFormat(['05/01/2023'])).toBeUndefined();
    expect(guessDateFormat(['02.09.2026'])).toBeUndefined();
    expect(guessDateFormat([])).toBeUndefined();
  });

  it('infers a day/month order only when the data rules the others out', () => {
    expect(inferDateFormat(['12/15/2018', '01/02/2018'])).toEqual({ format: 'MM/DD/YYYY' });
    expect(inferDateFormat(['15/12/2018'])).toEqual({ format: 'DD/MM/YYYY' });
    expect(inferDateFormat(['05/01/2023'])).toEqual({ candidates: ['MM/DD/YYYY', 'DD/MM/YYYY'] });
    expect(inferDateFormat(['01/04/20'])).toEqual({ candidates: ['MM/DD/YY', 'DD/MM/YY', 'YY/MM/DD'] });
    expect(inferDateFormat(['2026-09-02'])).toEqual({ format: 'YYYY-MM-DD' });
  });
});

describe('tryParseDate (format inference tries formats without making errors)', () => {
  const cases: [string, string, number?][] = [
    ['2026-09-02', 'YYYY-MM-DD'],
    ['2026/09/02 12:30', 'YYYY/MM/DD'],
    ['02.09.2026', 'DD.MM.YYYY'],
    ['4月30日', 'M月D日', 2000],
    ['30 Apr', 'DD MMM', 2000],
    ['2026-02-30', 'YYYY-MM-DD'],
    ['31/04/2026', 'DD/MM/YYYY'],
    ['2026-09-02 25:00', 'YYYY-MM-DD'],
    ['09-02', 'MM-DD'],
    ['garbage', 'YYYY-MM-DD'],
    ['', 'YYYY-MM-DD'],
  ];
  it.each(cases)('%s as %s: the same date as parseDate, undefined where parseDate throws', (raw, format, year) => {
    let thrown = false;
    let parsed: ReturnType<typeof parseDate> | undefined;
    try {
      parsed = parseDate(raw, format, year);
    } catch {
      thrown = true;
    }
    expect(tryParseDate(raw, format, year)).toEqual(thrown ? undefined : parsed);
  });
});
