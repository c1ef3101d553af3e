/**
 * Time of day (issue 26 point 8): every reader whose statement carries a time keeps it on the row
 * (HH:MM:SS), `tx list --json` shows it as HH:MM, and an OFX statement stamping every row with the
 * same clock reading (a bank's noon placeholder) keeps none.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chinaReaders } from '../../src/import/formats/china/index.js';
import { ofxReader } from '../../src/import/formats/ofx.js';
import { clockTime } from '../../src/app/entries/tx-list.js';
import { hoursJson, hoursWithSpending } from '../../src/reports/hours.js';
import { ROOT, ctx, readAll, readFixture, sniffOf } from './china/helpers.js';
import { collect, rowsOf } from './ofx-helpers.js';
import { readCsv } from './csv-helpers.js';

function china(name: string, buf: Buffer) {
  const best = chinaReaders.map((r) => ({ r, s: r.detect(sniffOf(name, buf), ctx(name)).score })).sort((a, b) => b.s - a.s)[0]!;
  expect(best.s).toBeGreaterThan(0);
  return readAll(best.r, name, buf);
}

const ofx = (times: string[]) => `OFXHEADER:100
DATA:OFXSGML
<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>CNY
<BANKACCTFROM><BANKID>1<ACCTID>4321<ACCTTYPE>CHECKING</BANKACCTFROM>
<BANKTRANLIST>
${times.map((t, i) => `<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>2026090${i + 1}${t}[+8:CST]<TRNAMT>-1.00<FITID>F${i}<NAME>SHOP ${i}</STMTTRN>`).join('\n')}
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
`;

describe('readers keep the time of day', () => {
  it('Alipay and WeChat bills (the demo wallets)', async () => {
    const alipay = await china('alipay.csv', readFixture('alipay-2026-09.csv'));
    expect(alipay.rows.length).toBeGreaterThan(0);
    expect(alipay.rows.every((r) => /^\d{2}:\d{2}:\d{2}$/.test(r.time ?? ''))).toBe(true);
    const wechat = await china('wechat.csv', fs.readFileSync(path.join(ROOT, 'examples/wallet-wechat-2026-09-10.csv')));
    expect(wechat.rows.find((r) => r.description.includes('全家'))).toMatchObject({ time: '07:45:10' });
  });

  it('a Chinese bank CSV with a 交易时间 column (ABC) and one whose date cell holds the time (CMB debit)', async () => {
    const abc = '交易日期,交易时间,交易摘要,交易金额,本次余额,对手信息\n20260903,221530,消费,-38.00,962.00,瑞幸咖啡\n20260904,08:05,消费,-12.00,950.00,全家\n';
    const got = await china('abc.csv', Buffer.from(abc, 'utf8'));
    expect(got.rows.map((r) => [r.date, r.time])).toEqual([['2026-09-03', '22:15:30'], ['2026-09-04', '08:05:00']]);
    const cmb = '记账日期,货币,交易金额,联机余额,交易摘要,对手信息\n2026-09-22 21:40:00,CNY,-45.00,"17,455.00",快捷支付,美团\n';
    expect((await china('cmb.csv', Buffer.from(cmb, 'utf8'))).rows[0]).toMatchObject({ date: '2026-09-22', time: '21:40:00' });
  });

  it('CSV profiles: a time column or a datetime cell', async () => {
    const column = await readCsv('Date,Time,Description,Amount\n2026-09-01,22:10,Coffee,-3.50\n', {
      profile: { name: 't', date_format: 'YYYY-MM-DD', columns: { date: 'Date', time: 'Time', description: 'Description', amount: 'Amount' } },
    });
    expect(column.rows[0]).toMatchObject({ date: '2026-09-01', time: '22:10:00' });
    const cell = await readCsv('Date,Description,Amount\n2026-09-01 23:05:09,Coffee,-3.50\n2026-09-02 07:00:00,Tea,-2.00\n');
    expect(cell.rows.map((r) => r.time)).toEqual(['23:05:09', '07:00:00']);
  });

  it('OFX: DTPOSTED times are kept when they differ; one time on every row is a placeholder', async () => {
    expect(rowsOf(await collect(ofxReader, 'a.ofx', ofx(['221500', '083000']))).map((r) => r.time)).toEqual(['22:15:00', '08:30:00']);
    expect(rowsOf(await collect(ofxReader, 'b.ofx', ofx(['120000', '120000', '120000']))).map((r) => r.time)).toEqual([undefined, undefined, undefined]);
    // A single row says nothing about placeholders: kept.
    expect(rowsOf(await collect(ofxReader, 'c.ofx', ofx(['120000'])))[0]!.time).toBe('12:00:00');
  });
});

describe('time in tx list --json and hours in report month', () => {
  it('HH:MM or null', () => {
    expect([clockTime('22:15:30'), clockTime('7:05'), clockTime(null), clockTime('')]).toEqual(['22:15', '07:05', null, null]);
  });

  it('hours with purchases only, spending positive, ordered by hour', () => {
    const rows = hoursWithSpending([{ hour: 22, amount: -5000, count: 2 }, { hour: 9, amount: -1200, count: 1 }, { hour: 10, amount: 5900, count: 0 }]);
    expect(hoursJson(rows, 'CNY')).toEqual([{ hour: 9, amount: '12.00', count: 1 }, { hour: 22, amount: '50.00', count: 2 }]);
  });
});
