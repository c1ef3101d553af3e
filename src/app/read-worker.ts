/**
 * The second thread of a big import (see readInWorker): runs the file's reader and posts its
 * events in batches, at most a few batches ahead of the importing thread, so memory stays flat.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readerById } from '../import/registry.js';
import type { ReaderEvent } from '../import/types.js';
import { isPocketbookError } from '../core/errors.js';
import { fileSource } from './file-source.js';
import { BATCH_EVENTS, MAX_AHEAD, type ReadWorkerInput, type ReadWorkerMessage } from './read-in-worker.js';

const input = workerData as ReadWorkerInput;
const port = parentPort!;
const post = (m: ReadWorkerMessage) => port.postMessage(m);

let ahead = 0;
let wake: (() => void) | undefined;
port.on('message', () => {
  ahead--;
  wake?.();
  wake = undefined;
});

async function run(): Promise<void> {
  const reader = readerById(input.readerId);
  if (!reader) throw new Error(`no reader "${input.readerId}"`);
  let bytes = 0;
  const source = fileSource(input.file, input.displayName, input.encoding, (n) => (bytes += n));
  let batch: ReaderEvent[] = [];
  for await (const event of reader.read(source, input.parse, input.detection)) {
    batch.push(event);
    if (batch.length < BATCH_EVENTS) continue;
    post({ type: 'events', events: batch, bytes });
    batch = [];
    bytes = 0;
    if (++ahead >= MAX_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
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
