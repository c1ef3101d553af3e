/**
 * Reading a big CSV file on a second thread: parsing and normalizing (about a fifth of an
 * import's work) runs in a worker (read-worker.ts) while this thread enriches and inserts. The events
 * arrive in order, exactly as the reader yields them; a reader's error arrives as the same
 * located PocketbookError. Small files, and builds without the compiled worker, read in-thread.
 */
import type { Detection, ParseContext, ReaderEvent, Reader, Source } from '../import/types.js';
import { type ErrorCode, type ErrorLocation, PocketbookError } from '../core/errors.js';
import { threshold, workerScript } from './threads.js';

/** Events per message, and messages the worker may be ahead of the importing thread. */
export const BATCH_EVENTS = 1000;
export const MAX_AHEAD = 3;
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
}

export type ReadWorkerMessage =
  | { type: 'events'; events: ReaderEvent[]; bytes: number }
  | { type: 'end' }
  | { type: 'error'; code?: ErrorCode; message: string; hint?: string; location?: ErrorLocation };

/**
 * Whether `readEvents` will use a worker: a big file read by a streaming reader (CSV, whose
 * memory does not grow with the file; readers of whole files stay in-thread).
 */
export function readsInWorker(size: number, minBytes = WORKER_BYTES, readerId = 'csv'): boolean {
  return readerId === 'csv' && size >= minBytes && workerScript('read-worker.js') !== undefined;
}

/**
 * The reader's events for a file: from a worker when the file is big (see readsInWorker), else
 * straight from the reader over `source`. `onBytes` sees the bytes read either way.
 */
export async function* readEvents(
  input: ReadWorkerInput & { size: number; minWorkerBytes?: number },
  reader: Reader,
  source: Source,
  onBytes: (n: number) => void,
): AsyncGenerator<ReaderEvent> {
  if (!readsInWorker(input.size, input.minWorkerBytes, input.readerId)) {
    yield* reader.read(source, input.parse, input.detection);
    return;
  }
  const { Worker } = await import('node:worker_threads');
  const { size: _size, minWorkerBytes: _min, ...data } = input;
  // The worker's garbage is short-lived rows: a small heap keeps the import's peak memory flat.
  const worker = new Worker(workerScript('read-worker.js')!, { workerData: data satisfies ReadWorkerInput, resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 } });
  const queue: ReadWorkerMessage[] = [];
  let failure: Error | undefined;
  let notify: (() => void) | undefined;
  const arrived = () => {
    notify?.();
    notify = undefined;
  };
  worker.on('message', (m: ReadWorkerMessage) => {
    queue.push(m);
    arrived();
  });
  worker.on('error', (err) => {
    failure = err;
    arrived();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the reading thread stopped (exit code ${code})`);
    arrived();
  });
  try {
    for (;;) {
      const m = queue.shift();
      if (!m) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (notify = resolve));
        continue;
      }
      if (m.type === 'end') return;
      if (m.type === 'error') {
        throw m.code ? new PocketbookError(m.code, m.message, { hint: m.hint, location: m.location }) : new Error(m.message);
      }
      onBytes(m.bytes);
      yield* m.events;
      worker.postMessage('ack');
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
