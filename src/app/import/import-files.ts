/**
 * `pocketbook import FILE...`: each file in named steps (importOne), one failing file never
 * stopping the others:
 *
 * 1. identifyFile: its format, encoding and profile (import/sniff.ts);
 * 2. openTransaction: BEGIN IMMEDIATE, the bulk way for a big file into a small ledger, with the
 *    helpers of a bulk import (ledger/import-transaction.ts);
 * 3. readAndWrite: the reader's rows (on a second thread for a big file) enriched, deduped and
 *    inserted (write-rows.ts);
 * 4. settleInTransaction: transfers linked, batch counts, statement balances, the report cache;
 * 5. COMMIT, or ROLLBACK on any error or under --dry-run;
 * 6. indexAfterImport: the search index and a bulk import's deferred indexes, in transactions of
 *    their own (index-after-import.ts).
 *
 * Whatever happens, one clean-up undoes what the steps started (the transaction and its helpers,
 * the reading thread).
 */
import fs from 'node:fs';
import path from 'node:path';
import { BusyRetry, IMPORT_WAIT_MS, isBusy, whileBusy } from './import-wait.js';
import type { Context } from '../../core/context.js';
import { tCliMain } from '../../core/messages/cli-main.js';
import { formatError } from '../../core/errors.js';
import type { Db } from '../../ledger/open.js';
import { openLedger } from '../../ledger/open.js';
import { findAccountByName } from '../../ledger/accounts.js';
import { insertBatch, setBatchIds, updateBatchCounts } from '../../ledger/batches.js';
import { type EntryWriter, createEntryWriter } from '../../ledger/entries.js';
import { isBulkImport } from '../../ledger/bulk-write.js';
import { ImportTransaction } from '../../ledger/import-transaction.js';
import type { Detection, ParseContext, Reader } from '../../import/types.js';
import { READERS, readerById } from '../../import/registry.js';
import { findProfile } from '../../import/profiles/index.js';
import { identify, HEAD_BYTES } from '../../import/sniff.js';
import { normalizeEncoding } from '../../import/encoding.js';
import type { Enricher } from '../../rules/enricher.js';
import { type InsertedRows, dirtyMonths, hasReportCache, markNewRows, refreshReportCache } from '../../ledger/report-cache.js';
import { type SearchBuild, prepareSearchBuild } from './search-build.js';
import { startPageFlusher } from './page-flusher.js';
import { linkAfterImport } from './transfers.js';
import { type AccountResolver, createAccountResolver } from './import-accounts.js';
import { fileSource, openRegular, readHead, sha256File } from './file-source.js';
import { checkedDateFormat, loadProfileFor, readerIdForType } from './profile-adapter.js';
import { createProgress } from './progress.js';
import { type Reading, readEvents } from './read-in-worker.js';
import { createEnricher, loadRulesData } from '../rules/rules-engine.js';
import { draftAccount } from './draft.js';
import { locate } from './import-errors.js';
import { isPocketbookExport, restorePocketbookCsv } from './import-pocketbook.js';
import { isPocketbookJson, restorePocketbookJson } from './move-in-json.js';
import { type CategoryMapLine, importMoveIn } from './move-in.js';
import { appOf } from '../../import/formats/apps/app-table.js';
import { type FileReconciliation, StatementBalances, checkBalances } from './import-balances.js';
import { writeRows } from './write-rows.js';
import { mergeHandEntriesOnImport } from './merge-hand-entries.js';
import { type ImportReimbursed, matchReimbursementsOnImport } from '../entries/reimburse-import.js';
import { indexAfterImport } from './index-after-import.js';
import { type PhaseTimer, phaseTimer } from './phase-timer.js';

export interface ImportOptions {
  account?: string;
  profile?: string;
  encoding?: string;
  dryRun?: boolean;
  /** A file whose balances do not reconcile fails (nothing written) instead of being reported. */
  strict?: boolean;
  /** Files at least this big are parsed on a second thread (default 4 MiB; tests lower it). */
  minWorkerBytes?: number;
  /** `--type`: the reader (or `xlsx`/`xls`) to use when detection cannot tell. */
  type?: string;
  /** `--date-format`: the date order when the file cannot settle it. */
  dateFormat?: string;
  /** `--category-map FILE`: an app export's categories onto ours (move-in.ts). */
  categoryMap?: string;
}

export interface FileResult {
  file: string;
  account: string | null;
  format: string | null;
  profile: string | null;
  encoding: string | null;
  rows: number;
  new: number;
  duplicates: number;
  skipped: number;
  categorized: number;
  transfers: number;
  mirrors: number;
  batch: number | null;
  /** Its accounts' entries against their booked balances, after its rows (import-balances.ts). */
  reconciliation: FileReconciliation | null;
  /** Hand entries (tx add) its rows were merged with (merge-hand-entries.ts). */
  merged?: number;
  /** Reimbursements its income entries paid back, or could have (reimburse-import.ts). */
  reimbursed?: ImportReimbursed;
  /** An app export's categories and where they went; the map file read or written (move-in.ts). */
  categoryMap?: CategoryMapLine[];
  categoryMapFile?: { file: string; written: boolean };
  error?: string;
}

export interface ImportRun {
  files: FileResult[];
  dryRun: boolean;
  failed: number;
}

/** Import every file; results in order. Errors are per file (result.error), already printed on stderr. */
export async function importFiles(ctx: Context, files: readonly string[], opts: ImportOptions): Promise<ImportRun> {
  const encoding = opts.encoding ? normalizeEncoding(opts.encoding) : undefined;
  const profile = opts.profile ? await loadProfileFor(opts.profile) : undefined;
  const typeReader = opts.type ? await readerIdForType(opts.type) : undefined;
  const dateFormat = opts.dateFormat ? await checkedDateFormat(opts.dateFormat) : undefined;
  // No file can be opened (a typo, a folder): refused before the ledger is opened, so that a
  // mistyped first import does not leave an empty ledger behind.
  const refusals = files.map(refusalOf);
  if (refusals.every((err) => err !== undefined)) {
    const results = files.map((file, i) => {
      const result = emptyResult(file, { ...opts, profileObj: profile });
      failed(ctx, file, refusals[i], result);
      return result;
    });
    return { files: results, dryRun: Boolean(opts.dryRun), failed: results.length };
  }
  const waitUntil = Date.now() + IMPORT_WAIT_MS;
  const db = await whileBusy(ctx, waitUntil, () => openLedger(ctx.ledgerPath, { mustWrite: true }));
  try {
    const enricher = createEnricher(db);
    const writer = createEntryWriter(db);
    const results: FileResult[] = [];
    for (const file of files) {
      const one = () => importOne(ctx, db, { enricher, writer }, file, { ...opts, encoding, profileObj: profile, waitUntil, typeReader, dateFormat });
      results.push(await whileBusy(ctx, waitUntil, one));
    }
    return { files: results, dryRun: Boolean(opts.dryRun), failed: results.filter((r) => r.error).length };
  } finally {
    db.close();
  }
}

/** Why FILE cannot be read (missing, a folder, a FIFO, no permission), or undefined when it can. */
function refusalOf(file: string): unknown {
  try {
    fs.closeSync(openRegular(file).fd);
    return undefined;
  } catch (err) {
    return err;
  }
}

interface Tools {
  enricher: Enricher;
  writer: EntryWriter;
}

type OneOptions = Omit<ImportOptions, 'profile'> & { profileObj?: Awaited<ReturnType<typeof loadProfileFor>>; waitUntil?: number; typeReader?: string };

/** What step 1 found out about a file, for the steps after it. */
interface IdentifiedFile {
  file: string;
  size: number;
  reader: Reader;
  encoding: string;
  detection: Detection;
  parse: ParseContext;
  /** The `--account` account, when it exists already. */
  target: ReturnType<typeof findAccountByName>;
  /** When the import started: every row and record it makes says so. */
  now: string;
}

/** Clean-up of what an import's steps started, in reverse order, each awaited: run once, whatever happened. */
class Cleanup {
  private readonly steps: (() => unknown)[] = [];
  add(step: () => unknown): void {
    this.steps.push(step);
  }
  async run(): Promise<void> {
    let failure: unknown;
    for (const step of this.steps.reverse()) {
      try {
        await step();
      } catch (err) {
        failure ??= err;
      }
    }
    if (failure !== undefined) throw failure;
  }
}

async function importOne(ctx: Context, db: Db, tools: Tools, file: string, opts: OneOptions): Promise<FileResult> {
  const result = emptyResult(file, opts);
  const cleanup = new Cleanup();
  let tx: ImportTransaction | undefined;
  try {
    const { head, size } = readHead(file);
    if (!opts.profileObj && isPocketbookExport(head)) return await restorePocketbookCsv(ctx, db, file, result, Boolean(opts.dryRun));
    if (!opts.profileObj && isPocketbookJson(head)) return restorePocketbookJson(ctx, db, file, result, Boolean(opts.dryRun));
    const found = identifyFile(ctx, db, file, head, size, opts, result);
    const app = appOf(found.reader);
    if (app) return await importMoveIn(ctx, db, file, app, found.encoding, result, { dryRun: Boolean(opts.dryRun), ...(opts.categoryMap ? { categoryMap: opts.categoryMap } : {}) });
    const progress = createProgress(path.basename(file), size);
    const reading = startReading(db, found, progress.bytes, opts);
    cleanup.add(() => reading.close());
    const sha256 = sha256File(file);
    const notices: string[] = []; // said only once the file is committed (or under --dry-run)
    if (found.detection.note) notices.push(`${file}: ${found.detection.note}`); // an inferred layout, an assumed currency (issue 30)
    const phases = ctx.debug ? phaseTimer() : undefined;
    const opened = await openTransaction(ctx, db, found, opts);
    tx = opened.tx;
    cleanup.add(() => opened.tx.dispose());
    cleanup.add(() => opened.search?.cancel());
    const batchId = insertBatch(db, { file: path.basename(file), sha256, accountId: null, format: found.reader.id, profile: result.profile, importedAt: found.now });
    const resolver = accountResolver(db, found, result, opts, (m) => notices.push(`${file}: ${m}`));
    const balances = new StatementBalances();
    tools.writer.reset();
    if (opened.tx.bulk) tools.writer.watchOrder(opened.tx.bulk.wrote);
    await readAndWrite(ctx, reading, { file, batchId, now: found.now, writer: tools.writer, enricher: tools.enricher, resolver, balances, progress, notices }, result, opts);
    phases?.lap('read and written');
    settleInTransaction(ctx, db, tools.writer, { found, batchId, resolver, balances }, result, opts, phases);
    if (opts.dryRun) opened.tx.rollback();
    else opened.tx.commit();
    phases?.lap(opts.dryRun ? 'rolled back (--dry-run)' : 'committed');
    if (!opts.dryRun) await indexAfterImport(ctx, opened.tx, file, opened.search, phases);
    if (phases) ctx.io.err(`${file}: ${phases.summary()}`);
    for (const notice of notices) ctx.io.err(notice);
    if (opts.dryRun) result.batch = null;
  } catch (err) {
    // A busy ledger before COMMIT: the file is retried whole (import-wait.ts).
    if (!tx?.committed && isBusy(err) && opts.waitUntil !== undefined && Date.now() < opts.waitUntil) throw new BusyRetry();
    failed(ctx, file, err, result);
  } finally {
    await cleanup.run();
  }
  return result;
}

function emptyResult(file: string, opts: OneOptions): FileResult {
  return {
    file, account: opts.account ?? null, format: null, profile: opts.profileObj?.name ?? null, encoding: null,
    rows: 0, new: 0, duplicates: 0, skipped: 0, categorized: 0, transfers: 0, mirrors: 0, batch: null, reconciliation: null,
  };
}

/** Step 1: the file's reader, encoding and profile (`--profile` forces the CSV reader). */
function identifyFile(ctx: Context, db: Db, file: string, head: Buffer, size: number, opts: OneOptions, result: FileResult): IdentifiedFile {
  const target = opts.account ? findAccountByName(db, opts.account) : undefined;
  const parse: ParseContext = {
    fileName: file,
    defaultCurrency: target?.currency ?? ctx.settings.currency,
    today: ctx.today,
    ...(target ? { accountType: target.type } : {}),
    ...(opts.profileObj ? { profile: opts.profileObj } : {}),
    ...(opts.dateFormat ? { dateFormat: opts.dateFormat } : {}),
  };
  const profileEncoding = opts.profileObj?.encoding ? normalizeEncoding(opts.profileObj.encoding) : undefined;
  const { sniff, reader, detection } = identify(file, head, READERS, parse, {
    encoding: opts.encoding ?? profileEncoding,
    forcedReader: opts.profileObj ? readerById('csv') : opts.typeReader ? readerById(opts.typeReader) : undefined,
    truncated: size > HEAD_BYTES,
  });
  result.format = reader.id;
  result.profile = detection.profile ?? result.profile;
  result.encoding = sniff.encoding;
  return { file, size, reader, encoding: sniff.encoding, detection, parse, target, now: new Date().toISOString() };
}

/**
 * The reader's events: a big file's reading thread starts now, so
 * it loads and reads ahead while this one gets ready. With `--account` every row has one account:
 * that thread enriches rows too, with the rules, aliases and categories as committed now (read
 * only when the file is read on a thread).
 */
function startReading(db: Db, found: IdentifiedFile, onBytes: (n: number) => void, opts: OneOptions): Reading {
  const { file, encoding, reader, parse, detection, size, target } = found;
  const enrich = opts.account
    ? { enrich: { rules: () => loadRulesData(db, { createCategories: false }), ...(target ? { account: draftAccount(target) } : {}) } }
    : {};
  const source = fileSource(file, file, encoding, onBytes);
  return readEvents(
    { file, displayName: file, encoding, readerId: reader.id, parse, detection, size, minWorkerBytes: opts.minWorkerBytes, ...enrich },
    reader, source, onBytes,
  );
}

/**
 * Step 2: the file's transaction (ledger/import-transaction.ts). A big file into a small ledger
 * is a bulk import: its secondary indexes are built once, after its rows; a helper thread writes
 * its pages to disk alongside the work (page-flusher.ts), and its search index is built afresh
 * after COMMIT (search-build.ts: the thread starts now, to load meanwhile).
 */
async function openTransaction(ctx: Context, db: Db, found: IdentifiedFile, opts: OneOptions): Promise<{ tx: ImportTransaction; search?: SearchBuild }> {
  const tx = ImportTransaction.begin(db, { bulk: isBulkImport(db, found.size) });
  if (!tx.bulk || opts.dryRun) return { tx };
  try {
    const flusher = await startPageFlusher(ctx.ledgerPath);
    if (flusher) tx.usePageFlusher(flusher);
    return { tx, search: await prepareSearchBuild(ctx.ledgerPath) };
  } catch (err) {
    await tx.dispose();
    throw err;
  }
}

function accountResolver(db: Db, found: IdentifiedFile, result: FileResult, opts: OneOptions, notify: (m: string) => void): AccountResolver {
  const { reader, detection } = found;
  return createAccountResolver(db, found.file, {
    accountName: opts.account,
    formatName: result.profile ?? reader.id,
    // A card layout makes a credit account: --profile's account_type, else the detected built-in profile's.
    layoutType: opts.profileObj?.account_type ?? detection.inferred?.account_type ?? (reader.id === 'csv' && detection.profile ? findProfile(detection.profile)?.account_type : undefined),
    defaultCurrency: found.parse.defaultCurrency,
    now: found.now,
    dryRun: Boolean(opts.dryRun),
    notify,
  });
}

/** Step 3: every row read, enriched, deduped and written (write-rows.ts). */
async function readAndWrite(ctx: Context, reading: Reading, to: Parameters<typeof writeRows>[2], result: FileResult, opts: OneOptions): Promise<void> {
  if (ctx.debug && reading.threaded) {
    ctx.io.err(`${to.file}: parsing${opts.account ? ' and categorizing' : ''} on a second thread`);
  }
  await writeRows(ctx, reading, to, result);
}

/**
 * Step 4, still inside the transaction: the batch's id range and counts, transfer and mirror
 * links, statement balances (--strict fails the file on a mismatch), and the report cache.
 */
function settleInTransaction(
  ctx: Context, db: Db, writer: EntryWriter,
  file: { found: IdentifiedFile; batchId: number; resolver: AccountResolver; balances: StatementBalances },
  result: FileResult, opts: OneOptions, phases: PhaseTimer | undefined,
): void {
  const { found, batchId } = file;
  setBatchIds(db, batchId, writer.inserted());
  mergeHandEntriesOnImport(db, batchId, found.now, result);
  const used = file.resolver.used();
  result.account = used.length > 0 ? used.map((a) => a.name).join(', ') : (opts.account ?? null);
  const link = linkAfterImport(db, [batchId]);
  result.transfers = link.transfers;
  result.mirrors = link.mirrors;
  const reimbursed = matchReimbursementsOnImport(db, writer.inserted(), found.now);
  if (reimbursed) result.reimbursed = reimbursed;
  updateBatchCounts(db, batchId, {
    accountId: used[0]?.id ?? (opts.account ? (findAccountByName(db, opts.account)?.id ?? null) : null),
    rows: result.rows, new: result.new, duplicates: result.duplicates, skipped: result.skipped,
  });
  result.batch = batchId;
  result.reconciliation = checkBalances(ctx, db, found.file, file.balances, { batchId, now: found.now, used, strict: Boolean(opts.strict), fallback: opts.account });
  phases?.lap('transfers linked, counts kept');
  if (!opts.dryRun) {
    updateReportCache(db, writer.inserted());
    phases?.lap('report cache updated');
  }
}

/** The file failed: nothing of it was written; say why on stderr. */
function failed(ctx: Context, file: string, err: unknown, result: FileResult): void {
  result.error = formatError(locate(err, file, undefined));
  ctx.io.err(tCliMain('errorLine', { message: result.error }));
  if (ctx.debug && err instanceof Error && err.stack) ctx.io.err(err.stack);
  result.new = 0;
  result.batch = null;
}

/** Months at most this many are summarized for reports inside the import; more are left to the first report. */
const REFRESH_MONTHS = 24;

/**
 * Before COMMIT: bring the report cache up to date when the file touched few months (a
 * statement's worth: cheap, month by month). A big history import leaves its months marked
 * dirty; the first report recomputes them in one pass. Either way reports are exact.
 */
function updateReportCache(db: Db, inserted: InsertedRows | undefined): void {
  if (!hasReportCache(db)) return;
  markNewRows(db, inserted);
  if (dirtyMonths(db) <= REFRESH_MONTHS) refreshReportCache(db);
}
