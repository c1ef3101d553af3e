import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { merchantKey, normalizeMerchant } from '../../../src/rules/merchant.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

describe('normalizeMerchant', () => {
  it.each([
    ['POS 1234 STARBUCKS #0042 SHANGHAI', 'Starbucks'],
    ['ＳＴＡＲＢＵＣＫＳ', 'Starbucks'],
    ['支付宝-云膳过桥米线(传奇广场店)', '云膳过桥米线'],
    ['财付通-美团外卖', '美团外卖'],
    ['微信支付-瑞幸咖啡（静安嘉里店）', '瑞幸咖啡'],
    ['POS MERCHANDISE;MCDONALD\'S #112', "McDonald's"],
    ['SALES:   MCDONALDS                 CHN          CN', "McDonald's"],
    ['QR       YAHUI CATERING CO.,LTD.   CHN          CN', 'Yahui Catering'],
    ['QR       7-ELEVEN CONVENIENCE      CHN          CN', '7-Eleven'],
    ['CAFE MOGADOR 0048   NEW YORK   ', 'Cafe Mogador'],
    ['TAKAHACHI RESTAURANTNEW YORK', 'Takahachi Restaurant'],
    ['DUANE READE #14354 0NEW YORK   ', 'Duane Reade'],
    ['BARNES &amp; NOBLE 2675 NEW YORK   ', 'Barnes & Noble'],
    ['AMAZON MKTPLACE PMTS AMZN.COM/BI', 'Amazon'],
    ['Amazon Order 54429302', 'Amazon'],
    ['SPOTIFY USA         28770130901', 'Spotify'],
    ['国网电力有限公司99999999999999', '国网电力'],
    ['交通银行信用卡(7449)', '交通银行信用卡'],
    ['掌上生活影票-电影票', '掌上生活影票'],
    ['MISCELLANEOUS PAYMENTS;Joe\'s Bald Hairstyles', "Joe's Bald Hairstyles"],
  ])('%s → %s', (raw, clean) => {
    expect(normalizeMerchant(raw)).toBe(clean);
  });

  it('merges case and width variants into one name', () => {
    const names = ['STARBUCKS', 'starbucks', 'Starbucks', 'ｓｔａｒｂｕｃｋｓ'].map(normalizeMerchant);
    expect(new Set(names).size).toBe(1);
    expect(merchantKey('ＡＢＣ  Coffee')).toBe(merchantKey('abc coffee'));
  });

  it('gives nothing for empty or placeholder text', () => {
    expect(normalizeMerchant('')).toBeUndefined();
    expect(normalizeMerchant('/')).toBeUndefined();
    expect(normalizeMerchant('123456 7890')).toBeUndefined();
  });
});

describe.skipIf(!existsSync(CORPUS))('normalizeMerchant on the corpus', () => {
  const names = new Set<string>();
  // The body runs even when the suite is skipped: read only what is there.
  for (const dir of ['ofx', 'qfx'].filter((d) => existsSync(path.join(CORPUS, d)))) {
    for (const f of readdirSync(path.join(CORPUS, dir))) {
      const text = readFileSync(path.join(CORPUS, dir, f), 'latin1');
      for (const m of text.matchAll(/<NAME>([^<\r\n]+)/g)) if (m[1]!.trim()) names.add(m[1]!.trim());
    }
  }
  const hsbc = path.join(CORPUS, 'csv', 'deg__example-hsbchk-credit-records.csv');
  const hsbcDescriptions = existsSync(hsbc)
    ? readFileSync(hsbc, 'utf8').split('\n').slice(1).map((l) => /^[^,]*,[^,]*,("[^"]*"|[^,]*)/.exec(l)?.[1]?.replace(/"/g, '')).filter((d): d is string => Boolean(d))
    : [];

  it('reads a sample of real descriptions', () => {
    expect(names.size).toBeGreaterThan(20);
    expect(hsbcDescriptions.length).toBeGreaterThan(5);
  });

  it('never leaves long digit runs, store numbers or trailing city names', () => {
    for (const raw of [...names, ...hsbcDescriptions]) {
      const clean = normalizeMerchant(raw);
      if (clean === undefined) continue;
      expect(clean, raw).not.toMatch(/\d{4,}/);
      expect(clean, raw).not.toMatch(/#\s*\d/);
      expect(clean, raw).not.toMatch(/NEW YORK$|\bCHN\b/i);
      expect(clean.length, raw).toBeGreaterThan(1);
    }
  });

  it('gives sensible names for known corpus merchants', () => {
    const lookup = (prefix: string) => [...names].find((n) => n.startsWith(prefix));
    expect(normalizeMerchant(lookup('AMC VILLAGE'))).toBe('AMC Village');
    expect(normalizeMerchant(lookup('WHOLEFDS'))).toBe('Whole Foods');
    expect(normalizeMerchant(lookup('T-MOBILE'))).toBe('T-Mobile');
    expect(normalizeMerchant(lookup('GOAT TOWN'))).toBe('Goat Town');
    expect(hsbcDescriptions.map(normalizeMerchant)).toContain('KFC');
  });
});
