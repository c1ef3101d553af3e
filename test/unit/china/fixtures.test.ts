/** The made-up wallet and card fixtures (test/fixtures/china, examples/wallet-*) read as their layouts say. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chinaReaders } from '../../../src/import/formats/china/index.js';
import { fundedBy, hasTransferHint } from '../../../src/app/import/transfers.js';
import type { LinkEntry } from '../../../src/ledger/links.js';
import { ROOT, ctx, readAll, readFixture, sniffOf } from './helpers.js';

function readerFor(name: string, buf: Buffer) {
  const scored = chinaReaders.map((r) => ({ r, s: r.detect(sniffOf(name, buf), ctx(name)).score })).sort((a, b) => b.s - a.s);
  expect(scored[0]!.s).toBeGreaterThan(scored[1]!.s);
  return scored[0]!.r;
}

describe('made-up wallet bills', () => {
  it('Alipay: closed trade and its _1 refund skipped, card refund kept as refund, top-up is a + transfer', async () => {
    const buf = readFixture('alipay-2026-09.csv');
    const reader = readerFor('alipay.csv', buf);
    expect(reader.id).toBe('alipay');
    const got = await readAll(reader, 'alipay.csv', buf);
    expect(got.skipped.map((s) => s.reason)).toEqual(['refund of a closed trade', 'closed trade (交易关闭)']);
    const topUp = got.rows.find((r) => r.description.includes('余额充值'))!;
    expect(topUp).toMatchObject({ kind: 'transfer', amount: 50000, funding: '招商银行储蓄卡(3147)', channel: 'alipay' });
    expect(got.rows.find((r) => r.kind === 'refund')).toMatchObject({ amount: 5900, sourceCategory: '退款' });
    expect(got.rows.find((r) => r.counterparty === '美团外卖')).toMatchObject({ amount: -3500, time: '12:10:05', date: '2026-09-03' });
    expect(got.statements[0]).toMatchObject({ type: 'wallet', institution: 'Alipay' });
  });

  it('WeChat: "/" rows are transfers with a direction, order number is the external id', async () => {
    const buf = readFixture('wechat-2026-09.csv');
    const got = await readAll(readerFor('wechat.csv', buf), 'wechat.csv', buf);
    expect(got.rows.filter((r) => r.kind === 'transfer').map((r) => r.amount)).toEqual([-30000, 20000]);
    expect(got.rows.every((r) => r.externalId && !/\s/.test(r.externalId))).toBe(true);
  });

  it('CMB credit: issuer view flipped, year from the statement title, card suffix per row', async () => {
    const buf = readFixture('cmb-credit-8842-2026-09.csv');
    const got = await readAll(readerFor('cmb.csv', buf), 'cmb.csv', buf, '2027-03-01');
    expect(got.rows[0]).toMatchObject({ date: '2026-09-03', amount: -3500, account: { number: '8842' }, channel: 'alipay' });
    expect(got.rows.find((r) => r.description === '掌上生活还款')).toMatchObject({ date: '2026-09-25', amount: 100000 });
  });

  it('examples/wallet-* are detected and read', async () => {
    for (const name of ['wallet-alipay-2026-09-10.csv', 'wallet-wechat-2026-09-10.csv']) {
      const buf = fs.readFileSync(path.join(ROOT, 'examples', name));
      const got = await readAll(readerFor(name, buf), name, buf);
      expect(got.rows.length).toBeGreaterThan(8);
      expect(got.rows.some((r) => r.funding === '招商银行信用卡(8842)')).toBe(true);
    }
  });
});

describe('linking helpers', () => {
  const card = { numberSuffix: '8842', institution: 'CMB 招商银行' } as LinkEntry;
  it('a wallet funding text names a card by its last four digits, else by bank', () => {
    expect(fundedBy('招商银行信用卡(8842)', card)).toBe(true);
    expect(fundedBy('招商银行信用卡(1234)', card)).toBe(false);
    expect(fundedBy('招商银行', { ...card, numberSuffix: null })).toBe(true);
    expect(fundedBy('工商银行', { ...card, numberSuffix: null })).toBe(false);
  });
  it('transfer hints', () => {
    for (const d of ['掌上生活还款', 'PAYMENT THANK YOU', 'Autopay', 'wallet top-up', '零钱充值']) expect(hasTransferHint(d)).toBe(true);
    for (const d of ['支付宝-美团外卖', 'STARBUCKS']) expect(hasTransferHint(d)).toBe(false);
  });
});
