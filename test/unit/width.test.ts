import { describe, expect, it } from 'vitest';
import { charWidth, cutText, padText, textWidth } from '../../src/render/width.js';

describe('display width', () => {
  it('counts ASCII as 1, CJK and full-width forms as 2, marks and controls as 0', () => {
    expect(textWidth('Starbucks')).toBe(9);
    expect(textWidth('星巴克')).toBe(6);
    expect(textWidth('ＡＢ')).toBe(4);
    expect(textWidth('e\u0301')).toBe(1);
    expect(textWidth('a\tb')).toBe(2);
    expect(textWidth('한국')).toBe(4);
  });

  it('ignores ANSI colour codes', () => {
    expect(textWidth('\x1b[31m星巴克\x1b[0m')).toBe(6);
  });

  it('measures astral characters by code point (emoji and CJK extension B are wide)', () => {
    expect(textWidth('😀')).toBe(2);
    expect(textWidth('𠀋x')).toBe(3);
    expect(charWidth(0x1d400)).toBe(1);
    expect(textWidth('\ud800')).toBe(1);
  });

  it('pads and cuts by display width', () => {
    expect(padText('星巴克', 8)).toBe('星巴克  ');
    expect(padText('12', 5, 'right')).toBe('   12');
    expect(padText('toolong', 3)).toBe('toolong');
    expect(cutText('星巴克咖啡', 7)).toBe('星巴克…');
    expect(cutText('Starbucks', 20)).toBe('Starbucks');
    expect(textWidth(cutText('盒马鲜生 Freshippo', 9))).toBeLessThanOrEqual(9);
  });
});

describe('renderTable', () => {
  it('aligns CJK and Latin cells by display width, numbers to the right, without trailing spaces', async () => {
    const { renderTable } = await import('../../src/render/table.js');
    const out = renderTable({
      columns: [{ key: 'm', header: 'Merchant' }, { key: 'a', header: 'Amount', numeric: true }, { key: 'n', header: 'Note' }],
      rows: [{ m: '星巴克', a: '-35.00', n: '' }, { m: 'Starbucks Reserve', a: '-128.50', n: 'x' }],
    });
    expect(out.split('\n')).toEqual([
      'Merchant            Amount  Note',
      '─────────────────  ───────  ────',
      '星巴克              -35.00',
      'Starbucks Reserve  -128.50  x',
    ]);
  });
});
