import { describe, expect, it } from 'vitest';
import { charWidth, cutText, padText, textWidth } from '../../../src/render/width.js';
import { renderTable } from '../../../src/render/table.js';

describe('textWidth per grapheme (get-east-asian-width and emoji)', () => {
  it('counts CJK, full-width digits and Hangul as two columns', () => {
    expect(textWidth('盒马鲜生')).toBe(8);
    expect(textWidth('１２３')).toBe(6);
    expect(textWidth('한국')).toBe(4);
    expect(textWidth('。、')).toBe(4);
  });

  it('counts emoji as two columns, joined and varied sequences as one emoji', () => {
    expect(textWidth('🚗')).toBe(2);
    expect(textWidth('🚗 Uber')).toBe(7);
    expect(textWidth('👨‍👩‍👧')).toBe(2);
    expect(textWidth('❤️')).toBe(2);
    expect(textWidth('🇨🇳')).toBe(2);
    expect(textWidth('👍🏽')).toBe(2);
    expect(textWidth('1️⃣')).toBe(2);
  });

  it('counts combining marks and zero-width characters as nothing', () => {
    expect(textWidth('e\u0301')).toBe(1);
    expect(textWidth('Cafe\u0301 ☕')).toBe(7);
    expect(textWidth('a\u200bb')).toBe(2);
    expect(textWidth('\u1100\u1161\u11a8')).toBe(2);
    expect(charWidth(0x1f697)).toBe(2);
    expect(charWidth(0x0301)).toBe(0);
  });

  it('cuts without splitting an emoji sequence or an accented letter', () => {
    expect(cutText('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', 4)).toBe('👨‍👩‍👧…');
    expect(cutText('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', 5)).toBe('👨‍👩‍👧👨‍👩‍👧…');
    expect(cutText('e\u0301e\u0301e\u0301e\u0301', 3)).toBe('e\u0301e\u0301…');
    expect(padText('🚗', 4)).toBe('🚗  ');
  });
});

describe('tables stay aligned', () => {
  it('with CJK, emoji, accents and escaped controls in the same column', () => {
    const out = renderTable({
      columns: [{ key: 'd', header: 'Description' }, { key: 'a', header: 'Amount', numeric: true }],
      rows: ['🚗 Uber', '👨‍👩‍👧 family', '盒马鲜生', 'Cafe\u0301', 'x\x1b[2J\ty', '１２３'].map((d) => ({ d, a: '-1.00' })),
    });
    const lines = out.split('\n');
    expect(lines[0]).toBe('Description  Amount');
    expect(lines.map((l) => textWidth(l))).toEqual(lines.map(() => 19));
    expect(lines).toContain('🚗 Uber       -1.00');
    expect(lines).toContain('x\\x1b[2J\\ty   -1.00');
    expect(lines).toContain('１２３        -1.00');
  });
});
