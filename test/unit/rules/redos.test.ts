import { describe, expect, it } from 'vitest';
import { checkPattern } from '../../../src/core/redos.js';
import { validateRule } from '../../../src/rules/model.js';

describe('checkPattern (catastrophic backtracking)', () => {
  it.each(['(a+)+', '(a*)*b', '(\\w+\\s?)+$', '(a|a)*', '(a|ab)*c', '(\\d|\\w)+x', '(x+x+)+y', '(?:[a-z]+)*!', '(.*a){2,}'])('refuses %s', (p) => {
    expect(checkPattern(p)).toMatch(/backtrack/);
  });

  it.each(['星巴克|starbucks|瑞幸', '^uber\\s+trip', 'a+b+c+', '(foo|bar)+', '\\d{4}-\\d{2}', '[a-z]+@[a-z]+\\.com', '(ab|cd)*', 'coffee(shop)?'])('accepts %s', (p) => {
    expect(checkPattern(p)).toBeUndefined();
  });

  it('reports invalid syntax', () => {
    expect(checkPattern('(abc')).toMatch(/not a valid regular expression/);
  });

  it('refuses the rule by name when rules are loaded', () => {
    expect(() => validateRule({ name: 'Evil', match: { description: '(a+)+$' }, set: { category: 'Other' } }, 0)).toThrow(/rule "Evil".*backtrack/);
  });
});
