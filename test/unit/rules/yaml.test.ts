import { describe, expect, it } from 'vitest';
import { PocketbookError } from '../../../src/core/errors.js';
import { formatRulesYaml, parseRulesYaml } from '../../../src/rules/yaml.js';

const SAMPLE = `rules:
  - name: Coffee shops
    match:
      description: "星巴克|starbucks|瑞幸"
      merchant: null
      amount: "< 0"
      account: null
      channel: null
    set:
      category: "Dining:Coffee & tea"
      merchant: "Starbucks"
      kind: expense
      channel: card
      tags: [coffee]
  - name: Rent
    match: { description: 房租, amount: "-20000..-1000", direction: out }
    set: { category: Housing:Rent }
`;

function errorOf(text: string): PocketbookError {
  try {
    parseRulesYaml(text, 'rules.yaml');
  } catch (err) {
    if (err instanceof PocketbookError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe('rules YAML', () => {
  it('reads the SPEC example', () => {
    const rules = parseRulesYaml(SAMPLE);
    expect(rules).toHaveLength(2);
    expect(rules[0]).toEqual({
      name: 'Coffee shops',
      match: { description: '星巴克|starbucks|瑞幸', amount: '< 0' },
      set: { category: 'Dining:Coffee & tea', merchant: 'Starbucks', kind: 'expense', channel: 'card', tags: ['coffee'] },
    });
    expect(rules[1]!.match.direction).toBe('out');
  });

  it('round-trips through export', () => {
    const rules = parseRulesYaml(SAMPLE);
    const text = formatRulesYaml(rules);
    expect(parseRulesYaml(text)).toEqual(rules);
    expect(formatRulesYaml(parseRulesYaml(text))).toBe(text);
  });

  it('locates a YAML syntax error', () => {
    const err = errorOf('rules:\n  - name: A\n    match: {description: "x"\n    set: {category: Other}\n');
    expect(err.code).toBe('RULES');
    expect(err.location?.file).toBe('rules.yaml');
    expect(err.location?.line).toBeGreaterThanOrEqual(3);
  });

  it('locates a bad field at its line and names the rule', () => {
    const text = 'rules:\n  - name: Good\n    match: {description: a}\n    set: {category: Other}\n  - name: Bad\n    match:\n      description: b\n      amount: "lots"\n    set: {category: Other}\n';
    const err = errorOf(text);
    expect(err.message).toMatch(/rule "Bad".*"lots" is not a number/);
    expect(err.location?.line).toBe(8);
  });

  it('refuses unknown keys, kinds and duplicate names with lines', () => {
    expect(errorOf('rules:\n  - name: A\n    match: {descripton: x}\n    set: {category: Other}\n').location?.line).toBe(3);
    expect(errorOf('rules:\n  - name: A\n    match: {description: x}\n    set: {kind: spending}\n').message).toMatch(/set.kind "spending"/);
    const dup = errorOf('rules:\n  - name: A\n    match: {description: x}\n    set: {category: Other}\n  - name: a\n    match: {description: y}\n    set: {category: Other}\n');
    expect(dup.message).toMatch(/defined twice/);
    expect(dup.location?.line).toBe(5);
  });

  it('refuses a catastrophic pattern at its line', () => {
    const err = errorOf('rules:\n  - name: Slow\n    match:\n      description: "(a+)+$"\n    set: {category: Other}\n');
    expect(err.message).toMatch(/rule "Slow".*backtrack/);
    expect(err.location?.line).toBe(4);
  });

  it('treats an empty file as no rules', () => {
    expect(parseRulesYaml('')).toEqual([]);
    expect(parseRulesYaml('rules: []\n')).toEqual([]);
  });
});
