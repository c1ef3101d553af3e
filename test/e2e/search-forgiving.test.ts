/**
 * Bilingual merchants and forgiving search (issue 24 points 4 and 5), through the built CLI:
 * `tx list --search` and `merchant list --search` by either language's name, pinyin in full,
 * spaced or as initials, traditional characters, full width and any case; reports and listings
 * showing the locale's name; `merchant alias --en/--zh`.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempLedger } from './helpers.js';

interface Entry { id: number; description: string; merchant: string | null }

const CSV = `date,description,amount
2026-09-01,星巴克(静安嘉里店),-38.00
2026-09-02,POS 1234 STARBUCKS #0042 SHANGHAI,-42.00
2026-09-03,麥當勞 中環店,-45.00
2026-09-04,支付宝-盒马鲜生(古北店),-120.00
2026-09-05,支付宝-云膳过桥米线(传奇广场店),-32.00
2026-09-06,Taxi fare,-20.00
2026-09-07,瑞幸咖啡 订单号1234567890,-19.90
`;

describe('forgiving search and bilingual merchants (e2e)', () => {
  const t = tempLedger('pb-forgiving-');
  afterAll(() => t.cleanup());
  const json = <T,>(args: string[]): T => {
    const r = t.run([...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
  const found = (q: string) => json<Entry[]>(['tx', 'list', '--search', q]).map((e) => e.description);
  const STARBUCKS = ['星巴克(静安嘉里店)', 'POS 1234 STARBUCKS #0042 SHANGHAI'];

  beforeAll(() => {
    writeFileSync(t.file('sept.csv'), CSV);
    const r = t.run(['import', t.file('sept.csv'), '--account', 'Card']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('finds a merchant by pinyin in full, spaced, or as initials, in any case', () => {
    for (const q of ['xingbake', 'xing ba ke', 'xbk', 'XBK', 'XingBaKe']) expect(found(q), q).toEqual(STARBUCKS);
    expect(found('ysgq')).toEqual(['支付宝-云膳过桥米线(传奇广场店)']);
    expect(found('rxkf')).toEqual(['瑞幸咖啡 订单号1234567890']);
    expect(found('xbkz')).toEqual([]);
  });

  it("finds a merchant by either language's name", () => {
    expect(found('starbucks')).toEqual(STARBUCKS);
    expect(found('星巴克')).toEqual(STARBUCKS);
    expect(found('Freshippo')).toEqual(['支付宝-盒马鲜生(古北店)']);
    expect(found('Luckin')).toEqual(['瑞幸咖啡 订单号1234567890']);
    expect(found('Taxi')).toEqual(['Taxi fare']);
  });

  it('finds traditional characters with simplified ones and back, and full width', () => {
    expect(found('麦当劳')).toEqual(['麥當勞 中環店']);
    expect(found('麥當勞')).toEqual(['麥當勞 中環店']);
    expect(found('mdl')).toEqual(['麥當勞 中環店']);
    expect(found('ＳＴＡＲＢＵＣＫＳ')).toEqual(STARBUCKS);
    expect(found('ｔａｘｉ')).toEqual(['Taxi fare']);
  });

  it('merchant list --search is forgiving too', () => {
    const names = (q: string) => json<{ merchant: string }[]>(['merchant', 'list', '--search', q]).map((m) => m.merchant).sort();
    expect(names('xbk')).toEqual(names('星巴克'));
    expect(names('xbk').length).toBeGreaterThan(0);
    expect(names('麥當勞')).toEqual(names('mdl'));
  });

  it("shows the locale's name in listings and reports; JSON keeps the stored name", () => {
    const table = t.run(['tx', 'list', '--search', 'Freshippo']).stdout;
    expect(table).toContain('Freshippo');
    const stored = json<Entry[]>(['tx', 'list', '--search', 'Freshippo'])[0]!;
    expect(stored.merchant).toBe('盒马鲜生');
    const rank = json<{ items: { merchant: string; count: number }[] }>(['report', 'rank', '--by', 'merchant', '--month', '2026-09']);
    const names = rank.items.map((i) => i.merchant);
    expect(names).toContain('Freshippo');
    expect(names).not.toContain('盒马鲜生');
    // 星巴克 and Starbucks are one merchant under its English name.
    expect(rank.items.find((i) => i.merchant === 'Starbucks')?.count).toBe(2);
  });

  it('merchant alias --en / --zh records a name in the other language', () => {
    expect(found('Noodle House')).toEqual([]);
    const r = t.run(['merchant', 'alias', '--en', 'Rice Noodle House', '云膳过桥米线']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Rice Noodle House');
    expect(found('noodle house')).toEqual(['支付宝-云膳过桥米线(传奇广场店)']);
    // The listing shows the English name (the locale is English); JSON keeps the stored one.
    expect(t.run(['tx', 'list', '--search', 'noodle house']).stdout).toContain('Rice Noodle House');
    expect(json<Entry[]>(['tx', 'list', '--search', 'noodle house'])[0]!.merchant).toBe('云膳过桥米线');
    const zh = t.run(['merchant', 'alias', '--zh', '出租车', 'Taxi fare']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(found('czc')).toEqual(['Taxi fare']);
  });

  it('rejects a bad alias in one line: bad input exit 1, misuse exit 2', () => {
    const cases: [string[], number][] = [[['--en', 'A', '--zh', '乙', 'x'], 1], [['--en', 'Noodles', 'Noodle Bar'], 1], [['--en', 'X', '云膳', 'extra'], 2], [['云膳'], 2]];
    for (const [args, code] of cases) {
      const r = t.run(['merchant', 'alias', ...args]);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
