/**
 * Reading a ledger file to check it (`pocketbook check`, backups): opened without creating
 * anything beside it, SQLite's integrity check, its schema version, the attachments it records.
 */
import type { Db } from './open.js';
import { openWithoutCreating } from './read-only.js';
import { tErrorsLedger as tL } from '../core/messages/errors-ledger.js';

/** Open a ledger file for reading without creating anything beside it (read-only.ts). */
export function openForCheck(file: string): Db {
  return openWithoutCreating(file);
}

/** integrity_check of a ledger file: undefined when intact, else the first thing SQLite found. */
export function integrityProblem(file: string, db?: Db): string | undefined {
  let own: Db | undefined;
  try {
    const conn = db ?? (own = openForCheck(file));
    const rows = (conn.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[])
      .flatMap((r) => r.integrity_check.split('\n'))
      .filter((line) => line.trim() !== '' && !line.startsWith('*** in database'));
    const first = rows[0] ?? tL('integrityNoAnswer');
    return first === 'ok' ? undefined : tL('integrityFails', { first }) + (rows.length > 1 ? tL('integrityMore', { n: rows.length - 1 }) : '');
  } catch (err) {
    const code = (err as { code?: string }).code ?? (err as Error).message;
    return code === 'SQLITE_NOTADB' ? tL('integrityNotDb') : tL('integrityUnreadable', { why: code });
  } finally {
    own?.close();
  }
}

/** The ledger's schema version (PRAGMA user_version). */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Each stored attachment file once (by hash), with a name it was attached under; none when the ledger has no attachments table. */
export function storedAttachments(db: Db): { sha256: string; name: string }[] {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachments'").get() !== undefined;
  return hasTable ? (db.prepare('SELECT sha256, min(name) AS name FROM attachments GROUP BY sha256').all() as { sha256: string; name: string }[]) : [];
}
