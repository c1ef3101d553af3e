/** What `tx add` shows before it asks, in Chinese and English (issue 28). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withLocale } from '../../../src/core/i18n.js';
import { openLedger } from '../../../src/ledger/open.js';
import { insertAccount } from '../../../src/ledger/accounts.js';
import { understoodLines } from '../../../src/app/entries/tx-add.js';
import { addRequest } from '../../../src/app/entries/tx-add-parse.js';
import { mergedText } from '../../../src/app/import/merge-hand-entries.js';
import type { EntryDraft } from '../../../src/core/types.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-txadd-unit-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('tx add in both languages', () => {
  it('shows what it understood with Chinese labels under zh', () => {
    const db = openLedger(path.join(dir, 'l.db'));
    try {
      const acc = insertAccount(db, { name: 'CMB Card', type: 'credit', currency: 'CNY', institution: '招商银行' }, '2026-11-15T00:00:00Z');
      const req = addRequest(db, { text: '昨天 工资 +5200 招行' }, '2026-11-15', 'CNY');
      expect(req).toMatchObject({ date: '2026-11-14', amount: 520000, accountIds: [acc.id] });
      const draft = { date: req.date, amount: req.amount, currency: 'CNY', accountId: acc.id, accountName: acc.name, description: req.description, kind: 'income', channel: 'card', line: 0 } as EntryDraft;
      const zh = withLocale('zh', () => understoodLines(db, draft, { note: '九月' }));
      expect(zh).toEqual(['识别结果：', '  日期：2026-11-14', '  金额：+5200.00 CNY（收入）', '  账户：CMB Card', '  分类：（未分类）', '  说明：工资', '  备注：九月']);
      expect(withLocale('en', () => understoodLines(db, draft, {}))[2]).toBe('  Amount: +5200.00 CNY (income)');
      expect(() => withLocale('zh', () => addRequest(db, { text: '午饭 12 招行 嗯' }, '2026-11-15', 'CNY'))).toThrow("没看懂：'嗯'");
    } finally {
      db.close();
    }
  });

  it('the import summary line', () => {
    expect(withLocale('zh', () => mergedText(1))).toBe('合并了 1 笔手记');
    expect(withLocale('en', () => mergedText(2))).toBe('merged with 2 hand entries');
    expect(mergedText(0)).toBeUndefined();
  });
});
