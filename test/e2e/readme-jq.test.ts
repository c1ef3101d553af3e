/**
 * Every `| jq` recipe in the README runs: each command line of the README's code blocks that pipes
 * into jq is run by bash through the built CLI on a ledger holding examples/ (the demo household,
 * with a budget and a benefit), with the real jq, and must succeed and print something.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, tempLedger } from './helpers.js';

/** Inside the examples' second month, so "this month" and "--previous" both have entries. */
const TODAY = '2026-10-31';
const t = tempLedger('pb-readme-jq-');
afterAll(() => t.cleanup());

/** Command lines in fenced code blocks that start with `pocketbook` and pipe into jq. */
function jqRecipes(markdown: string): string[] {
  const out: string[] = [];
  let inBlock = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inBlock = !inBlock;
    else if (inBlock && /^pocketbook\s/.test(line) && /\|\s*jq\b/.test(line)) out.push(line.trim());
  }
  return out;
}

const recipes = [...new Set(jqRecipes(readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')))];

beforeAll(() => {
  const jq = spawnSync('jq', ['--version'], { encoding: 'utf8' });
  // jq is a test dependency (.ci/run installs it): never skip these tests.
  if (jq.status !== 0) throw new Error('jq is not installed (apt-get install -y jq)');
  const on = { env: { POCKETBOOK_TODAY: TODAY } };
  for (const args of [
    ['demo'],
    ['budget', 'set', 'Dining', '500'],
    ['benefit', 'add', 'Fee waiver', '--account', 'CMB Credit Card', '--period', 'year', '--min-count', '6', '--min-amount', '10'],
    ['benefit', 'add', 'Q4 bonus', '--account', 'CMB Credit Card', '--period', 'quarter', '--min-spend', '5000'],
  ]) {
    const r = t.run(args, on);
    expect(r.code, r.stderr).toBe(0);
  }
});

function runRecipe(line: string): { code: number; stdout: string; stderr: string } {
  const pocketbook = `"${process.execPath}" "${BIN}" --ledger "${t.ledger}"`;
  const r = spawnSync('bash', ['-c', `set -o pipefail; ${line.replace(/^pocketbook/, pocketbook)}`], {
    encoding: 'utf8',
    env: { ...process.env, POCKETBOOK_TODAY: TODAY, POCKETBOOK_CONFIG_DIR: t.configDir, NO_COLOR: '1' },
  });
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

describe('README jq recipes', () => {
  it('finds the recipes, including the exact-amount comparison', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(10);
    expect(recipes).toContain(`pocketbook tx list --month 2026-09 --json | jq '.[] | select((.amount | tonumber) < -500)'`);
    expect(recipes.some((r) => /select\(\.amount\s*[<>]/.test(r))).toBe(false);
  });

  it.each(recipes.map((r) => [r]))('%s', (line) => {
    const r = runRecipe(line);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim(), 'a recipe prints something on the examples').not.toBe('');
    expect(r.stdout).not.toMatch(/^null$/m);
  });

  it('comparing amounts as strings finds nothing; with tonumber it finds the big spends', () => {
    const wrong = runRecipe(`pocketbook tx list --month 2026-09 --json | jq '.[] | select(.amount < -500)'`);
    expect(wrong.stdout).toBe('');
    const right = runRecipe(`pocketbook tx list --month 2026-09 --json | jq -r '.[] | select((.amount | tonumber) < -500) | .amount'`);
    expect(right.stdout.trim().split('\n')).toContain('-9800.00');
  });
});
