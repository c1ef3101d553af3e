/**
 * Issue 24 point 1 for `export --format csv`: the header follows the locale (the cells stay data),
 * and `import` still knows a Chinese-headed export as pocketbook's own and rebuilds the same ledger.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/core/context.js';
import { setLocale, withLocale } from '../../src/core/i18n.js';
import { exportLedger } from '../../src/app/export/export.js';
import { EXPORT_CSV_COLUMNS, exportColumnOf, exportCsvHeader } from '../../src/app/export/export-csv.js';
import { isPocketbookExport } from '../../src/app/import/import-pocketbook.js';
import { importFiles } from '../../src/app/import/import-files.js';
import { monthReport } from '../../src/app/reports/report-month.js';
import { buildFixtureLedger } from './reports/fixture-ledger.js';

let fixture: { db: { close(): void }; file: string; dir: string };
const ctxAt = (ledgerPath: string): Context => ({
  ledgerPath, today: '2026-11-15', settings: { currency: 'CNY', locale: 'en', color: false },
  io: { out: () => {}, err: () => {} }, interactive: false, debug: false,
});

beforeAll(() => {
  fixture = buildFixtureLedger();
  fixture.db.close();
});
afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }));

async function exportIn(locale: 'en' | 'zh'): Promise<string> {
  let out = '';
  setLocale(locale);
  try {
    await exportLedger(ctxAt(fixture.file), { format: 'csv' }, (chunk) => (out += chunk));
  } finally {
    setLocale('en');
  }
  return out;
}

describe('export --format csv headers', () => {
  it('zh: Chinese headers; en: the column names as before', () => {
    expect(withLocale('zh', exportCsvHeader)).toBe('编号,日期,金额,币种,账户,摘要,商户,分类,收支类型,支付渠道,标签,备注,账户类型,拆分自,拆分序号,关联,镜像自');
    expect(withLocale('en', exportCsvHeader)).toBe(EXPORT_CSV_COLUMNS.join(','));
    expect(exportColumnOf('金额')).toBe('amount');
    expect(exportColumnOf('amount')).toBe('amount');
  });

  it('import knows the export by either header and rebuilds the same month report', async () => {
    const zh = await exportIn('zh');
    const en = await exportIn('en');
    expect(zh.split('\n')[0]).toBe(withLocale('zh', exportCsvHeader));
    // The cells are data in both: ISO dates, plain amounts, enum values.
    expect(zh.split('\n').slice(1).join('\n')).toBe(en.split('\n').slice(1).join('\n'));
    expect(zh).toMatch(/\n\d+,2026-10-03,-2688\.00,CNY,CMB Card,.*,card,/);
    expect(isPocketbookExport(Buffer.from(zh))).toBe(true);
    expect(isPocketbookExport(Buffer.from(en))).toBe(true);
    expect(isPocketbookExport(Buffer.from('日期,金额\n2026-10-01,1.00\n'))).toBe(false);
    const file = path.join(fixture.dir, 'export-zh.csv');
    writeFileSync(file, zh);
    const target = path.join(fixture.dir, 'copy.db');
    const run = await importFiles(ctxAt(target), [file], {});
    expect(run.files[0]).toMatchObject({ format: 'pocketbook-csv' });
    expect(run.files[0]!.error).toBeUndefined();
    expect(run.files[0]!.new).toBeGreaterThan(30);
    const want = await monthReport(ctxAt(fixture.file), { month: '2026-10' });
    const got = await monthReport(ctxAt(target), { month: '2026-10' });
    expect(got.categories).toEqual(want.categories);
    expect(got.spending).toBe(want.spending);
  });
});
