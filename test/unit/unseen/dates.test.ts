import { describe, expect, it } from 'vitest';
import { guessDateFormat, inferDateFormat, parseDate, parseYearlessDate } from '../../../src/core/dates.js';
import { monthFromName } from '../../../src/core/month-names.js';

describe('dates in the forms banks write (issue 30, class 2)', () => {
  it.each([
    ['06 May 2020', '2020-05-06'],
    ['6-May-20', '2020-05-06'],
    ['15 mai 2021', '2021-05-15'],
    ['15. Mai 2021', '2021-05-15'],
    ['May 6, 2020', '2020-05-06'],
    ['3 févr. 2022', '2022-02-03'],
    ['3 Fev 2022', '2022-02-03'],
    ['12 März 2023', '2023-03-12'],
    ['12 Mrz 2023', '2023-03-12'],
    ['1 dic 2024', '2024-12-01'],
    ['1 Dez. 2024', '2024-12-01'],
    ['9 ago 2024', '2024-08-09'],
    ['9 juil. 2024', '2024-07-09'],
    ['9 giu 2024', '2024-06-09'],
    ['30 mei 2024', '2024-05-30'],
    ['30 out 2024', '2024-10-30'],
    ['5 enero 2025', '2025-01-05'],
    ['2012:03:01', '2012-03-01'],
    ['20200506', '2020-05-06'],
    ['2026年4月30日', '2026-04-30'],
    ['2026年04月30日', '2026-04-30'],
    ['２０２６年４月３０日', '2026-04-30'],
  ])('guesses and reads %s', (raw, iso) => {
    const format = guessDateFormat([raw]);
    expect(format).toBeDefined();
    expect(parseDate(raw, format!).date).toBe(iso);
  });

  it('never takes a word that could name two months, or none', () => {
    expect(monthFromName('jui')).toBeUndefined();
    expect(monthFromName('juin')).toBe(6);
    expect(monthFromName('juil')).toBe(7);
    expect(monthFromName('Mo')).toBeUndefined();
    expect(monthFromName('Total')).toBeUndefined();
    expect(() => parseDate('06 Foo 2020', 'DD MMM YYYY')).toThrow(/names no month/);
  });

  it('Japanese era years, zones after the time, yearless day-first dates', () => {
    expect(parseDate('令和2年5月6日', 'YYYY年MM月DD日').date).toBe('2020-05-06');
    expect(parseDate('R02.05.06', 'YYYY.MM.DD').date).toBe('2020-05-06');
    expect(parseDate('平成元年1月8日', 'YYYY年MM月DD日').date).toBe('1989-01-08');
    expect(guessDateFormat(['R02/05/06', 'R02/05/31'])).toBe('YYYY/MM/DD');
    expect(parseDate('2020-05-06T18:50:00Z', 'YYYY-MM-DD')).toEqual({ date: '2020-05-06', time: '18:50:00' });
    expect(parseDate('2020-05-06 18:50:00 +0200', 'YYYY-MM-DD HH:mm:ss')).toEqual({ date: '2020-05-06', time: '18:50:00' });
    expect(inferDateFormat(['15.05.', '02.06.'])).toEqual({ format: 'DD.MM.' });
    expect(inferDateFormat(['28/05', '02/06'])).toEqual({ format: 'DD/MM' });
    expect(inferDateFormat(['05/02', '06/01'])).toEqual({ candidates: ['DD/MM', 'MM/DD'] });
  });

  it('two-digit years pivot at 70', () => {
    expect(parseDate('01/02/69', 'DD/MM/YY').date).toBe('2069-02-01');
    expect(parseDate('01/02/70', 'DD/MM/YY').date).toBe('1970-02-01');
    expect(parseDate('6-May-99', 'DD MMM YY').date).toBe('1999-05-06');
  });

  it('reads 12-hour times after a date', () => {
    expect(parseDate('05/06/2020 06:50 PM', 'DD/MM/YYYY')).toEqual({ date: '2020-06-05', time: '18:50:00' });
    expect(parseDate('05/06/2020 12:05 am', 'DD/MM/YYYY')).toEqual({ date: '2020-06-05', time: '00:05:00' });
    expect(parseDate('05/06/2020 12:05:09 P.M.', 'DD/MM/YYYY')).toEqual({ date: '2020-06-05', time: '12:05:09' });
    expect(parseDate('May 6, 2020, 6:50pm', 'MMM DD YYYY')).toEqual({ date: '2020-05-06', time: '18:50:00' });
    expect(parseDate('2020-05-06 06:50 PM', 'YYYY-MM-DD HH:mm')).toEqual({ date: '2020-05-06', time: '18:50:00' });
    expect(() => parseDate('05/06/2020 13:05 PM', 'DD/MM/YYYY')).toThrow(/impossible time/);
  });

  it('dates with no year take it from the statement, a December row in a January statement the year before', () => {
    expect(inferDateFormat(['4月30日', '5月2日'])).toEqual({ format: 'MM月DD日' });
    expect(inferDateFormat(['28 Dec', '03 Jan'])).toEqual({ format: 'DD MMM' });
    expect(parseYearlessDate('4月30日', 'MM月DD日', '2026-05-31').date).toBe('2026-04-30');
    expect(parseYearlessDate('28 Dec', 'DD MMM', '2026-01-31').date).toBe('2025-12-28');
    expect(parseYearlessDate('03 Jan', 'DD MMM', '2026-01-31').date).toBe('2026-01-03');
    expect(parseYearlessDate('29 Feb', 'DD MMM', '2024-03-31').date).toBe('2024-02-29');
  });

  it('day-first vs month-first is settled by the file\'s own dates, else it is a question', () => {
    expect(inferDateFormat(['05/06/2020', '29/05/2020', '01/07/2020'])).toEqual({ format: 'DD/MM/YYYY' });
    expect(inferDateFormat(['05/06/2020', '05/29/2020'])).toEqual({ format: 'MM/DD/YYYY' });
    const open = inferDateFormat(['05/06/2020', '01/07/2020']);
    expect('candidates' in open && open.candidates).toEqual(['MM/DD/YYYY', 'DD/MM/YYYY']);
  });
});
