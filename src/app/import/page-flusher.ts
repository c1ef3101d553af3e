/**
 * A big import writes every new page twice: into the WAL, and from there into the ledger file at
 * the checkpoint after COMMIT, which also waits for both to reach the disk. For a million entries
 * that is about a gigabyte, left dirty in memory by the kernel until then: some 4 s at the end,
 * with the CPU idle. So a helper thread (workers/page-flusher-worker.ts) takes the disk work off
 * the import's critical path:
 *
 * - while the import runs, it has the kernel write the WAL out (fdatasync) every 200 ms, when
 *   the disk would otherwise sit idle behind the CPU-bound parsing and inserting;
 * - after COMMIT, it copies the committed pages into the ledger file on its own connection (a
 *   PASSIVE checkpoint: it never blocks the writer) while this thread builds the indexes.
 *
 * The import's connection holds its automatic checkpoint off meanwhile (ImportTransaction.usePageFlusher),
 * or it would do the same copy itself, on this thread, at COMMIT. Neither step changes what is
 * committed or when: syncing early only moves when the bytes reach the disk.
 */
import type { CheckpointResult, PageFlusher } from '../../ledger/import-transaction.js';
import { workerScript } from '../workers/threads.js';
import { speedOn } from '../../core/speed.js';

export type ToPageFlusher = { type: 'copy-committed' } | { type: 'stop' };

export interface PageFlusherData {
  ledgerPath: string;
}

/**
 * Start the helper for a big import into the ledger at `ledgerPath`. Undefined when no compiled
 * worker is at hand (running from the TypeScript sources): the import then does without.
 */
export async function startPageFlusher(ledgerPath: string): Promise<PageFlusher | undefined> {
  if (!speedOn('page-flusher')) return undefined;
  const script = workerScript('page-flusher-worker.js');
  if (!script) return undefined;
  const { Worker } = await import('node:worker_threads');
  // The helper only saves time: whatever happens to it, the import goes on without it.
  let worker: import('node:worker_threads').Worker;
  try {
    worker = new Worker(script, { workerData: { ledgerPath } satisfies PageFlusherData });
  } catch {
    return undefined;
  }
  const result = new Promise<CheckpointResult | undefined>((resolve) => {
    worker.once('message', (r: CheckpointResult) => resolve(r));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  let copying = false;
  let finished: Promise<CheckpointResult | undefined> | undefined;
  return {
    copyCommitted() {
      copying = true;
      worker.postMessage({ type: 'copy-committed' } satisfies ToPageFlusher);
    },
    finish() {
      finished ??= (async () => {
        if (!copying) worker.postMessage({ type: 'stop' } satisfies ToPageFlusher);
        const copied = await result;
        return copying ? copied : undefined;
      })();
      return finished;
    },
  };
}
