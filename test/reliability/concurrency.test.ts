import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeStatement } from '../../src/bench/gen.js';
import { ledgerState } from '../../src/bench/inspect.js';
import { BAD_STDERR, BIN, REPO_ROOT, available, cliEnv, tempDir } from './helpers.js';
import fs from 'node:fs';

interface Done { args: string[]; code: number; stderr: string }

function start(args: string[], env: Record<string, string>): Promise<Done> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ args, code: code ?? 128, stderr }));
  });
}

const dir = tempDir('pb-conc-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!available('import'))('concurrency (needs `pocketbook import`)', () => {
  it('two imports into one new ledger at once, with readers running meanwhile: all succeed, no duplicates, never "locked"', async () => {
    const env = cliEnv(path.join(dir, 'config'));
    const ledger = path.join(dir, 'ledger.db');
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    writeStatement(a, { rows: 3000, seed: 11, end: '2020-12-31', years: 2 });
    writeStatement(b, { rows: 3000, seed: 12, end: '2026-10-31', years: 2 });
    const imports = [
      start(['--ledger', ledger, 'import', a, '--account', 'Shared Card'], env),
      start(['--ledger', ledger, 'import', b, '--account', 'Shared Card'], env),
    ];
    let running = true;
    void Promise.all(imports).then(() => (running = false));
    const readers: Done[] = [];
    const readerCommands = [
      ...(available('tx', 'list') ? [['tx', 'list', '--month', '2026-10', '--json']] : []),
      ...(available('report', 'month') ? [['report', 'month', '2026-10']] : []),
    ];
    // Readers start as soon as an import has made the ledger (a fixed wait may outlast both imports).
    while (running && !fs.existsSync(ledger)) await new Promise((r) => setTimeout(r, 10));
    while (running && readerCommands.length > 0) {
      for (const args of readerCommands) readers.push(await start(['--ledger', ledger, ...args], env));
    }
    const results = [...(await Promise.all(imports)), ...readers];
    for (const r of results) {
      expect(r.stderr, r.args.join(' ')).not.toMatch(BAD_STDERR);
      expect(r.stderr, r.args.join(' ')).not.toMatch(/busy/i);
      expect(r.code, `${r.args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const s = ledgerState(ledger);
    expect(s).toMatchObject({ integrity: 'ok', entries: 6000, batches: 2, duplicates: 0, inconsistentBatches: 0, unindexed: 0 });
    // Both again at once: nothing new.
    const again = await Promise.all([
      start(['--ledger', ledger, 'import', b, '--account', 'Shared Card'], env),
      start(['--ledger', ledger, 'import', a, '--account', 'Shared Card'], env),
    ]);
    for (const r of again) expect(r.code, r.stderr).toBe(0);
    expect(ledgerState(ledger)).toMatchObject({ integrity: 'ok', entries: 6000, duplicates: 0 });
    if (readerCommands.length > 0) expect(readers.length).toBeGreaterThan(0);
  }, 300_000);
});
