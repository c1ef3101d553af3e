import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN } from './helpers.js';
import { Command } from 'commander';
import { invokedCommand } from '../../src/cli/main.js';
import { invokedSubcommand } from '../../src/cli/invoked.js';
import { TX_SUBCOMMANDS, register as registerTx } from '../../src/cli/commands/tx.js';

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
    // Subcommands registered from their own modules are listed too (they load for help).
    for (const sub of ['recurring', 'reimbursements']) expect(r.stdout).toMatch(new RegExp(`^  ${sub}\\b`, 'm'));
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
    expect(invokedSubcommand(['--format', 'csv', 'tx', '--ledger', 'x.db', 'list', '--search', 'note'], 'tx')).toBe('list');
    expect(invokedSubcommand(['tx', '--help'], 'tx')).toBeUndefined();
    expect(invokedSubcommand(['report', 'month'], 'tx')).toBeUndefined();
  });

  it('tx loads only the subcommand being run, and its table names every subcommand there is', async () => {
    const all = new Command('pocketbook');
    await registerTx(all, ['tx', '--help']);
    const names = all.commands.find((c) => c.name() === 'tx')!.commands.map((c) => c.name());
    expect([...names].sort()).toEqual([...TX_SUBCOMMANDS].sort());
    for (const sub of TX_SUBCOMMANDS) {
      const one = new Command('pocketbook');
      await registerTx(one, ['--ledger', 'x.db', 'tx', sub]);
      expect(one.commands[0]!.commands.map((c) => c.name()), sub).toContain(sub);
    }
    const listOnly = new Command('pocketbook');
    await registerTx(listOnly, ['tx', 'list']);
    expect(listOnly.commands[0]!.commands.map((c) => c.name())).toEqual(['list']);
    const h = run(['tx', '--help']);
    for (const sub of TX_SUBCOMMANDS) expect(h.stdout, sub).toMatch(new RegExp(`^  ${sub}\\b`, 'm'));
  });

  it('a reader that stops early (| head) is not an error', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --help | head -1`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Usage: pocketbook/);
  });
});
