/**
 * The backtracking guard's policy (src/core/redos.ts), as a table: hostile patterns refused for
 * the right reason, the patterns people write (README, shipped rules, built-in profiles) accepted,
 * and stored rules checked again when compiled.
 */
import { describe, expect, it } from 'vitest';
import { checkPattern, clipSubject, SUBJECT_LIMIT } from '../../../src/core/redos.js';
import { PocketbookError } from '../../../src/core/errors.js';
import { builtinProfiles } from '../../../src/import/profiles/index.js';
import { CompiledRules } from '../../../src/rules/compile.js';
import { DEFAULT_RULES } from '../../../src/rules/defaults/index.js';
import type { Rule } from '../../../src/rules/model.js';

const EXPONENTIAL = [
  '(a+)+', '[^](a+)+]', '(\\w+\\s?)*', '(a|a)*', '(.*a){20}', '(?:a|b?)+', '(a*)*b', '(a|ab)*c', '(\\d|\\w)+x',
  '(a?){40}a{40}', '([^]*)*=', '(?<x>a+)+$', '(\\d+,?)*$', '(?:x+x+)+y', '(.*,){3,}=',
];
const POLYNOMIAL = [
  '.*.*.*.*.*.*.*.*=', '.*.*=', '\\s*\\s*$', 'a*a*b', 'foo.*bar.*baz', '.{0,40}.{0,40}.{0,40}=', '\\d+\\d+$',
  '[^]*[^]*=', '.*(?=.*=)', 'x.*y?z?w?v?.*$',
];
const ORDINARY = [
  '星巴克|starbucks|瑞幸', '^uber\\s+trip', 'a+b+c+', '(foo|bar)+', '\\d{4}-\\d{2}', '[a-z]+@[a-z]+\\.com', '(ab|cd)*',
  'coffee(shop)?', '\\bgas\\b', '\\brent\\b|\\bmiete\\b|\\bloyer\\b', 'property (mgmt|management|mgt)|\\bhoa\\b|物业',
  '利息|结息|^interest\\b|interest paid|interest earned|monthly interest|interest credit|dividend|zinsen', 'didi|滴滴',
  'amazon.*prime', 'amazon.*prime.*', 'foo.{0,40}bar.{0,40}baz', '(\\d+,)*x', '(ab?)+$', '(\\d{1,2}\\.){3}\\d{1,2}$',
  'ref.*\\d+', '^[A-Z]{3}\\d{6,}$', '(?<=card )\\d{4}', 'a\\k<b', '(?<n>a+)\\k<n>', 'x{', 'a{,5}', '^(\\d+\\.\\d{2})?$',
];

describe('the guard refuses hostile patterns, saying why and how to fix them', () => {
  it.each(EXPONENTIAL)('%s: exponential', (p) => {
    expect(checkPattern(p)).toMatch(/backtrack catastrophically: .*exponential time.*rewrite it without the nested/);
  });

  it.each(POLYNOMIAL)('%s: polynomial', (p) => {
    expect(checkPattern(p)).toMatch(/polynomial time on a 2000-character text\); use a bounded repeat like \.\{0,40\}/);
  });

  it('names the quantifiers of the chain', () => {
    expect(checkPattern('coffee.*shop.*=')).toContain('".*" then ".*" can take the same characters');
  });
});

describe('the guard accepts the patterns people write', () => {
  it.each(ORDINARY)('%s', (p) => {
    expect(checkPattern(p)).toBeUndefined();
  });

  it('every shipped rule', () => {
    const patterns = DEFAULT_RULES.flatMap((r) => [r.match.description, r.match.merchant]).filter((p): p is string => p !== undefined);
    expect(patterns.length).toBeGreaterThan(200);
    expect(patterns.filter((p) => checkPattern(p) !== undefined)).toEqual([]);
  });

  it('every built-in profile pattern (read with the u flag, as profiles are)', () => {
    const patterns = builtinProfiles.flatMap((p) => [...(p.row_pattern ?? []), ...(p.ignore_rows ?? []), ...(p.stop_at ?? [])]).filter((p) => p !== '');
    expect(patterns.length).toBeGreaterThan(5);
    expect(patterns.filter((p) => checkPattern(p, 'u') !== undefined)).toEqual([]);
  });
});

describe('rules already stored in a ledger are checked again when compiled', () => {
  const rule = (description: string): Rule => ({ name: 'Stored', match: { description }, set: { category: 'Other' } });

  it('a user rule the guard refuses stops the run with a RULES error naming it', () => {
    let error: unknown;
    try {
      new CompiledRules([{ rule: rule('.*.*='), origin: 'user', categoryId: 1 }]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PocketbookError);
    expect((error as PocketbookError).code).toBe('RULES');
    expect((error as PocketbookError).message).toContain('rule "Stored": match.description ".*.*="');
  });

  it('user text longer than the limit is tested on its first SUBJECT_LIMIT characters', () => {
    const rules = new CompiledRules([{ rule: rule('needle\\d'), origin: 'user', categoryId: 1 }]);
    const subject = (description: string) => ({ description, merchant: '', amount: -1, currency: 'CNY', account: 'A', channel: 'card' });
    expect(rules.evaluate(subject(`${'x'.repeat(SUBJECT_LIMIT - 10)}needle1`)).category).toBeDefined();
    expect(rules.evaluate(subject(`${'x'.repeat(SUBJECT_LIMIT)}needle1`)).category).toBeUndefined();
    expect(clipSubject('y'.repeat(SUBJECT_LIMIT + 5))).toHaveLength(SUBJECT_LIMIT);
  });
});
