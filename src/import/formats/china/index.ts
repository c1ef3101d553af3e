import type { Reader } from '../../types.js';
import { makeReader } from './layout.js';
import { alipayLayouts, jdLayouts, meituanLayouts, wechatLayouts } from './wallets.js';
import { bankLayouts } from './banks.js';

const BANK_NAMES: Record<string, string> = {
  icbc: 'ICBC 工商银行 credit and debit card CSV',
  ccb: 'CCB 建设银行 account statement (.xls)',
  cmb: 'CMB 招商银行 credit card and debit card CSV',
  boc: 'BOC 中国银行 credit card CSV',
  bocom: 'BoCom 交通银行 credit card and debit card CSV',
  cgb: 'CGB 广发银行 credit card CSV',
  abc: 'ABC 农业银行 debit card CSV',
  citic: 'CITIC 中信银行 credit card statement (.xls)',
  spdb: 'SPDB 浦发银行 debit card statement (.xls)',
};

/** Readers for Chinese wallets (Alipay, WeChat Pay, JD, Meituan) and mainland bank exports. */
export const chinaReaders: Reader[] = [
  makeReader('alipay', 'Alipay bill 支付宝交易明细 (CSV)', alipayLayouts),
  makeReader('wechat', 'WeChat Pay bill 微信支付账单 (CSV, XLSX)', wechatLayouts),
  makeReader('jd', 'JD 京东交易流水 (CSV)', jdLayouts),
  makeReader('meituan', 'Meituan 美团交易账单 (CSV)', meituanLayouts),
  ...Object.entries(bankLayouts).map(([id, layouts]) => makeReader(id, BANK_NAMES[id] ?? id, layouts)),
];
