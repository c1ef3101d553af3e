/**
 * The second thread of a big import (see read-in-worker.ts): runs the file's reader and posts its
 * events in batches, at most a few batches ahead of the importing thread, so memory stays flat.
 * Once told the file's account, it also enriches rows with the ledger's rules ('entries' events).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readerById } from '../../import/registry.js';
import type { Reader, ReaderEvent } from '../../import/types.js';
import { isPocketbookError } from '../../core/errors.js';
import { newEntryBatch, packEntry } from '../../ledger/entry-batch.js';
import { EntryShapes } from '../../ledger/entry-shapes.js';
import { buildEngine } from '../../rules/engine.js';
import { type Enricher, enricherFor } from '../../rules/enricher.js';
import { fileSource } from '../import/file-source.js';
import { locate } from '../import/import-errors.js';
import { type DraftAccount, toDraft } from '../import/draft.js';
import { BATCH_EVENTS, MAX_AHEAD, type ImportEvent, type ReadWorkerInput, type ReadWorkerMessage, type ToReadWorker } from '../import/read-in-worker.js';
import { setLocale } from '../../core/i18n.js';
import { tAppSafety as tS } from '../../core/messages/app-safety.js';

const port = parentPort!;
const post = (m: ReadWorkerMessage) => port.postMessage(m);

/** The file, given at the start. */
const input = workerData as ReadWorkerInput;

let ahead = 0;
let wake: (() => void) | undefined;
let account: DraftAccount | undefined = input.enrich?.account;
let accountArrived: (() => void) | undefined;
port.on('message', (m: ToReadWorker) => {
  if (m.type === 'account') {
    account = m.account;
    accountArrived?.();
    return;
  }
  ahead--;
  wake?.();
  wake = undefined;
});

/**
 * The rules, aliases and categories as the importing thread loaded them from the committed ledger
 * (after creating every category its rules name), posted with the file: this thread never opens
 * the ledger.
 */
function loadEnricher(input: ReadWorkerInput): Enricher | undefined {
  if (!input.enrich) return undefined;
  return enricherFor(buildEngine(input.enrich.rules));
}

/** The file's entry shapes: each goes over once, in the event of the first row that has it. */
const shapes = new EntryShapes();

/** Add a row to the batch: as it is, or enriched and packed once the account is known. */
function add(batch: ImportEvent[], event: ReaderEvent, enricher: Enricher | undefined, displayName: string): void {
  if (event.type !== 'row' || !account || !enricher) {
    batch.push(event);
    return;
  }
  const row = event.row;
  let last = batch[batch.length - 1];
  if (last?.type !== 'entries') batch.push((last = { type: 'entries', entries: newEntryBatch(BATCH_EVENTS), categorized: 0 }));
  try {
    const draft = toDraft(row, account);
    if (enricher.enrich(draft)) last.categorized++;
    packEntry(draft, last.entries, shapes);
  } catch (err) {
    throw locate(err, displayName, row.line);
  }
}

async function run(): Promise<void> {
  const job = input;
  setLocale(job.locale ?? 'en');
  const reader = readerById(job.readerId);
  if (!reader) throw new Error(tS('noReader', { id: job.readerId }));
  const enricher = loadEnricher(job);
  await readAll(job, reader, enricher);
}

async function* oneByOne(events: AsyncIterable<ReaderEvent> | Iterable<ReaderEvent>): AsyncGenerator<ReaderEvent[]> {
  for await (const event of events) yield [event];
}

async function readAll(input: ReadWorkerInput, reader: Reader, enricher: Enricher | undefined): Promise<void> {
  let bytes = 0;
  const source = fileSource(input.file, input.displayName, input.encoding, (n) => (bytes += n));
  let batch: ImportEvent[] = [];
  let n = 0;
  const flush = async () => {
    post({ type: 'events', events: batch, bytes });
    batch = [];
    bytes = 0;
    n = 0;
    if (++ahead >= MAX_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
  };
  // A streaming reader hands its events over in batches; any other one by one.
  const batches = reader.readBatches?.(source, input.parse, input.detection) ?? oneByOne(reader.read(source, input.parse, input.detection));
  for await (const events of batches) {
    for (const event of events) {
      if (event.type === 'row' && enricher && !account) {
        // The importing thread settles the account from this row; the rules compile meanwhile.
        batch.push({ type: 'account-needed', row: event.row });
        const arrived = new Promise<void>((resolve) => (accountArrived = resolve));
        await flush();
        enricher.compileRules();
        await arrived;
      }
      add(batch, event, enricher, input.displayName);
      if (++n >= BATCH_EVENTS) await flush();
    }
  }
  post({ type: 'events', events: batch, bytes });
  post({ type: 'end' });
}

run().catch((err: unknown) => {
  if (isPocketbookError(err)) {
    post({ type: 'error', code: err.code, message: err.message, hint: err.hint, location: err.location });
  } else {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
