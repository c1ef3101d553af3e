/**
 * Errors of the lower layers in the run's language: the message and hint change, the code, the
 * location and the English text do not.
 */
import { describe, expect, it } from 'vitest';
import { formatError, isPocketbookError, PocketbookError } from '../../src/core/errors.js';
import { withLocale } from '../../src/core/i18n.js';
import { parseAmount } from '../../src/core/money.js';
import { checkPattern } from '../../src/core/redos.js';
import { roundedMessage } from '../../src/import/formats/csv-amount.js';
import { parseRulesYaml } from '../../src/rules/yaml.js';
import { examples } from '../../src/cli/runtime.js';

function caught(fn: () => unknown): PocketbookError {
  try {
    fn();
  } catch (err) {
    if (isPocketbookError(err)) return err;
    throw err;
  }
  throw new Error('no error');
}

describe('lower-layer errors in Chinese and English', () => {
  it('an amount that is not one', () => {
    const zh = withLocale('zh', () => caught(() => parseAmount('abc', { currency: 'CNY' })));
    const en = withLocale('en', () => caught(() => parseAmount('abc', { currency: 'CNY' })));
    expect(zh.message).toBe('“abc”不是金额');
    expect(en.message).toBe('"abc" is not an amount');
    expect([zh.code, en.code]).toEqual(['CSV_AMOUNT', 'CSV_AMOUNT']);
  });

  it('a rules file error keeps its location; formatError keeps the FILE:LINE: prefix', () => {
    const zh = withLocale('zh', () => caught(() => parseRulesYaml('rules: 5\n', 'r.yaml')));
    const en = withLocale('en', () => caught(() => parseRulesYaml('rules: 5\n', 'r.yaml')));
    expect(withLocale('zh', () => formatError(zh))).toBe('r.yaml:1: “rules”必须是列表');
    expect(withLocale('en', () => formatError(en))).toBe('r.yaml:1: "rules" must be a list');
  });

  it('the rounding warning and a pattern that backtracks', () => {
    expect(withLocale('en', () => roundedMessage('CNY'))).toBe('amount has more decimals than CNY keeps; rounded half-even to the minor unit');
    expect(withLocale('zh', () => roundedMessage('CNY'))).toBe('金额的小数位多于 CNY 的精度，已按“四舍六入五成双”舍入到最小单位');
    expect(withLocale('zh', () => checkPattern('(a+)+$'))).toMatch(/^可能发生灾难性回溯：/);
    expect(withLocale('en', () => checkPattern('(a+)+$'))).toMatch(/^can backtrack catastrophically: /);
  });

  it('--help examples take a list per language', () => {
    const list = { en: ['pocketbook import cmb.csv --account "CMB Card"'], zh: ['pocketbook import 招行.csv --account "招行信用卡"'] };
    expect(withLocale('zh', () => examples(list))).toBe('\n示例：\n  $ pocketbook import 招行.csv --account "招行信用卡"\n');
    expect(withLocale('en', () => examples(list))).toContain('  $ pocketbook import cmb.csv --account "CMB Card"\n');
    expect(withLocale('zh', () => examples('pocketbook demo'))).toContain('  $ pocketbook demo\n');
  });
});
