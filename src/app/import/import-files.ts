/**
 * `pocketbook import FILE...`: per file, identify → resolve the account → one SQLite transaction
 * (batch, enrich, dedupe, insert, link transfers, counts, report cache) → COMMIT, or ROLLBACK on
 * any error or under --dry-run. One failing file never stops the others. After the commit the
 * search index takes the new entries in a transaction of its own (see updateSearchIndex); after
 * a bulk import's, the ledger's deferred indexes are built while a second thread builds a fresh
 * search index file (see indexAfterBulk).
 */
import path from 'node:path';
import { BusyRetry, IMPORT_WAIT_MS, isBusy, whileBusy } from './import-wait.js';
import type { Context } from '../../core/context.js';
import type { EntryDraft, NormalizedRow } from '../../core/types.js';
import { formatError } from '../../core/errors.js';
import type { Db } from '../../ledger/open.js';
import { openLedger } from '../../ledger/open.js';
import { type Account, findAccountByName } from '../../ledger/accounts.js';
import { insertBatch, setBatchIds, updateBatchCounts } from '../../ledger/batches.js';
import { type BulkWrite, type EntryWriter, PACKED_LINE, PACKED_WIDTH, createEntryWriter, entryCountBound, startBulkWrite } from '../../ledger/entries.js';
import type { ParseContext } from '../../import/types.js';
import { READERS, readerById } from '../../import/registry.js';
import { findProfile } from '../../import/profiles/index.js';
import { identify, HEAD_BYTES } from '../../import/sniff.js';
import { normalizeEncoding } from '../../import/encoding.js';
import type { Enricher } from '../../rules/enricher.js';
import { syncSearchIndex } from '../../ledger/search.js';
import { detachSearchIndex, publishSearchIndex } from '../../ledger/search-store.js';
import { ALL_CORES, buildDeferredIndexes } from '../../ledger/deferred-indexes.js';
import { type SearchBuild, prepareSearchBuild } from './search-build.js';
import { type InsertedRows, dirtyMonths, hasReportCache, markNewRows, refreshReportCache } from '../../ledger/report-cache.js';
import { linkAfterImport } from './transfers.js';
import { type WalHelper, walHelper } from './wal-helper.js';
import { createAccountResolver } from './import-accounts.js';
import { fileSource, readHead, sha256File } from './file-source.js';
import { loadProfileFor } from './profile-adapter.js';
import { createProgress } from './progress.js';
import { type Reading, readEvents, stopIdleReadWorker } from './read-in-worker.js';
import { createEnricher, loadRulesData } from '../rules/rules-engine.js';
import { draftAccount, toDraft } from './draft.js';
import { locate } from './import-errors.js';
import { isPocketbookExport, restorePocketbookCsv } from './import-pocketbook.js';
import { type FileReconciliation, StatementBalances, checkBalances } from './import-balances.js';

export interface ImportOptions {
  account?: string;
  profile?: string;
  encoding?: string;
  dryRun?: boolean;
  /** A file whose balances do not reconcile fails (nothing written) instead of being reported. */
  strict?: boolean;
  /** Files at least this big are parsed on a second thread (default 4 MiB; tests lower it). */
  minWorkerBytes?: number;
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
  const waitUntil = Date.now() + IMPORT_WAIT_MS;
  const db = await whileBusy(ctx, waitUntil, () => openLedger(ctx.ledgerPath, { mustWrite: true }));
  try {
    const enricher = createEnricher(db);
    const writer = createEntryWriter(db);
    const results: FileResult[] = [];
    for (const file of files) {
      const one = () => importOne(ctx, db, { enricher, writer }, file, { ...opts, encoding, profileObj: profile, waitUntil });
      results.push(await whileBusy(ctx, waitUntil, one));
    }
    return { files: results, dryRun: Boolean(opts.dryRun), failed: results.filter((r) => r.error).length };
  } finally {
    db.close();
    await stopIdleReadWorker(); // started for a big file that turned out not to need it
  }
}

interface Tools {
  enricher: Enricher;
  writer: EntryWriter;
}

type OneOptions = Omit<ImportOptions, 'profile'> & { profileObj?: Awaited<ReturnType<typeof loadProfileFor>>; waitUntil?: number };

async function importOne(ctx: Context, db: Db, tools: Tools, file: string, opts: OneOptions): Promise<FileResult> {
  const result: FileResult = {
    file, account: opts.account ?? null, format: null, profile: opts.profileObj?.name ?? null, encoding: null,
    rows: 0, new: 0, duplicates: 0, skipped: 0, categorized: 0, transfers: 0, mirrors: 0, batch: null, reconciliation: null,
  };
  let open = false;
  let committed = false; // a busy ledger before this is retried whole (import-wait.ts)
  let wal: WalHelper | undefined;
  let bulk: BulkWrite | undefined; // a big file into a small ledger (see startBulkWrite)
  let search: SearchBuild | undefined; // its search index, built alongside its deferred indexes
  let reading: Reading | undefined;
  try {
    const { head, size } = readHead(file);
    if (!opts.profileObj && isPocketbookExport(head)) return await restorePocketbookCsv(ctx, db, file, result, Boolean(opts.dryRun));
    const target = opts.account ? findAccountByName(db, opts.account) : undefined;
    const parse: ParseContext = {
      fileName: file,
      defaultCurrency: target?.currency ?? ctx.settings.currency,
      today: ctx.today,
      ...(target ? { accountType: target.type } : {}),
      ...(opts.profileObj ? { profile: opts.profileObj } : {}),
    };
    const forcedReader = opts.profileObj ? readerById('csv') : undefined;
    const profileEncoding = opts.profileObj?.encoding ? normalizeEncoding(opts.profileObj.encoding) : undefined;
    const { sniff, reader, detection } = identify(file, head, READERS, parse, {
      encoding: opts.encoding ?? profileEncoding,
      forcedReader,
      truncated: size > HEAD_BYTES,
    });
    result.format = reader.id;
    result.profile = detection.profile ?? result.profile;
    result.encoding = sniff.encoding;
    const now = new Date().toISOString();
    // A big file into a small ledger: its secondary indexes are built once, after its rows (≈ 40
    // bytes a row). It is written through the WAL like any other: a kill at any moment leaves a
    // ledger that opens intact, whatever stray files are deleted afterwards (README, Ledger files).
    const big = size / 40 >= Math.max(BULK_ROWS, entryCountBound(db));
    const progress = createProgress(path.basename(file), size);
    const source = fileSource(file, file, sniff.encoding, progress.bytes);
    // A big file's reading thread starts now (unless one was started ahead): it loads, and reads
    // ahead, while this one gets ready.
    reading = readEvents(
      {
        file, displayName: file, encoding: sniff.encoding, readerId: reader.id, parse, detection, size, minWorkerBytes: opts.minWorkerBytes,
        // One account for every row: the worker can enrich rows once it knows which, with the rules,
        // aliases and categories as committed now (read only when the file is read on a worker).
        ...(opts.account
          ? { enrich: { rules: () => loadRulesData(db, { createCategories: false }), ...(target ? { account: draftAccount(target) } : {}) } }
          : {}),
      },
      reader, source, progress.bytes,
    );
    const sha256 = sha256File(file);

    const notices: string[] = []; // said only once the file is committed (or under --dry-run)
    if (detection.note) notices.push(`${file}: ${detection.note}`); // an inferred layout, an assumed currency (issue 30)
    const phases = ctx.debug ? phaseTimer() : undefined;
    // The writer checks its rows' references itself (checkReferences), once per account and
    // category rather than three look-ups per row. The pragma only takes effect outside a transaction.
    db.pragma('foreign_keys = OFF');
    // Out of WAL mode (a ledger some other tool left in rollback mode), this transaction's first
    // page written out locks everyone out until COMMIT, the reading thread included: it must have
    // loaded the rules first.
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') await reading.doneWithLedger;
    db.exec('BEGIN IMMEDIATE');
    open = true;
    tools.writer.reset();
    if (big) {
      bulk = startBulkWrite(db);
      tools.writer.watchOrder(bulk.wrote);
    }
    // Its gigabyte of pages goes to disk alongside the work, not all at the end (wal-helper.ts).
    if (bulk && !opts.dryRun) {
      wal = await walHelper(db, ctx.ledgerPath);
      search = await prepareSearchBuild(ctx.ledgerPath);
    }
    const batchId = insertBatch(db, { file: path.basename(file), sha256, accountId: null, format: reader.id, profile: result.profile, importedAt: now });
    const resolver = createAccountResolver(db, file, {
      accountName: opts.account,
      formatName: result.profile ?? reader.id,
      // A card layout makes a credit account: --profile's account_type, else the detected built-in profile's.
      layoutType: opts.profileObj?.account_type ?? detection.inferred?.account_type ?? (reader.id === 'csv' && detection.profile ? findProfile(detection.profile)?.account_type : undefined),
      defaultCurrency: parse.defaultCurrency,
      now,
      dryRun: Boolean(opts.dryRun),
      notify: (m) => notices.push(`${file}: ${m}`),
    });
    const balances = new StatementBalances();
    let line: number | undefined; // set while pocketbook (not the reader) works on a row
    try {
      if (ctx.debug && reading.thread) {
        ctx.io.err(`${file}: parsing${opts.account ? ' and categorizing' : ''} on a second thread${reading.thread === 'started ahead' ? ' (started ahead)' : ''}`);
      }
      let elsewhere = 0; // rows the reading thread enriched
      const counted = (inserted: boolean) => {
        result.rows++;
        if (inserted) result.new++;
        else result.duplicates++;
        if ((result.rows & 0x3fff) === 0) progress.rows(result.rows);
      };
      for await (const event of reading.events) {
        if (event.type === 'entries') {
          if (elsewhere === 0) resolver.usedFixed();
          tools.writer.defineShapes(event.shapes);
          const v = event.values;
          for (let at = 0; at < v.length; at += PACKED_WIDTH) {
            line = v[at + PACKED_LINE] as number;
            counted(tools.writer.writePacked(v, at, batchId, now));
          }
          result.categorized += event.categorized;
          elsewhere += v.length / PACKED_WIDTH;
          line = undefined;
        } else if (event.type === 'account-needed') {
          line = event.row.line;
          reading.useAccount(resolver.forRow(event.row));
          line = undefined;
        } else if (event.type === 'row') {
          const row = event.row;
          line = row.line;
          const account = resolver.forRow(row);
          balances.row(account);
          const draft = toDraft(row, account);
          if (tools.enricher.enrich(draft)) result.categorized++;
          counted(tools.writer.write(draft, batchId, now));
          line = undefined;
        } else if (event.type === 'skip') {
          result.skipped++;
        } else if (event.type === 'balance') {
          balances.balance(event.balance);
        } else {
          balances.statement();
          resolver.statement(event.account);
        }
      }
      tools.writer.checkReferences();
      if (ctx.debug && elsewhere > 0) ctx.io.err(`${file}: ${elsewhere} of ${result.rows} rows categorized on the second thread`);
      phases?.lap('read and written');
    } catch (err) {
      throw locate(err, file, line);
    } finally {
      progress.done();
    }
    setBatchIds(db, batchId, tools.writer.inserted());
    const used = resolver.used();
    result.account = used.length > 0 ? used.map((a) => a.name).join(', ') : (opts.account ?? null);
    const link = linkAfterImport(db, [batchId]);
    result.transfers = link.transfers;
    result.mirrors = link.mirrors;
    updateBatchCounts(db, batchId, {
      accountId: used[0]?.id ?? (opts.account ? (findAccountByName(db, opts.account)?.id ?? null) : null),
      rows: result.rows, new: result.new, duplicates: result.duplicates, skipped: result.skipped,
    });
    result.batch = batchId;
    result.reconciliation = checkBalances(ctx, db, file, balances, { batchId, now, used, strict: Boolean(opts.strict), fallback: opts.account });
    phases?.lap('transfers linked, counts kept');
    if (!opts.dryRun) {
      updateReportCache(db, tools.writer.inserted());
      phases?.lap('report cache updated');
      bulk?.deferIndexes(); // a ROLLBACK brings them back by itself
    }
    db.exec(opts.dryRun ? 'ROLLBACK' : 'COMMIT');
    open = false;
    committed = true;
    phases?.lap(opts.dryRun ? 'rolled back (--dry-run)' : 'committed');
    if (!opts.dryRun) {
      if (bulk) {
        await indexAfterBulk(ctx, db, file, search, wal, phases);
        search = undefined;
      } else {
        wal?.checkpoint(); // the committed pages go into the ledger file while the search index is built
        updateSearchIndex(ctx, db, file);
        phases?.lap('search index updated');
      }
      if (wal) {
        const copied = await wal.finish();
        phases?.lap(copied ? `WAL copied into the ledger file alongside (${copied.copied} of ${copied.frames} pages)` : 'WAL left to the next checkpoint');
      }
    }
    if (phases) ctx.io.err(`${file}: ${phases.summary()}`);
    for (const notice of notices) ctx.io.err(notice);
    if (opts.dryRun) result.batch = null;
  } catch (err) {
    if (open && db.inTransaction) db.exec('ROLLBACK');
    if (!committed && isBusy(err) && opts.waitUntil !== undefined && Date.now() < opts.waitUntil) throw new BusyRetry();
    const located = locate(err, file, undefined);
    result.error = formatError(located);
    ctx.io.err(`pocketbook: ${result.error}`);
    if (ctx.debug && err instanceof Error && err.stack) ctx.io.err(err.stack);
    result.new = 0;
    result.batch = null;
  } finally {
    search?.cancel();
    await reading?.close();
    db.pragma('foreign_keys = ON');
    bulk?.end();
    await wal?.finish();
  }
  return result;
}

/** Files of about this many rows or more (and more than the ledger holds) are inserted without secondary indexes. */
const BULK_ROWS = 50_000;

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

/**
 * After a bulk import's COMMIT, in a transaction of its own that holds the write lock throughout:
 * build the indexes the import deferred (deferred-indexes.ts) while the search build (on its own
 * thread when it can) makes a fresh index file of the committed entries, then put that file in
 * place. Without a search build (the ledger is not in WAL mode, so nothing can read it while
 * this transaction writes), the search index is brought up to date afterwards, as after any
 * import. Both are derived data: if either fails the file stays imported, and the user is told.
 * Deferred indexes left unbuilt are built when the ledger is next opened to write; a search index
 * left behind means searches test the new entries directly until the next import.
 */
async function indexAfterBulk(
  ctx: Context, db: Db, file: string, search: SearchBuild | undefined, wal: WalHelper | undefined, phases: PhaseTimer | undefined,
): Promise<void> {
  if (search) detachSearchIndex(db); // the file in place is about to be replaced
  db.exec('BEGIN IMMEDIATE');
  try {
    search?.start();
    // The helper opens the ledger now: with the lock held, it leaves the deferred indexes to us.
    wal?.checkpoint();
    buildDeferredIndexes(db, search?.threaded ? 0 : ALL_CORES); // the other core builds the search index
    phases?.lap(`secondary indexes built${search?.threaded ? ' (the search index alongside)' : ''}`);
    if (search) {
      try {
        publishSearchIndex(db, await search.result());
      } catch (err) {
        searchIndexFailed(ctx, file, err);
      }
    }
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK'); // the built search file, if any, is left unused
    ctx.io.err(
      `pocketbook: ${file}: imported, but its indexes could not be built (${(err as Error).message}); ` +
        'every command still answers correctly, and the next one that writes builds them',
    );
    return;
  }
  if (!search) updateSearchIndex(ctx, db, file);
  phases?.lap('search index updated');
}

/**
 * After COMMIT, in a transaction of its own: add the new entries to the search index in one bulk
 * pass (migration 3: inserts carry no trigger). The index is derived data with a watermark:
 * until it catches up, searches check the entries above it directly, so they stay exact (only
 * slower). So if this fails, or the process dies first, the file stays imported and the next
 * import brings the index up to date; the user is told, and the import still succeeds.
 */
function updateSearchIndex(ctx: Context, db: Db, file: string): void {
  try {
    syncSearchIndex(db);
  } catch (err) {
    searchIndexFailed(ctx, file, err);
  }
}

function searchIndexFailed(ctx: Context, file: string, err: unknown): void {
  ctx.io.err(
    `pocketbook: ${file}: imported, but the search index could not take the new entries (${(err as Error).message}); ` +
      'searches still find them, only more slowly, until the next import indexes them',
  );
}

interface PhaseTimer {
  lap(step: string): void;
  summary(): string;
}

/** Where an import's time went (--debug): each step's wall time since the one before. */
function phaseTimer(): PhaseTimer {
  let last = performance.now();
  const laps: string[] = [];
  return {
    lap(step) {
      const now = performance.now();
      laps.push(`${step} ${((now - last) / 1000).toFixed(2)} s`);
      last = now;
    },
    summary: () => laps.join(' · '),
  };
}

