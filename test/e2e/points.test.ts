/** `points rule|set|status|advise` and `cards best` through the built CLI, in English and Chinese. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { tempLedger } from './helpers.js';
import { importRows, json } from './perks-helpers.js';

const t = tempLedger('pb-points-');
afterAll(() => t.cleanup());
const ok = (args: string[]) => {
  const r = t.run(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
const fails = (args: string[], pattern: RegExp) => {
  const r = t.run(args);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
};
type Status = { account: string; balance: number; earned_this_month: number; expiring: { date: string; points: number }[] };

beforeAll(() => {
  ok(['account', 'add', 'CMB Card', '--type', 'credit']);
  ok(['account', 'add', 'PA Card', '--type', 'credit']);
  ok(['account', 'add', 'Wallet', '--type', 'wallet']);
  importRows(t, 'CMB Card', 'cmb.csv', [
    ['2026-09-05', 'HAIDILAO HOTPOT', '-300.00'], // dining ×2: 15 × 2 = 30
    ['2026-09-12', 'HAIDILAO HOTPOT', '-39.90'], // floor(1.995) = 1 × 2 = 2
    ['2026-10-02', 'WALMART SUPERMARKET', '-219.00'], // 10 (floor)
  ]);
  importRows(t, 'Wallet', 'wallet.csv', [['2026-10-10', 'HAIDILAO HOTPOT', '-500.00']]);
  writeFileSync(t.file('rewards.yaml'), 'rewards:\n  - {name: Coffee, points: 30, value: 3}\n  - {name: Phone credit, points: 20, value: 1}\n  - {name: Suitcase, points: 3000, value: 399}\n');
});

describe('points rules', () => {
  it('add, list and remove; errors are one line, exit 1, nothing written', () => {
    expect(ok(['points', 'rule', 'add', '--account', 'CMB Card', '--per', '20', '--expire-months', '12'])).toMatch(/added points rule 1 on CMB Card: 1 point per 20.00 on every purchase, lapsing 12 months after the month earned/);
    expect(ok(['--lang', 'zh', 'points', 'rule', 'add', '--account', 'CMB Card', '--per', '20', '--category', '餐饮', '--times', '2', '--expire-months', '12'])).toMatch(/已为CMB Card添加积分规则 2：每 20.00 元积 1 分，餐饮类 ×2 倍，获得当月之后 12 个月到期/);
    ok(['points', 'rule', 'add', '--account', 'PA Card', '--per', '10', '--expire', 'year-end']);
    fails(['points', 'rule', 'add', '--account', 'CMB Card', '--per', '20'], /already has a points rule/);
    fails(['points', 'rule', 'add', '--account', 'Nope', '--per', '20'], /no account named "Nope"/);
    fails(['points', 'rule', 'add', '--account', 'CMB Card', '--per', '0', '--category', 'Shopping'], /--per "0" must be more than zero/);
    fails(['points', 'rule', 'add', '--account', 'CMB Card', '--per', '20', '--times', '2'], /--times goes with --category/);
    fails(['points', 'rule', 'add', '--account', 'CMB Card', '--per', '20', '--category', 'Shopping', '--expire', 'soon'], /--expire must be year-end/);
    fails(['--lang', 'zh', 'points', 'rule', 'add', '--account', 'CMB Card', '--per', '20', '--category', '购物', '--expire-months', 'x'], /--expire-months 必须是不小于 1 的整数/);
    const list = json<{ id: number; account: string; category: string | null; per: string; times: number; expire: string }[]>(t.run(['points', 'rule', 'list', '--json']));
    expect(list.map((r) => [r.id, r.account, r.category, r.per, r.times, r.expire])).toEqual([
      [1, 'CMB Card', null, '20.00', 1, 'months'], [2, 'CMB Card', 'Dining', '20.00', 2, 'months'], [3, 'PA Card', null, '10.00', 1, 'year-end'],
    ]);
    expect(ok(['points', 'rule', 'remove', '3'])).toMatch(/removed points rule 3/);
    fails(['points', 'rule', 'remove', '3'], /no points rule 3/);
    expect(ok(['--lang', 'zh', 'points', 'rule', 'list'])).toMatch(/编号\s+账户\s+规则/);
  });
});

describe('points set and status', () => {
  it('status: entries earn per entry with multipliers; JSON contract', () => {
    const s = json<Status[]>(t.run(['points', 'status', '--json', '--date', '2026-10-31']));
    expect(s).toEqual([{ account: 'CMB Card', balance: 42, earned_this_month: 10, expiring: [{ date: '2027-09-30', points: 32 }, { date: '2027-10-31', points: 10 }], as_of: '2026-10-31' }]);
  });

  it('an opening balance: entries after its day add to it; a refund takes from the oldest lot', () => {
    expect(ok(['points', 'set', '--account', 'CMB Card', '--balance', '1000', '--date', '2026-09-01'])).toMatch(/CMB Card: 1,000 points on 2026-09-01/);
    // A purchase beside the refund, so the file's signs read as they are written.
    importRows(t, 'CMB Card', 'refund.csv', [['2026-10-20', 'HAIDILAO REFUND', '39.90'], ['2026-10-21', 'METRO', '-5.00']]);
    const s = json<Status[]>(t.run(['points', 'status', '--json', '--date', '2026-10-31']))[0]!;
    // 1000 + 32 + 10 − the refund's 2 (dining ×2), taken from the opening lot of 2026-09.
    expect(s).toMatchObject({ balance: 1040, earned_this_month: 8, expiring: [{ date: '2027-09-30', points: 1030 }, { date: '2027-10-31', points: 10 }] });
    // Before the opening balance's day, only the entries up to then.
    expect(json<Status[]>(t.run(['points', 'status', '--json', '--date', '2026-08-31']))[0]).toMatchObject({ balance: 0, earned_this_month: 0, expiring: [] });
  });

  it('a correction lower than the ledger counts is a redemption from the oldest points', () => {
    ok(['points', 'set', '--account', 'CMB Card', '--balance', '40', '--date', '2026-10-25']);
    const s = json<Status[]>(t.run(['points', 'status', '--json', '--date', '2026-10-31']))[0]!;
    expect(s).toMatchObject({ balance: 40, expiring: [{ date: '2027-09-30', points: 30 }, { date: '2027-10-31', points: 10 }] });
    ok(['points', 'set', '--account', 'CMB Card', '--balance', '1040', '--date', '2026-10-25']);
  });

  it('text in English and Chinese; bad dates and balances fail', () => {
    expect(ok(['points', 'status', '--date', '2026-10-31'])).toMatch(/Points as of 2026-10-31\nCMB Card: 1,040 points \(8 earned this month\)\n {2}\d[\d,]* points lapse on 2027-09-30/);
    expect(ok(['--lang', 'zh', 'points', 'status', '--date', '2026-10-31'])).toMatch(/积分（截至 2026-10-31）\nCMB Card：1,040 分（本月新增 8 分）\n {2}[\d,]+ 分将于 2027-09-30 到期/);
    fails(['points', 'status', '--date', '2026-13-01'], /"2026-13-01" is not a date/);
    fails(['points', 'set', '--account', 'CMB Card', '--balance', '-5'], /--balance must be a whole number/);
    fails(['--lang', 'zh', 'points', 'set', '--account', 'CMB Card'], /请用 --balance/);
  });
});

describe('points advise', () => {
  it('ranks by value per point, best first, with what the balance affords', () => {
    const rows = json<{ name: string; points: number; value: string; value_per_point: string; affordable: boolean }[]>(t.run(['points', 'advise', '--catalogue', t.file('rewards.yaml'), '--date', '2026-10-31', '--json']));
    expect(rows).toEqual([
      { name: 'Suitcase', points: 3000, value: '399.00', value_per_point: '0.133', affordable: false },
      { name: 'Coffee', points: 30, value: '3.00', value_per_point: '0.10', affordable: true },
      { name: 'Phone credit', points: 20, value: '1.00', value_per_point: '0.05', affordable: true },
    ]);
  });

  it('text names what lapses first and what it buys, in English and Chinese', () => {
    const en = ok(['points', 'advise', '--catalogue', t.file('rewards.yaml'), '--date', '2026-10-31']);
    expect(en).toMatch(/1\s+Suitcase\s+3,000\s+399\.00\s+0\.133\s*\n/);
    expect(en).toMatch(/CMB Card has 1,040 points on 2026-10-31: enough for 2 of these rewards\.\nFirst to lapse: 1,030 points on 2027-09-30; the best they buy is Coffee \(worth 3\.00\)\./);
    const zh = ok(['--lang', 'zh', 'points', 'advise', '--catalogue', t.file('rewards.yaml'), '--date', '2026-10-31']);
    expect(zh).toMatch(/✓ 可兑换/);
    expect(zh).toMatch(/最先到期：1,030 分将于 2027-09-30 到期，最划算的用法是兑换“Coffee”（价值 3\.00 元）。/);
  });

  it('a bad catalogue: one line naming the file, the entry and the problem', () => {
    writeFileSync(t.file('bad.yaml'), 'rewards:\n  - {name: Coffee, points: 30, value: 3}\n  - {name: Lamp, points: 1.5, value: 3}\n');
    fails(['points', 'advise', '--catalogue', t.file('bad.yaml')], /bad\.yaml:3: reward 2 \("Lamp"\): points must be a whole number above 0, not "1\.5"/);
    fails(['--lang', 'zh', 'points', 'advise', '--catalogue', t.file('bad.yaml')], /bad\.yaml:3: 第 2 个礼品（“Lamp”）：points 必须是大于 0 的整数/);
    fails(['points', 'advise', '--catalogue', t.file('missing.yaml')], /missing\.yaml: cannot read the rewards catalogue/);
    fails(['points', 'advise'], /give --catalogue FILE/);
  });
});

describe('cards best', () => {
  type Best = { category: string; spend: string; best_account: string | null; best_earned: string; actual_earned: string };
  it('the card earning most per top category beside what was earned; JSON contract', () => {
    ok(['benefit', 'add', 'PA dining', '--account', 'PA Card', '--cashback', '5%', '--cap', '20', '--category', 'Dining', '--period', 'month']);
    const rows = json<Best[]>(t.run(['cards', 'best', '--json', '--catalogue', t.file('rewards.yaml')]));
    const dining = rows.find((r) => r.category === 'Dining')!;
    // Dining, 2026-08-01 … 2026-10-21: 300 + 39.90 (Sep) + 500 − 39.90 (Oct) = 800.00.
    // PA: 5% capped at 20 a month: Sep 16.99, Oct 20.00 → 36.99. CMB: (30 + 2 + 50 − 2) points × 0.133 = 80 × 399/3000 = 10.64.
    // Actually earned on the CMB card: (30 + 2 − 2) points = 30 × 0.133 = 3.99.
    expect(dining).toEqual({ category: 'Dining', spend: '800.00', best_account: 'PA Card', best_earned: '36.99', actual_earned: '3.99', best_cashback: '36.99', best_points: 0, actual_points: 30, currency: 'CNY', from: '2026-08-01', to: '2026-10-21' });
    expect(rows.map((r) => r.category)).toContain('Groceries');
    expect(rows.find((r) => r.category === 'Groceries')).toMatchObject({ best_account: 'CMB Card', best_earned: '1.33', actual_earned: '1.33' });
  });

  it('text says the window and how points are valued, in English and Chinese', () => {
    const en = ok(['cards', 'best', '--months', '2', '--date', '2026-10-31']);
    expect(en).toMatch(/^Last 2 months, 2026-09-01 to 2026-10-31 \(up to --date\)/);
    expect(en).toMatch(/Dining\s+800\.00\s+PA Card\s+36\.99\s+3\.99/);
    expect(en).toMatch(/CMB Card points valued at 0\.133 a point \(Suitcase\)\./);
    const zh = ok(['--lang', 'zh', 'cards', 'best']);
    expect(zh).toMatch(/^最近 3 个月：2026-08-01 至 2026-10-21（截至最后一笔账目）/);
    expect(zh).toMatch(/分类\s+支出（CNY）\s+最划算的卡\s+可得收益\s+实际收益/);
    expect(zh).toMatch(/餐饮\s+800\.00\s+PA Card/);
    fails(['cards', 'best', '--months', '0'], /--months/);
    fails(['cards', 'best', '--catalogue', t.file('bad.yaml')], /bad\.yaml:3:/);
  });
});

describe('on the demo ledger', () => {
  const d = tempLedger('pb-points-demo-');
  afterAll(() => d.cleanup());
  const run = (args: string[]) => {
    const r = d.run(args);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  it('the demo card has points, advice and a best card per category', () => {
    run(['demo']);
    const s = JSON.parse(run(['points', 'status', '--date', '2026-10-31', '--json'])) as Status[];
    expect(s).toHaveLength(1);
    expect(s[0]!.account).toBe('CMB Credit Card');
    expect(s[0]!.balance).toBeGreaterThan(8600);
    expect(s[0]!.earned_this_month).toBeGreaterThan(0);
    expect(s[0]!.expiring[0]!.date).toBe('2027-08-31');
    const advice = JSON.parse(run(['points', 'advise', '--catalogue', 'examples/rewards.yaml', '--date', '2026-10-31', '--json'])) as { affordable: boolean }[];
    expect(advice.length).toBeGreaterThan(3);
    expect(advice.some((r) => r.affordable)).toBe(true);
    const best = JSON.parse(run(['cards', 'best', '--json'])) as { best_account: string | null; best_earned: string }[];
    expect(best.length).toBeGreaterThan(0);
    expect(best.every((r) => r.best_account === 'CMB Credit Card' && Number(r.best_earned) > 0)).toBe(true);
    expect(run(['--lang', 'zh', 'cards', 'best'])).toMatch(/CMB Credit Card积分按每分 [\d.]+ 元估值/);
  });

  it('help with examples in both languages', () => {
    expect(run(['points', '--help'])).toMatch(/Examples:[\s\S]*points rule add --account "CMB Card" --per 20/);
    expect(run(['--lang', 'zh', 'points', 'rule', 'add', '--help'])).toMatch(/招行信用卡[\s\S]*--category 餐饮 --times 3/);
    expect(run(['--lang', 'zh', 'cards', 'best', '--help'])).toMatch(/最近 N 个月/);
    expect(run(['points', 'advise', '--help'])).toMatch(/examples\/rewards\.yaml/);
  });
});
