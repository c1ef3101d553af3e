/**
 * Issue 30 class 7: a workbook no Chinese/OTP layout claims is read like CSV — its first sheet as
 * CSV lines (one per sheet row), date serials under a date header as ISO dates — so built-in
 * profiles and layout inference apply to it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headLines } from '../../../src/import/formats/csv-header.js';
import { inferLayout } from '../../../src/import/infer/layout.js';
import { isWorkbook, workbookCsv } from '../../../src/import/infer/workbook.js';
import { REPO_ROOT } from '../../e2e/helpers.js';

const bytes = readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'unseen', 'plain-layout.xlsx'));

describe('spreadsheets like CSV', () => {
  it('the first sheet as CSV lines, serial dates as ISO dates', () => {
    expect(isWorkbook(bytes)).toBe(true);
    const lines = headLines(workbookCsv(bytes));
    expect(lines[2]).toBe('Booking Date,Description,Amount,Balance');
    expect(lines[3]).toBe('2024-04-01,Opening transfer,500,1500');
  });

  it('the sheet goes through the same inference', () => {
    const inference = inferLayout(headLines(workbookCsv(bytes)))!;
    expect(inference.profile).toMatchObject({ skip_lines: 2, date_format: 'YYYY-MM-DD', amount_sign: 'as-is' });
    expect(inference.evidence.join('; ')).toMatch(/balance column follows/);
  });
});
