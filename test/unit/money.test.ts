import { describe, expect, it } from 'vitest';
import { PocketbookError } from '../../src/core/errors.js';
import { formatMinor, formatMoney, parseAmount, parseUserAmount } from '../../src/core/money.js';

const cny = (raw: string, decimal: '.' | ',' = '.') => parseAmount(raw, { currency: 'CNY', decimal });

describe('parseAmount', () => {
  it.each([
    ['1,234.56', 123456],
    ['-1234.56', -123456],
    ['(12.00)', -1200],
    ['¥1,234.56', 123456],
    ['￥1,234.56', 123456],
    ['$5', 500],
    ['-$7,971.39', -797139],
    ['+12', 1200],
    ['12.00 CR', 1200],
    ['12.00 DR', -1200],
    ['12.00DR', -1200],
    ['12.00-', -1200],
    ['\t 12.5 \t', 1250],
    ['１２３．４５', 12345],
    ['－１２３．４５', -12345],
    ['.5', 50],
    ['0.00', 0],
    ['-0.00', 0],
    ['6.0', 600],
    ['1 234.56', 123456],
    ['12.300', 1230],
  ])('%s → %i', (raw, minor) => {
    expect(cny(raw).minor).toBe(minor);
  });

  it('reads a currency code written beside the number', () => {
    expect(cny('CNY 123.18')).toEqual({ minor: 12318, currency: 'CNY' });
    expect(cny('123.18 USD')).toEqual({ minor: 12318, currency: 'USD' });
  });

  it('reads decimal-comma amounts', () => {
    expect(cny('1.234,56', ',').minor).toBe(123456);
    expect(cny('-1.001,00', ',').minor).toBe(-100100);
    expect(cny('+30,99', ',').minor).toBe(3099);
    expect(cny('2500', ',').minor).toBe(250000);
    expect(cny('0,01', ',').minor).toBe(1);
  });

  it('uses the currency exponent (JPY 0, KWD 3)', () => {
    expect(parseAmount('3,524', { currency: 'JPY' }).minor).toBe(3524);
    expect(parseAmount('1.234', { currency: 'KWD' }).minor).toBe(1234);
    expect(() => parseAmount('12.5', { currency: 'JPY' })).toThrow(/more decimals than JPY/);
    expect(parseAmount('12.0', { currency: 'JPY' }).minor).toBe(12);
  });

  it.each(['', 'abc', '12.34.56', '1,23', '--5', '(5', '12.345', 'NaN', '1e5', '$', '99999999999999999999'])(
    'rejects %j with CSV_AMOUNT',
    (raw) => {
      let error: unknown;
      try {
        cny(raw);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(PocketbookError);
      expect((error as PocketbookError).code).toBe('CSV_AMOUNT');
    },
  );

  it('rejects conflicting signs', () => {
    expect(() => cny('-12.00 CR')).toThrow(/conflicting/);
    expect(() => cny('(12.00) CR')).toThrow(/conflicting/);
  });
});

describe('formatting', () => {
  it('formats minor units', () => {
    expect(formatMinor(-3550, 'CNY')).toBe('-35.50');
    expect(formatMinor(5, 'USD')).toBe('0.05');
    expect(formatMinor(1200, 'JPY')).toBe('1200');
    expect(formatMoney(-123456, 'CNY')).toBe('-1,234.56');
  });
  it('parses user amounts or throws BAD_INPUT', () => {
    expect(parseUserAmount('-35.5', 'CNY')).toBe(-3550);
    expect(() => parseUserAmount('lots', 'CNY')).toThrow(/not an amount/);
  });
});
