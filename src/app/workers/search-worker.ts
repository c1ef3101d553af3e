/**
 * The search index's builder during a big import (see search-build.ts): told to start once the
 * importing thread holds the ledger's write lock, it builds a fresh index file of the committed
 * entries and says what it built, or why it could not.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex } from '../../ledger/search-store.js';
import type { FromSearchWorker, ToSearchWorker } from '../import/search-build.js';

parentPort!.once('message', (m: ToSearchWorker) => {
  if (m.type !== 'start') return;
  let reply: FromSearchWorker;
  try {
    reply = { type: 'built', built: buildSearchIndex(workerData as string) };
  } catch (err) {
    reply = { type: 'failed', message: (err as Error).message };
  }
  parentPort!.postMessage(reply);
});
