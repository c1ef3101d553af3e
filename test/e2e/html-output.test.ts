/**
 * `report month|year --format html [--output FILE] [--open]` and `badges --card ID` from the CLI
 * (issue 25 points 1, 2 and 5): the page on stdout or in a file, the system opener called with the
 * file only when asked (a fake xdg-open first in PATH records its argument), the holder's name from
 * `config set name`, an unknown badge as one line naming the known ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempLedger } from './helpers.js';

const t = tempLedger('pb-html-');
afterAll(() => t.cleanup());
const ENV = { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
const run = (args: string[], env: Record<string, string | undefined> = {}) => t.run(args, { env: { ...ENV, ...env } });
const ok = (args: string[], env: Record<string, string | undefined> = {}) => {
  const r = run(args, env);
  expect(r.code, r.stderr).toBe(0);
  return r;
};

beforeAll(() => {
  ok(['config', 'set', 'currency', 'CNY']);
  ok(['demo']);
});

/** A fake `xdg-open` (and `open`) that writes its arguments to a file. */
function fakeOpener(): { bin: string; log: string } {
  const bin = t.file('bin');
  const log = t.file('opened.txt');
  mkdirSync(bin, { recursive: true });
  for (const name of ['xdg-open', 'open']) {
    writeFileSync(path.join(bin, name), `#!/bin/sh\nprintf '%s\\n' "$@" >> "${log}"\n`);
    chmodSync(path.join(bin, name), 0o755);
  }
  return { bin, log };
}

/** The opener runs detached: wait for its record (bounded). */
async function readWhenWritten(file: string): Promise<string> {
  for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

describe('report --format html', () => {
  it('prints the page on stdout without --output, with the figures of --json', () => {
    const html = ok(['report', 'month', '2026-10', '--format', 'html']).stdout;
    const json = JSON.parse(ok(['report', 'month', '2026-10', '--json']).stdout) as { spending: string; income: string; net: string };
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`data-figure="spending" data-value="${json.spending}"`);
    expect(html).toContain(`data-figure="income" data-value="${json.income}"`);
    expect(html).toContain(`data-figure="net" data-value="${json.net}"`);
    expect(html).not.toMatch(/https?:|<script/);
  });

  it('writes --output FILE and says so on stderr; the year too', () => {
    const file = t.file('month.html');
    const r = ok(['report', 'month', '2026-10', '--format', 'html', '--output', file]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`wrote ${file}`);
    expect(readFileSync(file, 'utf8')).toContain('Monthly spending report');
    const year = t.file('year.html');
    ok(['report', 'year', '2026', '--format', 'html', '--output', year]);
    expect(readFileSync(year, 'utf8')).toContain('Annual bill');
  });

  it('--open opens the written file with the system opener, only when asked', async () => {
    const { bin, log } = fakeOpener();
    const PATH = `${bin}:${process.env.PATH ?? ''}`;
    ok(['report', 'month', '2026-10', '--format', 'html', '--output', t.file('quiet.html')], { PATH });
    const file = t.file('opened.html');
    ok(['report', 'month', '2026-10', '--format', 'html', '--output', file, '--open'], { PATH });
    expect((await readWhenWritten(log)).trim().split('\n')).toEqual([file]);
  });

  it('refuses --open without --output and --output without --format html, writing nothing', () => {
    const noFile = run(['report', 'month', '--format', 'html', '--open']);
    expect(noFile.code).not.toBe(0);
    expect(noFile.stderr).toMatch(/--open needs --output FILE/);
    const table = run(['report', 'month', '--output', t.file('never.html')]);
    expect(table.code).not.toBe(0);
    expect(table.stderr).toMatch(/--output and --open need --format html/);
    expect(existsSync(t.file('never.html'))).toBe(false);
    expect(run(['report', 'rank', '--by', 'category', '--format', 'html']).stderr).toMatch(/--format html is for report month, report year and badges --card/);
    // Listings and other commands refuse a page format rather than print something else under its name.
    for (const args of [['tx', 'list', '--format', 'html'], ['account', 'list', '--format', 'svg'], ['badges', '--month', '2026-10', '--format', 'html'], ['budget', 'status', '--format', 'html']]) {
      const r = run(args);
      expect([r.code, r.stdout], args.join(' ')).toEqual([2, '']);
      expect(r.stderr.trim(), args.join(' ')).toMatch(/^pocketbook: --format (html|svg) is for report month, report year and badges --card$/);
    }
  });

  it('names the file it cannot write', () => {
    const r = run(['report', 'month', '--format', 'html', '--output', t.file('no/such/dir/m.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot write .*no\/such\/dir\/m\.html: ENOENT/);
  });
});

describe('badges --card', () => {
  it('writes an SVG card with the badge, the month and the holder from config set name', () => {
    ok(['config', 'set', 'name', 'Li Wei']);
    const svg = ok(['badges', '--card', 'life-explorer', '--month', '2026-10', '--format', 'svg']).stdout;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('Life Explorer 生活探险家');
    expect(svg).toContain('Earned in Oct 2026');
    expect(svg).toContain('Awarded to Li Wei');
    const file = t.file('card.html');
    ok(['badges', '--card', 'star-foodie', '--month', '2026-10', '--format', 'html', '--output', file]);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('Star Foodie');
    expect(html).toMatch(/Not earned yet in Oct 2026 · 80% of the way/);
  });

  it('an unknown ID is one line listing the known IDs, exit 1', () => {
    const r = run(['badges', '--card', 'nope', '--month', '2026-10']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('pocketbook: unknown badge "nope"; the badges are: star-foodie, life-explorer, savvy-spender, pocket-star');
  });
});
