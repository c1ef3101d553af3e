/** Print a Table or a JSON value in the format the user chose (table, json, csv, markdown). */
import type { CliContext } from './runtime.js';
import type { Table } from '../render/table.js';

export async function printTable(ctx: CliContext, table: Table, json: unknown): Promise<void> {
  const r = await import('../render/table.js');
  if (ctx.format === 'json') ctx.io.out(r.renderJson(json));
  else if (ctx.format === 'ndjson') ctx.io.out(r.renderNdjson(Array.isArray(json) ? json : [json]));
  else if (ctx.format === 'csv') ctx.io.out(r.renderCsv(table));
  else if (ctx.format === 'markdown') ctx.io.out(r.renderMarkdown(table));
  else if (table.rows.length > 0 || !table.title) ctx.io.out(r.renderTable(table));
}
