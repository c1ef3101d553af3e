/** Forgiving search's normalisation (issue 24 point 5) and bilingual merchant names (point 4). */
import { describe, expect, it } from 'vitest';
import { withLocale } from '../../src/core/i18n.js';
import { MERCHANT_NAMES } from '../../src/core/merchant-names-data.js';
import { UNCHANGED_BY_WIDTH, merchantDisplayName, merchantPair, nameKey, useMerchantNames } from '../../src/core/merchant-names.js';
import { toHalfWidth } from '../../src/core/money.js';
import { merchantName } from '../../src/reports/model.js';
import { createTxWriter } from '../../src/app/entries/tx-format.js';
import { createTxTableWriter } from '../../src/cli/views/tx-table.js';
import type { TxJson } from '../../src/app/entries/tx-list.js';
import { foldText, hasHan, loadPinyin, loadSimplifier, matchesPinyin, pinyinQuery } from '../../src/rules/search-text.js';

describe('search normalisation', () => {
  it('folds full width and case', () => {
    expect(foldText('ＳＴＡＲＢＵＣＫＳ')).toBe('starbucks');
    expect(foldText('  Luckin\u3000 Coffee ')).toBe('luckin coffee');
    expect(nameKey("ＭｃＤｏｎａｌｄ’ｓ")).toBe(nameKey('mcdonalds'));
  });

  it('turns traditional characters into simplified ones', async () => {
    const simplify = await loadSimplifier();
    expect(simplify('麥當勞')).toBe('麦当劳');
    expect(simplify('優衣庫')).toBe('优衣库');
    expect(simplify('星巴克')).toBe('星巴克');
  });

  it('gives pinyin in full and as initials', async () => {
    const pinyinOf = await loadPinyin();
    expect(pinyinOf('星巴克')).toEqual({ pinyin: 'xing ba ke', initials: 'xbk' });
    expect(pinyinOf('Tims天好咖啡').initials).toBe('tthkf');
  });

  it('matches pinyin queries in full, spaced, or as initials, from a syllable', async () => {
    const keys = (await loadPinyin())('星巴克');
    for (const q of ['xingbake', 'xing ba ke', 'XBK', 'xbk', 'bake', 'xingba']) {
      expect(matchesPinyin(pinyinQuery(q)!, keys), q).toBe(true);
    }
    for (const q of ['ngba', 'mdl', 'xingbakex']) expect(matchesPinyin(pinyinQuery(q)!, keys), q).toBe(false);
    expect(pinyinQuery('星巴克')).toBeUndefined();
    expect(pinyinQuery('x')).toBeUndefined();
    expect(hasHan('Tims天好')).toBe(true);
  });
});

describe('bilingual merchant names', () => {
  it('ships about two hundred pairs, each name belonging to one merchant', () => {
    expect(MERCHANT_NAMES.length).toBeGreaterThanOrEqual(200);
    const seen = new Map<string, string>();
    for (const [zh, en, ...also] of MERCHANT_NAMES) {
      expect(hasHan(zh), zh).toBe(true);
      for (const name of [zh, en, ...also]) {
        const owner = seen.get(nameKey(name));
        expect(owner === undefined || owner === zh, `${name}: ${owner} and ${zh}`).toBe(true);
        seen.set(nameKey(name), zh);
      }
    }
  });

  it("shows a name in the other language as the locale's name, and keeps one already in the locale's", () => {
    useMerchantNames([]);
    expect(merchantDisplayName('Starbucks', 'zh')).toBe('星巴克');
    expect(merchantDisplayName('星巴克咖啡', 'en')).toBe('Starbucks');
    expect(merchantDisplayName('星巴克咖啡', 'zh')).toBe('星巴克咖啡');
    expect(merchantDisplayName('Apple Store', 'en')).toBe('Apple Store');
    expect(merchantDisplayName('Apple Store', 'zh')).toBe('苹果');
    expect(merchantDisplayName('mcdonalds', 'zh')).toBe('麦当劳');
    expect(merchantDisplayName('瑞幸咖啡', 'en')).toBe('Luckin Coffee');
    expect(withLocale('zh', () => merchantDisplayName('Freshippo'))).toBe('盒马');
    expect(withLocale('en', () => merchantDisplayName('盒马鲜生'))).toBe('Freshippo');
    expect(merchantDisplayName('云膳过桥米线', 'en')).toBe('云膳过桥米线');
  });

  it("lets the user's pairs add names and win over shipped ones", () => {
    useMerchantNames([{ zh: '云膳过桥米线', en: 'Yunshan Noodles' }, { zh: '星巴克', en: 'Starbucks Reserve' }]);
    try {
      expect(merchantDisplayName('云膳过桥米线', 'en')).toBe('Yunshan Noodles');
      expect(merchantDisplayName('Yunshan Noodles', 'zh')).toBe('云膳过桥米线');
      expect(merchantPair('星巴克')?.en).toBe('Starbucks Reserve');
      expect(merchantDisplayName('星巴克', 'en')).toBe('Starbucks Reserve');
    } finally {
      useMerchantNames([]);
    }
    expect(merchantDisplayName('星巴克', 'en')).toBe('Starbucks');
  });
});

describe('where merchant names are shown', () => {
  const entry: TxJson = {
    id: 1, date: '2026-09-01', amount: '-38.00', currency: 'CNY', account: 'Card', description: 'POS STARBUCKS 0042',
    merchant: 'Starbucks', category: null, kind: 'expense', channel: 'card', tags: [], notes: [],
  };
  const written = (format: 'table' | 'json' | 'csv') => {
    let text = '';
    const write = (chunk: string) => void (text += chunk);
    const w = format === 'table' ? createTxTableWriter(format, write) : createTxWriter(format, write);
    w.entry(entry);
    w.end();
    return text;
  };

  it('reports name a merchant in the locale', () => {
    expect(withLocale('zh', () => merchantName('Starbucks'))).toBe('星巴克');
    expect(withLocale('en', () => merchantName('盒马鲜生'))).toBe('Freshippo');
    expect(withLocale('zh', () => merchantName('盒马鲜生'))).toBe('盒马鲜生');
  });

  it('the tx list table shows the locale name; JSON and CSV keep the stored one', () => {
    expect(withLocale('zh', () => written('table'))).toContain('星巴克');
    expect(withLocale('en', () => written('table'))).toContain('Starbucks');
    expect(withLocale('zh', () => written('json'))).not.toContain('星巴克');
    expect(withLocale('zh', () => written('csv'))).not.toContain('星巴克');
  });
});

describe('nameKey fast way', () => {
  it('half-width and NFKC leave every character the fast way skips them for unchanged', () => {
    const ranges: [number, number][] = [[0x20, 0x7e], [0x4e00, 0x9fff]];
    for (const [from, to] of ranges) {
      for (let code = from; code <= to; code++) {
        const ch = String.fromCharCode(code);
        expect(UNCHANGED_BY_WIDTH.test(ch)).toBe(true);
        if (toHalfWidth(ch).normalize('NFKC') !== ch) throw new Error(`U+${code.toString(16)} changes`);
      }
    }
    // Outside them the slow way still runs: full width and compatibility characters fold.
    expect(UNCHANGED_BY_WIDTH.test('ＳＴＡＲＢＵＣＫＳ')).toBe(false);
    expect(nameKey('ＳＴＡＲＢＵＣＫＳ')).toBe(nameKey('Starbucks'));
    expect(nameKey('㈱丸亀製麺')).toBe(nameKey('(株)丸亀製麺'));
  });
});
