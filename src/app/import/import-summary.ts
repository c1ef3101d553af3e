/** What an import run prints: per-file summaries for people, and the JSON scripts rely on. Pure. */
import type { FileResult, ImportRun } from './import-files.js';
import type { FileReconciliation } from './import-balances.js';
import { mergedText } from './merge-hand-entries.js';

export interface ImportJson {
  dry_run: boolean;
  files: {
    file: string; account: string | null; format: string | null; profile: string | null; encoding: string | null;
    rows: number; new: number; duplicates: number; skipped: number; categorized: number; transfers: number;
    mirrors: number; batch: number | null; reconciliation: FileReconciliation | null; merged?: number; error?: string;
  }[];
}

export function importJson(run: ImportRun): ImportJson {
  return {
    dry_run: run.dryRun,
    files: run.files.map((f) => ({
      file: f.file, account: f.account, format: f.format, profile: f.profile, encoding: f.encoding,
      rows: f.rows, new: f.new, duplicates: f.duplicates, skipped: f.skipped, categorized: f.categorized,
      transfers: f.transfers, mirrors: f.mirrors, batch: f.batch, reconciliation: f.reconciliation, ...(f.merged ? { merged: f.merged } : {}), ...(f.error ? { error: f.error } : {}),
    })),
  };
}

function fileLines(f: FileResult, dryRun: boolean): string[] {
  if (f.error) return [`${f.file}: failed, nothing written`];
  const format = f.profile && f.profile !== f.format ? `${f.format} (profile ${f.profile})` : (f.format ?? '?');
  const head = `${f.file}${dryRun ? ' (dry run: nothing written)' : f.batch !== null ? `  [batch ${f.batch}]` : ''}`;
  const verb = dryRun ? 'would add' : 'new';
  return [
    head,
    `  account: ${f.account ?? '(none)'} · format: ${format} · encoding: ${f.encoding}`,
    `  rows read ${f.rows} · ${verb} ${f.new} · duplicates ${f.duplicates} · skipped ${f.skipped} · ` +
      `categorized by rules ${f.categorized} · transfers matched ${f.transfers}${f.mirrors ? ` · mirrored payments ${f.mirrors}` : ''}`,
    ...reconciliationLine(f.reconciliation),
    ...[mergedText(f.merged)].filter((line) => line !== undefined).map((line) => `  ${line}`),
  ];
}

function reconciliationLine(r: FileReconciliation | null): string[] {
  if (!r || r.status === 'none') return [];
  if (r.status === 'ok') return [`  balances: ${r.checkpoints} checkpoints reconcile`];
  const m = r.first_mismatch!;
  return [`  balances: MISMATCH in "${m.account}" on ${m.date}: expected ${m.expected}, entries give ${m.actual} (difference ${m.difference})`];
}

export function importText(run: ImportRun): string {
  const lines = run.files.flatMap((f) => fileLines(f, run.dryRun));
  if (run.files.length > 1) {
    const ok = run.files.filter((f) => !f.error);
    const sum = (k: 'new' | 'duplicates' | 'skipped') => ok.reduce((n, f) => n + f[k], 0);
    lines.push(
      `${run.files.length} files: ${run.dryRun ? 'would add' : 'added'} ${sum('new')}, duplicates ${sum('duplicates')}, skipped ${sum('skipped')}` +
        `${run.failed ? `; ${run.failed} failed` : ''}`,
    );
  }
  return lines.join('\n');
}
