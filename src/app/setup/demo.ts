/**
 * `pocketbook demo`: the bundled examples/ (one made-up household) imported into a fresh
 * temporary ledger (or --ledger when given), then what the ledger holds and the month report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { parseUserAmount } from '../../core/money.js';
import type { AccountType } from '../../core/types.js';
import { openLedger } from '../../ledger/open.js';
import { findAccountByName, insertAccount, listAccounts, accountStats } from '../../ledger/accounts.js';
import { type FileResult, importFiles } from '../import/import-files.js';
import { importText } from '../import/import-summary.js';
import type { ReportContext } from '../reports/report-common.js';
import type { monthReportView } from '../reports/report-month.js';
import { tAppDemo as tD } from '../../core/messages/app-demo.js';
import { monthLabel } from '../../core/period-text.js';
import { getLocale } from '../../core/i18n.js';

/** The examples folder shipped with the package (dist/app → ../../examples). */
export const EXAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
const HOUSEHOLD = 'household.json';
/** Statement files; other files in examples/ (household.json, rule or badge YAML) are not imported. */
const STATEMENT_FILE = /\.(csv|ofx|qfx|qif|xls|xlsx|xml|txt)$/i;

interface Household {
  accounts: { name: string; type: AccountType; institution?: string; currency: string; number_suffix?: string; credit_limit?: string; statement_day?: number }[];
  /** File-name prefix → account name. */
  files: Record<string, string>;
}

export interface DemoOptions {
  keep?: boolean;
  /** --ledger was given: use ctx.ledgerPath instead of a temporary ledger. */
  explicitLedger?: boolean;
  examplesDir?: string;
  /** Prints the month report (the CLI's renderer: cli/report-output.ts printMonthReport). */
  printMonthReport?: (ctx: ReportContext, view: Awaited<ReturnType<typeof monthReportView>>) => Promise<unknown>;
}

export interface DemoSummary {
  ledger: string;
  kept: boolean;
  files: FileResult[];
  accounts: { name: string; type: string; entries: number; first_date: string | null; last_date: string | null }[];
  entries: number;
  first_date: string | null;
  last_date: string | null;
  report_month: string | null;
}

export function statementFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => !f.startsWith('.') && STATEMENT_FILE.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

function setUpAccounts(ledger: string, household: Household): void {
  const db = openLedger(ledger);
  try {
    const now = new Date().toISOString();
    for (const a of household.accounts) {
      if (findAccountByName(db, a.name)) continue;
      insertAccount(db, {
        name: a.name, type: a.type, institution: a.institution ?? null, currency: a.currency, numberSuffix: a.number_suffix ?? null,
        creditLimit: a.credit_limit !== undefined ? parseUserAmount(a.credit_limit, a.currency) : null, statementDay: a.statement_day ?? null,
      }, now);
    }
  } finally {
    db.close();
  }
}

function describeLedger(ledger: string): Omit<DemoSummary, 'ledger' | 'kept' | 'files'> {
  const db = openLedger(ledger);
  try {
    const accounts = listAccounts(db).map((a) => {
      const s = accountStats(db, a.id);
      return { name: a.name, type: a.type, entries: s.entries, first_date: s.firstDate, last_date: s.lastDate };
    });
    const held = accounts.filter((a) => a.entries > 0);
    const firsts = held.map((a) => a.first_date!).sort();
    const lasts = held.map((a) => a.last_date!).sort();
    const last = lasts[lasts.length - 1] ?? null;
    return {
      accounts,
      entries: accounts.reduce((n, a) => n + a.entries, 0),
      first_date: firsts[0] ?? null,
      last_date: last,
      report_month: last ? last.slice(0, 7) : null,
    };
  } finally {
    db.close();
  }
}

export async function runDemo(ctx: Context & { format?: string }, opts: DemoOptions): Promise<number> {
  const dir = opts.examplesDir ?? EXAMPLES_DIR;
  if (!fs.existsSync(path.join(dir, HOUSEHOLD))) throw new PocketbookError('NOT_FOUND', tD('noExamples', { dir }));
  const household = JSON.parse(fs.readFileSync(path.join(dir, HOUSEHOLD), 'utf8')) as Household;
  const tempDir = opts.explicitLedger ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'pocketbook-demo-'));
  const ledger = tempDir ? path.join(tempDir, 'ledger.db') : ctx.ledgerPath;
  const demoCtx: Context = { ...ctx, ledgerPath: ledger };
  try {
    setUpAccounts(ledger, household);
    (await import('./demo-bills.js')).setUpDueDays(ledger, path.join(dir, HOUSEHOLD));
    const files: FileResult[] = [];
    for (const file of statementFiles(dir)) {
      const prefix = Object.keys(household.files).find((p) => path.basename(file).startsWith(p));
      const run = await importFiles(demoCtx, [file], { ...(prefix ? { account: household.files[prefix] } : {}) });
      files.push(...run.files.map((f) => ({ ...f, file: path.relative(process.cwd(), f.file) || f.file })));
    }
    (await import('./demo-points.js')).setUpDemoPoints(demoCtx, dir);
    (await import('./demo-reimburse.js')).setUpDemoReimbursements(ledger, dir, HOUSEHOLD);
    (await import('./demo-benefits.js')).setUpDemoBenefits(demoCtx, dir);
    const held = describeLedger(ledger);
    const kept = Boolean(opts.keep || !tempDir);
    const summary: DemoSummary = { ledger, kept, files, ...held };
    if (ctx.format === 'json') {
      ctx.io.out(JSON.stringify({ ...summary, files: (await import('../import/import-summary.js')).importJson({ files, dryRun: false, failed: 0 }).files }, null, 2));
    } else {
      printSummary(demoCtx, summary);
      if (held.report_month && opts.printMonthReport) await showDemoMonthReport(demoCtx, held.report_month, opts.printMonthReport);
      ctx.io.out(kept ? tD('kept', { ledger, month: held.report_month ?? '' }) : tD('removed'));
    }
    return files.some((f) => f.error) ? 1 : 0;
  } finally {
    if (tempDir && !opts.keep) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

function printSummary(ctx: Context, s: DemoSummary): void {
  ctx.io.out(tD('importing', { n: s.files.length, where: s.kept ? s.ledger : tD('temporaryLedger') }));
  ctx.io.out(importText({ files: s.files, dryRun: false, failed: s.files.filter((f) => f.error).length }));
  ctx.io.out(tD('holds', { n: s.entries, first: s.first_date ?? '-', last: s.last_date ?? '-' }));
  const width = Math.max(...s.accounts.map((a) => displayWidth(a.name)));
  const typeWidth = Math.max(8, ...s.accounts.map((a) => displayWidth(typeLabel(a.type))));
  for (const a of s.accounts) {
    ctx.io.out(`  ${padDisplay(a.name, width)}  ${padDisplay(typeLabel(a.type), typeWidth)}  ${tD('accountLine', { n: String(a.entries).padStart(4) })}  ${a.first_date ? `${a.first_date} … ${a.last_date}` : ''}`.trimEnd());
  }
}

const TYPE_LABELS = { checking: 'typeChecking', savings: 'typeSavings', credit: 'typeCredit', wallet: 'typeWallet', cash: 'typeCash' } as const;

/** An account type in the reader's words (the JSON keeps the type itself). */
function typeLabel(type: string): string {
  const key = TYPE_LABELS[type as keyof typeof TYPE_LABELS];
  return key ? tD(key) : type;
}

/** Columns a text takes in a terminal: CJK characters take two. */
function displayWidth(text: string): number {
  return [...text].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
}

function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * The month report of the demo: the latest month present in the examples, as a table. (The
 * report comes from monthReportView; the CLI prints it.)
 */
export async function showDemoMonthReport(ctx: Context, month: string, print: NonNullable<DemoOptions['printMonthReport']>): Promise<void> {
  ctx.io.out(tD('monthReport', { month: getLocale() === 'zh' ? monthLabel(month) : month }));
  const { monthReportView } = await import('../reports/report-month.js');
  const tableCtx: ReportContext = { ...ctx, format: 'table' };
  await print(tableCtx, await monthReportView(tableCtx, { month }));
}
