/**
 * A big import's search index is built on a second thread (search-worker.ts): once the import
 * has committed its entries, the worker reads them on a connection of its own and builds a fresh
 * index file, while this thread builds the ledger's deferred indexes (SQLite writes a file from
 * one connection at a time: two files, two threads). Without the compiled worker (running from
 * the TypeScript sources) the file is built on this thread instead, when its result is asked for.
 */
import { type BuiltSearchIndex, buildSearchIndex } from '../../ledger/search-store.js';
import { workerScript } from '../workers/threads.js';
import { speedOn } from '../../core/speed.js';
import { tAppSafety as tS } from '../../core/messages/app-safety.js';

export type ToSearchWorker = { type: 'start' } | { type: 'stop' };
export type FromSearchWorker = { type: 'built'; built: BuiltSearchIndex } | { type: 'failed'; message: string };

export interface SearchBuild {
  /** Whether it runs on a thread of its own (the importing thread's work then leaves it a core). */
  readonly threaded: boolean;
  /**
   * Start reading the ledger: call with the write lock held, and keep it until the file is
   * published, so that no entry changes in between (search-store.ts publishSearchIndex).
   */
  start(): void;
  /** The built file (the build's error if it failed). */
  result(): Promise<BuiltSearchIndex>;
  /** End the thread unused (when the import stopped before start; nothing once started). */
  cancel(): void;
}

/** Ready a build of `ledgerPath`'s index: the thread starts now, to load while the import runs. */
export async function prepareSearchBuild(ledgerPath: string): Promise<SearchBuild> {
  const script = speedOn('search-thread') ? workerScript('search-worker.js') : undefined;
  if (!script) return inThread(ledgerPath);
  const { Worker } = await import('node:worker_threads');
  let worker: import('node:worker_threads').Worker;
  try {
    worker = new Worker(script, { workerData: ledgerPath });
  } catch {
    return inThread(ledgerPath);
  }
  worker.unref(); // until started: an import that stops before then does not wait for it
  const reply = new Promise<BuiltSearchIndex>((resolve, reject) => {
    worker.once('message', (m: FromSearchWorker) => (m.type === 'built' ? resolve(m.built) : reject(new Error(m.message))));
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error(tS('searchStopped'))));
  });
  reply.catch(() => undefined); // asked for only once started
  let started = false;
  return {
    threaded: true,
    start() {
      started = true;
      worker.ref();
      worker.postMessage({ type: 'start' } satisfies ToSearchWorker);
    },
    result: () => reply,
    cancel() {
      if (!started) worker.postMessage({ type: 'stop' } satisfies ToSearchWorker);
    },
  };
}

function inThread(ledgerPath: string): SearchBuild {
  return {
    threaded: false,
    start() {},
    result: async () => buildSearchIndex(ledgerPath),
    cancel() {},
  };
}
