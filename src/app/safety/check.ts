/**
 * `pocketbook check [PATH]`: verify a ledger (SQLite integrity_check, schema version), its
 * attachment store (every stored file hashes to its name, every record has its file) or a backup
 * folder (its manifest: every file present with the right hash, the ledger copy intact). Read-only:
 * it creates nothing, not even SQLite's -wal/-shm files (see openForCheck).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../ledger/open.js';
import { LATEST_VERSION } from '../../ledger/migrations/index.js';
import { integrityProblem, openForCheck, schemaVersion, storedAttachments } from '../../ledger/integrity.js';
import { hashFile, storedName } from '../entries/attachment-store.js';
import { attachmentStore, storedPath } from '../entries/attachments.js';
import { tAppSafety as tS } from '../../core/messages/app-safety.js';

export interface Problem {
  what: 'ledger' | 'attachment' | 'backup';
  path: string;
  problem: string;
}

export interface CheckResult {
  ok: boolean;
  /** What PATH was taken to be. */
  kind: 'ledger' | 'backup' | 'missing';
  path: string;
  problems: Problem[];
}

export { integrityProblem, openForCheck };

export const MANIFEST = 'manifest.json';

export interface Manifest {
  format: 'pocketbook-backup';
  created_at: string;
  schema_version: number;
  ledger: { file: string; sha256: string; size: number };
  attachments: { file: string; sha256: string; size: number }[];
}

function checkLedger(file: string): Problem[] {
  const problems: Problem[] = [];
  const add = (what: Problem['what'], p: string, problem: string) => problems.push({ what, path: p, problem });
  let db: Db;
  try {
    db = openForCheck(file);
  } catch (err) {
    add('ledger', file, tS('cannotRead', { why: (err as { code?: string }).code ?? (err as Error).message }));
    return problems;
  }
  try {
    const bad = integrityProblem(file, db);
    if (bad) {
      add('ledger', file, bad);
      return problems;
    }
    const version = schemaVersion(db);
    if (version === 0) add('ledger', file, tS('notLedgerV0'));
    else if (version > LATEST_VERSION) add('ledger', file, tS('newer', { version, latest: LATEST_VERSION }));
    const rows = storedAttachments(db);
    const store = attachmentStore(file);
    for (const row of rows) {
      const found = storedPath(store, row.sha256, row.name);
      if (!found.exists) add('attachment', found.file, tS('missingCopy', { name: row.name }));
    }
    problems.push(...checkStore(store));
  } finally {
    db.close();
  }
  return problems;
}

/** Every stored file in an attachment store hashes to its name (temp files are not stored files). */
function checkStore(store: string): Problem[] {
  const problems: Problem[] = [];
  if (!fs.existsSync(store)) return problems;
  for (const sub of fs.readdirSync(store, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    for (const f of fs.readdirSync(path.join(store, sub.name), { withFileTypes: true })) {
      const sha = storedName(f.name);
      const file = path.join(store, sub.name, f.name);
      if (!sha || !f.isFile()) continue;
      if (hashFile(file) !== sha) problems.push({ what: 'attachment', path: file, problem: tS('hashMismatch') });
    }
  }
  return problems;
}

function checkBackup(dir: string): Problem[] {
  const problems: Problem[] = [];
  const add = (p: string, problem: string) => problems.push({ what: 'backup', path: p, problem });
  const manifestFile = path.join(dir, MANIFEST);
  let m: Manifest;
  try {
    m = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    if (m.format !== 'pocketbook-backup' || !m.ledger || !Array.isArray(m.attachments)) throw new Error('not a manifest');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    add(manifestFile, missing ? tS('manifestMissing') : tS('notManifest'));
    return problems;
  }
  const inside = (rel: string) => {
    const p = path.resolve(dir, rel);
    return p.startsWith(path.resolve(dir) + path.sep) ? p : undefined;
  };
  for (const entry of [m.ledger, ...m.attachments]) {
    const p = inside(String(entry.file));
    if (!p) {
      add(String(entry.file), tS('outsideBackup'));
      continue;
    }
    if (!fs.existsSync(p)) add(p, tS('missing'));
    else if (hashFile(p) !== entry.sha256) add(p, tS('changed'));
  }
  const ledger = inside(String(m.ledger.file));
  if (ledger && fs.existsSync(ledger)) {
    const bad = integrityProblem(ledger);
    if (bad) add(ledger, bad);
  }
  return problems;
}

const KIND_LABELS = { ledger: 'kindLedger', backup: 'kindBackup', attachment: 'kindAttachment' } as const;

/** A problem's kind (`ledger`, `backup`, `attachment`: the JSON's values) in the reader's words. */
export function kindLabel(kind: string): string {
  const key = KIND_LABELS[kind as keyof typeof KIND_LABELS];
  return key ? tS(key) : kind;
}

/** Check PATH: a backup folder (it holds manifest.json, or is a folder) or a ledger file. */
export function check(target: string): CheckResult {
  const p = path.resolve(target);
  if (!fs.existsSync(p)) {
    return { ok: false, kind: 'missing', path: p, problems: [{ what: 'ledger', path: p, problem: tS('nothingThere') }] };
  }
  const kind = fs.statSync(p).isDirectory() ? 'backup' : 'ledger';
  const problems = kind === 'backup' ? checkBackup(p) : checkLedger(p);
  return { ok: problems.length === 0, kind, path: p, problems };
}
