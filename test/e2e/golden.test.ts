/**
 * Golden files (issue 25 point 4): the text of `report month`, `report year` and `badges` on a fixed
 * ledger (the bundled examples plus two budgets and three card benefits, today fixed, no colour) at
 * 80 and 120 columns, pinned in test/golden/*.txt. After a deliberate change of the output,
 * regenerate them with
 *
 *   npm run build && UPDATE_GOLDEN=1 npx vitest run --config test/vitest.config.ts test/e2e/golden.test.ts
 *
 * and read the diff before committing. Besides the pins: the chart and the Badges, Card benefits
 * and Budgets sections never pass the terminal's width, and hold no field names, true/false or raw
 * decimals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, tempLedger } from './helpers.js';
import { textWidth } from '../../src/render/width.js';

const GOLDEN = path.join(REPO_ROOT, 'test', 'golden');
const t = tempLedger('pb-golden-');
afterAll(() => t.cleanup());
/** English, yuan, no colour, whatever the machine's locale. */
const ENV = { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', LC_MESSAGES: undefined, NO_COLOR: '1' };

const ok = (args: string[], columns?: number) => {
  const r = t.run(args, { env: { ...ENV, ...(columns ? { COLUMNS: String(columns) } : { COLUMNS: undefined }) } });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};

beforeAll(() => {
  ok(['config', 'set', 'currency', 'CNY']);
  ok(['demo']);
  ok(['budget', 'set', 'Dining', '2000']);
  ok(['budget', 'set', 'Shopping', '1000']);
  ok(['benefit', 'add', 'Annual fee waiver', '--account', 'CMB Credit Card', '--min-count', '18', '--period', 'year']);
  ok(['benefit', 'add', 'Dining cashback', '--cashback', '5%', '--cap', '50', '--category', 'Dining', '--period', 'month']);
  ok(['benefit', 'add', 'Quarter spend 2万', '--account', 'CMB Credit Card', '--min-spend', '20000', '--period', 'quarter']);
});

const CASES: { name: string; args: string[] }[] = [
  { name: 'report-month', args: ['--no-color', 'report', 'month', '2026-10'] },
  { name: 'report-year', args: ['--no-color', 'report', 'year', '2026'] },
  { name: 'badges', args: ['--no-color', 'badges', '2026-10', '--all'] },
];

/** The lines of a section (title to the next blank line). */
function sectionOf(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(title);
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end);
}

describe('golden text output', () => {
  for (const c of CASES) {
    for (const columns of [80, 120]) {
      it(`${c.name} at ${columns} columns`, () => {
        const out = ok(c.args, columns);
        const file = path.join(GOLDEN, `${c.name}-${columns}.txt`);
        if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, out);
        expect(out).toBe(readFileSync(file, 'utf8'));
      });
    }
  }

  it('the month report\'s chart and perk sections fit the width and read as sentences', () => {
    for (const columns of [80, 120]) {
      const out = ok(CASES[0]!.args, columns);
      const chart = sectionOf(out, 'Last 6 months');
      expect(chart.length).toBeGreaterThan(10);
      const perks = ['Budgets', 'Card benefits', 'Badges'].map((title) => sectionOf(out, title));
      for (const lines of perks) expect(lines.length, out).toBeGreaterThan(1);
      for (const line of [...chart, ...perks.flat()]) expect(textWidth(line), line).toBeLessThanOrEqual(columns);
      // The plot spreads over the width: at least 60 plot columns at 80.
      const axis = chart.find((l) => l.includes('└'))!;
      expect(axis.length - axis.indexOf('└') - 1).toBeGreaterThanOrEqual(columns - 20);
      // Month labels under the axis, a symbol per series and a legend naming each.
      expect(chart.join('\n')).toMatch(/May +Jun +Jul +Aug +Sep +Oct/);
      expect(chart.join('\n')).toMatch(/● Spending {3}○ Income/);
      const text = perks.flat().join('\n');
      expect(text).not.toMatch(/\b(true|false|earned +progress|reason|criteria|days_left|cashback_earned)\b/);
      expect(text).not.toMatch(/\d{4}\.\d\d/); // amounts are grouped: 20,000.00, never 20000.00
      expect(text).toMatch(/★ Life Explorer/);
      expect(text).toMatch(/\[█+░*\] \d+%/);
    }
  });

  it('the annual chart stops at the current month and names the months to come', () => {
    const chart = sectionOf(ok(CASES[1]!.args, 80), 'Month by month');
    const labels = chart[chart.findIndex((l) => l.includes('└')) + 1]!;
    expect(labels).toMatch(/Jan.*Nov.*Dec/);
    const plot = chart.slice(1, chart.findIndex((l) => l.includes('└')));
    // today is 2026-11-15: eleven months drawn (each with both symbols), December empty
    const symbols = plot.join('').match(/[●○]/g) ?? [];
    expect(symbols.length).toBeLessThanOrEqual(22);
    const decColumn = labels.indexOf('Dec');
    for (const line of plot) expect(line.slice(decColumn - 1).trim()).not.toMatch(/[●○]/);
  });
});
