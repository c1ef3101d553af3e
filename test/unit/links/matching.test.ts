/**
 * Issue 22 point 8: linking after an import reads each pool once and matches in memory.
 * - The windowed matcher links exactly what the per-row oracle (the code before) links, on random
 *   ledgers of cards, a checking account and a wallet imported batch by batch, and whichever order.
 * - It runs a fixed number of read statements whatever the batch holds, none of them scanning the
 *   ledger per row (the query plans), so an import costs the same per row whatever the ledger holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLedger, type Db } from '../../../src/ledger/open.js';
import { linkAfterImport, unlinkByHand } from '../../../src/app/import/transfers.js';
import { deleteBatch } from '../../../src/ledger/batches.js';
import { prng } from '../../../src/bench/gen.js';
import { HINT_PARTS, TRANSFER_HINTS } from '../../../src/ledger/links.js';
import { linkPerRow } from './per-row-oracle.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pb-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const keys = new WeakMap<Db, number>(); // dedup keys, numbered per ledger across its imports

const ACCOUNTS = [
  [1, 'Checking', 'checking', '3147', 'CMB 招商银行'],
  [2, 'Card A', 'credit', '8842', 'CMB 招商银行'],
  [3, 'Card B', 'credit', null, 'ICBC 工商银行'],
  [4, 'Alipay', 'wallet', null, null],
] as const;
const WORDS = ['信用卡还款', 'PAYMENT THANK YOU', 'payment thank you', '转账', '支付宝-美团外卖', '财付通-永辉', '星巴克', 'Coffee', '京东 充值', 'top up', 'Auto-Pay', 'PAYPAL *SHOP', '微信 零钱通', 'Wire transfer'];
const FUNDING = [null, '招商银行信用卡(8842)', '工商银行储蓄卡', '(3147)', '余额'];
const KIND_SOURCES = [null, null, null, 'import', 'rule:x', 'manual'];
const KINDS = ['expense', 'expense', 'income', 'transfer', 'refund'];

function ledger(): Db {
  const db = openLedger(path.join(dir, `l${files++}.db`));
  const add = db.prepare('INSERT INTO accounts (id, name, type, currency, number_suffix, institution, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const [id, name, type, suffix, inst] of ACCOUNTS) add.run(id, name, type, 'CNY', suffix, inst, 'x');
  return db;
}

interface Row { account: number; date: string; amount: number; currency: string; description: string; kind: string; kindSource: string | null; funding: string | null }

/** A random month: few amounts and dates, so that many rows compete for the same partners. */
function randomRows(seed: number, n: number): Row[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  return Array.from({ length: n }, () => {
    const account = 1 + Math.floor(rand() * 4);
    return {
      account, date: `2026-09-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`,
      amount: pick([-1000, 1000, -3500, 3500, -120000]), currency: rand() < 0.9 ? 'CNY' : 'USD',
      description: pick(WORDS), kind: pick(KINDS), kindSource: pick(KIND_SOURCES), funding: account === 4 ? pick(FUNDING) : null,
    };
  });
}

/** Insert the rows as one batch per account (a statement each), linking after each, as an import does. */
function importAll(db: Db, rows: readonly Row[], order: readonly number[], link: (db: Db, batches: number[]) => unknown, unlinkSome = false): void {
  const batch = db.prepare("INSERT INTO batches (file, sha256, format, rows, new, duplicates, skipped, imported_at) VALUES ('f', 's', 'csv', 0, 0, 0, 0, 'x')");
  const tx = db.prepare(
    `INSERT INTO transactions (account_id, batch_id, date, amount, currency, description, dedup_key, occurrence, kind, kind_source, funding, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, 'x')`,
  );
  let key = keys.get(db) ?? 0;
  for (const account of order) {
    db.transaction(() => {
      const b = Number(batch.run().lastInsertRowid);
      const ids = rows.filter((r) => r.account === account).map((r) => Number(tx.run(r.account, b, r.date, r.amount, r.currency, r.description, `k${key++}`, r.kind, r.kindSource, r.funding).lastInsertRowid));
      if (ids.length > 0) db.prepare('UPDATE batches SET first_id = ?, last_id = ? WHERE id = ?').run(Math.min(...ids), Math.max(...ids), b);
      link(db, [b]);
    })();
    if (unlinkSome) unlinkEveryFifth(db, account);
  }
  keys.set(db, key);
}

/** `tx unlink` of some links (old entries free again: the next batch may link them with one another only through a new one). */
function unlinkEveryFifth(db: Db, seed: number): void {
  const ids = db.prepare('SELECT id FROM transactions WHERE (transfer_peer_id IS NOT NULL OR mirror_of IS NOT NULL) AND (id * 7 + ?) % 5 = 0').pluck().all(seed) as number[];
  for (const id of ids) {
    const e = db.prepare('SELECT transfer_peer_id AS peer, mirror_of AS mirror FROM transactions WHERE id = ?').get(id) as { peer: number | null; mirror: number | null };
    if (e.peer !== null || e.mirror !== null) unlinkByHand(db, id);
  }
}

/** The links and kinds, by (account, line of the account's rows): independent of the insertion order. */
function links(db: Db): string[] {
  return db
    .prepare(
      `SELECT t.account_id || ':' || t.dedup_key || ' ' || t.kind || ' ' || ifnull(t.kind_source, '-') || ' peer ' || ifnull(p.account_id || ':' || p.dedup_key, '-')
         || ' mirror ' || ifnull(m.account_id || ':' || m.dedup_key, '-') || ' before ' || ifnull(t.kind_before_link, '-')
       FROM transactions t LEFT JOIN transactions p ON p.id = t.transfer_peer_id LEFT JOIN transactions m ON m.id = t.mirror_of ORDER BY 1`,
    )
    .pluck()
    .all() as string[];
}

describe('linking after an import', () => {
  it('tests the hint words only on descriptions holding one of their parts, and every hint holds one', () => {
    for (const hint of TRANSFER_HINTS) expect(HINT_PARTS.some((p) => hint.toUpperCase().includes(p)), hint).toBe(true);
  });

  it('links exactly what the per-row oracle links, on random ledgers in two import orders, some links undone by hand between files', () => {
    let linked = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const rows = randomRows(seed, 80);
      for (const order of [[1, 2, 3, 4], [4, 3, 2, 1]]) {
        const oracle = ledger();
        const windowed = ledger();
        importAll(oracle, rows, order, linkPerRow, seed % 2 === 0);
        importAll(windowed, rows, order, linkAfterImport, seed % 2 === 0);
        const expected = links(oracle);
        expect(links(windowed), `seed ${seed}, order ${order.join('')}`).toEqual(expected);
        linked += expected.filter((l) => !/peer - mirror -/.test(l)).length;
        oracle.close();
        windowed.close();
      }
    }
    expect(linked).toBeGreaterThan(1000); // the random ledgers do link plenty
  });

  it('finds old entries that may start a transfer through link_hints: imported before a second account existed, or taking the ids of deleted ones', () => {
    const db = openLedger(path.join(dir, `l${files++}.db`));
    db.prepare("INSERT INTO accounts (id, name, type, currency, created_at) VALUES (1, 'Checking', 'checking', 'CNY', 'x')").run();
    const row = (account: number, date: string, amount: number, description: string): Row => ({ account, date, amount, currency: 'CNY', description, kind: 'expense', kindSource: null, funding: null });
    const peers = () => db.prepare('SELECT id, transfer_peer_id AS peer FROM transactions ORDER BY id').all();
    // One account: nothing to link, link_hints left behind; the second account's import catches up.
    importAll(db, [row(1, '2026-09-05', -1000, 'coffee')], [1], linkAfterImport);
    importAll(db, [row(1, '2026-09-05', -100000, '信用卡还款')], [1], linkAfterImport);
    db.prepare("INSERT INTO accounts (id, name, type, currency, created_at) VALUES (2, 'Card', 'credit', 'CNY', 'x')").run();
    importAll(db, [row(2, '2026-09-06', 100000, 'received, thanks')], [2], linkAfterImport);
    expect(peers()).toEqual([{ id: 1, peer: null }, { id: 2, peer: 3 }, { id: 3, peer: 2 }]);
    // The last two imports undone: their ids are taken again by the next entries, which are looked at again.
    deleteBatch(db, 3);
    deleteBatch(db, 2);
    importAll(db, [row(1, '2026-09-20', -50000, '转账 to card')], [1], linkAfterImport);
    importAll(db, [row(2, '2026-09-21', 50000, 'received, thanks')], [2], linkAfterImport);
    expect(peers()).toEqual([{ id: 1, peer: null }, { id: 2, peer: 3 }, { id: 3, peer: 2 }]);
    // An old entry that becomes a transfer later (a rule, `rules apply`) is found too (the trigger).
    db.prepare("UPDATE transactions SET kind = 'transfer', kind_source = 'rule:x' WHERE id = 1").run();
    importAll(db, [row(2, '2026-09-06', 1000, 'received, thanks')], [2], linkAfterImport);
    expect(peers()).toEqual([{ id: 1, peer: 4 }, { id: 2, peer: 3 }, { id: 3, peer: 2 }, { id: 4, peer: 1 }]);
    db.close();
  });

  it('reads a fixed number of statements whatever the batch holds, none scanning the ledger per row', () => {
    const reads = (n: number): { count: number; sql: string[] } => {
      const db = ledger();
      const rows = randomRows(7, n);
      importAll(db, rows.filter((r) => r.account !== 2), [1, 3, 4], linkAfterImport);
      const sql: string[] = [];
      const prepare = db.prepare.bind(db);
      let count = 0;
      db.prepare = ((source: string) => {
        const stmt = prepare(source);
        if (!stmt.reader) return stmt;
        sql.push(source);
        for (const m of ['all', 'get', 'iterate'] as const) {
          const run = stmt[m].bind(stmt) as (...a: unknown[]) => unknown;
          (stmt as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => (count++, run(...a));
        }
        return stmt;
      }) as typeof db.prepare;
      importAll(db, rows.filter((r) => r.account === 2).map((r) => ({ ...r, description: 'PAYMENT THANK YOU 支付宝' })), [2], linkAfterImport);
      db.prepare = prepare;
      // Each statement's plan: the ledger is walked once (by date or whole), every other look-up uses an index.
      for (const s of sql) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${s}`).all(...Array.from({ length: (s.match(/\?/g) ?? []).length }, () => null)) as { detail: string }[]).map((p) => p.detail);
        expect(plan.filter((d) => /^SCAN (t|transactions)\b/.test(d) || /^SEARCH t USING INDEX tx_date/.test(d)).length, `${s}\n${plan.join('\n')}`).toBeLessThanOrEqual(1);
        expect(plan.filter((d) => /^SCAN m\b/.test(d)), plan.join('\n')).toEqual([]);
      }
      db.close();
      return { count, sql };
    };
    const small = reads(40);
    const big = reads(4000);
    expect(big.count).toBe(small.count);
    expect(big.count).toBeLessThanOrEqual(9);
  });
});
