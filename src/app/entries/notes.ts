/** Use cases for notes and tags on entries. */
import type { Context } from '../../core/context.js';
import { usageError } from '../../core/errors.js';
import { addNote, deleteNote, editNote, type NoteRow } from '../../ledger/notes.js';
import { addTags, removeTags, tagCounts, tagsOf, type TagCount } from '../../ledger/tags.js';
import { withLedger as withDb } from '../with-ledger.js';
import { tAnnotate as say } from '../../core/messages/cli-annotate.js';

export { withDb };

/** A positive whole number typed as an id, else a usage error naming what it is. */
export function parseId(text: string, what: 'entry' | 'note' | 'attachment' = 'entry'): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) <= 0) {
    throw usageError(say('notAnId', { value: text, what: say(what === 'note' ? 'noteId' : what === 'attachment' ? 'attachmentId' : 'entryId') }), say('idsAreNumbers'));
  }
  return Number(text);
}

export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface NoteOptions {
  edit?: string;
  delete?: string;
}

export type NoteOutcome = { action: 'added' | 'edited' | 'deleted'; note: NoteRow };

/** `tx note ID TEXT`, `--edit NOTE_ID TEXT`, `--delete NOTE_ID`. */
export function noteUseCase(ctx: Context, idText: string, text: string | undefined, o: NoteOptions): NoteOutcome {
  const txId = parseId(idText);
  if (o.edit !== undefined && o.delete !== undefined) throw usageError(say('editOrDelete'));
  return withDb(ctx, (db) => {
    if (o.delete !== undefined) {
      if (text !== undefined) throw usageError(say('deleteNoText'));
      return { action: 'deleted', note: deleteNote(db, txId, parseId(o.delete, 'note')) };
    }
    if (text === undefined) throw usageError(say('giveText'), say('noteExample', { id: txId }));
    if (o.edit !== undefined) return { action: 'edited', note: editNote(db, txId, parseId(o.edit, 'note'), text, nowIso()) };
    return { action: 'added', note: addNote(db, txId, text, nowIso()) };
  });
}

export interface TagOutcome {
  id: number;
  changed: string[];
  tags: string[];
}

export function tagUseCase(ctx: Context, idText: string, tags: string[], remove: boolean): TagOutcome {
  const txId = parseId(idText);
  if (tags.length === 0) throw usageError(say('giveTag'));
  return withDb(ctx, (db) => {
    const changed = remove ? removeTags(db, txId, tags) : addTags(db, txId, tags);
    return { id: txId, changed, tags: tagsOf(db, txId) };
  });
}

export function listTags(ctx: Context): TagCount[] {
  return withDb(ctx, (db) => tagCounts(db));
}
