/** Notes on entries: several per entry, each with its time; edit and delete. */
import type { Db } from './open.js';
import { PocketbookError, notFound } from '../core/errors.js';
import { tErrorsLedger as tL } from '../core/messages/errors-ledger.js';

export interface NoteRow {
  id: number;
  tx_id: number;
  text: string;
  created_at: string;
  updated_at: string;
}

/** The entry id, or NOT_FOUND. */
export function requireTx(db: Db, txId: number): number {
  const found = db.prepare('SELECT id FROM transactions WHERE id = ?').pluck().get(txId) as number | undefined;
  if (found === undefined) throw notFound(tL('noEntry', { id: txId }), tL('findIds'));
  return found;
}

function cleanText(text: string): string {
  const t = text.trim();
  if (t === '') throw new PocketbookError('BAD_INPUT', tL('noteEmpty'));
  return t;
}

export function addNote(db: Db, txId: number, text: string, now: string): NoteRow {
  requireTx(db, txId);
  const body = cleanText(text);
  const info = db.prepare('INSERT INTO notes (tx_id, text, created_at, updated_at) VALUES (?, ?, ?, ?)').run(txId, body, now, now);
  return { id: Number(info.lastInsertRowid), tx_id: txId, text: body, created_at: now, updated_at: now };
}

function requireNote(db: Db, txId: number, noteId: number): NoteRow {
  requireTx(db, txId);
  const row = db.prepare('SELECT id, tx_id, text, created_at, updated_at FROM notes WHERE id = ? AND tx_id = ?').get(noteId, txId) as NoteRow | undefined;
  if (!row) throw notFound(tL('noNote', { tx: txId, id: noteId }), tL('seeNotes', { tx: txId }));
  return row;
}

export function editNote(db: Db, txId: number, noteId: number, text: string, now: string): NoteRow {
  const row = requireNote(db, txId, noteId);
  const body = cleanText(text);
  db.prepare('UPDATE notes SET text = ?, updated_at = ? WHERE id = ?').run(body, now, noteId);
  return { ...row, text: body, updated_at: now };
}

export function deleteNote(db: Db, txId: number, noteId: number): NoteRow {
  const row = requireNote(db, txId, noteId);
  db.prepare('DELETE FROM notes WHERE id = ?').run(noteId);
  return row;
}

export function listNotes(db: Db, txId: number): NoteRow[] {
  return db.prepare('SELECT id, tx_id, text, created_at, updated_at FROM notes WHERE tx_id = ? ORDER BY id').all(txId) as NoteRow[];
}
