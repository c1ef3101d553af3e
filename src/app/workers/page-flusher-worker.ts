/**
 * The page flusher of a big import (see page-flusher.ts): until the import commits, it has the
 * kernel write the WAL to disk every WAL_FLUSH_MS, while the importing thread is busy with the
 * CPU; once told the import committed, it copies the committed frames into the ledger file on its
 * own connection (a PASSIVE checkpoint) and says how far it got.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { openLedger } from '../../ledger/open.js';
import { type CheckpointResult, copyCommittedPages } from '../../ledger/import-transaction.js';
import type { PageFlusherData, ToPageFlusher } from '../import/page-flusher.js';

const WAL_FLUSH_MS = 200;
const { ledgerPath } = workerData as PageFlusherData;

let fd: number | undefined;
const flush = () => {
  try {
    fd ??= fs.openSync(`${ledgerPath}-wal`, 'r+');
    fs.fdatasyncSync(fd);
  } catch {
    // No WAL yet, or it cannot be synced from here: the checkpoint syncs it anyway.
  }
};
const timer = setInterval(flush, WAL_FLUSH_MS);

parentPort!.once('message', (m: ToPageFlusher) => {
  clearInterval(timer);
  if (fd !== undefined) fs.closeSync(fd);
  if (m.type !== 'copy-committed') return;
  const db = openLedger(ledgerPath);
  try {
    parentPort!.postMessage(copyCommittedPages(db) satisfies CheckpointResult);
  } finally {
    db.close();
  }
});
