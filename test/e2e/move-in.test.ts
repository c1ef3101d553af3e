/**
 * Moving in (issue 28 point 2) through the built CLI: the exports of 随手记, 钱迹 and 挖财 import with
 * no flag into their own accounts, with signs from their type column, transfers linked (never
 * spending or income), categories mapped (shown, written to and read from `--category-map`), notes
 * and tags; a bad file is one located line, exit 1, nothing written; pocketbook's own JSON export
 * moves a ledger with the same report totals.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { type TempLedger, tempLedger } from './helpers.js';
import { QIANJI_CSV, writeMoveInFixtures } from '../fixtures/movein/fixtures.js';

interface Tx {
  id: number;
  date: string;
  amount: string;
  account: string;
  description: string;
  merchant: string | null;
  category: string | null;
  kind: string;
  tags: string[];
  notes: string[];
}

const ok = (t: TempLedger, args: string[]) => {
  const r = t.run(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
const json = <T,>(t: TempLedger, args: string[]): T => JSON.parse(ok(t, [...args, '--json'])) as T;
const month = (t: TempLedger) => json<{ spending: string; income: string }>(t, ['report', 'month', '2026-09']);

describe('import of 随手记, 钱迹 and 挖财 exports', () => {
  const made: TempLedger[] = [];
  const fresh = () => {
    const t = tempLedger('pb-movein-');
    made.push(t);
    return { t, files: writeMoveInFixtures(t.dir) };
  };
  afterAll(() => made.forEach((t) => t.cleanup()));

  it('随手记: accounts, signs, linked transfers, mapped categories, notes and tags', () => {
    const { t, files } = fresh();
    const run = json<{ files: { format: string; new: number; skipped: number; transfers: number; category_map: { from: string; to: string; n: number; created: boolean }[] }[] }>(t, ['import', files.suishouji]);
    expect(run.files[0]).toMatchObject({ format: 'suishouji', new: 11, skipped: 1, transfers: 2 });
    expect(run.files[0]!.category_map).toContainEqual({ from: '食品酒水/早午晚餐', to: 'Dining:Restaurants', n: 2, created: false });
    expect(run.files[0]!.category_map).toContainEqual({ from: '新家/瓷砖', to: '新家:瓷砖', n: 1, created: true });
    const accounts = json<{ name: string; type: string }[]>(t, ['account', 'list']).map((a) => [a.name, a.type]);
    expect(accounts.sort()).toEqual([['工商银行储蓄卡', 'checking'], ['招商银行信用卡', 'credit'], ['支付宝', 'wallet'], ['现金', 'cash']].sort());
    const list = json<Tx[]>(t, ['tx', 'list']);
    expect(list.find((e) => e.merchant === '永和豆浆')).toMatchObject({ amount: '-18.50', account: '现金', category: 'Dining:Restaurants', kind: 'expense', notes: ['早餐', '成员: 爸爸', '记账人: 陈先生'] });
    expect(list.find((e) => e.description === '海底捞' && e.kind === 'expense')).toMatchObject({ category: 'Dining', notes: expect.arrayContaining(['app category: 食品酒水/夜宵']) });
    expect(list.find((e) => e.kind === 'refund')).toMatchObject({ amount: '45.00', category: 'Dining:Restaurants' });
    expect(list.find((e) => e.merchant === '建材市场')).toMatchObject({ category: '新家:瓷砖', tags: ['装修'] });
    expect(list.filter((e) => e.kind === 'transfer').map((e) => [e.account, e.amount]).sort()).toEqual([['工商银行储蓄卡', '-313.50'], ['工商银行储蓄卡', '-500.00'], ['招商银行信用卡', '313.50'], ['支付宝', '500.00']].sort());
    const transfer = list.find((e) => e.amount === '-313.50')!;
    expect(json<{ transfer_peer: { account: string } | null }>(t, ['tx', 'show', String(transfer.id)]).transfer_peer).toMatchObject({ account: '招商银行信用卡' });
    expect(month(t)).toMatchObject({ spending: '1486.50', income: '15320.00' });
  });

  it('钱迹: the fee of a transfer is spending, 已报销 becomes a tag, and the summary shows the mapping in Chinese', () => {
    const { t, files } = fresh();
    const r = t.run(['import', files.qianji, '--lang', 'zh']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('格式：qianji');
    expect(r.stdout).toContain('分类对应（App → 本账本）：');
    expect(r.stdout).toContain('餐饮/早餐 → 餐饮:餐厅（2 笔）');
    const list = json<Tx[]>(t, ['tx', 'list']);
    expect(list.find((e) => e.description === '出差打车')).toMatchObject({ amount: '-36.00', category: 'Transport:Taxi', tags: ['出差', '报销'] });
    expect(list.find((e) => e.category === 'Fees & interest:Transfer fees')).toMatchObject({ amount: '-1.00', account: '工商银行储蓄卡', kind: 'expense' });
    expect(list.filter((e) => e.kind === 'transfer')).toHaveLength(4);
    expect(month(t)).toMatchObject({ spending: '126.90', income: '15000.00' });
  });

  it('挖财: the sheet gives the type; loans are skipped; --type wacai forces the reader', () => {
    const { t, files } = fresh();
    const run = json<{ files: { format: string; new: number; skipped: number; transfers: number }[] }>(t, ['import', files.wacai, '--type', 'wacai']);
    expect(run.files[0]).toMatchObject({ format: 'wacai', new: 5, skipped: 1, transfers: 1 });
    const list = json<Tx[]>(t, ['tx', 'list']);
    expect(list.find((e) => e.merchant === '麦当劳')).toMatchObject({ amount: '-58.00', category: 'Dining:Restaurants', tags: ['工作日'], notes: ['午饭', '报销: 否', '成员: 爸爸'] });
    expect(list.find((e) => e.account === '现金')).toMatchObject({ amount: '200.00', kind: 'transfer' });
    // 房屋 is no category of the apps' defaults, 物业费 is one of ours by name
    expect(list.find((e) => e.merchant === '物业公司')).toMatchObject({ category: 'Housing:Property fees', notes: expect.arrayContaining(['app category: 房屋/物业费']) });
    expect(month(t)).toMatchObject({ spending: '508.00', income: '3000.00' });
    expect(json<unknown[]>(t, ['tx', 'list'])).toHaveLength(5); // a second import adds nothing
    expect(json<{ files: { new: number; duplicates: number }[] }>(t, ['import', files.wacai]).files[0]).toMatchObject({ new: 0, duplicates: 5 });
  });

  it('--category-map: written with the mapping used, then edited and read back', () => {
    const { t, files } = fresh();
    const map = t.file('categories.yaml');
    const dry = t.run(['import', files.suishouji, '--dry-run', '--category-map', map]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`category map written to ${map}`);
    expect(json<unknown[]>(t, ['tx', 'list'])).toHaveLength(0);
    const written = readFileSync(map, 'utf8');
    expect(written).toMatch(/^expense:\n(?:.*\n)*? {2}新家\/瓷砖: 新家:瓷砖$/m);
    writeFileSync(map, written.replace('新家/瓷砖: 新家:瓷砖', '新家/瓷砖: Housing:Renovation').replace(/食品酒水\/早午晚餐: .*/, '食品酒水/早午晚餐: 餐饮:食堂'));
    const r = t.run(['import', files.suishouji, '--category-map', map]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`category map read from ${map}`);
    expect(r.stdout).toContain('新家/瓷砖 → Housing:Renovation (entries: 1)');
    const list = json<Tx[]>(t, ['tx', 'list']);
    expect(list.find((e) => e.merchant === '建材市场')?.category).toBe('Housing:Renovation');
    expect(list.find((e) => e.merchant === '永和豆浆')?.category).toBe('Dining:Canteen');
    expect(json<{ name: string }[]>(t, ['category', 'list']).some((c) => c.name === '新家')).toBe(false);
  });

  it('a bad file: one line naming the file, line and problem; exit 1; nothing written', () => {
    const { t, files } = fresh();
    ok(t, ['import', files.wacai]);
    const before = ok(t, ['tx', 'list', '--json']);
    const bad = t.file('qianji-bad.csv');
    writeFileSync(bad, QIANJI_CSV.replace('7,2026-09-22 15:00:00,餐饮,早餐,退款', '7,2026-09-22 15:00:00,餐饮,早餐,借出'));
    const r = t.run(['import', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/qianji-bad\.csv:8: type "借出" is not one this importer knows/);
    const zh = t.run(['import', bad, '--lang', 'zh']);
    expect(zh.stderr).toMatch(/qianji-bad\.csv:8: 类型“借出”无法识别/);
    const map = t.file('bad-map.yaml');
    writeFileSync(map, 'expense:\n  餐饮: [a, b]\n');
    const m = t.run(['import', files.qianji, '--category-map', map]);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/bad-map\.yaml:2: /);
    const unwritable = t.run(['import', files.qianji, '--category-map', t.file('no-such-folder/map.yaml')]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/no-such-folder\/map\.yaml: cannot write the category map/);
    expect(ok(t, ['tx', 'list', '--json'])).toBe(before);
  });
});

describe('export --format json moves a ledger', () => {
  const a = tempLedger('pb-json-a-');
  const b = tempLedger('pb-json-b-');
  afterAll(() => (a.cleanup(), b.cleanup()));

  it('imported into an empty ledger, the reports are equal; again, nothing is added', () => {
    ok(a, ['demo']);
    const spend = json<Tx[]>(a, ['tx', 'list']).find((e) => e.kind === 'expense')!;
    ok(a, ['tx', 'tag', String(spend.id), '出差']);
    ok(a, ['tx', 'note', String(spend.id), '发票已交']);
    const list = json<Tx[]>(a, ['tx', 'list']);
    const file = a.file('ledger.json');
    writeFileSync(file, ok(a, ['export', '--format', 'json']));
    expect(json<{ files: { format: string; new: number }[] }>(b, ['import', file]).files[0]).toMatchObject({ format: 'pocketbook-json', new: list.length });
    const totals = (t: TempLedger, m: string) => {
      const r = json<{ spending: string; income: string; net: string; categories: unknown[]; merchants: unknown[]; channels: unknown[] }>(t, ['report', 'month', m]);
      return { spending: r.spending, income: r.income, net: r.net, categories: r.categories, merchants: r.merchants, channels: r.channels };
    };
    for (const m of ['2026-08', '2026-09', '2026-10']) expect(totals(b, m), m).toEqual(totals(a, m));
    const year = (t: TempLedger) => {
      const r = json<Record<string, unknown>>(t, ['report', 'year', '2026']);
      return { spending: r.spending, income: r.income, net: r.net, months: r.months, categories: r.categories, income_categories: r.income_categories };
    };
    expect(year(b)).toEqual(year(a));
    const entries = (l: Tx[]) => l.map((e) => JSON.stringify({ ...e, id: 0 })).sort();
    expect(entries(json<Tx[]>(b, ['tx', 'list']))).toEqual(entries(list));
    expect(json<Tx[]>(b, ['tx', 'list', '--tag', '出差'])[0]).toMatchObject({ notes: ['发票已交'] });
    expect(json<{ files: { new: number }[] }>(b, ['import', file]).files[0]).toMatchObject({ new: 0 });
  });

  it('a bad entry is refused with its line; nothing written', () => {
    const t = tempLedger('pb-json-bad-');
    const file = t.file('bad.json');
    writeFileSync(file, '[\n  {"id":1,"date":"2026-09-01","amount":"-5.00","currency":"CNY","account":"Cash","description":"tea","merchant":null,"category":null,"kind":"expense","channel":"cash","tags":[],"notes":[]},\n  {"id":2,"date":"2026-09-31","amount":"-5.00","currency":"CNY","account":"Cash","description":"tea","merchant":null,"category":null,"kind":"expense","channel":"cash","tags":[],"notes":[]}\n]\n');
    const r = t.run(['import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json:3: entry 2: field "date" is missing or not a date/);
    expect(json<unknown[]>(t, ['tx', 'list'])).toHaveLength(0);
    writeFileSync(file, '[\n  {"id":1,"date":"2026-09-01","time":"25:61","amount":"-5.00","currency":"CNY","account":"Cash","description":"tea","merchant":null,"category":null,"kind":"expense","channel":"cash","tags":[],"notes":[]}\n]\n');
    const badTime = t.run(['import', file]);
    expect([badTime.code, badTime.stderr.trim()]).toEqual([1, expect.stringMatching(/bad\.json:2: entry 1: field "time" is missing or not a time of day like 08:30, or null$/)]);
    expect(json<unknown[]>(t, ['tx', 'list'])).toHaveLength(0);
    t.cleanup();
  });
});
