/**
 * `tx list --format ndjson | head -1` through a real shell pipe on a big ledger: the listing stops as
 * soon as the reader goes away (EPIPE) — exit 0, no stack trace — instead of writing every entry.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempLedger } from './helpers.js';

const ROWS = 100_000;
const t = tempLedger('pb-pipe-');
afterAll(() => t.cleanup());

beforeAll(() => {
  const lines = ['Date,Description,Amount'];
  for (let i = 0; i < ROWS; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},SHOP ${i},-${1 + (i % 500)}.25`);
  }
  writeFileSync(t.file('big.csv'), `${lines.join('\n')}\n`);
  const r = t.run(['import', t.file('big.csv'), '--account', 'Big']);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

/** Run `pocketbook … <pipeline>` in bash with pipefail. */
function shell(args: string, tail: string): { code: number; stdout: string; stderr: string } {
  const cmd = `set -o pipefail; "${process.execPath}" "${BIN}" --ledger "${t.ledger}" ${args} ${tail}`;
  const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8', env: { ...process.env, POCKETBOOK_CONFIG_DIR: t.configDir, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

describe('tx list into a pipe that closes early', () => {
  it('--format ndjson | head -1 returns at once, exit 0, no stack trace', () => {
    const full = shell('tx list --format ndjson', '| wc -c');
    expect(full.code, full.stderr).toBe(0);
    const fullBytes = Number(full.stdout.trim());
    const head = shell('tx list --format ndjson', '| head -1');
    expect(head.stderr).toBe('');
    expect(head.code).toBe(0); // pipefail: the CLI's own exit status
    const lines = head.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: 1, amount: '-1.25', account: 'Big' });
    // It stopped early: under --debug it says how much it had offered stdout when the reader went away,
    // a few of its 1,024-entry chunks at most, not the whole listing (no timing involved).
    const told = shell('--debug tx list --format ndjson', '| head -1');
    expect(told.code).toBe(0);
    const written = Number(/closed the output after (\d+) bytes were offered/.exec(told.stderr)?.[1]);
    expect(written, told.stderr).toBeGreaterThan(0);
    expect(written).toBeLessThan(fullBytes / 10);
  }, 60_000);

  it('csv and json stop the same way', () => {
    for (const format of ['csv', 'json']) {
      const r = shell(`tx list --format ${format}`, '| head -2');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')).toHaveLength(3);
    }
  }, 60_000);
});
