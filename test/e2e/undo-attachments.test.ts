import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempLedger, type TempLedger } from './helpers.js';

let t: TempLedger | undefined;
afterEach(() => t?.cleanup());

const files = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name) : [];

describe('import undo --force and the attachment store', () => {
  it('removes receipts that only the undone entries referred to, keeps shared ones', () => {
    t = tempLedger();
    const a = t.file('a.csv');
    const b = t.file('b.csv');
    writeFileSync(a, 'Date,Description,Amount\n2026-09-01,COFFEE,-3.50\n');
    writeFileSync(b, 'Date,Description,Amount\n2026-09-02,LUNCH,-42.00\n');
    expect(t.run(['import', a, '--account', 'Card']).code).toBe(0);
    expect(t.run(['import', b, '--account', 'Card']).code).toBe(0);
    const only = t.file('only.txt');
    const shared = t.file('shared.txt');
    writeFileSync(only, 'receipt for coffee');
    writeFileSync(shared, 'one receipt for both');
    expect(t.run(['tx', 'attach', '1', only]).code).toBe(0);
    expect(t.run(['tx', 'attach', '1', shared]).code).toBe(0);
    expect(t.run(['tx', 'attach', '2', shared]).code).toBe(0);
    const store = path.join(path.dirname(t.ledger), 'attachments');
    expect(files(store)).toHaveLength(2);

    const refused = t.run(['import', 'undo', '1']);
    expect(refused.code).toBe(1);
    expect(files(store)).toHaveLength(2);

    const forced = t.run(['import', 'undo', '1', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(files(store)).toHaveLength(1);
    expect(t.run(['tx', 'show', '2', '--json']).stdout).toMatch(/shared\.txt/);
  });
});
