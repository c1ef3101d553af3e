/**
 * Issue 23 point 6: date arithmetic at the ends of the calendar, whole-number options, search
 * length and YAML alias bombs end in one clear PocketbookError, never a RangeError or a hang.
 */
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PocketbookError } from '../../../src/core/errors.js';
import { addDays, addMonths, monthEnd, monthsBetween } from '../../../src/core/dates.js';
import { MAX_SEARCH_LENGTH, checkSearchText, parseWholeNumber } from '../../../src/core/options.js';
import { yamlToData } from '../../../src/core/yaml-data.js';
import { parseRulesYaml } from '../../../src/rules/yaml.js';
import { parseProfileText } from '../../../src/import/profile-load.js';
import { statementCycle } from '../../../src/reports/model.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof PocketbookError) return err.code;
    throw err;
  }
  return undefined;
}

/** Ten levels of `&aN [*aN-1 × 10]`: 10^10 strings once expanded, a few hundred bytes written. */
const BOMB = `[${['&a0 [x,x,x,x,x,x,x,x,x,x]', ...Array.from({ length: 9 }, (_, i) => `&a${i + 1} [${Array(10).fill(`*a${i}`).join(',')}]`)].join(', ')}]`;

describe('the ends of the calendar', () => {
  it('9999-12 has a last day and is its own last month', () => {
    expect(monthEnd('9999-12')).toBe('9999-12-31');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2100-02')).toBe('2100-02-28');
    expect(monthsBetween('9999-10', '9999-12')).toEqual(['9999-10', '9999-11', '9999-12']);
    expect(monthsBetween('0000-01', '0000-01')).toEqual(['0000-01']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
    expect(addMonths('0001-01', -1)).toBe('0000-12');
    expect(addDays('0001-01-01', -1)).toBe('0000-12-31');
    expect(statementCycle('9999-12-03', 5)).toEqual({ from: '9999-11-06', to: '9999-12-05' });
    expect(codeOf(() => statementCycle('9999-12-20', 5))).toBe('BAD_INPUT');
  });

  it('stepping past 0000-01-01 or 9999-12-31 is a BAD_INPUT error, not "Invalid time value"', () => {
    expect(codeOf(() => addMonths('9999-12', 1))).toBe('BAD_INPUT');
    expect(codeOf(() => addMonths('0000-01', -1))).toBe('BAD_INPUT');
    expect(codeOf(() => addDays('9999-12-31', 1))).toBe('BAD_INPUT');
    expect(codeOf(() => addDays('0000-01-01', -1))).toBe('BAD_INPUT');
  });
});

describe('whole-number options', () => {
  it.each([['99999999999999999999'], ['1e3'], ['-1'], ['1.5'], [''], ['abc'], [' '], [1e20]])('%s is refused with the option named', (v) => {
    expect(() => parseWholeNumber(v, '--limit', { min: 0 })).toThrow(/--limit ".*" must be a whole number from 0 to 9007199254740991/);
  });

  it('accepts the bounds and says USAGE or BAD_INPUT as asked', () => {
    expect(parseWholeNumber('0', '--limit', { min: 0 })).toBe(0);
    expect(parseWholeNumber('9007199254740991', '--limit', { min: 0 })).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseWholeNumber(6, '--months', { min: 1, max: 240 })).toBe(6);
    expect(codeOf(() => parseWholeNumber('241', '--months', { min: 1, max: 240, code: 'BAD_INPUT' }))).toBe('BAD_INPUT');
    expect(codeOf(() => parseWholeNumber('0', '--limit', { min: 1 }))).toBe('USAGE');
  });

  it(`search text is bounded at ${MAX_SEARCH_LENGTH} characters (Chinese counted as characters)`, () => {
    expect(checkSearchText('星'.repeat(MAX_SEARCH_LENGTH))).toHaveLength(MAX_SEARCH_LENGTH);
    expect(codeOf(() => checkSearchText('a'.repeat(50_000)))).toBe('USAGE');
  });
});

describe('YAML alias bombs', () => {
  it('rules: one RULES error naming the file', () => {
    const text = `rules:\n  - name: b\n    match: {description: x}\n    set:\n      tags: ${BOMB}\n`;
    expect(() => parseRulesYaml(text, 'my-rules.yaml')).toThrow(PocketbookError);
    expect(() => parseRulesYaml(text, 'my-rules.yaml')).toThrow(/aliases \(\*name\) expand too far/);
    expect(codeOf(() => parseRulesYaml(text, 'my-rules.yaml'))).toBe('RULES');
  });

  it('profiles: one PROFILE error naming the file', () => {
    const text = `name: x\ncolumns:\n  date: 0\n  description: ${BOMB}\n  amount: 2\n`;
    expect(codeOf(() => parseProfileText(text, 'bank.yaml'))).toBe('PROFILE');
  });

  it('a few aliases still work', () => {
    const doc = parseDocument('a: &x [1, 2]\nb: *x\nc: *x\n');
    expect(yamlToData(doc, 'f.yaml', 'RULES')).toEqual({ a: [1, 2], b: [1, 2], c: [1, 2] });
  });
});

describe('the amount bound (issue 23 point 9)', () => {
  it('one entry holds up to 10^14 - 1 minor units, on the fast path and the full parser alike', async () => {
    const { MAX_AMOUNT_MINOR, formatMinor, parseAmount } = await import('../../../src/core/money.js');
    expect(parseAmount('-999999999999.99', { currency: 'CNY' }).minor).toBe(-MAX_AMOUNT_MINOR);
    expect(parseAmount('999,999,999,999.99', { currency: 'CNY' }).minor).toBe(MAX_AMOUNT_MINOR);
    expect(parseAmount('99999999999999', { currency: 'JPY' }).minor).toBe(MAX_AMOUNT_MINOR);
    for (const raw of ['1000000000000.00', '1,000,000,000,000.00', '-1000000000000']) {
      expect(() => parseAmount(raw, { currency: 'CNY' })).toThrow(/is too large \(one entry holds at most 999,999,999,999\.99 CNY\)/);
    }
    expect(formatMinor(Number.MAX_SAFE_INTEGER, 'CNY')).toBe('90071992547409.91');
    expect(codeOf(() => formatMinor(Number.MAX_SAFE_INTEGER + 2, 'CNY'))).toBe('BAD_INPUT');
  });
});
