/**
 * Errors of the lower layers (import, ledger, rules, core) and the demo's narration through the
 * built CLI, in Chinese and in English: the same `FILE:LINE:` prefix and exit code in both, every
 * word of the message in the run's language, and the English byte-identical to before.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type TempLedger, tempLedger } from './helpers.js';

const ZH = { LANG: 'zh_CN.UTF-8' };
const EN = { LANG: 'en_US.UTF-8' };

/** Runs of two or more English words (separated by spaces). */
function englishRuns(text: string): string[] {
  return text.match(/[A-Za-z]{2,}(?:[ ']+[A-Za-z]{2,})+/g) ?? [];
}

/**
 * What stays as typed in every language: paths, command lines to try, and the badges' names,
 * which carry both languages by design (`★ Life Explorer 生活探险家`).
 */
function withoutTyped(text: string): string {
  return text
    .replace(/\S*\/\S*/g, ' ')
    .replace(/pocketbook --ledger .*$/gm, ' ')
    .replace(/★ [A-Za-z ]+ (?=[\u4e00-\u9fff])/g, ' ');
}

let t: TempLedger;
beforeAll(() => {
  t = tempLedger('pb-i18n-errors-');
  writeFileSync(t.file('baddate.csv'), 'Date,Description,Amount\n2026-09-01,STARBUCKS,-35.50\n2026-13-45,HEMA,-12.00\n');
  writeFileSync(t.file('badamt.csv'), 'Date,Description,Amount\n2026-09-01,STARBUCKS,-35.50\n2026-09-02,HEMA,abc\n');
  writeFileSync(t.file('bad.db'), 'not a database at all, just some text that is long enough to be read as a file header\n'.repeat(8));
  writeFileSync(t.file('rules.yaml'), 'rules:\n  - name: Coffee\n    match: { channel: telepathy }\n    set: { category: Dining }\n');
});
afterAll(() => t.cleanup());

const run = (args: string[], env: Record<string, string>) => t.run(args, { env, cwd: t.dir });

describe('errors of statements, profiles, ledgers and rules in both languages', () => {
  it('a bad date: located line, Chinese words in zh, English unchanged in en', () => {
    const zh = run(['import', 'baddate.csv'], ZH);
    const en = run(['import', 'baddate.csv'], EN);
    expect([zh.code, en.code]).toEqual([1, 1]);
    expect(zh.stderr).toContain('pocketbook: 错误：baddate.csv:3: 日期：“2026-13-45”不是一个真实存在的日期（提示：请在账单格式配置（profile）里设置 date_format）');
    expect(en.stderr).toContain('pocketbook: baddate.csv:3: date: "2026-13-45" is not a real date (set date_format in the profile)');
    expect(zh.stdout).toContain('baddate.csv：导入失败，未写入任何内容');
  });

  it('a bad amount', () => {
    const zh = run(['import', 'badamt.csv'], ZH);
    const en = run(['import', 'badamt.csv'], EN);
    expect([zh.code, en.code]).toEqual([1, 1]);
    expect(zh.stderr).toContain('pocketbook: 错误：badamt.csv:3: 金额：“abc”不是金额');
    expect(en.stderr).toContain('pocketbook: badamt.csv:3: amount: "abc" is not an amount');
    expect(englishRuns(zh.stderr)).toEqual([]);
  });

  it('an unknown profile and a missing file', () => {
    const zh = run(['import', 'badamt.csv', '--profile', 'nosuch'], ZH);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toMatch(/^pocketbook: 错误：没有名为“nosuch”的配置（提示：已保存的配置：无；内置配置：/);
    expect(run(['import', 'badamt.csv', '--profile', 'nosuch'], EN).stderr).toMatch(/^pocketbook: no profile named "nosuch" \(saved profiles: none; built-in profiles: /);
    const profileFile = run(['import', 'badamt.csv', '--profile', './nosuch.yaml'], ZH);
    expect(profileFile.stderr).toMatch(/^pocketbook: 错误：没有名为“\.\/nosuch\.yaml”的内置账单格式或格式文件（提示：内置账单格式：/);
    expect(run(['import', 'badamt.csv', '--profile', './nosuch.yaml'], EN).stderr).toMatch(/^pocketbook: no built-in profile or profile file named "\.\/nosuch\.yaml" \(built-in profiles: /);
    const missing = run(['import', 'missing.csv'], ZH);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('pocketbook: 错误：missing.csv: 文件不存在\n');
    expect(run(['import', 'missing.csv'], EN).stderr).toBe('pocketbook: missing.csv: no such file\n');
  });

  it('a corrupt ledger found by check', () => {
    const bad = t.file('bad.db');
    const zh = run(['--ledger', bad, 'check'], ZH);
    const en = run(['--ledger', bad, 'check'], EN);
    expect([zh.code, en.code]).toEqual([1, 1]);
    expect(zh.stdout).toBe(`账本 ${bad} 中有 1 个问题：\n  账本: ${bad} 不是 SQLite 数据库\n`);
    expect(en.stdout).toBe(`1 problem in ledger ${bad}:\n  ledger: ${bad} is not an SQLite database\n`);
    const json = JSON.parse(run(['--ledger', bad, 'check', '--json'], ZH).stdout) as { kind: string; problems: { what: string }[] };
    expect(json.kind).toBe('ledger');
    expect(json.problems[0]!.what).toBe('ledger');
  });

  it('a rules file error keeps FILE:LINE: and speaks the language', () => {
    const zh = run(['rules', 'import', 'rules.yaml'], ZH);
    const en = run(['rules', 'import', 'rules.yaml'], EN);
    expect([zh.code, en.code]).toEqual([1, 1]);
    expect(zh.stderr).toBe('pocketbook: 错误：rules.yaml:3: 规则“Coffee”：match.channel“telepathy”不是支付渠道\n');
    expect(en.stderr).toBe('pocketbook: rules.yaml:3: rule "Coffee": match.channel "telepathy" is not a channel\n');
  });
});

describe('the demo and import --help in Chinese', () => {
  /** Everything the examples hold: account names, merchants and descriptions are data. */
  const data = () => {
    const dir = path.join(REPO_ROOT, 'examples');
    return readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'latin1') + readFileSync(path.join(dir, f), 'utf8')).join('\n').toLowerCase();
  };

  it('demo: narration and month report in Chinese; English only where it is data', () => {
    const zh = run(['--ledger', t.file('demo.db'), 'demo'], ZH);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('正在把示例家庭的账单（5 个文件）导入到：');
    expect(zh.stdout).toMatch(/账本里现在有 \d+ 笔记录，从 2026-09-01 到 2026-10-31：/);
    expect(zh.stdout).toContain('2026年10月月报：');
    expect(zh.stdout).toContain('支出分类');
    expect(zh.stdout).toMatch(/CMB Credit Card\s+信用卡\s+\d+ 笔/);
    const known = data();
    const stray = englishRuns(withoutTyped(zh.stdout + zh.stderr)).filter((run) => !known.includes(run.toLowerCase()));
    expect(stray).toEqual([]);
    const en = run(['--ledger', t.file('demo-en.db'), 'demo'], EN);
    expect(en.stdout).toContain("Importing the example household's statements (5 files) into");
    expect(en.stdout).toMatch(/The ledger now holds \d+ entries from 2026-09-01 to 2026-10-31:/);
    expect(en.stdout).toMatch(/CMB Credit Card\s+credit\s+\d+ entries/);
    expect(en.stdout).toContain('\nMonth report for 2026-10:\n');
  });

  it('import --help in zh shows Chinese sample data; commands and flags stay', () => {
    const zh = run(['import', '--help'], ZH).stdout;
    expect(zh).toContain('$ pocketbook import 招行.csv --account "招行信用卡" --profile my-bank.yaml --dry-run');
    expect(zh).not.toContain('CMB Card');
    const en = run(['import', '--help'], EN).stdout;
    expect(en).toContain('$ pocketbook import cmb.csv --account "CMB Card" --profile my-bank.yaml --dry-run');
    expect(en).not.toContain('招行信用卡');
    const tx = run(['tx', '--help'], ZH).stdout;
    expect(tx).toContain('pocketbook tx note 4812 "和李伟吃饭，之后再分摊"');
    expect(run(['export', '--help'], ZH).stdout).toContain('# 同时核对余额');
  });
});
