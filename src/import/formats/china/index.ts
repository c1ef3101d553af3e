import type { Reader } from '../../types.js';

/** Readers for Chinese wallets (Alipay, WeChat Pay, JD, Meituan) and mainland bank exports. */
export const chinaReaders: Reader[] = [];
