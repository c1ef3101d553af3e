import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN } from './helpers.js';
import { invokedCommand } from '../../src/cli/main.js';

const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const COMMANDS = ['demo', 'account', 'import', 'profile', 'tx', 'tag', 'category', 'merchant', 'rules', 'categorize', 'report', 'budget', 'benefit', 'badges', 'export', 'backup', 'config'];

describe('command-line wiring', () => {
  it('--help lists every command and ends with examples', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    for (const name of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(r.stdout).toMatch(/Examples:/);
  });

  it('help for one command shows its own subcommands and examples', () => {
    const r = run(['help', 'report']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/month/);
    expect(r.stdout).toMatch(/trend/);
    for (const name of ['account', 'import', 'tx', 'rules', 'budget', 'benefit']) {
      const h = run([name, '--help']);
      expect(h.status, name).toBe(0);
      expect(h.stdout, name).toMatch(/Examples:|\$ pocketbook/);
    }
  });

  it('unknown commands and options are usage errors (exit 2), without a stack trace', () => {
    const r = run(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(run(['report', 'month', '--no-such-flag']).status).toBe(2);
  });

  it('finds the invoked command past global options', () => {
    expect(invokedCommand(['--ledger', 'x.db', '--json', 'report', 'month'])).toBe('report');
    expect(invokedCommand(['help', 'tx'])).toBe('tx');
    expect(invokedCommand(['--help'])).toBeUndefined();
    expect(invokedCommand(['--format', 'csv', 'tx', 'list'])).toBe('tx');
  });

  it('a reader that stops early (| head) is not an error', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --help | head -1`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Usage: pocketbook/);
  });
});
