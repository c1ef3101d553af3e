/**
 * Migration 21 (issue 26 points 1 and 7): accounts get a due day. A ledger made with migrations
 * 1–20 as shipped keeps its accounts and their statement days; due_day is NULL until `account
 * edit --due-day`, and only days 1–31 are accepted.
 */
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/ledger/migrations/index.js';
import { openLedger } from '../../src/ledger/open.js';
import { findAccountByName, updateAccount } from '../../src/ledger/accounts.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-due-day-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration 21: due day', () => {
  it('an existing card keeps its fields, gains due_day NULL, and takes a due day 1–31 only', () => {
    const file = path.join(dir, 'v20.db');
    const raw = new BetterSqlite3(file);
    for (const m of MIGRATIONS.filter((m) => m.version <= 20)) {
      if (m.sql) raw.exec(m.sql);
      m.up?.(raw);
    }
    raw.pragma('user_version = 20');
    raw.prepare(`INSERT INTO accounts (id, name, type, currency, number_suffix, credit_limit, statement_day, created_at)
                 VALUES (1, 'CMB Card', 'credit', 'CNY', '8842', 5000000, 5, '2026-01-01T00:00:00Z')`).run();
    raw.close();

    const db = openLedger(file, { onBackup: () => {} });
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(21);
      expect(findAccountByName(db, 'CMB Card')).toMatchObject({ numberSuffix: '8842', creditLimit: 5000000, statementDay: 5, dueDay: null });
      updateAccount(db, 1, { dueDay: 23 });
      expect(findAccountByName(db, 'CMB Card')?.dueDay).toBe(23);
      expect(() => db.prepare('UPDATE accounts SET due_day = 32 WHERE id = 1').run()).toThrow(/CHECK/);
      expect(() => db.prepare('UPDATE accounts SET due_day = 0 WHERE id = 1').run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
