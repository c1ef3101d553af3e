import { describe, expect, it } from 'vitest';
import { inferDecimal, parseAmount } from '../../../src/core/money.js';

const minor = (raw: string, currency = 'USD', decimal: '.' | ',' = '.') => parseAmount(raw, { currency, decimal }).minor;

describe('amounts as printed (issue 30, class 3)', () => {
  it.each([
    ['$1,234.56', 123456],
    ['-$12.00', -1200],
    ['$-12.00', -1200],
    ['(12.00)', -1200],
    ['($12.00)', -1200],
    ['12.00-', -1200],
    ['12.00 CR', 1200],
    ['12.00 DR', -1200],
    ['12.00DR', -1200],
    ['USD 12.00', 1200],
    ['12.00 USD', 1200],
    ['€12.00', 1200],
    ['£12.00', 1200],
    ['C$12.00', 1200],
    ['S$12.00', 1200],
    ["1'234.56", 123456],
    ['1\u2019234.56', 123456],
    ['１２３．４５', 12345],
    ['－１２３．４５', -12345],
    ['▲1,200.00', -120000],
  ])('%s → %i', (raw, expected) => {
    expect(minor(raw)).toBe(expected);
  });

  it('Swiss francs, yen and won', () => {
    expect(parseAmount("CHF 1'234.50", { currency: 'CHF' })).toEqual({ minor: 123450, currency: 'CHF' });
    expect(parseAmount("-1'234.50 CHF", { currency: 'CHF' })).toEqual({ minor: -123450, currency: 'CHF' });
    expect(minor('\\7,000', 'JPY')).toBe(7000);
    expect(minor('-\\1,280', 'JPY')).toBe(-1280);
    expect(minor('￥7,000', 'JPY')).toBe(7000);
    expect(minor('7,000円', 'JPY')).toBe(7000);
    expect(minor('₩15,000', 'KRW')).toBe(15000);
  });

  it('decimal comma with dot, space, NBSP and narrow NBSP groups', () => {
    expect(minor('1.234,56', 'EUR', ',')).toBe(123456);
    expect(minor('1 234,56', 'EUR', ',')).toBe(123456);
    expect(minor('1\u00A0234,56 €', 'EUR', ',')).toBe(123456);
    expect(minor('-1\u202F234,56', 'EUR', ',')).toBe(-123456);
    expect(minor('1\u2009234,56', 'EUR', ',')).toBe(123456);
    expect(minor('12,30-', 'EUR', ',')).toBe(-1230);
  });

  it('the decimal separator is settled by all of a column\'s values, else asked', () => {
    expect(inferDecimal(['1.234,56', '12,00'])).toEqual({ decimal: ',' });
    expect(inferDecimal(['1,234.56', '12.00'])).toEqual({ decimal: '.' });
    expect(inferDecimal(['1.234', '12,5'])).toEqual({ decimal: ',' });
    expect(inferDecimal(['1.234.567'])).toEqual({ decimal: ',' });
    expect(inferDecimal(['1234.567'])).toEqual({ decimal: '.' });
    expect(inferDecimal(['12', '-7'])).toEqual({ decimal: '.' });
    const alone = inferDecimal(['1.234', '2.500']);
    expect('question' in alone && alone.question).toMatch(/"1\.234".*thousands or decimals.*decimal: "," or "\."/);
    expect(inferDecimal(['7,000', '1,280'], 'JPY')).toEqual({ decimal: '.' });
    expect('question' in inferDecimal(['1.234,56', '1,234.56'])).toBe(true);
  });

  it('more decimals than the minor unit: refused by default, rounded half-even on request', () => {
    expect(() => parseAmount('0.0001', { currency: 'CNY' })).toThrow(/more decimals than CNY/);
    expect(parseAmount('0.0001', { currency: 'CNY', round: true })).toEqual({ minor: 0, rounded: true });
    expect(parseAmount('0.125', { currency: 'USD', round: true })).toEqual({ minor: 12, rounded: true });
    expect(parseAmount('0.135', { currency: 'USD', round: true })).toEqual({ minor: 14, rounded: true });
    expect(parseAmount('-0.1251', { currency: 'USD', round: true })).toEqual({ minor: -13, rounded: true });
    expect(parseAmount('12.5', { currency: 'JPY', round: true })).toEqual({ minor: 12, rounded: true });
    expect(parseAmount('1.500', { currency: 'USD', round: true })).toEqual({ minor: 150 });
  });
});
