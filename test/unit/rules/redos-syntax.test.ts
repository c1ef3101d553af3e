/**
 * The guard reads patterns exactly as JavaScript does, with the flags the code uses: 'i' for
 * rules, 'u' for profiles. Each case here was misread by the old parser or is easy to misread.
 */
import { describe, expect, it } from 'vitest';
import { prng } from '../../../src/bench/gen.js';
import { randomPattern } from '../../../src/bench/regex-fuzz.js';
import { checkPattern } from '../../../src/core/redos.js';

describe('JavaScript syntax', () => {
  it('[^] is any character and ] always closes a class', () => {
    expect(checkPattern('[^](a+)+]')).toMatch(/exponential/); // not the class "[^](a+)+]"
    expect(checkPattern('[^]*[^]*=')).toMatch(/polynomial/);
  });

  it('[] matches nothing, so nothing after it can chain', () => {
    expect(checkPattern('.*[].*=')).toBeUndefined();
    expect(checkPattern('.*[^].*=')).toMatch(/polynomial/);
  });

  it('\\k<name> is a backreference only with named groups; without them a literal k, and the check ends', () => {
    expect(checkPattern('a\\k<b')).toBeUndefined();
    expect(checkPattern('a\\k<b>')).toBeUndefined();
    expect(checkPattern('(?<b>x+)+\\k<b>')).toMatch(/exponential/);
    expect(checkPattern('a\\k<b', 'u')).toMatch(/not a valid regular expression/);
  });

  it('{ is a literal unless it makes a quantifier (outside u mode)', () => {
    expect(checkPattern('.*{.*=')).toMatch(/polynomial/);
    expect(checkPattern('(a{2,}){2,}')).toMatch(/exponential/);
    expect(checkPattern('a{,5}a{,5}=')).toBeUndefined();
    expect(checkPattern('.*{.*=', 'u')).toMatch(/not a valid/);
  });

  it('case-insensitive rules fold letters; profiles (u, no i) do not', () => {
    expect(checkPattern('A+a+$', 'i')).toMatch(/polynomial/);
    expect(checkPattern('A+a+$', 'u')).toBeUndefined();
  });

  it('\\p{…} is a class under u and the letters p{…} without it', () => {
    expect(checkPattern('\\p{L}+\\p{L}+$', 'u')).toMatch(/polynomial/);
    expect(checkPattern('\\p{L}+\\p{L}+$', 'i')).toBeUndefined();
  });

  it('escapes inside classes: \\] is a member, \\b a backspace, \\d-z three members outside u', () => {
    expect(checkPattern('[\\]]+[\\]]+$')).toMatch(/polynomial/);
    expect(checkPattern('[\\b]+b+$')).toBeUndefined();
    expect(checkPattern('[\\d-z]+-+$')).toMatch(/polynomial/);
    expect(checkPattern('[\\d-z]+y+$')).toBeUndefined();
  });

  it('a lookbehind is read right to left', () => {
    expect(checkPattern('\\d*(?<=\\d*x)$')).toBeUndefined();
    expect(checkPattern('\\d*(?<=x\\d*)$')).toMatch(/polynomial/);
  });

  it('other characters are told apart (星 and 巴), the same one is not', () => {
    expect(checkPattern('星+巴+$')).toBeUndefined();
    expect(checkPattern('星+星+$')).toMatch(/polynomial/);
  });

  it('refuses what it cannot read, and patterns past its size limit', () => {
    expect(checkPattern(`${'('.repeat(60)}a${')'.repeat(60)}`)).toMatch(/cannot be checked/);
    expect(checkPattern('a'.repeat(10_001))).toMatch(/longer than 10000/);
  });
});

describe('the check ends on any input', () => {
  it('returns a reason or undefined for 3,000 seeded strings of regex syntax (valid or not)', () => {
    const rand = prng(23);
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const pattern = randomPattern(rand);
      const flags = i % 2 ? 'u' : 'i';
      const result = checkPattern(pattern, flags);
      if (result !== undefined) refused++;
      expect(result === undefined || typeof result === 'string').toBe(true);
    }
    expect(refused).toBeGreaterThan(0);
  });
});
