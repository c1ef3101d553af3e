/**
 * A big import into a small ledger writes its transaction with a rollback journal when nothing
 * else has the ledger open (open.ts leaveWal), and the ledger is in WAL mode again afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backToWal, leaveWal, openLedger } from '../../../src/ledger/open.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function ledgerFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pb-direct-'));
  dirs.push(dir);
  return path.join(dir, 'l.db');
}

const mode = (db: BetterSqlite3.Database) => [db.pragma('journal_mode', { simple: true }), db.pragma('synchronous', { simple: true })];

describe('leaving the WAL for one big transaction', () => {
  it('switches to a rollback journal with full syncs, and back to WAL with normal ones', () => {
    const db = openLedger(ledgerFile());
    expect(mode(db)).toEqual(['wal', 1]);
    expect(leaveWal(db)).toBe(true);
    expect(mode(db)).toEqual(['delete', 2]);
    db.exec("BEGIN IMMEDIATE; INSERT INTO meta (key, value) VALUES ('x', 'y'); COMMIT");
    expect(backToWal(db)).toBe(true);
    expect(mode(db)).toEqual(['wal', 1]);
    db.close();
  });

  it('does not, at once, while another connection has the ledger open, nor inside a transaction, nor twice', () => {
    const file = ledgerFile();
    const db = openLedger(file);
    const other = new BetterSqlite3(file, { readonly: true });
    other.prepare('SELECT count(*) FROM meta').get();
    const started = performance.now();
    expect(leaveWal(db)).toBe(false);
    expect(performance.now() - started).toBeLessThan(5_000); // not the 15 s busy timeout
    expect(mode(db)).toEqual(['wal', 1]);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(15000);
    other.close();
    db.exec('BEGIN');
    expect(leaveWal(db)).toBe(false);
    db.exec('COMMIT');
    expect(leaveWal(db)).toBe(true);
    expect(leaveWal(db)).toBe(false); // already out of WAL mode
    expect(backToWal(db)).toBe(true);
    db.close();
  });

  it('a connection that opens the ledger meanwhile waits, then finds it in WAL mode again', () => {
    const file = ledgerFile();
    const db = openLedger(file);
    expect(leaveWal(db)).toBe(true);
    db.pragma('cache_size = -1024');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO meta (key, value) VALUES ('big', ?)").run('x'.repeat(10_000_000)); // more than the page cache: written out
    const other = new BetterSqlite3(file, { readonly: true });
    other.pragma('busy_timeout = 0');
    expect(() => other.prepare('SELECT count(*) FROM meta').get()).toThrow(/locked|busy/i);
    db.exec('COMMIT');
    expect(backToWal(db)).toBe(true);
    expect(other.prepare("SELECT length(value) FROM meta WHERE key = 'big'").pluck().get()).toBe(10_000_000);
    other.close();
    db.close();
    const again = openLedger(file);
    expect(mode(again)).toEqual(['wal', 1]);
    again.close();
  });
});
