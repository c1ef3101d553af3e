/** What an import run prints: per-file summaries for people, and the JSON scripts rely on. Pure. */
import type { FileResult, ImportRun } from './import-files.js';
import type { FileReconciliation } from './import-balances.js';
import { mergedText } from './merge-hand-entries.js';
import { type ImportReimbursed, reimbursedLines } from '../entries/reimburse-import.js';
import { tImport as t } from '../../core/messages/cli-import.js';
import { type CategoryMapLine, categoryMapLines } from './move-in-summary.js';

export interface ImportJson {
  dry_run: boolean;
  files: {
    file: string; account: string | null; format: string | null; profile: string | null; encoding: string | null;
    rows: number; new: number; duplicates: number; skipped: number; categorized: number; transfers: number;
    mirrors: number; batch: number | null; reconciliation: FileReconciliation | null; merged?: number; reimbursed?: ImportReimbursed;
    category_map?: CategoryMapLine[]; error?: string;
  }[];
}

export function importJson(run: ImportRun): ImportJson {
  return {
    dry_run: run.dryRun,
    files: run.files.map((f) => ({
      file: f.file, account: f.account, format: f.format, profile: f.profile, encoding: f.encoding,
      rows: f.rows, new: f.new, duplicates: f.duplicates, skipped: f.skipped, categorized: f.categorized,
      transfers: f.transfers, mirrors: f.mirrors, batch: f.batch, reconciliation: f.reconciliation, ...(f.merged ? { merged: f.merged } : {}),
      ...(f.reimbursed ? { reimbursed: f.reimbursed } : {}), ...(f.categoryMap ? { category_map: f.categoryMap } : {}), ...(f.error ? { error: f.error } : {}),
    })),
  };
}

function fileLines(f: FileResult, dryRun: boolean): string[] {
  if (f.error) return [t('fileFailed', { file: f.file })];
  const format = f.profile && f.profile !== f.format ? t('withProfile', { format: String(f.format), profile: f.profile }) : (f.format ?? '?');
  const head = dryRun ? t('dryRunHead', { file: f.file }) : f.batch !== null ? t('batchHead', { file: f.file, batch: f.batch }) : f.file;
  const counts = { rows: f.rows, new: f.new, duplicates: f.duplicates, skipped: f.skipped, categorized: f.categorized, transfers: f.transfers };
  return [
    head,
    t('fileInfo', { account: f.account ?? t('noAccount'), format, encoding: String(f.encoding) }),
    `${t(dryRun ? 'countsDry' : 'counts', counts)}${f.mirrors ? t('mirrors', { n: f.mirrors }) : ''}`,
    ...reconciliationLine(f.reconciliation),
    ...[mergedText(f.merged)].filter((line) => line !== undefined).map((line) => `  ${line}`),
    ...reimbursedLines(f.reimbursed).map((line) => `  ${line}`),
    ...categoryMapLines(f),
  ];
}

function reconciliationLine(r: FileReconciliation | null): string[] {
  if (!r || r.status === 'none') return [];
  if (r.status === 'ok') return [t('balancesOk', { n: r.checkpoints })];
  const m = r.first_mismatch!;
  return [t('balancesMismatch', { account: m.account, date: m.date, expected: m.expected, actual: m.actual, difference: m.difference })];
}

export function importText(run: ImportRun): string {
  const lines = run.files.flatMap((f) => fileLines(f, run.dryRun));
  if (run.files.length > 1) {
    const ok = run.files.filter((f) => !f.error);
    const sum = (k: 'new' | 'duplicates' | 'skipped') => ok.reduce((n, f) => n + f[k], 0);
    const totals = { files: run.files.length, new: sum('new'), duplicates: sum('duplicates'), skipped: sum('skipped') };
    lines.push(`${t(run.dryRun ? 'totalDry' : 'total', totals)}${run.failed ? t('totalFailed', { n: run.failed }) : ''}`);
  }
  return lines.join('\n');
}
