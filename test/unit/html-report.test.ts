/**
 * The HTML month report, annual bill and badge card (issue 25 points 1–2), rendered from models
 * built by the real report code: one self-contained file (no script, no URL, a CSP that forbids
 * fetching), statement text escaped, figures marked, the summary paragraph in both languages.
 */
import { describe, expect, it } from 'vitest';
import { withLocale } from '../../src/core/i18n.js';
import { monthHtml, monthSummaryText } from '../../src/render/html/month-page.js';
import { badgeCardHtml, badgeCardSvg, wrapText } from '../../src/render/html/badge-card.js';
import { escapeHtml } from '../../src/render/safe-text.js';
import { sampleMonthReport } from './report-fixture.js';

/** Anything that would make a browser fetch: a URL scheme, src/href, url() (but an inline #fragment), @import, a script. */
const EXTERNAL = /https?:|\/\/[a-z]|\bsrc=|\bhref=|url\((?!#)|@import|<script|<link|<img|<iframe|<object/i;

describe('month HTML', () => {
  const html = monthHtml(sampleMonthReport());

  it('is one self-contained document with a CSP forbidding every fetch', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect(html.replace(/<meta http-equiv[^>]+>/, '')).not.toMatch(EXTERNAL);
    expect(html).toMatch(/@media print/);
    expect(html).toMatch(/@page\{size:A4/);
    expect(html).toMatch(/prefers-color-scheme:dark/);
    expect(html).toMatch(/<svg viewBox="0 0 200 200"/); // the category donut
  });

  it('escapes statement text', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Café');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(escapeHtml(`a"b'<\x1b`)).toBe('a&quot;b&#39;&lt;\\x1b');
  });

  it('marks the figures with data-figure and their plain value', () => {
    expect(html).toContain('data-figure="spending" data-value="7637.11">7,637.11<');
    expect(html).toContain('data-figure="income" data-value="12000.00">12,000.00<');
    expect(html).toMatch(/data-figure="category" data-name="Shopping" data-value="5345.98"/);
  });

  it('has a summary paragraph built from the model, in English and Chinese', () => {
    const r = sampleMonthReport();
    expect(monthSummaryText(r)).toBe('You spent 7,637.11 this month, 1.6% more than last month; Shopping was 70%. Income was 12,000.00, leaving 4,362.89.');
    expect(withLocale('zh', () => monthSummaryText(r))).toBe('本月支出 7,637.11 元，比上月多 1.6%，Shopping占 70%；收入 12,000.00 元，结余 4,362.89 元。');
    const zh = withLocale('zh', () => monthHtml(r));
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('消费月报');
    expect(zh).toContain('2026年9月');
    expect(zh).toContain('卡片权益');
  });
});

describe('badge card', () => {
  const card = { id: 'life-explorer', name: 'Life Explorer 生活探险家', earned: true, progress: 1, reason: '6 new merchants <needs 5>', month: '2026-10', holder: 'Li Wei & co' };

  it('is an SVG naming the badge, why, the month and the holder, escaped', () => {
    const svg = badgeCardSvg(card);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 600 800"/);
    expect(svg).toContain('Life Explorer 生活探险家');
    expect(svg).toContain('6 new merchants &lt;needs 5&gt;');
    expect(svg).toContain('Earned in Oct 2026');
    expect(svg).toContain('Awarded to Li Wei &amp; co');
    expect(withLocale('zh', () => badgeCardSvg(card))).toContain('授予 Li Wei &amp; co');
  });

  it('as HTML holds the SVG inline and names no URL at all', () => {
    const html = badgeCardHtml(card);
    expect(html).toContain('<svg viewBox="0 0 600 800"');
    expect(html.replace(/<meta http-equiv[^>]+>/, '')).not.toMatch(EXTERNAL);
  });

  it('wraps long names by display width', () => {
    expect(wrapText('一二三四五六七八九十', 8, 3)).toEqual(['一二三四', '五六七八', '九十']);
    expect(wrapText('aaa bbb ccc', 7, 2)).toEqual(['aaa bbb', 'ccc']);
  });
});
