import { describe, expect, it } from 'vitest';
import { defaultChannel } from '../../src/import/channel.js';

describe('defaultChannel', () => {
  it('card accounts pay by card, cash accounts in cash', () => {
    expect(defaultChannel('credit', 'ANYTHING')).toBe('card');
    expect(defaultChannel('cash', 'market')).toBe('cash');
  });
  it('bank rows by their words, else a bank transfer', () => {
    expect(defaultChannel('checking', 'ATM WITHDRAWAL 0042')).toBe('atm');
    expect(defaultChannel('checking', '支付宝-美团外卖')).toBe('alipay');
    expect(defaultChannel('savings', '财付通-瑞幸咖啡')).toBe('wechat');
    expect(defaultChannel('checking', 'POS 1234 STARBUCKS')).toBe('card');
    expect(defaultChannel('checking', 'AUTOPAY CHINA MOBILE')).toBe('direct_debit');
    expect(defaultChannel('checking', 'RENT JINQIAO APARTMENTS')).toBe('bank_transfer');
    expect(defaultChannel('wallet', 'something')).toBe('online');
  });
});
