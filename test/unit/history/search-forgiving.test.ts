/**
 * The forgiving search on a ledger (issue 24 point 5): the forms of a query, and the SQL condition
 * over them, exact with and without the trigram index; merchant search keys cached in the ledger.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Db } from '../../../src/ledger/open.js';
import { type SearchForms, searchCondition, syncSearchIndex } from '../../../src/ledger/search.js';
import { saveSearchKeys } from '../../../src/ledger/merchants.js';
import { searchForms } from '../../../src/app/rules/merchant-search.js';

const ROWS: [description: string, merchant: string | null][] = [
  ['星巴克(南京西路店)', '星巴克'], ['POS 1234 STARBUCKS #0042 SHANGHAI', 'Starbucks'], ['麥當勞 中環店', '麥當勞'],
  ['麦当劳 人民广场', '麦当劳'], ['支付宝-盒马鲜生', '盒马鲜生'], ['滴滴出行 快车', '滴滴出行'], ['RENT JINQIAO APARTMENTS', null],
  ['ＴＡＸＩ ＦＡＲＥ', null], ['瑞幸咖啡 生椰拿铁', '瑞幸咖啡'], ['Blue Bottle Coffee', 'Blue Bottle Coffee'],
];

/** What the forms must find, computed without SQL: a form as a substring (LIKE folds ASCII case), or a matched merchant. */
function expected(forms: SearchForms): number[] {
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const has = (s: string | null) => s !== null && forms.texts.some((t) => fold(s).includes(fold(t)));
  return ROWS.flatMap(([d, m], i) => (has(d) || has(m) || (m !== null && forms.merchants.includes(m)) ? [i + 1] : []));
}

describe('forgiving search on a ledger', () => {
  let dir: string;
  let db: Db;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pb-forgiving-'));
    db = openLedger(path.join(dir, 'l.db'));
    db.prepare("INSERT INTO accounts (id, name, type, currency, created_at) VALUES (1, 'A', 'checking', 'CNY', 'now')").run();
    const stmt = db.prepare(`INSERT INTO transactions (account_id, date, amount, currency, description, dedup_key, occurrence, merchant, kind, created_at)
      VALUES (1, '2026-09-01', -100, 'CNY', ?, ?, 1, ?, 'expense', 'now')`);
    ROWS.forEach(([d, m], i) => stmt.run(d, `k${i}`, m));
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ids = (q: string, forms: SearchForms) => {
    const c = searchCondition(db, q, forms);
    return db.prepare(`SELECT t.id FROM transactions t WHERE ${c.sql} ORDER BY t.id`).pluck().all(...c.params) as number[];
  };
  const CASES: [string, number[]][] = [
    ['xbk', [1, 2]], ['xing ba ke', [1, 2]], ['XingBaKe', [1, 2]], ['starbucks', [1, 2]], ['星巴克', [1, 2]], ['ＳＴＡＲＢＵＣＫＳ', [1, 2]],
    ['麦当劳', [3, 4]], ['麥當勞', [3, 4]], ['mdl', [3, 4]], ['Freshippo', [5]], ['hema', [5]], ['didi', [6]], ['ＲＥＮＴ', [7]], ['ＴＡＸＩ', [8]],
    ['lpkf', [10]], ['rent', [7]], ['zzzq', []],
    // Width is folded in the query and in merchant names, not in descriptions: a half-width query
    // does not find a full-width description without a merchant.
    ['taxi', []],
  ];

  it('finds each form, exactly, before the index exists and after it is built', async () => {
    for (const phase of ['scan', 'index']) {
      if (phase === 'index') expect(syncSearchIndex(db).indexed).toBe(ROWS.length);
      for (const [q, want] of CASES) {
        const forms = await searchForms(db, q);
        expect(ids(q, forms), `${phase} ${q}`).toEqual(want);
        expect(ids(q, forms), `${phase} ${q}`).toEqual(expected(forms));
      }
    }
  });

  it('keeps the merchant names\' pinyin and simplified forms in the ledger', async () => {
    await searchForms(db, 'xbk');
    const row = db.prepare("SELECT simplified, pinyin, initials FROM merchant_search_keys WHERE name = '麥當勞'").get();
    expect(row).toEqual({ simplified: '麦当劳', pinyin: 'mai dang lao', initials: 'mdl' });
  });

  it('does without the cache on a read-only ledger', () => {
    const reader = openLedger(path.join(dir, 'l.db'), { readonly: true });
    try {
      expect(saveSearchKeys(reader, [{ name: '新店', simplified: '新店', pinyin: 'xin dian', initials: 'xd' }])).toBe(false);
    } finally {
      reader.close();
    }
  });
});
