/**
 * Printing reports: the CLI picks the renderer for the model an app use case returns. JSON comes
 * from the model's JSON form, every other format from its document (render/).
 */
import type { Comparison } from '../app/reports/month-compare.js';
import type { ReportContext } from '../app/reports/report-common.js';
import type { monthReportView } from '../app/reports/report-month.js';
import type { netWorthReportView } from '../app/reports/report-networth.js';
import type { rankReportView, trendReportView } from '../app/reports/report-rank.js';
import type { yearReportView } from '../app/reports/report-year.js';
import { formatMoney } from '../core/money.js';
import { tReport as t } from '../core/messages/report-render.js';
import { monthLabel } from '../core/period-text.js';
import type { Block, Document, Painter, Plot } from '../render/document.js';

type MonthView = Awaited<ReturnType<typeof monthReportView>>;
type MoneyCell = typeof import('../render/report-views.js').moneyCell;

async function loadPlot(): Promise<Plot> {
  const mod = (await import('asciichart')) as unknown as { default?: { plot: Plot }; plot?: Plot };
  const plot = mod.plot ?? mod.default?.plot;
  if (!plot) throw new Error('asciichart has no plot()');
  return plot;
}

async function loadPainter(): Promise<Painter> {
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  const colors = ['\x1b[31m', '\x1b[32m', '\x1b[36m', '\x1b[33m', '\x1b[35m', '\x1b[34m'];
  return {
    bold: (t) => chalk.bold(t),
    dim: (t) => chalk.gray(t),
    tone: (t, tone) => (tone === 'good' ? chalk.green(t) : tone === 'bad' ? chalk.red(t) : tone === 'muted' ? chalk.cyan(t) : t),
    series: (i) => colors[i % colors.length]!,
  };
}

/**
 * Start loading what printing a report in `format` needs, so that those modules load alongside the
 * report's own (one wave of file reads instead of one after another); awaiting it is optional.
 */
export function preloadRenderers(format: string | undefined, views: () => Promise<unknown>): Promise<unknown> {
  if (format === 'json' || format === 'ndjson' || format === 'html' || format === 'svg') return Promise.resolve();
  const text = format === 'csv' || format === 'markdown' ? [import('../render/document-text.js')] : [import('../render/document.js')];
  // A failure here shows again where the module is used: never an unhandled rejection.
  return Promise.all([views(), ...text, format === 'csv' ? undefined : loadPlot()]).catch(() => undefined);
}

/** Print a report: JSON from the model, everything else from the document. */
export async function emitReport(ctx: ReportContext, doc: Document, json: unknown): Promise<void> {
  const format = ctx.format ?? 'table';
  if (format === 'html' || format === 'svg') {
    const { tHtml } = await import('../core/messages/html.js');
    throw Object.assign(new Error(tHtml('formatHtmlOnly', { format })), { usage: true });
  }
  const render = await import('../render/document.js');
  const hasChart = doc.blocks.some((b) => b.type === 'chart');
  if (format === 'json' || format === 'ndjson') {
    ctx.io.out(format === 'json' ? JSON.stringify(json, null, 2) : JSON.stringify(json));
  } else if (format === 'csv') {
    const text = await import('../render/document-text.js');
    ctx.io.out(text.renderCsvDocument(doc));
  } else if (format === 'markdown') {
    const text = await import('../render/document-text.js');
    ctx.io.out(text.renderMarkdownDocument(doc, hasChart ? await loadPlot() : undefined));
  } else {
    const painter = ctx.color ? await loadPainter() : render.PLAIN_PAINTER;
    ctx.io.out(render.renderTerminal(doc, painter, hasChart ? await loadPlot() : undefined, terminalWidth()));
  }
}

/** The terminal's columns (stdout's, else $COLUMNS, else 80): charts spread across them. */
export function terminalWidth(env: NodeJS.ProcessEnv = process.env): number {
  const cols = process.stdout.columns || Number(env.COLUMNS);
  return Number.isInteger(cols) && cols >= 40 ? cols : 80;
}

/** `--format html|svg [--output FILE] [--open]`: where a page or a card goes. */
export interface PageOutput {
  output?: string;
  open?: boolean;
}

/** A page to stdout, or to `--output FILE` (then `--open` opens it with the system's opener). */
export async function emitPage(ctx: ReportContext, text: string, out: PageOutput): Promise<void> {
  const { tHtml } = await import('../core/messages/html.js');
  if (!out.output) {
    if (out.open) throw Object.assign(new Error(tHtml('openNeedsOutput')), { usage: true });
    ctx.io.out(text);
    return;
  }
  const files = await import('../app/reports/output-file.js');
  const written = files.writeOutputFile(out.output, text);
  ctx.io.err(tHtml('written', { file: written }));
  if (out.open) await files.openWithSystem(written);
}

/** `--output`/`--open` belong to `--format html`. */
async function checkPageOptions(ctx: ReportContext, out: PageOutput): Promise<void> {
  if ((out.output || out.open) && ctx.format !== 'html') {
    const { tHtml } = await import('../core/messages/html.js');
    throw Object.assign(new Error(tHtml('htmlOnlyReports')), { usage: true });
  }
}

export async function printMonthReport(ctx: ReportContext, view: MonthView, out: PageOutput = {}): Promise<number> {
  await checkPageOptions(ctx, out);
  if (ctx.format === 'html') {
    const { monthHtml } = await import('../render/html/month-page.js');
    await emitPage(ctx, monthHtml(view.report), out);
    return 0;
  }
  const { monthDocument } = await import('../render/report-views.js');
  await emitReport(ctx, monthDocument(view.report), view.json);
  return 0;
}

export async function printYearReport(ctx: ReportContext, view: ReturnType<typeof yearReportView>, out: PageOutput = {}): Promise<number> {
  await checkPageOptions(ctx, out);
  if (ctx.format === 'html') {
    const { yearHtml } = await import('../render/html/year-page.js');
    await emitPage(ctx, yearHtml(view.report, ctx.today), out);
    return 0;
  }
  const { yearDocument } = await import('../render/year-views.js');
  await emitReport(ctx, yearDocument(view.report), view.json);
  return 0;
}

export async function printNetWorthReport(ctx: ReportContext, view: ReturnType<typeof netWorthReportView>): Promise<number> {
  const { netWorthDocument } = await import('../render/networth-views.js');
  await emitReport(ctx, netWorthDocument(view.report), view.json);
  return 0;
}

export async function printRankReport(ctx: ReportContext, view: ReturnType<typeof rankReportView>): Promise<number> {
  const { rankDocument } = await import('../render/rank-views.js');
  await emitReport(ctx, rankDocument(view.report), view.json);
  return 0;
}

export async function printTrendReport(ctx: ReportContext, view: ReturnType<typeof trendReportView>): Promise<number> {
  const { trendDocument } = await import('../render/rank-views.js');
  await emitReport(ctx, trendDocument(view.report), view.json);
  return 0;
}

/** `report month --compare FILE`: the month report, then the comparison. */
export async function printMonthCompare(ctx: ReportContext, view: MonthView & { comparison: Comparison }): Promise<number> {
  const { monthDocument, moneyCell } = await import('../render/report-views.js');
  const doc = monthDocument(view.report);
  doc.blocks.push(...comparisonBlocks(view.comparison, moneyCell));
  await emitReport(ctx, doc, view.json);
  return 0;
}

const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);

function comparisonBlocks(c: Comparison, moneyCell: MoneyCell): Block[] {
  const m = (x: number) => formatMoney(x, c.currency);
  const blocks: Block[] = [
    {
      type: 'table',
      table: {
        title: t('comparedWith', { profile: c.profile }),
        columns: [
          { key: 'name', header: t('colGroup') }, { key: 'amount', header: monthLabel(c.month), numeric: true }, { key: 'share', header: t('colShare'), numeric: true },
          { key: 'reference', header: t('colReference'), numeric: true }, { key: 'diff', header: t('colDiff'), numeric: true },
          { key: 'avg', header: t('colAverage12'), numeric: true }, { key: 'avgShare', header: t('colAverageShare'), numeric: true },
        ],
        rows: c.rows.map((r) => ({
          name: r.name, amount: moneyCell(r.amount, c.currency), share: pct(r.share), reference: pct(r.reference),
          diff: r.share === null ? '' : t('points', { n: `${r.share >= r.reference ? '+' : ''}${((r.share - r.reference) * 100).toFixed(1)}` }),
          avg: moneyCell(r.average, c.currency), avgShare: pct(r.averageShare),
        })),
      },
    },
    { type: 'note', text: t('source', { source: c.source }) },
  ];
  if (c.unmapped !== 0) blocks.push({ type: 'note', text: t('unmapped', { amount: m(c.unmapped) }) });
  return blocks;
}
