/**
 * Issue 23 point 8: text from statements and users never reaches the terminal raw. A made-up CSV
 * (with a control character in its file name too) carries each hostile sequence in a description;
 * every text output shows them escaped, Markdown defuses HTML and links, JSON and CSV stay exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { tempLedger } from './helpers.js';

const t = tempLedger('pb-term-');
afterAll(() => t.cleanup());

const HOSTILE = [
  '\x1b]0;pwned\x07 Coffee', '\x1b[2J Clear', 'over\rwrite', 'back\b\bspace', 'nul\x00byte', 'c1 \u009b31m red', 'del\x7f shop',
  '\u202eexe.txt shop', '\u2066iso\u2069 shop', 'tab\there', 'line\nbreak', 'bell\x07 and \x1bc reset',
];
const HTML = '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) ![](http://evil.example/p.png) | `tick` www.evil.example';
const ACCOUNT = 'Card\x1b]0;t\x07';
const FILE = 'stmt\x1b[2J.csv';
/** What a terminal acts on instead of printing: C0 but newline, DEL, C1, bidi controls. */
const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const ok = (args: string[]) => {
  const r = t.run(args);
  expect(r.code, r.stderr).toBe(0);
  return r;
};
let ids: number[] = [];
let importOut = '';
let noteOut = '';

beforeAll(() => {
  const descriptions = [...HOSTILE, HTML, '🚗 Uber'];
  const rows = descriptions.map((d, i) => `2026-10-${String(i + 1).padStart(2, '0')},${quote(d)},-${i + 1}.00`);
  writeFileSync(t.file(FILE), `Date,Description,Amount\n${rows.join('\n')}\n`);
  importOut = ok(['import', t.file(FILE), '--account', ACCOUNT]).stdout;
  ids = (JSON.parse(ok(['tx', 'list', '--json']).stdout) as { id: number }[]).map((e) => e.id);
  noteOut = ok(['tx', 'note', String(ids[0]), 'note \x1b[2J\rover']).stdout;
  // The importer cleans merchant names; a hand-set merchant keeps the hostile text for the reports.
  ok(['tx', 'edit', String(ids[HOSTILE.length]), '--merchant', HTML]);
});

describe('terminal output escapes control characters', () => {
  it('import and tx note messages quoting a file name, an account or a note', () => {
    expect(importOut).not.toMatch(RAW);
    expect(importOut).toContain('stmt\\x1b[2J.csv');
    expect(importOut).toContain('Card\\x1b]0;t\\x07');
    expect(noteOut).not.toMatch(RAW);
  });

  it('tx list: every hostile description shown escaped, one line per entry, columns aligned', () => {
    const out = ok(['tx', 'list']).stdout;
    expect(out).not.toMatch(RAW);
    for (const s of ['\\x1b]0;pwned\\x07 Coffee', '\\x1b[2J Clear', 'over\\rwrite', 'back\\x08\\x08space', 'nul\\x00byte', 'c1 \\x9b31m red',
      'del\\x7f shop', '\\u202eexe.txt shop', '\\u2066iso\\u2069 shop', 'tab\\there', 'line\\nbreak']) expect(out).toContain(s);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(HOSTILE.length + 1 + 1 + 2 + 1); // rows, HTML row, 🚗 row, header + rule, count
    const amountEnd = (l: string) => l.indexOf('CNY');
    expect(new Set(lines.slice(2, -1).map(amountEnd)).size).toBe(1);
  });

  it('tx show: description, merchant, account, batch file and notes escaped', () => {
    const out = ok(['tx', 'show', String(ids[0])]).stdout;
    expect(out).not.toMatch(RAW);
    expect(out).toMatch(/Description:\s+\\x1b\]0;pwned\\x07 Coffee/);
    expect(out).toMatch(/Account:\s+Card\\x1b\]0;t\\x07/);
    expect(out).toMatch(/Batch:\s+#\d+ stmt\\x1b\[2J\.csv:2/);
    expect(out).toContain('note \\x1b[2J\\rover');
    for (const id of ids) expect(ok(['tx', 'show', String(id)]).stdout).not.toMatch(RAW);
  });

  it('report month, report rank, report trend and account list, as tables and as Markdown', () => {
    for (const args of [['report', 'month', '2026-10'], ['report', 'rank', '--by', 'merchant', '--month', '2026-10', '--top', '20'],
      ['report', 'trend', '--months', '2', '--by', 'merchant'], ['account', 'list']]) {
      for (const format of ['table', 'markdown']) {
        const out = ok([...args, '--format', format]).stdout;
        expect(out, `${args.join(' ')} --format ${format}`).not.toMatch(RAW);
      }
    }
    const rank = ok(['report', 'rank', '--by', 'merchant', '--month', '2026-10', '--top', '20']).stdout;
    expect(rank).toContain('\\x1b[2J Clear');
  });

  it('error lines quoting a name are escaped too', () => {
    const r = t.run(['report', 'month', '2026-10', '--account', 'No\x1b[2J\x1b]0;t\x07']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('No\\x1b[2J\\x1b]0;t\\x07');
  });
});

describe('Markdown output defuses HTML, links, images, autolinks and table syntax', () => {
  const defused = (md: string) => {
    expect(md).not.toMatch(RAW);
    expect(md).not.toMatch(/<script|<img|(?<!\\)\]\(|(?<!!\\)\[\]|http:\/\/|www\.evil/);
    expect(md).toContain('&lt;script&gt;');
  };

  it('tx list --format markdown: one table row per entry, the hostile row intact', () => {
    const md = ok(['tx', 'list', '--format', 'markdown']).stdout;
    defused(md);
    const lines = md.trimEnd().split('\n');
    expect(lines).toHaveLength(HOSTILE.length + 2 + 2);
    const columns = (l: string) => l.split(/(?<!\\)\|/).length;
    expect(new Set(lines.map(columns)).size).toBe(1);
  });

  it('report month and report rank as Markdown', () => {
    defused(ok(['report', 'month', '2026-10', '--format', 'markdown']).stdout);
    defused(ok(['report', 'rank', '--by', 'merchant', '--month', '2026-10', '--top', '20', '--format', 'markdown']).stdout);
  });
});

describe('data formats keep the exact text', () => {
  it('--json keeps every description, the account and the note byte for byte', () => {
    const all = JSON.parse(ok(['tx', 'list', '--json']).stdout) as { description: string; account: string; notes: string[] }[];
    expect(all.map((e) => e.description)).toEqual([...HOSTILE, HTML, '🚗 Uber']);
    expect(new Set(all.map((e) => e.account))).toEqual(new Set([ACCOUNT]));
    expect(all[0]!.notes).toEqual(['note \x1b[2J\rover']);
    const show = JSON.parse(ok(['tx', 'show', String(ids[2]), '--json']).stdout) as { description: string; batch: { file: string } };
    expect(show).toMatchObject({ description: 'over\rwrite', batch: { file: FILE } });
    const ndjson = ok(['tx', 'list', '--format', 'ndjson']).stdout.trimEnd().split('\n').map((l) => JSON.parse(l).description);
    expect(ndjson).toEqual([...HOSTILE, HTML, '🚗 Uber']);
  });

  it('CSV keeps the exact text and quotes the fields holding CR or newline', () => {
    const csv = ok(['tx', 'list', '--format', 'csv']).stdout;
    expect(csv).toContain('\x1b]0;pwned\x07 Coffee');
    expect(csv).toContain('"over\rwrite"');
    expect(csv).toContain('"line\nbreak"');
    expect(csv).toContain(`Card\x1b]0;t\x07`);
  });
});
