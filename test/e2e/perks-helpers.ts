/** Small made-up statements for the budget/benefit/badges end-to-end tests. */
import { writeFileSync } from 'node:fs';
import type { TempLedger } from './helpers.js';

/** Write a generic `Date,Description,Amount` CSV and import it into `account`; returns stdout. */
export function importRows(t: TempLedger, account: string, name: string, rows: [string, string, string][]): string {
  const file = t.file(name);
  writeFileSync(file, `Date,Description,Amount\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  const r = t.run(['import', file, '--account', account]);
  if (r.code !== 0) throw new Error(`import failed: ${r.stderr}`);
  return r.stdout;
}

export function json<T = Record<string, unknown>[]>(r: { code: number; stdout: string; stderr: string }): T {
  if (r.code !== 0 && r.code !== 3) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** The id of the entry with this description (first match). */
export function txId(t: TempLedger, description: string): number {
  const list = json<{ id: number; description: string }[]>(t.run(['tx', 'list', '--json']));
  const hit = list.find((x) => x.description === description);
  if (!hit) throw new Error(`no entry ${description}`);
  return hit.id;
}
