/**
 * The WAL's helper during a big import (see walHelper): until the import commits, it has the
 * kernel write the WAL to disk every WAL_FLUSH_MS,
 * while the importing thread is busy with the CPU; once told the import committed, it copies the
 * committed frames into the ledger file on its own connection (a PASSIVE checkpoint) and says how
 * far it got.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { openLedger } from '../../ledger/open.js';
import type { CheckpointResult, ToWalHelper, WalWorkerData } from '../import/wal-helper.js';

const WAL_FLUSH_MS = 200;
const { ledgerPath } = workerData as WalWorkerData;

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

parentPort!.once('message', (m: ToWalHelper) => {
  clearInterval(timer);
  if (fd !== undefined) fs.closeSync(fd);
  if (m.type !== 'checkpoint') return;
  const db = openLedger(ledgerPath);
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
    parentPort!.postMessage({ frames: row!.log, copied: row!.checkpointed } satisfies CheckpointResult);
  } finally {
    db.close();
  }
});
