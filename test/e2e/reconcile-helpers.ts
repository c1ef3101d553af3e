/** Shared by the balance and reconciliation e2e tests: fixtures, the JSON shape, thread switches, counts. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { REPO_ROOT } from './helpers.js';

export const fixture = (name: string): string => path.join(REPO_ROOT, 'test', 'fixtures', 'balances', name);

/** `import --json`'s reconciliation of one file. */
export interface Rec {
  status: string;
  checkpoints: number;
  first_mismatch: { date: string; expected: string; actual: string; difference: string; from: string | null } | null;
}

/** POCKETBOOK_THREADS_MIN_BYTES that keeps a file on the main thread, or sends it to the reading thread. */
export const THREADS = { main: '1000000000', worker: '1' } as const;

/** One number from a read-only look at a ledger. */
export function countIn(ledger: string, sql: string): number {
  const db = new Database(ledger, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}
