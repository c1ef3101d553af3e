/**
 * The moving-in readers (issue 28 point 2): 随手记, 钱迹 and 挖财 exports (made-up, in their layouts)
 * → rows: dates, types and signs, accounts, categories, notes, tags, transfers; each identified by
 * its header among every reader; a bad row refused with its line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPocketbookError } from '../../../src/core/errors.js';
import { getLocale, setLocale } from '../../../src/core/i18n.js';
import { READERS, readerById } from '../../../src/import/registry.js';
import { identify } from '../../../src/import/sniff.js';
import type { ParseContext, Source } from '../../../src/import/types.js';
import { type AppSpec, type MoveInRow, appOf, legOf, readAppFile } from '../../../src/import/formats/apps/app-table.js';
import { SUISHOUJI } from '../../../src/import/formats/apps/suishouji.js';
import { QIANJI } from '../../../src/import/formats/apps/qianji.js';
import { WACAI } from '../../../src/import/formats/apps/wacai.js';
import { QIANJI_CSV, SUISHOUJI_SHEETS, WACAI_SHEETS, suishoujiXlsx, wacaiXlsx, workbookOf } from '../../fixtures/movein/fixtures.js';
import { REPO_ROOT } from '../../e2e/helpers.js';
import { xlsOf } from '../../../src/bench/workbooks.js';

const ctx = (fileName: string): ParseContext => ({ fileName, defaultCurrency: 'USD', today: '2026-11-15' });

function sourceOf(fileName: string, content: Buffer | string): Source {
  const binary = typeof content !== 'string';
  return {
    fileName,
    encoding: binary ? 'binary' : 'utf-8',
    readText: async () => (binary ? '' : (content as string).replace(/^\uFEFF/, '')),
    readBytes: async () => (binary ? (content as Buffer) : Buffer.from(content as string)),
    async *streamUtf8() {
      yield Buffer.alloc(0);
    },
  };
}

const read = async (spec: AppSpec, name: string, content: Buffer | string) => readAppFile(spec, sourceOf(name, content), ctx(name));

function identified(name: string, content: Buffer | string): string {
  const head = typeof content === 'string' ? Buffer.from(content) : content;
  const { reader } = identify(name, head, READERS, ctx(name), { truncated: false });
  return reader.id;
}

const signed = (r: MoveInRow) => legOf(r).amount;

describe('identification by header', () => {
  it('finds each app among every reader, with no flag', () => {
    expect(identified('ssj.xlsx', suishoujiXlsx())).toBe('suishouji');
    expect(identified('qj.csv', QIANJI_CSV)).toBe('qianji');
    expect(identified('wc.xlsx', wacaiXlsx())).toBe('wacai');
  });
  it('the readers are registered under the ids --type takes, and are known as apps', () => {
    for (const id of ['suishouji', 'qianji', 'wacai']) expect(appOf(readerById(id)!)?.id).toBe(id);
    expect(appOf(readerById('csv')!)).toBeUndefined();
  });
});

it('the files in test/fixtures/movein are these fixtures', () => {
  const example = (name: string) => readFileSync(`${REPO_ROOT}/test/fixtures/movein/${name}`);
  expect(example('suishouji.xlsx').equals(suishoujiXlsx())).toBe(true);
  expect(example('wacai.xlsx').equals(wacaiXlsx())).toBe(true);
  expect(example('qianji.csv').toString('utf8')).toBe(QIANJI_CSV);
});

describe('随手记', () => {
  it('reads every sheet: dates, types, signs, accounts, categories, notes, tags', async () => {
    const { rows, skipped } = await read(SUISHOUJI, 'ssj.xlsx', suishoujiXlsx());
    expect(rows).toHaveLength(9);
    expect(skipped).toEqual([{ line: 2, reason: expect.stringContaining('余额变更') }]);
    const breakfast = rows[0]!;
    expect(breakfast).toMatchObject({ sheet: '支出', line: 3, date: '2026-09-01', time: '08:15:00', type: 'expense', account: '现金', category: '食品酒水', subcategory: '早午晚餐', merchant: '永和豆浆', note: '早餐' });
    expect(signed(breakfast)).toBe(-1850);
    expect(breakfast.extras).toEqual(['成员: 爸爸', '记账人: 陈先生']);
    expect(rows[3]).toMatchObject({ date: '2026-09-05', tags: ['装修'], category: '新家', subcategory: '瓷砖' });
    const refund = rows[4]!;
    expect(refund.type).toBe('refund');
    expect(legOf(refund)).toEqual({ kind: 'refund', amount: 4500 });
    const salary = rows.find((r) => r.note === '九月工资')!;
    expect(salary).toMatchObject({ sheet: '收入', type: 'income', amount: 1500000 });
    expect(rows.find((r) => r.note === '差旅报销')).toMatchObject({ type: 'income' });
    const transfers = rows.filter((r) => r.type === 'transfer');
    expect(transfers.map((r) => [r.account, r.toAccount, signed(r)])).toEqual([['工商银行储蓄卡', '招商银行信用卡', -31350], ['工商银行储蓄卡', '支付宝', -50000]]);
  });

  it('reads an .xls (BIFF) export too, its one sheet holding every kind', async () => {
    const sheets = SUISHOUJI_SHEETS.slice(0, 3);
    const rows = [sheets[0]![1][1]!, ...sheets.flatMap(([, r]) => r.filter((cells) => cells.length > 1 && cells[0] !== '交易类型'))];
    const xls = xlsOf(rows);
    expect(identified('ssj.xls', xls)).toBe('suishouji');
    const read1 = await read(SUISHOUJI, 'ssj.xls', xls);
    expect(read1.rows.map((r) => [r.line, r.type, signed(r)])).toEqual([
      [2, 'expense', -1850], [3, 'expense', -4500], [4, 'expense', -26800], [5, 'expense', -120000], [6, 'refund', 4500], [7, 'income', 1500000], [8, 'income', 32000], [9, 'transfer', -31350], [10, 'transfer', -50000],
    ]);
  });
});

describe('钱迹', () => {
  it('reads the table: 类型 gives the sign, 账户2 the transfer, 手续费 the fee, 已报销 a tag', async () => {
    const { rows } = await read(QIANJI, 'qj.csv', QIANJI_CSV);
    expect(rows.map((r) => [r.line, r.date, r.type, signed(r)])).toEqual([
      [2, '2026-09-01', 'expense', -1200], [3, '2026-09-02', 'expense', -8990], [4, '2026-09-03', 'expense', -3600], [5, '2026-09-10', 'income', 1500000],
      [6, '2026-09-15', 'transfer', -100000], [7, '2026-09-20', 'transfer', -3600], [8, '2026-09-22', 'refund', 1200],
    ]);
    expect(rows[0]).toMatchObject({ account: '微信钱包', category: '餐饮', subcategory: '早餐', note: '包子豆浆', tags: ['早餐', '日常'] });
    expect(rows[1]!.extras).toContain('优惠券: 5.00');
    expect(rows[2]!.tags).toEqual(['出差', '报销']);
    expect(rows[2]!.extras).toContain('已报销: 已报销');
    expect(rows[4]).toMatchObject({ account: '工商银行储蓄卡', toAccount: '微信钱包', fee: 100 });
    expect(rows[5]).toMatchObject({ toAccount: '招商银行信用卡' });
  });
});

describe('挖财', () => {
  it('the sheet names the type; 转出/转入账户 make a transfer; loans are left out', async () => {
    const { rows, skipped } = await read(WACAI, 'wc.xlsx', wacaiXlsx());
    expect(rows.map((r) => [r.sheet, r.type, r.account, signed(r)])).toEqual([
      ['支出', 'expense', '招商银行信用卡', -5800], ['支出', 'expense', '工商银行储蓄卡', -45000], ['收入', 'income', '工商银行储蓄卡', 300000], ['转账', 'transfer', '工商银行储蓄卡', -20000],
    ]);
    expect(rows[0]).toMatchObject({ merchant: '麦当劳', note: '午饭', tags: ['工作日'], currency: 'CNY', category: '餐饮', subcategory: '午餐' });
    expect(rows[0]!.extras).toEqual(['报销: 否', '成员: 爸爸']);
    expect(rows[3]!.toAccount).toBe('现金');
    expect(skipped).toHaveLength(1);
  });
});

describe('bad input: one error naming the line (and sheet) and the problem', () => {
  const fails = async (spec: AppSpec, name: string, content: Buffer | string) => {
    try {
      await read(spec, name, content);
    } catch (err) {
      if (!isPocketbookError(err)) throw err;
      return { line: err.location?.line, message: err.message };
    }
    throw new Error('expected a refusal');
  };
  const qianji = (row: string) => `${QIANJI_CSV.split('\n')[0]}\n${row}\n`;

  it('an unknown type is refused, never guessed', async () => {
    expect(await fails(QIANJI, 'qj.csv', qianji('1,2026-09-01 07:58:12,餐饮,早餐,借出,12.00,CNY,微信钱包,,,,,,,,,'))).toEqual({ line: 2, message: expect.stringContaining('借出') });
  });
  it('a bad date, a bad amount, a row without account, a transfer without its other account', async () => {
    expect((await fails(QIANJI, 'qj.csv', qianji('1,2026-13-45,餐饮,,支出,12.00,CNY,微信钱包,,,,,,,,,'))).message).toContain('2026-13-45');
    expect((await fails(QIANJI, 'qj.csv', qianji('1,2026-09-01,餐饮,,支出,12元整,CNY,微信钱包,,,,,,,,,'))).message).toContain('12元整');
    expect((await fails(QIANJI, 'qj.csv', qianji('1,2026-09-01,餐饮,,支出,12.00,CNY,,,,,,,,,,'))).line).toBe(2);
    expect((await fails(QIANJI, 'qj.csv', qianji('1,2026-09-01,,,转账,12.00,CNY,微信钱包,,,,,,,,,'))).line).toBe(2);
  });
  it('a 挖财 CSV without 交易类型 is refused: no sheet name to give the type, and no guessing', async () => {
    const csv = '类别,子类别,账户,币种,金额,时间,备注\n餐饮,午餐,招商银行信用卡,人民币,58.00,2026-09-04 12:10:00,午饭\n';
    expect(await fails(WACAI, 'wc.csv', csv)).toEqual({ line: 1, message: expect.stringContaining('交易类型') });
    const typed = await read(WACAI, 'wc.csv', csv.replace('类别,', '交易类型,类别,').replace('餐饮,', '支出,餐饮,'));
    expect(typed.rows.map(signed)).toEqual([-5800]);
  });
  it('names the sheet of a workbook, in Chinese too', async () => {
    const sheets = WACAI_SHEETS.map(([name, rows]) => [name, name === '收入' ? [...rows, ['工资', '', '工商银行储蓄卡', '人民币', 'abc', '2026-09-25', '', '', '']] : rows] as [string, string[][]]);
    const err = await fails(WACAI, 'wc.xlsx', workbookOf(sheets));
    expect(err).toEqual({ line: 3, message: expect.stringContaining('收入') });
    const before = getLocale();
    setLocale('zh');
    try {
      expect((await fails(WACAI, 'wc.xlsx', workbookOf(sheets))).message).toBe('工作表“收入”：金额“abc”不是有效金额');
    } finally {
      setLocale(before);
    }
  });
});
