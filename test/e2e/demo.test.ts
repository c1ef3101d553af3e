import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { runCli, tempLedger } from './helpers.js';

const t = tempLedger();
afterAll(() => t.cleanup());

describe('pocketbook demo', () => {
  it('imports every example into the given ledger and shows what it holds', () => {
    const r = t.run(['demo']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/cmb-card-2026-09-10\.csv/);
    expect(r.stdout).toMatch(/cmb-checking-2026-09-10\.ofx/);
    expect(r.stdout).toMatch(/icbc-savings-2026-09-10\.csv/);
    expect(r.stdout).toMatch(/The ledger now holds \d+ entries from 2026-09-01 to 2026-10-31/);
    expect(r.stdout).not.toMatch(/failed/);
    expect(existsSync(t.ledger)).toBe(true);
    const accounts = JSON.parse(t.run(['account', 'list', '--json']).stdout) as { name: string; entries: number }[];
    const held = Object.fromEntries(accounts.map((a) => [a.name, a.entries]));
    expect(held).toMatchObject({ 'CMB Checking': 24, 'CMB Credit Card': 42, 'ICBC Savings': 9 });
    // Running it again on the same ledger adds nothing.
    const again = t.run(['demo', '--json']);
    const data = JSON.parse(again.stdout) as { files: { new: number; error?: string }[]; report_month: string };
    expect(data.files.every((f) => f.new === 0 && !f.error)).toBe(true);
    expect(data.report_month).toBe('2026-10');
  });

  it('uses a temporary ledger by default and removes it', () => {
    const r = runCli(['demo'], { env: { POCKETBOOK_CONFIG_DIR: t.configDir, POCKETBOOK_LEDGER: t.file('never.db') } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/temporary demo ledger was removed/);
    expect(existsSync(t.file('never.db'))).toBe(false);
  });
});
