/**
 * Issue 26 points 5 and 8 through the built CLI, on the demo household's ledger: `offers` (JSON,
 * text in English and Chinese, --all, --expiring, bad files), `time` in `tx list --json`, `hours`
 * in `report month`, and a badge condition on the hour of day.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempLedger } from './helpers.js';
import { json } from './perks-helpers.js';

const t = tempLedger('pb-offers-');
const OFFERS = path.join(REPO_ROOT, 'examples', 'offers.yaml');
const asOf = ['--file', OFFERS, '--date', '2026-10-31'];
afterAll(() => t.cleanup());

beforeAll(() => {
  const r = t.run(['demo']);
  if (r.code !== 0) throw new Error(r.stderr);
});

type Offer = { name: string; matches: number; spend: string; saving_3m: string; valid_to: string | null; days_left: number | null; expired: boolean };

describe('pocketbook offers', () => {
  it('--json ranks the offers by what they would have saved, expired ones hidden', () => {
    const offers = json<Offer[]>(t.run(['offers', ...asOf, '--json']));
    // 盒马: six purchases Aug–Oct, three of them 150 or more → 3 × 20.
    expect(offers[0]).toEqual({ name: '盒马 满150减20', matches: 6, spend: '957.70', saving_3m: '60.00', valid_to: '2026-12-31', days_left: 61, expired: false });
    // Starbucks on the CMB card: 20% of each, at most 10.00 a purchase.
    expect(offers[1]).toMatchObject({ name: '招行信用卡 星巴克8折', matches: 6, saving_3m: '45.20' });
    // Coffee & tea on weekdays only: 3.00 off each.
    expect(offers.find((o) => o.name === '工作日咖啡立减3元')).toMatchObject({ saving_3m: '24.00', matches: 8 });
    expect(offers.map((o) => Number(o.saving_3m))).toEqual([...offers.map((o) => Number(o.saving_3m))].sort((a, b) => b - a));
    expect(offers.some((o) => o.name.startsWith('优衣库'))).toBe(false);
    const all = json<Offer[]>(t.run(['offers', ...asOf, '--all', '--json']));
    expect(all.find((o) => o.name.startsWith('优衣库'))).toMatchObject({ expired: true, valid_to: '2026-09-30', saving_3m: '50.00' });
    expect(all).toHaveLength(offers.length + 1);
  });

  it('--expiring lists the offers ending within 7 days', () => {
    const soon = json<Offer[]>(t.run(['offers', ...asOf, '--expiring', '--json']));
    expect(soon.map((o) => [o.name, o.days_left])).toEqual([['美团外卖 满30减5', 3], ['滴滴打车 9折', 5]]);
    const none = t.run(['offers', '--file', OFFERS, '--date', '2026-10-01', '--expiring']);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('no offer ends within 7 days');
  });

  it('text in English and Chinese', () => {
    const en = t.run(['offers', ...asOf]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Offers ranked by what they would have saved you, 2026-08-01 to 2026-10-31 (CNY)');
    expect(en.stdout).toMatch(/盒马 满150减20\s+6\s+957\.70\s+60\.00\s+2026-12-31\s+61/);
    expect(en.stdout).toContain('Best fit: 盒马 满150减20, 60.00 saved on 6 purchases over the last 3 months.');
    const zh = t.run(['--lang', 'zh', 'offers', ...asOf]);
    expect(zh.stdout).toContain('按 2026-08-01 至 2026-10-31 的实际消费，优惠可省金额排行（CNY）');
    expect(zh.stdout).toMatch(/优惠\s+符合笔数\s+消费金额\s+近3个月可省\s+有效期至\s+剩余天数/);
    expect(zh.stdout).toContain('长期有效');
    expect(zh.stdout).toContain('最划算：盒马 满150减20，近 3 个月 6 笔消费可省 60.00。');
    expect(t.run(['--lang', 'zh', 'offers', '--help']).stdout).toMatch(/优惠文件格式[\s\S]*周一..周日[\s\S]*示例|Examples/);
  });

  it('a bad file: one line naming the file, the offer and the problem; exit 1', () => {
    const bad = t.file('bad-offers.yaml');
    writeFileSync(bad, 'offers:\n  - name: 好的\n    merchant: 盒马\n    rule: { off: 5 }\n  - name: 坏的\n    merchant: 瑞幸\n    rule: { percent_off: 20, spend: 10 }\n');
    const r = t.run(['offers', '--file', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${bad}:7: offer 2 "坏的": rule must be {percent_off, max_off}, {spend, off} or {off}, not {percent_off, spend}`);
    writeFileSync(bad, 'offers:\n  - name: 不存在的卡\n    account: No Such Card\n    merchant: x\n    rule: { off: 5 }\n');
    const zh = t.run(['--lang', 'zh', 'offers', '--file', bad]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain(`${bad}:2: 第 1 个优惠“不存在的卡”：没有名为“No Such Card”的账户`);
    const missing = t.run(['offers', '--file', t.file('nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.yaml: cannot read the offers file (ENOENT)');
  });
});

describe('time of day', () => {
  type Tx = { date: string; time: string | null; description: string; account: string };
  it('tx list --json has time: HH:MM from the wallets, null where the statement has none', () => {
    const list = json<Tx[]>(t.run(['tx', 'list', '--month', '2026-09', '--json']));
    expect(list.find((x) => x.description.includes('全家便利店'))?.time).toBe('07:45');
    expect(list.find((x) => x.description.includes('滴滴出行 / 快车'))?.time).toBe('23:50');
    expect(list.filter((x) => x.account === 'CMB Credit Card').every((x) => x.time === null)).toBe(true);
    // The checking OFX stamps every row 12:00:00: a placeholder, not a time.
    expect(list.filter((x) => x.account === 'CMB Checking').every((x) => x.time === null)).toBe(true);
    expect(list.every((x) => x.time === null || /^\d{2}:\d{2}$/.test(x.time))).toBe(true);
  });

  it('report month: hours in JSON and the busiest hours in the text', () => {
    const report = json<{ hours: { hour: number; amount: string; count: number }[] }>(t.run(['report', 'month', '2026-10', '--json']));
    expect(report.hours).toEqual([
      { hour: 7, amount: '12.50', count: 1 },
      { hour: 8, amount: '18.00', count: 1 },
      { hour: 12, amount: '80.00', count: 2 },
      { hour: 16, amount: '199.00', count: 1 },
      { hour: 18, amount: '128.50', count: 1 },
      { hour: 23, amount: '23.40', count: 1 },
    ]);
    const zh = t.run(['--lang', 'zh', 'report', 'month', '2026-10']).stdout;
    expect(zh).toMatch(/消费时段\n16–17 点\s+199\.00，1 笔\n18–19 点\s+128\.50，1 笔\n12–13 点\s+80\.00，2 笔/);
    const md = t.run(['report', 'month', '2026-10', '--format', 'markdown']).stdout;
    expect(md).toContain('16:00–17:00');
  });

  it('a badge condition on the hour: count(hour >= 22)', () => {
    const file = t.file('night.yaml');
    writeFileSync(file, 'badges:\n  - id: night-owl\n    name: Night owl 夜猫子\n    when: count(hour >= 22) >= 1\n  - id: early-bird\n    name: Early bird 早起鸟\n    when: count(hour < 7) >= 1\n');
    const badges = json<{ id: string; earned: boolean; reason: string }[]>(t.run(['badges', '2026-10', '--file', file, '--json']));
    expect(badges.find((b) => b.id === 'night-owl')).toMatchObject({ earned: true, reason: 'count(hour >= 22) >= 1: 1 >= 1 ✓' });
    expect(badges.find((b) => b.id === 'early-bird')).toMatchObject({ earned: false });
  });
});
