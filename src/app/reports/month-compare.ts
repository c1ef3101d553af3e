/**
 * `report month --compare FILE`: the month report, followed by the month's category shares beside
 * a reference profile and beside the person's own average over the 12 months before.
 */
import fs from 'node:fs';
import { addMonths, monthEnd } from '../../core/dates.js';
import { PocketbookError } from '../../core/errors.js';
import { tReportErrors as t } from '../../core/messages/report-errors.js';
import { allCategories, findCategory } from '../../ledger/categories.js';
import { monthsWithLines, spendingByCategory } from '../../ledger/perk-queries.js';
import { type MonthReport, monthReportJson } from '../../reports/month.js';
import { type Comparison, buildComparison, comparisonJson, parseReferenceFile } from '../../reports/perks/compare.js';
import { monthReport, type MonthReportOptions } from './report-month.js';
import { type ReportContext, openReportLedger } from './report-common.js';

export type { Comparison };

export function monthComparison(ctx: ReportContext, file: string, month: string, currency: string): Comparison {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new PocketbookError('NOT_FOUND', t('profileUnreadable', { code: (err as NodeJS.ErrnoException).code ?? 'error' }), { location: { file } });
  }
  const profile = parseReferenceFile(text, file);
  const db = openReportLedger(ctx);
  try {
    const mapping = new Map<string, number[]>();
    for (const g of profile.groups) {
      mapping.set(g.id, g.categories.map((c) => {
        const found = findCategory(db, c.name);
        if (!found) throw new PocketbookError('BAD_INPUT', t('groupNoCategory', { group: g.id, name: c.name }), { location: { file, ...(c.line !== undefined ? { line: c.line } : {}) } });
        return found.id;
      }));
    }
    const yearFrom = `${addMonths(month, -12)}-01`;
    const yearTo = monthEnd(addMonths(month, -1));
    return buildComparison({
      month,
      currency,
      profile,
      mapping,
      parents: new Map(allCategories(db).map((c) => [c.id, c.parent_id])),
      month_spending: spendingByCategory(db, `${month}-01`, monthEnd(month), currency),
      year_spending: spendingByCategory(db, yearFrom, yearTo, currency),
      months_with_data: monthsWithLines(db, yearFrom, yearTo, currency),
    });
  } finally {
    db.close();
  }
}

/** `report month --compare FILE`: the month report, the comparison and their JSON; the CLI renders them. */
export async function monthCompareView(ctx: ReportContext, file: string, opts: MonthReportOptions): Promise<{ report: MonthReport; comparison: Comparison; json: unknown }> {
  const report = await monthReport(ctx, opts);
  const comparison = monthComparison(ctx, file, report.month, report.currency);
  return { report, comparison, json: { ...monthReportJson(report), compare: comparisonJson(comparison) } };
}
