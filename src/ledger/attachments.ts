/** Attachment records (the files themselves live in the content-addressed store; see app/attachments). */
import type { Db } from './open.js';
import { notFound } from '../core/errors.js';
import { requireTx } from './notes.js';
import { tErrorsLedger as tL } from '../core/messages/errors-ledger.js';

export interface AttachmentRow {
  id: number;
  tx_id: number;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  added_at: string;
}

const COLS = 'id, tx_id, sha256, name, mime, size, added_at';

export function addAttachment(db: Db, row: Omit<AttachmentRow, 'id'>): AttachmentRow {
  requireTx(db, row.tx_id);
  const info = db
    .prepare('INSERT INTO attachments (tx_id, sha256, name, mime, size, added_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(row.tx_id, row.sha256, row.name, row.mime, row.size, row.added_at);
  return { id: Number(info.lastInsertRowid), ...row };
}

export function attachmentsOf(db: Db, txId: number): AttachmentRow[] {
  return db.prepare(`SELECT ${COLS} FROM attachments WHERE tx_id = ? ORDER BY id`).all(txId) as AttachmentRow[];
}

export function requireAttachment(db: Db, txId: number, attId: number): AttachmentRow {
  requireTx(db, txId);
  const row = db.prepare(`SELECT ${COLS} FROM attachments WHERE id = ? AND tx_id = ?`).get(attId, txId) as AttachmentRow | undefined;
  if (!row) throw notFound(tL('noAttachment', { tx: txId, id: attId }), tL('seeAttachments', { tx: txId }));
  return row;
}

/** Delete the record; returns how many records still refer to the same content. */
export function deleteAttachment(db: Db, attId: number, sha256: string): number {
  db.prepare('DELETE FROM attachments WHERE id = ?').run(attId);
  return db.prepare('SELECT count(*) FROM attachments WHERE sha256 = ?').pluck().get(sha256) as number;
}

/** Whether any record refers to this content. */
export function isReferenced(db: Db, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1').get(sha256) !== undefined;
}

/** Every content hash some record refers to. */
export function referencedHashes(db: Db): Set<string> {
  return new Set(db.prepare('SELECT DISTINCT sha256 FROM attachments').pluck().all() as string[]);
}
