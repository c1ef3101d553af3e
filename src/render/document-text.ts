/**
 * Markdown (mail-friendly) and CSV renderings of a report document. Loaded only for those formats.
 */
import { type Table, csvCell, figure, renderCsv, renderMarkdown } from './table.js';
import { type Document, type Plot, PLAIN_PAINTER, chartTable, chartText } from './document.js';

const visible = (t: Table): Table => ({ ...t, columns: t.columns.filter((c) => !c.key.endsWith('__value')) });

export function renderMarkdownDocument(doc: Document, plot?: Plot): string {
  const out: string[] = [];
  for (const block of doc.blocks) {
    if (block.type === 'heading') out.push(`## ${block.text}`);
    else if (block.type === 'summary') {
      out.push([...(block.title ? [`### ${block.title}`, ''] : []), ...block.items.map((i) => `- **${i.label}**: ${i.value}`)].join('\n'));
    } else if (block.type === 'table') out.push(renderMarkdown(visible(block.table)));
    else if (block.type === 'chart') {
      out.push(renderMarkdown(chartTable(block)));
      if (plot) out.push(`\`\`\`\n${chartText(block, plot, PLAIN_PAINTER).split('\n').slice(1).join('\n')}\n\`\`\``);
    } else out.push(`_${block.text}_`);
  }
  return `${out.join('\n\n')}\n`;
}

/** CSV: one block per table (a title line, the header, the rows), blank lines between. */
export function renderCsvDocument(doc: Document): string {
  const out: string[] = [];
  for (const block of doc.blocks) {
    if (block.type === 'summary') {
      out.push(renderCsv({ columns: [{ key: 'label', header: block.title ?? 'Summary' }, { key: 'value', header: 'Value' }], rows: block.items.map((i) => ({ label: i.label, value: i.plain !== undefined ? figure(i.value, i.plain) : i.value })) }));
    } else if (block.type === 'table') {
      out.push(`${csvCell(block.table.title ?? '')}\n${renderCsv(visible(block.table))}`);
    } else if (block.type === 'chart') {
      const t = chartTable(block);
      out.push(`${csvCell(t.title ?? '')}\n${renderCsv(t)}`);
    }
  }
  return out.join('\n');
}
