import { describe, expect, it } from 'vitest';
import { codeFence, escapeControls, escapeMarkdown, safeOutput } from '../../../src/render/safe-text.js';
import { renderMarkdown, renderTable, renderCsv } from '../../../src/render/table.js';
import { renderTerminal } from '../../../src/render/document.js';
import { renderMarkdownDocument } from '../../../src/render/document-text.js';
import { textWidth } from '../../../src/render/width.js';

/** Every character a terminal acts on instead of printing (what must never reach it raw), but newline. */
const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = ['\x1b]0;pwned\x07', '\x1b[2J', 'a\rb', 'a\bb', 'a\x00b', '\x9b31m', '\x7f', '\u202eevil', '\u2066x\u2069', 'a\tb', 'a\nb'];

describe('escapeControls', () => {
  it('shows each control as a visible escape and leaves ordinary text alone', () => {
    expect(escapeControls('\x1b]0;title\x07')).toBe('\\x1b]0;title\\x07');
    expect(escapeControls('\x1b[2J')).toBe('\\x1b[2J');
    expect(escapeControls('a\rb\tc\nd')).toBe('a\\rb\\tc\\nd');
    expect(escapeControls('\b\x00\x7f\x85')).toBe('\\x08\\x00\\x7f\\x85');
    expect(escapeControls('\u202eabc\u2066\u2069')).toBe('\\u202eabc\\u2066\\u2069');
    expect(escapeControls('星巴克 Café 🚗 👨‍👩‍👧 -35.00')).toBe('星巴克 Café 🚗 👨‍👩‍👧 -35.00');
    for (const h of HOSTILE) expect(escapeControls(h)).not.toMatch(/[\n\x00-\x1f\x7f-\x9f\u202e\u2066\u2069]/);
  });
});

describe('safeOutput (the guard at stdout/stderr)', () => {
  it('keeps newlines and tabs, escapes the rest; keeps colour codes only when colour is on', () => {
    expect(safeOutput('line 1\n\tline 2\x1b]0;t\x07\r\n')).toBe('line 1\n\tline 2\\x1b]0;t\\x07\\r\n');
    expect(safeOutput('\x1b[31mred\x1b[39m')).toBe('\\x1b[31mred\\x1b[39m');
    expect(safeOutput('\x1b[31mred\x1b[39m \x1b[2J', true)).toBe('\x1b[31mred\x1b[39m \\x1b[2J');
  });
});

describe('escapeMarkdown', () => {
  it('defuses HTML, links, images, autolinks, code and pipes', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeMarkdown('[click](javascript:alert(1))')).toBe('[click\\](javascript:alert(1))');
    expect(escapeMarkdown('![](http://evil.example/p.png)')).toBe('!\\[\\](http\\://evil.example/p.png)');
    expect(escapeMarkdown('<https://evil.example>')).toBe('&lt;https\\://evil.example&gt;');
    expect(escapeMarkdown('see www.evil.example or a@b.example')).toBe('see www\\.evil.example or a\\@b.example');
    expect(escapeMarkdown('a|b `code` c\\')).toBe('a\\|b \\`code\\` c\\\\');
    expect(escapeMarkdown('x\ny\x1b[2J')).toBe('x\\\\ny\\\\x1b[2J');
  });

  it('leaves plain descriptions, amounts and CJK unchanged', () => {
    for (const s of ['Starbucks', '-1,553.49', '盒马鲜生', 'bank_transfer', 'Travel (refunds exceed spending)', '# 1 > 2 - 3', 'M&S']) {
      expect(escapeMarkdown(s)).toBe(s.replace(/>/g, '&gt;'));
    }
  });

  it('picks a code fence longer than any backtick run inside', () => {
    expect(codeFence('plain')).toBe('```');
    expect(codeFence('a ```` b')).toBe('`````');
  });
});

describe('renderers', () => {
  const hostileTable = {
    title: 'Entries \x1b[2J',
    columns: [{ key: 'd', header: 'Description' }, { key: 'a', header: 'Amount', numeric: true }],
    rows: HOSTILE.map((d) => ({ d, a: '-1.00' })),
  };

  it('renderTable never prints a raw control and keeps every row on its own aligned line', () => {
    const out = renderTable(hostileTable);
    expect(out).not.toMatch(RAW);
    const lines = out.split('\n');
    expect(lines).toHaveLength(HOSTILE.length + 3);
    const ends = lines.slice(3).map((l) => textWidth(l));
    expect(new Set(ends).size).toBe(1);
    expect(out).toContain('\\x1b]0;pwned\\x07');
    expect(out).toContain('a\\tb');
  });

  it('renderMarkdown keeps one table row per entry and no raw HTML or link', () => {
    const md = renderMarkdown({ columns: hostileTable.columns, rows: [...hostileTable.rows, { d: '<b>x</b> [a](javascript:x) | y', a: '1' }] });
    expect(md).not.toMatch(RAW);
    expect(md.split('\n')).toHaveLength(HOSTILE.length + 3);
    expect(md).not.toMatch(/<b>|(?<!\\)\]\(javascript/);
    expect(md).toContain('&lt;b&gt;x&lt;/b&gt; [a\\](javascript:x) \\| y');
  });

  it('CSV keeps the exact text, quoting CR and newline and guarding formulas', () => {
    const csv = renderCsv({ columns: [{ key: 'd', header: 'D' }], rows: [{ d: 'a\rb' }, { d: '=1+1' }, { d: '\x1b[2J' }] });
    expect(csv).toBe('D\n"a\rb"\n\'=1+1\n\x1b[2J\n');
  });

  it('report documents escape headings, summaries, notes and chart names, in both terminal and Markdown', () => {
    const doc = {
      blocks: [
        { type: 'heading' as const, text: 'Spending · merchant \x1b]0;t\x07' },
        { type: 'summary' as const, items: [{ label: 'Top \u202e', value: '<img onerror=x>' }] },
        { type: 'table' as const, table: hostileTable },
        { type: 'chart' as const, title: 'c\r', labels: ['2026-01', '2026-02'], series: [{ name: 'x```\x1b[2J', values: [1, 2] }] },
        { type: 'note' as const, text: 'note\x00[a](http://x)' },
      ],
    };
    const plot = () => 'chart';
    const term = renderTerminal(doc, undefined, plot);
    expect(term).not.toMatch(RAW);
    expect(term).toContain('Spending · merchant \\x1b]0;t\\x07');
    const md = renderMarkdownDocument(doc, plot);
    expect(md).not.toMatch(RAW);
    expect(md).toContain('&lt;img onerror=x&gt;');
    expect(md).toContain('note\\\\x00[a\\](http\\://x)');
    expect(md).toMatch(/^````$/m);
  });
});
