/**
 * `report month --compare FILE`: the month report, followed by the month's category shares beside
 * a reference profile and beside the person's own average over the 12 months before.
 */
import fs from 'node:fs';
import { addMonths, monthEnd } from '../core/dates.js';
import { PocketbookError } from '../core/errors.js';
import { formatMoney } from '../core/money.js';
import { allCategories, findCategory } from '../ledger/categories.js';
import { monthsWithLines, spendingByCategory } from '../ledger/perk-queries.js';
import { monthReportJson } from '../reports/month.js';
import { type Comparison, buildComparison, comparisonJson, parseReferenceFile } from '../reports/perks/compare.js';
import type { Block } from '../render/document.js';
import { moneyCell } from '../render/report-views.js';
import { monthReport, type MonthReportOptions } from './report-month.js';
import { type ReportContext, emitReport, openReportLedger } from './report-common.js';

export function monthComparison(ctx: ReportContext, file: string, month: string, currency: string): Comparison {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new PocketbookError('NOT_FOUND', `cannot read reference profile (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { location: { file } });
  }
  const profile = parseReferenceFile(text, file);
  const db = openReportLedger(ctx);
  try {
    const mapping = new Map<string, number[]>();
    for (const g of profile.groups) {
      mapping.set(g.id, g.categories.map((c) => {
        const found = findCategory(db, c.name);
        if (!found) throw new PocketbookError('BAD_INPUT', `group "${g.id}": no category named "${c.name}"`, { location: { file, ...(c.line !== undefined ? { line: c.line } : {}) } });
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

const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);

export function comparisonBlocks(c: Comparison): Block[] {
  const m = (x: number) => formatMoney(x, c.currency);
  const blocks: Block[] = [
    {
      type: 'table',
      table: {
        title: `Compared with ${c.profile}`,
        columns: [
          { key: 'name', header: 'Group' }, { key: 'amount', header: c.month, numeric: true }, { key: 'share', header: 'Share', numeric: true },
          { key: 'reference', header: 'Reference', numeric: true }, { key: 'diff', header: 'Diff', numeric: true },
          { key: 'avg', header: '12-mo avg', numeric: true }, { key: 'avgShare', header: 'Avg share', numeric: true },
        ],
        rows: c.rows.map((r) => ({
          name: r.name, amount: moneyCell(r.amount, c.currency), share: pct(r.share), reference: pct(r.reference),
          diff: r.share === null ? '' : `${r.share >= r.reference ? '+' : ''}${((r.share - r.reference) * 100).toFixed(1)} pt`,
          avg: moneyCell(r.average, c.currency), avgShare: pct(r.averageShare),
        })),
      },
    },
    { type: 'note', text: `Source: ${c.source}` },
  ];
  if (c.unmapped !== 0) blocks.push({ type: 'note', text: `${m(c.unmapped)} in categories the profile does not map (left out of the shares).` });
  return blocks;
}

/** `report month --compare FILE`. */
export async function runMonthCompare(ctx: ReportContext, file: string, opts: MonthReportOptions): Promise<number> {
  const report = await monthReport(ctx, opts);
  const comparison = monthComparison(ctx, file, report.month, report.currency);
  const { monthDocument } = await import('../render/report-views.js');
  const doc = monthDocument(report);
  doc.blocks.push(...comparisonBlocks(comparison));
  await emitReport(ctx, doc, { ...monthReportJson(report), compare: comparisonJson(comparison) });
  return 0;
}
