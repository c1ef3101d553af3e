/**
 * Issue 26 points 2 and 3 through the built CLI: `benefit add` with a spend and a count target and a
 * fixed reward capped per year, entitlements with `benefit use`, `benefit status` (JSON, English and
 * Chinese text, --date, --exit-code) and bad input refused in one line with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempLedger } from './helpers.js';
import { importRows, json } from './perks-helpers.js';

const t = tempLedger('pb-benefit2-');
const on = (day: string) => ({ env: { POCKETBOOK_TODAY: day } });
afterAll(() => t.cleanup());

type Row = Record<string, unknown> & { name: string };
const status = (day: string, ...extra: string[]) => Object.fromEntries(json<Row[]>(t.run(['benefit', 'status', '--json', ...extra], on(day))).map((r) => [r.name, r]));
const add = (...args: string[]) => t.run(['benefit', 'add', ...args]);

beforeAll(() => {
  t.run(['account', 'add', 'PA Card', '--type', 'credit']);
  importRows(t, 'PA Card', 'pa.csv', [
    // August: 3 purchases of ≥ 50, 700 spent → the reward is earned.
    ['2026-08-03', 'HEMA FRESH', '-300.00'], ['2026-08-10', 'HEMA FRESH', '-300.00'], ['2026-08-20', 'UNIQLO', '-100.00'],
    // September: 700 spent but only 2 purchases of ≥ 50 (the 3rd is 20) → not earned.
    ['2026-09-02', 'HEMA FRESH', '-400.00'], ['2026-09-05', 'UNIQLO', '-280.00'], ['2026-09-06', 'METRO', '-20.00'],
    // October: both met again, but the yearly cap of 150 leaves 50 after August's 100.
    ['2026-10-02', 'HEMA FRESH', '-500.00'], ['2026-10-03', 'UNIQLO', '-60.00'], ['2026-10-04', 'UNIQLO', '-60.00'],
    // Car washes: one free (0.00), one co-paid.
    ['2026-10-05', 'SPARKLE CAR WASH', '0.00'], ['2026-11-05', 'SPARKLE CAR WASH', '-15.00'],
  ]);
});

describe('benefits with several conditions and a fixed reward', () => {
  it('adds a spend-and-count benefit with a fixed monthly reward and a yearly cap', () => {
    const r = add('Spend & swipe', '--account', 'PA Card', '--period', 'month', '--min-spend', '600', '--min-count', '3', '--min-amount', '50', '--reward-fixed', '100', '--reward-cap-year', '150');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/added benefit "Spend & swipe" on PA Card: spend ≥ 600.00 and 3 purchases of ≥ 50.00 per month/);
    const list = json<Row[]>(t.run(['benefit', 'list', '--json']));
    expect(list[0]).toMatchObject({ rule: 'spend ≥ 600.00 and 3 purchases of ≥ 50.00', reward: '100.00 per period met, at most 150.00 a year' });
  });

  it('status JSON: every condition, the furthest from done on top, rewards this period and this year', () => {
    expect(status('2026-08-31')['Spend & swipe']).toMatchObject({ status: 'met', reward_earned_period: '100.00', reward_earned_year: '100.00', reward_cap_year: '150.00' });
    const sep = status('2026-09-30')['Spend & swipe'];
    expect(sep).toMatchObject({
      status: 'at_risk', metric: 'count', target: '3', progress: '2', remaining: '1', reward_earned_period: '0.00', reward_earned_year: '100.00',
      conditions: [{ metric: 'spend', target: '600.00', progress: '700.00', remaining: '0.00' }, { metric: 'count', target: '3', progress: '2', remaining: '1' }],
    });
    // October meets both again; the yearly cap leaves 50.
    expect(status('2026-10-31')['Spend & swipe']).toMatchObject({ status: 'met', reward_earned_period: '50.00', reward_earned_year: '150.00' });
    // --date gives the same as that day's POCKETBOOK_TODAY.
    expect(status('2026-12-07', '--date', '2026-10-31')['Spend & swipe']).toMatchObject({ reward_earned_year: '150.00', period: { start: '2026-10-01', end: '2026-10-31' } });
  });

  it('the text says what is left in one sentence, in English and Chinese', () => {
    const en = t.run(['benefit', 'status', '--date', '2026-10-02'], on('2026-12-07')).stdout;
    expect(en).toContain('2 more purchases of at least 50 and 100.00 more spend by 2026-10-31');
    expect(en).toContain('reward: 0.00 this month · 100.00 of the 150.00 yearly cap');
    const zh = t.run(['--lang', 'zh', 'benefit', 'status', '--date', '2026-10-02'], on('2026-12-07')).stdout;
    expect(zh).toContain('还差 2 笔满 50 元的消费和100.00 元消费，截至 2026-10-31');
    expect(zh).toContain('奖励：本月 0.00 元 · 本年 100.00 元，年度上限 150.00 元');
  });
});

describe('entitlements', () => {
  it('adds an entitlement; matching entries of any amount are uses', () => {
    expect(add('Car wash', '--account', 'PA Card', '--entitlement', '2', '--period', 'month', '--merchant', 'car wash').code).toBe(0);
    expect(add('Lounge', '--account', 'PA Card', '--entitlement', '3', '--period', 'quarter').code).toBe(0);
    expect(status('2026-10-20')['Car wash']).toMatchObject({ kind: 'entitlement', allowed: 2, used: 1, left: 1, period: { start: '2026-10-01', end: '2026-10-31' }, status: 'on_track' });
  });

  it('benefit use records a use; used never passes allowed', () => {
    const r = t.run(['benefit', 'use', 'Car wash', '--date', '2026-10-12']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/recorded a use of "Car wash" on 2026-10-12: 2 of 2 used from 2026-10-01 to 2026-10-31, 0 left/);
    expect(json<Row>(t.run(['benefit', 'use', 'car wash', '--date', '2026-10-13', '--json']))).toMatchObject({ name: 'Car wash', used: 2, left: 0, allowed: 2 });
    expect(status('2026-10-20')['Car wash']).toMatchObject({ used: 2, left: 0, status: 'met', uses_recorded: 2, uses_from_entries: 1 });
  });

  it('lists what is unused this period, in Chinese and English; exit 3 when uses lapse within 7 days', () => {
    expect(t.run(['benefit', 'use', 'Lounge', '--date', '2026-11-02']).code).toBe(0);
    const zh = t.run(['--lang', 'zh', 'benefit', 'status'], on('2026-11-20')).stdout;
    expect(zh).toContain('本月还可免费使用 1 次Car wash，2026-11-30 到期');
    expect(zh).toContain('本季度还可免费使用 2 次Lounge，2026-12-31 到期');
    expect(t.run(['benefit', 'status'], on('2026-11-20')).stdout).toContain('2 free uses of Lounge left this quarter, lapsing after 2026-12-31');
    t.run(['benefit', 'remove', 'Spend & swipe']);
    expect(t.run(['benefit', 'status', '--exit-code'], on('2026-11-20')).code).toBe(0);
    // 2026-11-24: Car wash has 7 days left (today included) with one use unused.
    expect(t.run(['benefit', 'status', '--exit-code'], on('2026-11-24')).code).toBe(3);
    expect(status('2026-11-24')['Car wash']).toMatchObject({ status: 'at_risk', left: 1, days_left: 7 });
    expect(t.run(['benefit', 'status', '--exit-code'], on('2026-11-23')).code).toBe(0);
  });
});

describe('bad input: one line, nothing written', () => {
  it('refuses combinations that make no sense (usage, exit 2) and bad values (exit 1)', () => {
    const before = t.run(['benefit', 'list', '--json']).stdout;
    const cases: [string[], RegExp, number][] = [
      [['X', '--account', 'PA Card', '--min-balance', '10', '--min-spend', '10'], /--min-spend does not go with --min-balance/, 2],
      [['X', '--cashback', '5%', '--cap', '10', '--min-count', '2'], /--min-count does not go with --cashback/, 2],
      [['X', '--cashback', '5%', '--cap', '10', '--reward-fixed', '2'], /--reward-fixed does not go with --cashback/, 2],
      [['X', '--entitlement', '2', '--min-spend', '10'], /--min-spend does not go with --entitlement/, 2],
      [['X', '--entitlement', '0'], /--entitlement "0" is not a positive whole number/, 1],
      [['X', '--min-spend', '10', '--reward-cap-year', '100'], /--reward-cap-year needs --reward-fixed or --cashback/, 1],
      [['X', '--min-spend', '10', '--reward-fixed', '-5'], /--reward-fixed "-5" must be more than zero/, 1],
    ];
    for (const [args, message, code] of cases) {
      const r = add(...args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
    expect(t.run(['benefit', 'list', '--json']).stdout).toBe(before);
  });

  it('benefit use refuses unknown names, non-entitlements and bad dates', () => {
    add('Plain', '--min-spend', '10');
    const uses = (...args: string[]) => t.run(['benefit', 'use', ...args]);
    const zhUnknown = t.run(['--lang', 'zh', 'benefit', 'use', 'Nope']);
    expect(zhUnknown.code).toBe(1);
    expect(zhUnknown.stderr).toMatch(/没有名为“Nope”的权益/);
    for (const [args, message] of [[['Nope'], /no benefit named "Nope"/], [['Plain'], /"Plain" is not an entitlement/], [['Car wash', '--date', '2026-13-01'], /--date "2026-13-01" is not a date/]] as const) {
      const r = uses(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
    expect(t.run(['benefit', 'status', '--date', 'tomorrow']).code).toBe(1);
    expect(status('2026-10-20')['Car wash']).toMatchObject({ uses_recorded: 2 });
  });
});
