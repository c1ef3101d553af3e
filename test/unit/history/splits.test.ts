import { describe, expect, it } from 'vitest';
import { parseSplitArg, resolveSplitAmounts } from '../../../src/ledger/splits.js';

describe('split arithmetic', () => {
  it('accepts parts signed like the entry that add up exactly', () => {
    expect(resolveSplitAmounts(-20000, ['-120.00', '-80.00'], 'CNY')).toEqual([-12000, -8000]);
    expect(resolveSplitAmounts(5000, ['30', '20'], 'CNY')).toEqual([3000, 2000]);
  });
  it('gives unsigned parts the sign of the entry when their sizes add up', () => {
    expect(resolveSplitAmounts(-20000, ['120', '80.00'], 'CNY')).toEqual([-12000, -8000]);
  });
  it('refuses parts that do not add up, naming both sums', () => {
    expect(() => resolveSplitAmounts(-3500, ['-20', '-10'], 'CNY')).toThrow(/add up to -30.00 CNY but the entry is -35.00 CNY/);
    expect(() => resolveSplitAmounts(-3500, ['-20', '15'], 'CNY')).toThrow(expect.objectContaining({ code: 'SPLIT' }));
    // mixed explicit signs are never flipped
    expect(() => resolveSplitAmounts(-3500, ['20', '+15'], 'CNY')).toThrow(/SPLIT|add up/);
  });
  it('refuses zero parts, bad amounts and too many decimals', () => {
    expect(() => resolveSplitAmounts(-100, ['-1.00', '0'], 'CNY')).toThrow(/zero/);
    expect(() => resolveSplitAmounts(-100, ['abc'], 'CNY')).toThrow(/not an amount/);
    expect(() => resolveSplitAmounts(-100, ['-0.999'], 'CNY')).toThrow(/not an amount/);
    expect(() => resolveSplitAmounts(-100, [], 'CNY')).toThrow(/at least one/);
  });
  it('works in currencies without minor units', () => {
    expect(resolveSplitAmounts(-1200, ['-1000', '-200'], 'JPY')).toEqual([-1000, -200]);
  });
  it('parses CATEGORY=AMOUNT on the last =', () => {
    expect(parseSplitArg('Dining:Coffee & tea=-12.50')).toEqual({ category: 'Dining:Coffee & tea', amountText: '-12.50' });
    expect(parseSplitArg('餐饮 = -120')).toEqual({ category: '餐饮', amountText: '-120' });
    expect(() => parseSplitArg('Dining')).toThrow(/CATEGORY=AMOUNT/);
    expect(() => parseSplitArg('=-5')).toThrow(/CATEGORY=AMOUNT/);
  });
});
