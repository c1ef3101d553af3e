/**
 * Markdown (mail-friendly) and CSV renderings of a report document. Loaded only for those formats.
 * Markdown escapes what comes from statements (safe-text.ts); CSV keeps the exact text.
 */
import { tReport } from '../core/messages/report-render.js';
import { type Table, csvCell, figure, renderCsv, renderMarkdown } from './table.js';
import { type Document, type Plot, PLAIN_PAINTER, chartTable, chartText } from './document.js';
import { codeFence, escapeMarkdown as md } from './safe-text.js';

const visible = (t: Table): Table => ({ ...t, columns: t.columns.filter((c) => !c.key.endsWith('__value')) });

export function renderMarkdownDocument(doc: Document, plot?: Plot): string {
  const out: string[] = [];
  for (const block of doc.blocks) {
    if (block.type === 'heading') out.push(`## ${md(block.text)}`);
    else if (block.type === 'summary') {
      out.push([...(block.title ? [`### ${md(block.title)}`, ''] : []), ...block.items.map((i) => `- **${md(i.label)}**: ${md(i.value)}`)].join('\n'));
    } else if (block.type === 'table') out.push(renderMarkdown(visible(block.table)));
    else if (block.type === 'chart') {
      out.push(renderMarkdown(chartTable(block)));
      if (plot) out.push(codeBlock(chartText(block, plot, PLAIN_PAINTER).split('\n').slice(1).join('\n')));
    } else out.push(`_${md(block.text)}_`);
  }
  return `${out.join('\n\n')}\n`;
}

/** A code block (the chart drawing, whose legend names come from statements). */
function codeBlock(text: string): string {
  const fence = codeFence(text);
  return `${fence}\n${text}\n${fence}`;
}

/** CSV: one block per table (a title line, the header, the rows), blank lines between. */
export function renderCsvDocument(doc: Document): string {
  const out: string[] = [];
  for (const block of doc.blocks) {
    if (block.type === 'summary') {
      out.push(renderCsv({ columns: [{ key: 'label', header: block.title ?? tReport('colSummary') }, { key: 'value', header: tReport('colValue') }], rows: block.items.map((i) => ({ label: i.csvLabel ?? i.label, value: i.plain !== undefined ? figure(i.value, i.plain) : i.value })) }));
    } else if (block.type === 'table') {
      out.push(`${csvCell(block.table.title ?? '')}\n${renderCsv(visible(block.table))}`);
    } else if (block.type === 'chart') {
      const t = chartTable(block);
      out.push(`${csvCell(t.title ?? '')}\n${renderCsv(t)}`);
    }
  }
  return out.join('\n');
}
