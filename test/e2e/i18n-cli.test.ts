/**
 * The command layer speaks the run's language, through the built CLI: LANG=zh_CN.UTF-8 gives
 * Chinese, LANG=en_US.UTF-8 English; `--lang` (before or after the command) overrides both; a
 * stored `config set locale` wins over LANG. JSON keys and exit codes never change.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempLedger, tempLedger } from './helpers.js';

const ZH = { LANG: 'zh_CN.UTF-8' };
const EN = { LANG: 'en_US.UTF-8' };

/**
 * English sentences left in a help text: two English words in a row, once the parts that stay as
 * typed are taken out (the usage line's command words, example command lines, flags, <arguments>,
 * [options], `code`, file names).
 */
function englishIn(help: string): string[] {
  return help
    .replace(/`[^`]*`/g, ' ')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('$ '))
    .map((line) =>
      line
        .replace(/^用法： pocketbook( [a-z-]+)*/, ' ')
        .replace(/--?[a-z][\w-]*/gi, ' ')
        .replace(/<[^>]*>|\[[^\]]*\]/g, ' ')
        .replace(/\$?[A-Z_]{2,}(=\S*)?/g, ' ')
        .replace(/\S+\.(db|yaml|json|csv)\b/g, ' ')
        .replace(/^\s*\S+\s{2,}/, ' '),
    )
    .filter((line) => /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(line));
}

let t: TempLedger;
let card: string;

beforeAll(() => {
  t = tempLedger('pb-i18n-');
  card = t.file('card.csv');
  writeFileSync(card, 'Date,Description,Amount\n2026-09-01,STARBUCKS #42,-35.50\n2026-09-02,HEMA FRESH,-120.00\n2026-09-03,SALARY ACME,10000.00\n');
});
afterAll(() => t.cleanup());

describe('help in both languages', () => {
  it('pocketbook --help and import --help in zh have no English sentence; en keeps commander\'s words', () => {
    for (const args of [['--help'], ['import', '--help'], ['config', '--help'], ['rules', '--help'], ['account', '--help']]) {
      const zh = t.run(args, { env: ZH });
      expect(zh.code, args.join(' ')).toBe(0);
      expect(zh.stdout).toMatch(/^用法： pocketbook/);
      expect(zh.stdout).toContain('显示命令帮助');
      expect(englishIn(zh.stdout), args.join(' ')).toEqual([]);
    }
    const top = t.run(['--help'], { env: ZH }).stdout;
    expect(top).toContain('示例：');
    expect(top).toContain('选项：');
    expect(top).toContain('命令：');
    expect(top).toContain('导入账单文件');
    const imp = t.run(['import', '--help'], { env: ZH }).stdout;
    expect(imp).toContain('参数：');
    expect(imp).toContain('重复导入同一文件不会新增任何记录');
    const en = t.run(['--help'], { env: EN }).stdout;
    expect(en).toMatch(/^Usage: pocketbook/);
    for (const words of ['Options:', 'Commands:', 'Examples:', 'display help for command', 'output the version number', 'import statement files']) expect(en).toContain(words);
    expect(t.run(['import', '--help'], { env: EN }).stdout).toContain('Arguments:');
  });

  it('--lang overrides LANG, before or after the command name; a bad --lang is a usage error', () => {
    expect(t.run(['--lang', 'zh', '--help'], { env: EN }).stdout).toMatch(/^用法：/);
    expect(t.run(['config', '--help', '--lang', 'zh'], { env: EN }).stdout).toMatch(/^用法：/);
    expect(t.run(['--lang=en', 'config', '--help'], { env: ZH }).stdout).toMatch(/^Usage:/);
    expect(t.run(['--help'], { env: { LANG: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8' } }).stdout).toMatch(/^用法：/);
    const bad = t.run(['--lang', 'fr', 'config', 'list'], { env: EN });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('pocketbook: --lang must be zh or en, not "fr"\n');
  });

  it("commander's own errors are said in the locale, with the same exit code", () => {
    const zh = t.run(['tx', 'list', '--bogus'], { env: ZH });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe('错误：未知选项“--bogus”\n（加 --help 查看用法）\n');
    const en = t.run(['tx', 'list', '--bogus'], { env: EN });
    expect(en.code).toBe(2);
    expect(en.stderr).toBe("error: unknown option '--bogus'\n(run with --help for usage)\n");
    const missing = t.run(['import'], { env: ZH });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^错误：缺少必需参数“file”/);
  });
});

describe('command families in both languages', () => {
  it('import: the summary, then account list, tx list, and JSON keys the same in both', () => {
    const zh = t.run(['import', card, '--account', 'Visa'], { env: ZH });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('账户：Visa · 格式：csv');
    expect(zh.stdout).toMatch(/读取 3 行 · 新增 3 笔 · 重复 0 笔 · 跳过 0 笔/);
    const again = t.run(['import', card, '--account', 'Visa'], { env: EN });
    expect(again.stdout).toMatch(/rows read 3 · new 0 · duplicates 3 · skipped 0/);
    const jsonZh = JSON.parse(t.run(['import', card, '--account', 'Visa', '--json', '--dry-run'], { env: ZH }).stdout) as { files: object[] };
    const jsonEn = JSON.parse(t.run(['import', card, '--account', 'Visa', '--json', '--dry-run'], { env: EN }).stdout) as { files: object[] };
    expect(Object.keys(jsonZh.files[0]!)).toEqual(Object.keys(jsonEn.files[0]!));
    expect(jsonZh.files[0]).toMatchObject({ rows: 3, new: 0, duplicates: 3 });

    const accountsZh = t.run(['account', 'list'], { env: ZH }).stdout;
    for (const h of ['账户', '类型', '笔数', '欠款']) expect(accountsZh).toContain(h);
    expect(t.run(['account', 'list'], { env: EN }).stdout).toMatch(/Account\s+Type\s+Institution/);

    const txZh = t.run(['tx', 'list', '--month', '2026-09'], { env: ZH }).stdout;
    for (const h of ['日期', '金额', '币种', '摘要', '商户', '分类']) expect(txZh).toContain(h);
    expect(txZh).toContain('共 3 笔');
    expect(t.run(['tx', 'list', '--month', '2026-09'], { env: EN }).stdout).toMatch(/\n3 entries\n$/);
    expect(t.run(['tx', 'list', '--month', '2026-01'], { env: ZH }).stdout).toBe('没有符合条件的账目\n');
  });

  it('an error with its hint: the message and hint translated, the code and exit the same', () => {
    const zh = t.run(['tx', 'list', '--account', 'Nope'], { env: ZH });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toBe('pocketbook: 错误：没有名为“Nope”的账户（提示：见 `pocketbook account list`）\n');
    const en = t.run(['tx', 'list', '--account', 'Nope'], { env: EN });
    expect(en.code).toBe(1);
    expect(en.stderr).toBe('pocketbook: no account named "Nope" (see `pocketbook account list`)\n');
    const usage = t.run(['tx', 'list', '--month', '2026-9'], { env: ZH });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('pocketbook: 错误：--month “2026-9”应写成 2026-09 的形式\n');
  });

  it('rules: list and add say it in the locale', () => {
    const empty = t.run(['rules', 'list'], { env: ZH });
    expect(empty.stdout).toContain('您还没有自己的规则');
    expect(empty.stderr).toBe('自带默认规则：开启\n');
    expect(t.run(['rules', 'list'], { env: EN }).stderr).toBe('shipped default rules: on\n');
    const added = t.run(['rules', 'add', 'Coffee', '--match', 'starbucks', '--category', 'Dining'], { env: ZH });
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('已添加规则“Coffee”');
    expect(t.run(['rules', 'list'], { env: ZH }).stdout).toMatch(/规则\s+条件\s+设置/);
  });
});

describe('config set locale', () => {
  it('a stored locale wins over LANG, --lang over both; config list speaks it; bad values name the choices', () => {
    const c = tempLedger('pb-i18n-config-');
    try {
      const list = c.run(['config', 'list'], { env: ZH });
      expect(list.stdout).toMatch(/设置项\s+当前值\s+默认值\s+说明/);
      // Unset, the environment decides and `config get` says so.
      expect(c.run(['config', 'get', 'locale'], { env: ZH }).stdout).toBe('zh\n');
      expect(c.run(['config', 'get', 'locale'], { env: EN }).stdout).toBe('en\n');
      const bad = c.run(['config', 'set', 'locale', 'de'], { env: ZH });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toBe('pocketbook: 错误：“de”不是有效的 locale 取值（提示：请使用 en 或 zh）\n');
      expect(c.run(['config', 'set', 'locale', 'zh'], { env: EN }).code).toBe(0);
      expect(c.run(['--help'], { env: EN }).stdout).toMatch(/^用法：/);
      expect(c.run(['--help', '--lang', 'en'], { env: EN }).stdout).toMatch(/^Usage:/);
      // --lang is for one run: the stored setting stays what it is.
      expect(c.run(['config', 'get', 'locale', '--lang', 'en'], { env: EN }).stdout).toBe('zh\n');
      expect(c.run(['config', 'set', 'locale', 'en'], { env: ZH }).code).toBe(0);
      expect(c.run(['--help'], { env: ZH }).stdout).toMatch(/^Usage:/);
    } finally {
      c.cleanup();
    }
  });
});
