/**
 * The Badges, Card benefits and Budgets sections of `report month` (issue 25 point 4): sentences and
 * progress bars, no field names, true/false or raw decimals, nothing past 80 columns, in English
 * and Chinese.
 */
import { describe, expect, it } from 'vitest';
import { withLocale } from '../../src/core/i18n.js';
import { renderTerminal } from '../../src/render/document.js';
import { badgeLines, fitLine, groupDecimal } from '../../src/render/perk-views.js';
import { monthDocument } from '../../src/render/report-views.js';
import { textWidth } from '../../src/render/width.js';
import { sampleMonthReport } from './report-fixture.js';

const section = (text: string, title: string) => {
  const lines = text.split('\n');
  const start = lines.indexOf(title);
  return start < 0 ? [] : lines.slice(start, lines.indexOf('', start) < 0 ? undefined : lines.indexOf('', start));
};

describe('perk sections of the month report', () => {
  it('read as sentences with progress bars, within 80 columns', () => {
    const text = renderTerminal(monthDocument(sampleMonthReport()));
    const perks = ['Budgets', 'Card benefits', 'Badges'].flatMap((t) => section(text, t));
    const joined = perks.join('\n');
    expect(joined).toContain('★ Life Explorer 生活探险家  new this month: 6 new merchants (needs 5)');
    expect(joined).toMatch(/Annual fee waiver +at risk · 2026-01-01 → 2026-12-31/);
    expect(joined).toMatch(/\[███░░░░░░░\] 33% {2}6 of 18 purchases/);
    expect(joined).toContain('CMB Credit Card · 12 to go · 107 days left');
    expect(joined).toMatch(/餐饮 +\[██████████\] 115% {2}2,291.13 of 2,000.00 · OVER by 291.13/);
    expect(joined).not.toMatch(/\b(true|false|earned|progress|criteria|days_left|remaining|status)\b/);
    for (const line of perks) expect(textWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('speak Chinese in the zh locale', () => {
    const text = withLocale('zh', () => renderTerminal(monthDocument(sampleMonthReport())));
    expect(text).toContain('勋章');
    expect(text).toContain('本月新获得：6 new merchants (needs 5)');
    expect(text).toMatch(/有风险 · 2026-01-01 至 2026-12-31/);
    expect(text).toContain('已消费 6 / 18 笔');
    expect(text).toContain('还差 12 · 剩 107 天');
    expect(text).toContain('超支 291.13');
  });
});

describe('badges text', () => {
  const badges = [
    { id: 'a', name: 'Savvy Spender 消费小能手', earned: false, progress: 0, reason: 'needs entries in each of the 3 previous months' },
    { id: 'b', name: 'Star', earned: true, progress: 1, reason: 'short' },
  ];

  it('moves a reason that would pass the width to its own indented line', () => {
    const text = badgeLines('2026-10', badges, { color: false, all: true, nearly: 0.75, width: 80 });
    for (const line of text.split('\n')) expect(textWidth(line), line).toBeLessThanOrEqual(80);
    expect(text).toContain('  ★ Star — short');
    expect(text).toMatch(/· Savvy Spender 消费小能手 \[░+\] 0%\n {6}— needs entries/);
    expect(badgeLines('2026-10', badges, { color: false, all: true, nearly: 0.75, width: 120 })).toMatch(/0% — needs entries/);
  });

  it('fitLine and groupDecimal', () => {
    expect(fitLine('ab', 'cd', 10, '  ')).toEqual(['ab — cd']);
    expect(fitLine('abcdef', 'ghijkl', 10, '  ')).toEqual(['abcdef', '  — ghijkl']);
    expect(groupDecimal('20000.00')).toBe('20,000.00');
    expect(groupDecimal('-1234567.5')).toBe('-1,234,567.5');
    expect(groupDecimal('18')).toBe('18');
  });
});
