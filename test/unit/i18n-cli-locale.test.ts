/**
 * How a run's language is chosen (--lang, then a stored setting, then LC_ALL / LC_MESSAGES / LANG),
 * commander's errors said again in Chinese, and an error line in both languages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLocale, langArgument, translateCommanderError } from '../../src/cli/commander-i18n.js';
import { readSettings, readStoredSettings } from '../../src/app/setup/settings.js';
import { PocketbookError, formatError } from '../../src/core/errors.js';
import { withLocale } from '../../src/core/i18n.js';
import { importText } from '../../src/app/import/import-summary.js';
import type { ImportRun } from '../../src/app/import/import-files.js';

describe('the run language', () => {
  it('--lang wins, then the stored setting, then the environment, then en', () => {
    expect(chooseLocale(['--lang', 'zh', 'tx', 'list'], 'en', { LANG: 'en_US.UTF-8' })).toEqual({ locale: 'zh' });
    expect(chooseLocale(['tx', 'list', '--lang=en'], 'zh', { LANG: 'zh_CN.UTF-8' })).toEqual({ locale: 'en' });
    expect(chooseLocale(['tx', 'list'], 'zh', { LANG: 'en_US.UTF-8' })).toEqual({ locale: 'zh' });
    expect(chooseLocale(['tx', 'list'], undefined, { LANG: 'zh_CN.UTF-8' })).toEqual({ locale: 'zh' });
    expect(chooseLocale(['tx', 'list'], undefined, { LC_MESSAGES: 'zh_TW', LANG: 'en_US' })).toEqual({ locale: 'zh' });
    expect(chooseLocale([], undefined, {})).toEqual({ locale: 'en' });
    expect(chooseLocale(['--lang', 'fr'], undefined, {})).toEqual({ locale: 'en', bad: 'fr' });
    // After `--`, `--lang` is an argument, not the option.
    expect(langArgument(['tx', 'note', '1', '--', '--lang'])).toBeUndefined();
  });

  it('the locale setting comes from the environment unless the user stored one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-locale-'));
    try {
      const env = { POCKETBOOK_CONFIG_DIR: dir, LANG: 'zh_CN.UTF-8' };
      expect(readStoredSettings(env)).toEqual({});
      expect(readSettings(env).locale).toBe('zh');
      expect(readSettings({ ...env, LANG: 'en_US.UTF-8' }).locale).toBe('en');
      fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ locale: 'en' }));
      expect(readSettings(env).locale).toBe('en');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('words in Chinese', () => {
  it("commander's errors, recognised by their English shape", () => {
    withLocale('zh', () => {
      expect(translateCommanderError("error: unknown option '--x'\n(Did you mean --y?)\n")).toBe('错误：未知选项“--x”\n（您是不是要输入 --y？）\n');
      expect(translateCommanderError("error: missing required argument 'file'\n")).toBe('错误：缺少必需参数“file”\n');
      expect(translateCommanderError("error: too many arguments for 'list'. Expected 0 arguments but got 1.\n")).toBe('错误：参数过多（命令“list”）：应为 0 个，实际 1 个。\n');
    });
    expect(translateCommanderError("error: unknown option '--x'\n")).toBe("error: unknown option '--x'\n");
  });

  it('an error line keeps its location and code, the hint is said in the locale', () => {
    const err = new PocketbookError('CSV_DATE', 'bad date', { hint: 'write it YYYY-MM-DD', location: { file: 'a.csv', line: 3 } });
    expect(formatError(err)).toBe('a.csv:3: bad date (write it YYYY-MM-DD)');
    expect(withLocale('zh', () => formatError(err))).toBe('a.csv:3: bad date（提示：write it YYYY-MM-DD）');
    expect(err.code).toBe('CSV_DATE');
  });

  it('the import summary in both languages', () => {
    const file = { file: 'card.csv', account: 'Visa', format: 'csv', profile: null, encoding: 'utf-8', rows: 3, new: 2, duplicates: 1, skipped: 0, categorized: 1, transfers: 0, mirrors: 0, batch: 7, reconciliation: null };
    const run = { dryRun: false, failed: 0, files: [file, { ...file, file: 'b.csv', batch: 8 }] } as unknown as ImportRun;
    expect(importText(run)).toBe(
      'card.csv  [batch 7]\n  account: Visa · format: csv · encoding: utf-8\n  rows read 3 · new 2 · duplicates 1 · skipped 0 · categorized by rules 1 · transfers matched 0\n' +
        'b.csv  [batch 8]\n  account: Visa · format: csv · encoding: utf-8\n  rows read 3 · new 2 · duplicates 1 · skipped 0 · categorized by rules 1 · transfers matched 0\n' +
        '2 files: added 4, duplicates 2, skipped 0',
    );
    const zh = withLocale('zh', () => importText(run));
    expect(zh).toContain('card.csv  [批次 7]');
    expect(zh).toContain('  读取 3 行 · 新增 2 笔 · 重复 1 笔 · 跳过 0 笔 · 规则分类 1 笔 · 匹配转账 0 笔');
    expect(zh.split('\n').pop()).toBe('共 2 个文件：新增 4 笔，重复 2 笔，跳过 0 笔');
  });
});
