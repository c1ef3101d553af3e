/**
 * A big import writes every new page twice: into the WAL, and from there into the ledger file at
 * the checkpoint after COMMIT, which also waits for both to reach the disk. For a million entries
 * that is about a gigabyte, left dirty in memory by the kernel until then: some 4 s at the end,
 * with the CPU idle. So a helper thread takes the disk work off the import's critical path:
 *
 * - while the import runs, it has the kernel write the WAL out (fdatasync) every 200 ms, when
 *   the disk would otherwise sit idle behind the CPU-bound parsing and inserting;
 * - after COMMIT, it copies the committed pages into the ledger file on its own connection (a
 *   PASSIVE checkpoint: it never blocks the writer) while this thread builds the search index.
 *
 * This connection's automatic checkpoint is held off meanwhile, or it would do the same copy
 * itself, on this thread, at COMMIT. Neither step changes what is committed or when: syncing
 * early only moves when the bytes reach the disk.
 */
import type { Db } from '../../ledger/open.js';
import { workerScript } from '../workers/threads.js';

export interface CheckpointResult {
  /** Frames in the WAL, and how many of them are in the ledger file now. */
  frames: number;
  copied: number;
}

export type ToWalHelper = { type: 'checkpoint' } | { type: 'stop' };

export interface WalWorkerData {
  ledgerPath: string;
}

export interface WalHelper {
  /** The import committed: copy what is committed into the ledger file (the helper then ends). */
  checkpoint(): void;
  /**
   * Wait for the copy (undefined when it did not run or failed: this connection's next
   * checkpoint does it then), and give the connection its automatic checkpoint back.
   */
  finish(): Promise<CheckpointResult | undefined>;
}

/**
 * Start the helper for a big import into `db` (call inside its transaction). Undefined when no
 * compiled worker is at hand (running from the TypeScript sources): the import then does without.
 */
export async function walHelper(db: Db, ledgerPath: string): Promise<WalHelper | undefined> {
  const script = workerScript('wal-worker.js');
  if (!script) return undefined;
  const { Worker } = await import('node:worker_threads');
  // The helper only saves time: whatever happens to it, the import goes on without it.
  let worker: import('node:worker_threads').Worker;
  try {
    worker = new Worker(script, { workerData: { ledgerPath } satisfies WalWorkerData });
  } catch {
    return undefined;
  }
  const result = new Promise<CheckpointResult | undefined>((resolve) => {
    worker.once('message', (r: CheckpointResult) => resolve(r));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  const pages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  let copying = false;
  let finished: Promise<CheckpointResult | undefined> | undefined;
  return {
    checkpoint() {
      copying = true;
      worker.postMessage({ type: 'checkpoint' } satisfies ToWalHelper);
    },
    finish() {
      finished ??= (async () => {
        if (!copying) worker.postMessage({ type: 'stop' } satisfies ToWalHelper);
        try {
          const copied = await result;
          return copying ? copied : undefined;
        } finally {
          db.pragma(`wal_autocheckpoint = ${pages}`);
        }
      })();
      return finished;
    },
  };
}
