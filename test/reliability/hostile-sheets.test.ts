/**
 * Issue 23 point 4 through the built CLI: hostile workbooks and inputs that are no regular file
 * are refused with one located line, exit 1, the ledger unchanged, in bounded memory; the
 * made-up fixtures (a namespace-prefixed WeChat .xlsx, a SPDB .xls) import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_SHEETS } from '../../src/bench/hostile-sheets.js';
import { SPDB_ROWS, WECHAT_ROWS, xlsOf, xlsxOf } from '../../src/bench/workbooks.js';
import { logicalHash } from '../../src/bench/inspect.js';
import { measureNode } from '../../src/bench/proc.js';
import { BIN, FIXTURE_DIR, available, cliEnv, pb, tempDir } from './helpers.js';

const dir = tempDir('pb-sheets-');
const env = cliEnv(path.join(dir, 'config'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.trim() !== '');
}

describe.skipIf(!available('import'))('hostile spreadsheets and inputs (needs `pocketbook import`)', () => {
  it('the committed fixtures are what the builders make, and they import (prefixed <x:row> included)', () => {
    const xlsx = path.join(FIXTURE_DIR, 'wechat-prefixed.xlsx');
    const xls = path.join(FIXTURE_DIR, 'spdb-debit.xls');
    expect(fs.readFileSync(xlsx).equals(xlsxOf(WECHAT_ROWS, { prefix: 'x' }))).toBe(true);
    expect(fs.readFileSync(xls).equals(xlsOf(SPDB_ROWS))).toBe(true);
    const ledger = path.join(dir, 'fixtures.db');
    for (const file of [xlsx, xls]) {
      const r = pb(['--ledger', ledger, 'import', file, '--json'], { env, timeoutMs: 60_000 });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).files[0]).toMatchObject({ rows: 3, new: 3 });
    }
  }, 120_000);

  it('a WeChat .xlsx larger than the 64 KiB head is detected (its cut-off sheet read as far as the head goes) and imports', () => {
    const rows = [...WECHAT_ROWS.slice(0, 3)];
    for (let i = 0; i < 3000; i++) {
      rows.push(['2026-09-22 12:15:00', '商户消费', `美团${i}`, `订单-${i}`, '支出', '¥45.00', '零钱', '支付成功', `42000020260922${String(i).padStart(12, '0')}`, `1000${i}`, '/']);
    }
    const file = path.join(dir, 'big-wechat.xlsx');
    fs.writeFileSync(file, xlsxOf(rows));
    expect(fs.statSync(file).size).toBeGreaterThan(65_536);
    const r = pb(['--ledger', path.join(dir, 'big.db'), 'import', file, '--json'], { env, timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ format: 'wechat', rows: 3000, new: 3000 });
  }, 120_000);

  it('a FIFO, a character device and a folder are refused at once ("not a regular file"), never read', () => {
    const fifo = path.join(dir, 'statement.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const ledger = path.join(dir, 'fifo.db');
    for (const [input, kind] of [[fifo, 'a named pipe (FIFO)'], ['/dev/zero', 'a character device'], ['/dev/urandom', 'a character device'], [dir, 'a folder']] as const) {
      const r = pb(['--ledger', ledger, 'import', input], { env, timeoutMs: 20_000 });
      expect(r.signal, `${input} blocked`).toBeNull();
      expect(r.code).toBe(1);
      expect(errorLines(r.stderr)).toEqual([`pocketbook: ${input}: is not a regular file (${kind})`]);
    }
  }, 120_000);

  it('every hostile workbook is refused with one located line, ledger unchanged, well under 200 MB', () => {
    const ledger = path.join(dir, 'hostile.db');
    expect(pb(['--ledger', ledger, 'import', path.join(FIXTURE_DIR, 'spdb-debit.xls')], { env, timeoutMs: 60_000 }).code).toBe(0);
    const before = logicalHash(ledger);
    const report: string[] = [];
    for (const h of HOSTILE_SHEETS) {
      const file = path.join(dir, h.name);
      fs.writeFileSync(file, h.make());
      const r = measureNode([BIN, '--ledger', ledger, 'import', file, '--account', 'Hostile'], { env, timeoutMs: 60_000 });
      report.push(`${h.name} (${fs.statSync(file).size} B): ${r.ms.toFixed(0)} ms, ${r.peakMb?.toFixed(0) ?? '?'} MB`);
      expect(r.code, r.stderr).toBe(1);
      const lines = errorLines(r.stderr);
      expect(lines, h.name).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^pocketbook: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: is not a readable \\.xlsx? workbook`));
      expect(lines[0]).toMatch(h.expect);
      if (r.peakMb !== null) expect(r.peakMb, h.name).toBeLessThan(200);
      expect(logicalHash(ledger), h.name).toBe(before);
    }
    console.log(`hostile sheets (import through the CLI):\n  ${report.join('\n  ')}`);
  }, 300_000);
});
