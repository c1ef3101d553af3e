import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { tempLedger } from './helpers.js';

const t = tempLedger();
afterAll(() => t.cleanup());

describe('pocketbook account', () => {
  it('adds accounts with every option and lists them', () => {
    const add = t.run(['account', 'add', 'CMB Card', '--type', 'credit', '--institution', 'CMB', '--currency', 'cny', '--number-suffix', '6225 8800 1234 8842', '--credit-limit', '50,000', '--statement-day', '5']);
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/added account "CMB Card" \(credit, CNY, ••8842\)/);
    expect(t.run(['account', 'add', 'Cash', '--type', 'cash']).code).toBe(0);
    const list = JSON.parse(t.run(['account', 'list', '--json']).stdout) as Record<string, unknown>[];
    expect(list.map((a) => a.name)).toEqual(['Cash', 'CMB Card']);
    expect(list[1]).toMatchObject({ type: 'credit', institution: 'CMB', currency: 'CNY', number_suffix: '8842', credit_limit: '50000.00', statement_day: 5, entries: 0, balance: '0.00' });
    const table = t.run(['account', 'list']);
    expect(table.stdout).toMatch(/CMB Card\s+credit\s+CMB\s+••8842/);
  });

  it('rejects bad input with one clear line', () => {
    for (const args of [
      ['account', 'add', 'X', '--type', 'bank'],
      ['account', 'add', 'X', '--type', 'credit', '--credit-limit', 'lots'],
      ['account', 'add', 'X', '--type', 'credit', '--statement-day', '32'],
      ['account', 'add', 'X', '--type', 'credit', '--number-suffix', '12'],
      ['account', 'add', 'cmb card', '--type', 'credit'],
      ['account', 'show', 'Nope'],
    ]) {
      const r = t.run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^pocketbook: /);
    }
    expect(t.run(['account', 'add', 'X']).code).toBe(2); // missing --type
  });

  it('shows, renames and removes (refusing while entries exist unless --force)', () => {
    const file = t.file('card.csv');
    writeFileSync(file, 'Date,Description,Amount\n2026-09-01,STARBUCKS,-35.00\n2026-09-02,REFUND,5.00\n');
    expect(t.run(['import', file, '--account', 'CMB Card']).code).toBe(0);
    const show = JSON.parse(t.run(['account', 'show', 'cmb card', '--json']).stdout) as Record<string, unknown>;
    expect(show).toMatchObject({ name: 'CMB Card', entries: 2, balance: '-30.00', first_date: '2026-09-01', last_date: '2026-09-02', batches: 1 });
    expect(t.run(['account', 'rename', 'CMB Card', 'Cash']).code).toBe(1);
    expect(t.run(['account', 'rename', 'CMB Card', 'CMB Visa']).stdout).toMatch(/renamed account "CMB Card" to "CMB Visa"/);
    const refused = t.run(['account', 'remove', 'CMB Visa']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/2 entries.*--force/);
    const forced = t.run(['account', 'remove', 'CMB Visa', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/2 entries and 1 import batches/);
    expect(JSON.parse(t.run(['import', 'list', '--json']).stdout)).toEqual([]);
    expect(t.run(['account', 'remove', 'Cash']).code).toBe(0);
    expect(t.run(['account', 'list']).stdout).toMatch(/no accounts yet/);
  });
});
