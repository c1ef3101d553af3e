/**
 * Issue 23 point 6: hostile arguments to every command — empty strings, huge numbers, impossible
 * dates, periods at the ends of the calendar, unknown ids, 50,000-character text — end in exit 0,
 * or in exactly one stderr line with exit 1 (failure) or 2 (usage, SPEC "Exit codes"); never an
 * internal error or a stack. Runs the built CLI on a ledger holding the bundled examples.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, REPO_ROOT, type TempLedger, runCliAsync, tempLedger } from './helpers.js';

const BIG = '99999999999999999999';
const LONG = 'a'.repeat(50_000);
const BAD_DATES = ['', '2026-02-30', '2026-13-01', '0000-00-00', '10000-01-01', BIG];
const MONTHS = ['9999-12', '0000-01', '0001-01', '2026-13', '2026-00', '', '2026-1'];
const YEARS = ['9999', '0000', '0001', '', '10000'];
const IDS = ['0', BIG, '1.5', '', '999999'];
const NUMBERS = ['', '0', BIG, 'abc', '9007199254740992'];

const GROUPS: Record<string, string[][]> = {
  periods: [
    ...MONTHS.flatMap((m) => [
      ['report', 'month', m], ['tx', 'list', '--month', m], ['badges', m], ['budget', 'status', m],
      ['report', 'rank', '--by', 'category', '--month', m], ['report', 'trend', '--until', m], ['report', 'trend', '--until', m, '--months', '240'],
    ]),
    ...YEARS.flatMap((y) => [['report', 'year', y], ['tx', 'list', '--year', y], ['report', 'rank', '--by', 'merchant', '--year', y]]),
  ],
  dates: [
    ...BAD_DATES.flatMap((d) => [
      ['tx', 'list', '--from', d], ['tx', 'list', '--to', d], ['export', '--format', 'csv', '--from', d], ['report', 'rank', '--by', 'channel', '--from', d, '--to', d],
      ['account', 'show', 'Card', '--as-of', d], ['account', 'set-balance', 'Card', '100', '--date', d],
    ]),
    ['tx', 'list', '--from', '9999-12-31', '--to', '9999-12-31'], ['export', '--format', 'beancount', '--from', '0000-01-01', '--to', '9999-12-31'],
    ['export', '--format', 'ledger', '--from', '9999-12-31'], ['account', 'show', 'Card', '--as-of', '9999-12-31'], ['account', 'show', 'Card', '--as-of', '0000-01-01'],
  ],
  numbers: [
    ...NUMBERS.flatMap((n) => [
      ['tx', 'list', '--limit', n], ['merchant', 'list', '--limit', n], ['rules', 'test', 'x', '--limit', n], ['report', 'rank', '--by', 'merchant', '--top', n],
      ['report', 'trend', '--months', n], ['report', 'trend', '--by', 'category', '--top', n], ['report', 'networth', '--months', n], ['report', 'month', '--top', n],
      ['tx', 'list', '--min', n], ['tx', 'list', '--max', n], ['budget', 'set', 'Dining', n], ['config', 'set', 'report.top', n],
      ['account', 'add', `Acct${n}`, '--type', 'credit', '--statement-day', n], ['account', 'add', `Limit${n}`, '--type', 'credit', '--credit-limit', n],
      ['benefit', 'add', `B${n}`, '--min-count', n], ['benefit', 'add', `S${n}`, '--min-spend', n], ['benefit', 'add', `C${n}`, '--cashback', `${n}%`, '--cap', n],
    ]),
  ],
  ids: [
    ...IDS.flatMap((id) => [
      ['tx', 'show', id], ['tx', 'note', id, 'hi'], ['tx', 'edit', id, '--kind', 'expense'], ['tx', 'tag', id, 'x'], ['tx', 'untag', id, 'x'],
      ['tx', 'split', id, 'Dining=1'], ['tx', 'link', id, '1'], ['tx', 'unlink', id], ['import', 'undo', id], ['tx', 'attachment', 'export', id, '/nonexistent-dir-pb'],
      ['tx', 'attachment', 'remove', '1', id],
    ]),
  ],
  text: [
    ['tx', 'list', '--search', LONG], ['tx', 'list', '--search', ''], ['merchant', 'list', '--search', LONG], ['tx', 'note', '1', LONG],
    ['tx', 'list', '--account', ''], ['tx', 'list', '--category', ''], ['tx', 'list', '--merchant', LONG], ['tx', 'list', '--tag', LONG],
    ['report', 'month', '--currency', ''], ['report', 'month', '--account', ''], ['report', 'month', '--account', LONG],
    ['account', 'add', '', '--type', 'cash'], ['account', 'rename', 'Nope', 'X'], ['account', 'remove', ''], ['category', 'add', ''],
    ['category', 'rename', 'Nope', 'X'], ['merchant', 'rename', '', ''], ['merchant', 'alias', '', 'x'], ['rules', 'remove', ''],
    ['rules', 'import', '/nonexistent.yaml'], ['import', '/nonexistent.csv'], ['import', ''], ['profile', 'show', ''], ['check', '/nonexistent'],
    ['config', 'get', ''], ['config', 'set', 'currency', ''], ['budget', 'set', '', '10'], ['benefit', 'remove', ''], ['badges', '--file', '/nonexistent.yaml'],
  ],
};

const LANES = 3;
let t: TempLedger;
/** One ledger copy per lane, so runs that write never wait for each other. */
const lanes: string[] = [];

beforeAll(() => {
  t = tempLedger('pb-hostile-');
  const examples = path.join(REPO_ROOT, 'examples');
  for (const [file, account] of [['cmb-card-2026-09-10.csv', 'Card'], ['icbc-savings-2026-09-10.csv', 'Savings'], ['wallet-alipay-2026-09-10.csv', 'Alipay']]) {
    expect(t.run(['import', path.join(examples, file!), '--account', account!]).code).toBe(0);
  }
  for (let i = 0; i < LANES; i++) {
    const copy = t.file(`lane-${i}.db`);
    fs.copyFileSync(t.ledger, copy);
    lanes.push(copy);
  }
}, 120_000);
afterAll(() => t.cleanup());

const shown = (args: readonly string[]) => args.map((a) => (a.length > 30 ? `${a.slice(0, 12)}…(${a.length} chars)` : JSON.stringify(a))).join(' ');

/** What is wrong with one run, or undefined when it is exit 0 or one clean line with exit 1/2. */
function problem(args: readonly string[], r: CliResult): string | undefined {
  if (/internal error|^\s+at /m.test(r.stderr)) return r.stderr.trim();
  if (r.code === 0) return undefined;
  // `check` reports what it found on stdout and exits 1: that is its result, not an error line.
  if (args[0] === 'check' && r.code === 1 && r.stderr === '' && r.stdout.includes('problem')) return undefined;
  if (r.code !== 1 && r.code !== 2) return `exit ${r.code}: ${r.stderr.trim()}`;
  const lines = r.stderr.trim().split('\n');
  if (lines.length !== 1 || !lines[0]!.startsWith('pocketbook: ')) return `exit ${r.code} with ${lines.length} stderr lines: ${r.stderr.trim().slice(0, 300)}`;
  return undefined;
}

async function runAll(cases: readonly string[][]): Promise<string[]> {
  const problems: string[] = [];
  let next = 0;
  await Promise.all(lanes.map(async (ledger) => {
    while (next < cases.length) {
      const args = cases[next++]!;
      const r = await runCliAsync(['--ledger', ledger, ...args], { env: { POCKETBOOK_CONFIG_DIR: t.configDir } });
      const p = problem(args, r);
      if (p !== undefined) problems.push(`pocketbook ${shown(args)}: ${p}`);
    }
  }));
  return problems;
}

describe('hostile arguments never reach "internal error"', () => {
  it.each(Object.keys(GROUPS))('%s: exit 0, or one "pocketbook: " line with exit 1 or 2', async (group) => {
    expect(await runAll(GROUPS[group]!)).toEqual([]);
  }, 300_000);

  it('report month 9999-12 and report year 9999 work: the periods are real, only their successors are not', () => {
    const month = t.run(['report', 'month', '9999-12', '--json']);
    expect(month.code, month.stderr).toBe(0);
    expect(JSON.parse(month.stdout)).toMatchObject({ month: '9999-12', previous: { month: '9999-11' } });
    const year = t.run(['report', 'year', '9999', '--json']);
    expect(year.code, year.stderr).toBe(0);
    expect(JSON.parse(year.stdout).year).toBe('9999');
    expect(t.run(['tx', 'list', '--month', '9999-12', '--json']).stdout.trim()).toBe('[]');
  });

  it('a period that would step past the calendar is refused in one line', () => {
    const r = t.run(['report', 'trend', '--until', '0001-06', '--months', '24']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('pocketbook: the period reaches beyond the calendar pocketbook handles (0000-01-01 to 9999-12-31) (pick a later or earlier month)');
  });
});
