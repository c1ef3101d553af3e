import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { available, cliEnv, pb, tempDir } from './helpers.js';

const dir = tempDir('pb-csvx-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!available('import') || !available('tx', 'list'))('CSV export is spreadsheet-safe (needs import and tx list)', () => {
  it('text cells starting with = + - @ are escaped; amounts stay numeric', () => {
    const env = cliEnv(path.join(dir, 'config'));
    const ledger = path.join(dir, 'ledger.db');
    const csv = path.join(dir, 'evil.csv');
    fs.writeFileSync(
      csv,
      'Date,Description,Amount\n2026-03-01,"=HYPERLINK(""http://evil.example"",""x"")",-12.50\n2026-03-02,+SUM(A1:A9),-3.00\n' +
        '2026-03-03,-2+3 cmd,4.00\n2026-03-04,@SUM(1),-0.99\n2026-03-05,Plain tea,-2.00\n',
    );
    expect(pb(['--ledger', ledger, 'import', csv, '--account', 'Cash'], { env }).code).toBe(0);
    const r = pb(['--ledger', ledger, 'tx', 'list', '--format', 'csv'], { env });
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(5);
    const amountKey = Object.keys(rows[0] ?? {}).find((k) => /amount/i.test(k)) as string;
    expect(rows.map((x) => x[amountKey])).toEqual(['-12.50', '-3.00', '4.00', '-0.99', '-2.00']);
    for (const row of rows) {
      for (const [key, cell] of Object.entries(row)) {
        if (/^[=+\-@]/.test(cell)) expect(cell, `${key} = ${cell}`).toMatch(/^[-+]?\d+(\.\d+)?$/);
      }
    }
    const descriptions = rows.map((x) => Object.values(x).find((v) => v.includes('SUM(A1') || v.includes('HYPERLINK')));
    expect(descriptions.filter(Boolean).every((d) => d?.startsWith("'"))).toBe(true);
  }, 60_000);
});
