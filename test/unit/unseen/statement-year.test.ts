import { describe, expect, it } from 'vitest';
import { parseYearlessDate } from '../../../src/core/dates.js';
import { statementAnchor } from '../../../src/core/statement-year.js';

describe('the year of a statement whose rows print none', () => {
  it.each([
    ['statement-2021-05.csv', [], '2021-05-31'],
    ['明细(20201122-20201214).csv', [], '2020-12-14'],
    ['card.csv', ['Statement period: 01/05/2021 - 31/05/2021'], '2021-05-31'],
    ['card.csv', ['ご利用期間 2026年4月1日～2026年4月30日'], '2026-04-30'],
    ['card.csv', ['Kontoauszug Mai 2021'], '2021-05-31'],
    ['card.csv', ['账单周期：2026年4月'], '2026-04-30'],
    ['card.csv', ['Relevé de décembre 2020'], '2020-12-31'],
    ['card.csv', ['Name: Jane'], undefined],
  ])('%s %j → %s', (file, preamble, anchor) => {
    expect(statementAnchor(file, preamble)).toBe(anchor);
  });

  it('a December row in a January statement belongs to the year before', () => {
    const anchor = statementAnchor('statement_2021-01.csv')!;
    expect(parseYearlessDate('28 Dec', 'DD MMM', anchor).date).toBe('2020-12-28');
    expect(parseYearlessDate('12月28日', 'MM月DD日', anchor).date).toBe('2020-12-28');
    expect(parseYearlessDate('1月5日', 'MM月DD日', anchor).date).toBe('2021-01-05');
  });
});
