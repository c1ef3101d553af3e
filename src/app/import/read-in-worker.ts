/**
 * Reading a big CSV file on a second thread: parsing and normalizing run in a worker
 * (read-worker.ts) while this thread inserts. The events arrive in order, exactly as the reader
 * yields them; a reader's error arrives as the same located PocketbookError. Small files, and
 * builds without the compiled worker, read in-thread.
 *
 * When every row goes to one account (`--account`), the worker also turns rows into enriched
 * entries, packed in batches of columns ('entries' events, ledger/entry-batch.ts), with the same rules, aliases and categories,
 * loaded from the ledger by this thread and posted with the file. So rules run on the second thread too, and batches cross threads
 * cheaply. Unless the account exists already, the worker shows the importing thread its first
 * row ('account-needed': the account may have to be created from it) and waits for the account
 * before going on, compiling its rules meanwhile; that row then comes back as an entry.
 */
import type { Detection, ParseContext, ReaderEvent, Reader, Source } from '../../import/types.js';
import type { NormalizedRow } from '../../core/types.js';
import { type ErrorCode, type ErrorLocation, PocketbookError } from '../../core/errors.js';
import { type DraftAccount, draftAccount } from './draft.js';
import type { EntryBatch } from '../../ledger/entry-batch.js';
import type { RulesData } from '../../rules/engine.js';
import { Worker } from 'node:worker_threads';
import { threshold, workerScript } from '../workers/threads.js';
import { speedOn } from '../../core/speed.js';
import { getLocale, type Locale } from '../../core/i18n.js';
import { tAppSafety as tS } from '../../core/messages/app-safety.js';

/** Events per message, and messages the worker may be ahead of the importing thread. */
export const BATCH_EVENTS = 500;
export const MAX_AHEAD = 16;
/**
 * Files at least this big are read in a worker (starting one costs a few hundred ms);
 * POCKETBOOK_THREADS_MIN_BYTES overrides it (tests force the worker on small files).
 */
const WORKER_BYTES = threshold('POCKETBOOK_THREADS_MIN_BYTES', 4 * 1024 * 1024);

export interface ReadWorkerInput {
  file: string;
  displayName: string;
  encoding: string;
  readerId: string;
  parse: ParseContext;
  detection: Detection;
  /** The ledger's rules, aliases and categories, to enrich rows once told their account (now, when it exists already). */
  enrich?: { rules: RulesData; account?: DraftAccount };
  /** The run's language: the second thread words its errors and warnings in it too. */
  locale?: Locale;
}

/** What readEvents takes: the rules are only loaded when the file is read on a worker. */
export type ReadEventsInput = Omit<ReadWorkerInput, 'enrich'> & {
  size: number;
  minWorkerBytes?: number;
  enrich?: { rules: () => RulesData; account?: DraftAccount };
};

/** Rows the worker has made into enriched entries (their account and rules), in file order. */
export interface EntriesEvent {
  type: 'entries';
  entries: EntryBatch;
  /** How many of them a rule categorized. */
  categorized: number;
}

/**
 * The worker needs the file's account before it can go on: settle it from this row (create it if
 * need be) and tell the worker (Reading.useAccount). The row itself arrives later, as an entry.
 */
export interface AccountNeededEvent {
  type: 'account-needed';
  row: NormalizedRow;
}

export type ImportEvent = ReaderEvent | EntriesEvent | AccountNeededEvent;

/** To the worker: a batch was taken, or the account every row of the file goes to. */
export type ToReadWorker = { type: 'ack' } | { type: 'account'; account: DraftAccount };

export type ReadWorkerMessage =
  | { type: 'events'; events: ImportEvent[]; bytes: number }
  | { type: 'end' }
  | { type: 'error'; code?: ErrorCode; message: string; hint?: string; location?: ErrorLocation };

/**
 * Whether `readEvents` will use a worker: a big file read by a streaming reader (CSV, whose
 * memory does not grow with the file; readers of whole files stay in-thread).
 */
export function readsInWorker(size: number, minBytes = WORKER_BYTES, readerId = 'csv'): boolean {
  return readerId === 'csv' && size >= minBytes && speedOn('worker') && workerScript('read-worker.js') !== undefined;
}

/** The worker's garbage is short-lived rows: a small heap keeps the import's peak memory flat. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 64 };

export interface Reading {
  events: AsyncGenerator<ImportEvent>;
  /** Whether the file is read on a second thread. */
  threaded: boolean;
  /** The answer to an 'account-needed' event: the account every row of the file goes to. */
  useAccount(account: DraftAccount): void;
  /** Stop the worker, if any (whether or not `events` was read: the caller may fail first). */
  close(): Promise<void>;
}

/**
 * The reader's events for a file: from a worker when the file is big (see readsInWorker), else
 * straight from the reader over `source`. `onBytes` sees the bytes read either way. The worker
 * starts at once, so that it loads and reads while the caller gets ready to write.
 */
export function readEvents(
  input: ReadEventsInput,
  reader: Reader,
  source: Source,
  onBytes: (n: number) => void,
): Reading {
  if (!readsInWorker(input.size, input.minWorkerBytes, input.readerId)) {
    return { events: inThread(reader, source, input), threaded: false, useAccount: () => undefined, close: async () => undefined };
  }
  const { size: _size, minWorkerBytes: _min, enrich, ...rest } = input;
  const data: ReadWorkerInput = { ...rest, locale: getLocale(), ...(enrich ? { enrich: { rules: enrich.rules(), ...(enrich.account ? { account: enrich.account } : {}) } } : {}) };
  const worker = new Worker(workerScript('read-worker.js')!, { workerData: data satisfies ReadWorkerInput, resourceLimits: WORKER_LIMITS });
  // Listening from the start: what the worker says before `events` is read waits in the inbox.
  const inbox: Inbox = { messages: [], failure: undefined, notify: undefined };
  const arrived = () => {
    inbox.notify?.();
    inbox.notify = undefined;
  };
  worker.on('message', (m: ReadWorkerMessage) => {
    inbox.messages.push(m);
    arrived();
  });
  worker.on('error', (err) => {
    inbox.failure = err;
    arrived();
  });
  worker.on('exit', (code) => {
    inbox.failure ??= new Error(tS('readerStopped', { code }));
    arrived();
  });
  let closed: Promise<void> | undefined;
  const close = () => {
    if (!closed) {
      worker.removeAllListeners();
      closed = worker.terminate().then(() => undefined);
    }
    return closed;
  };
  return {
    events: fromWorker(worker, inbox, onBytes, close),
    threaded: true,
    useAccount(account) {
      if (input.enrich) worker.postMessage({ type: 'account', account: draftAccount(account) } satisfies ToReadWorker);
    },
    close,
  };
}

/** The worker's messages not yet taken, its failure, and who waits for either. */
interface Inbox {
  messages: ReadWorkerMessage[];
  failure: Error | undefined;
  notify: (() => void) | undefined;
}

async function* inThread(reader: Reader, source: Source, input: Pick<ReadWorkerInput, 'parse' | 'detection'>): AsyncGenerator<ImportEvent> {
  yield* reader.read(source, input.parse, input.detection);
}

async function* fromWorker(worker: Worker, inbox: Inbox, onBytes: (n: number) => void, close: () => Promise<void>): AsyncGenerator<ImportEvent> {
  try {
    for (;;) {
      const m = inbox.messages.shift();
      if (!m) {
        if (inbox.failure) throw inbox.failure;
        await new Promise<void>((resolve) => (inbox.notify = resolve));
        continue;
      }
      if (m.type === 'end') return;
      if (m.type === 'error') {
        throw m.code ? new PocketbookError(m.code, m.message, { hint: m.hint, location: m.location }) : new Error(m.message);
      }
      onBytes(m.bytes);
      yield* m.events;
      worker.postMessage({ type: 'ack' } satisfies ToReadWorker);
    }
  } finally {
    await close();
  }
}
