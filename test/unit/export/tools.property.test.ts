/**
 * Property: whatever the user named things (accounts, categories, tags, notes, descriptions in any
 * script, with the characters the journal formats reserve), hledger and ledger-cli accept the
 * ledger export (`check accounts commodities`, `--pedantic`) and bean-check the beancount export.
 * Random balance checkpoints consistent with the entries (an opening balance plus the entries up to
 * each day; same-day duplicates, 'available' figures that are no balance) become assertions that
 * all three tools check and accept.
 * Locally skipped without the tools; in CI (CI=true) a missing tool fails it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Context } from '../../../src/core/context.js';
import { exportLedger } from '../../../src/app/export/export.js';
import { openLedger } from '../../../src/ledger/open.js';
import { requireTools, runWith, tool } from '../../e2e/export-tools.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const nasty = fc.constantFrom('支付宝', 'Cash (old)', 'Cash old', 'a;b', '[1] x', ' :a:b: ', '"q" \\', 'x\ny', '#tag', '(code) x', 'Income', 'x  y', 'é', '🐷 piggy', '-', 'a:b', '=1+1', '[=2026-01-01]', 'note: with, commas', 'a\tb', 'c\rd', 'bell\u0007', 'x\r\ny', 'back\\slash');
const name = fc.oneof(nasty, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }));
const tagArb = fc.oneof(fc.constantFrom('出差', 'a', 'b', ':x:', '[1]', 'a,b', 'key:value'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 })).map((t) => t.replace(/\s/g, '') || 'x');

const DAY = { from: '2026-09-30', to: '2026-09-30' };
const CHECKPOINT_DAYS = ['2026-09-01', '2026-09-03', '2026-09-05', '2026-09-09', '2026-09-30', '2026-10-01', '2026-10-02'];
const checkpointArb = fc.record({ acct: fc.nat(), day: fc.constantFrom(...CHECKPOINT_DAYS), kind: fc.constantFrom('ledger', 'closing', 'opening', 'running', 'manual', 'available'), stale: fc.boolean() });

const ctxFor = (ledgerPath: string): Context => ({
  ledgerPath, today: '2026-11-15', settings: { currency: 'CNY', locale: 'en', color: false }, io: { out: () => {}, err: () => {} }, interactive: false, debug: false,
});

describe('journal exports of any names pass the real tools (property)', () => {
  it('hledger check, ledger --pedantic and bean-check accept them', { skip: !runWith('hledger', 'ledger', 'bean-check'), timeout: 600_000 }, async () => {
    requireTools('hledger', 'ledger', 'bean-check');
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(name, { minLength: 2, maxLength: 4, selector: (n) => n.trim().toLowerCase() }).filter((ns) => ns.every((n) => n.trim() !== '')),
        fc.array(name, { minLength: 1, maxLength: 3 }),
        fc.array(fc.record({ text: name, tags: fc.uniqueArray(tagArb, { maxLength: 3 }), notes: fc.array(name, { maxLength: 2 }), cat: fc.nat(), acct: fc.nat(), kind: fc.constantFrom('expense', 'income', 'refund', 'transfer') }), { minLength: 1, maxLength: 5 }),
        fc.array(checkpointArb, { maxLength: 6 }),
        fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 5, maxLength: 5 }),
        async (accounts, categories, entries, checkpoints, openings) => {
          const dir = mkdtempSync(path.join(tmpdir(), 'pb-exp-tools-'));
          dirs.push(dir);
          const file = path.join(dir, 'l.db');
          const db = openLedger(file);
          const accountIds = accounts.map((n, i) =>
            Number(db.prepare("INSERT INTO accounts (name, type, currency, institution, created_at) VALUES (?, ?, 'CNY', ?, '2026-01-01')").run(n.trim(), i % 2 ? 'credit' : 'wallet', i % 3 ? null : n).lastInsertRowid),
          );
          const categoryIds: number[] = [];
          const top = Number(db.prepare("INSERT INTO categories (parent_id, name_en, name_zh, kind) VALUES (NULL, ?, ?, 'expense')").run(`${categories[0]} top`, `${categories[0]} 顶`).lastInsertRowid);
          categories.forEach((c, i) => categoryIds.push(Number(db.prepare("INSERT INTO categories (parent_id, name_en, name_zh, kind) VALUES (?, ?, ?, 'expense')").run(top, `${c}${i}`, `${c}${i}`).lastInsertRowid)));
          entries.forEach((e, i) => {
            const id = Number(
              db.prepare("INSERT INTO transactions (account_id, date, amount, currency, description, dedup_key, occurrence, merchant, category_id, kind, created_at) VALUES (?, '2026-09-0' || ?, ?, 'CNY', ?, ?, 1, ?, ?, ?, '2026-01-01')")
                .run(accountIds[e.acct % accountIds.length], String(1 + (i % 9)), i % 2 ? 1234 : -5678, e.text, `k${i}`, e.text, categoryIds[e.cat % categoryIds.length], e.kind).lastInsertRowid,
            );
            for (const g of e.tags) db.prepare('INSERT INTO tags (tx_id, tag) VALUES (?, ?)').run(id, g);
            for (const n of e.notes) db.prepare("INSERT INTO notes (tx_id, text, created_at, updated_at) VALUES (?, ?, '', '')").run(id, n);
          });
          // A forced link across currencies: a CNY leg and a USD leg of other amounts.
          const usd = Number(db.prepare("INSERT INTO accounts (name, type, currency, created_at) VALUES ('USD card', 'credit', 'USD', '2026-01-01')").run().lastInsertRowid);
          // The later leg (higher id) is dated first: an export of its day alone names CNY only through it.
          const legs = [[accountIds[0], '2026-10-01', -70_000, 'CNY'], [usd, '2026-09-30', 9_900, 'USD']].map(([acct, date, amount, cur], i) =>
            Number(db.prepare("INSERT INTO transactions (account_id, date, amount, currency, description, dedup_key, occurrence, kind, created_at) VALUES (?, ?, ?, ?, 'move', ?, 1, 'transfer', '')").run(acct, date, amount, cur, `leg${i}`).lastInsertRowid),
          );
          db.prepare('UPDATE transactions SET transfer_peer_id = ? WHERE id = ?').run(legs[1], legs[0]);
          db.prepare('UPDATE transactions SET transfer_peer_id = ? WHERE id = ?').run(legs[0], legs[1]);
          const booked = seedCheckpoints(db, [...accountIds, usd], checkpoints, openings);
          db.close();
          for (const [format, range] of [['ledger', {}], ['beancount', {}], ['ledger', DAY], ['beancount', DAY]] as const) {
            let text = '';
            await exportLedger(ctxFor(file), { format, ...range }, (c) => void (text += c));
            const out = path.join(dir, `x.${format}`);
            writeFileSync(out, text);
            if (format === 'ledger') {
              expect(tool('hledger', ['-f', out, 'check', 'accounts', 'commodities']), text).toEqual({ code: 0, out: '' });
              const pedantic = tool('ledger', ['-f', out, '--pedantic', 'balance']);
              expect(pedantic.code, `${pedantic.out}\n${text}`).toBe(0);
              const printed = tool('hledger', ['-f', out, 'print', '-O', 'json']);
              const txs = JSON.parse(printed.out) as { tcomment: string }[];
              expect(txs.filter((t) => t.tcomment.includes('pocketbook-id'))).toHaveLength(range === DAY ? 1 : entries.length + 2);
              expect(text.match(/ 0 [A-Z]{3} = /g) ?? []).toHaveLength(range === DAY ? booked.filter((d) => d === DAY.from).length : booked.length);
            } else {
              expect(tool('bean-check', [out]), text).toEqual({ code: 0, out: '' });
            }
          }
        },
      ),
      { numRuns: Number(process.env.PB_PROPERTY_RUNS ?? 12) },
    );
  });
});

/**
 * Checkpoints that the entries meet: per account an opening balance, then at each chosen day that
 * balance plus the account's entries up to it (a same-day figure recorded earlier is wrong and must
 * lose to the later one; an 'available' figure is never a balance). Returns the day of each booked
 * (account, day) pair: one assertion each.
 */
function seedCheckpoints(db: ReturnType<typeof openLedger>, accountIds: number[], picks: { acct: number; day: string; kind: string; stale: boolean }[], openings: number[]): string[] {
  const add = db.prepare("INSERT INTO balance_checkpoints (account_id, date, amount, currency, source, kind, created_at) VALUES (?, ?, ?, ?, 'statement', ?, '')");
  const booked = new Set<string>();
  const days: string[] = [];
  for (const p of picks) {
    const account = accountIds[p.acct % accountIds.length]!;
    const currency = db.prepare('SELECT currency FROM accounts WHERE id = ?').pluck().get(account) as string;
    const sum = db.prepare('SELECT coalesce(sum(amount), 0) FROM transactions WHERE account_id = ? AND currency = ? AND date <= ?').pluck().get(account, currency, p.day) as number;
    const balance = (openings[account % openings.length] ?? 0) + sum;
    if (p.kind === 'available') {
      add.run(account, p.day, balance + 777, currency, 'available');
      continue;
    }
    if (p.stale) add.run(account, p.day, balance - 1, currency, p.kind);
    add.run(account, p.day, balance, currency, p.kind);
    if (!booked.has(`${account}|${p.day}`)) days.push(p.day);
    booked.add(`${account}|${p.day}`);
  }
  return days;
}
