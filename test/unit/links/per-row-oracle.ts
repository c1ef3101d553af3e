/**
 * The linking of pocketbook before issue 22 point 8, kept as the oracle of the matching semantics:
 * one query per pool row, each asking the ledger for that row's candidates (quadratic on big
 * ledgers, but obviously right). test/unit/links/matching.test.ts checks that the windowed matcher
 * of src/app/import/transfers.ts links exactly what this links.
 */
import type { Db } from '../../../src/ledger/open.js';
import { batchFilter } from '../../../src/ledger/batches.js';
import { PLATFORM_WORDS, TRANSFER_HINTS, linkWriter, type LinkEntry } from '../../../src/ledger/links.js';
import { fundedBy, hasTransferHint } from '../../../src/app/import/transfers.js';

const COLUMNS = `t.id, t.account_id AS accountId, a.type AS accountType, a.number_suffix AS numberSuffix,
  a.institution, a.name AS accountName, t.batch_id AS batchId, t.date, t.amount, t.currency, t.description,
  t.kind, t.kind_source AS kindSource, t.funding, t.transfer_peer_id AS transferPeerId, t.mirror_of AS mirrorOf`;
const likeAny = (words: readonly string[]): string => `(${words.map(() => 't.description LIKE ?').join(' OR ')})`;
const likeArgs = (words: readonly string[]): string[] => words.map((w) => `%${w}%`);
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const distance = (a: LinkEntry, b: LinkEntry): number => Math.abs(dayNumber(a.date) - dayNumber(b.date));

function range(db: Db, batchIds: readonly number[]): { from: string; to: string } | undefined {
  const inBatch = batchFilter('t', batchIds);
  const r = db.prepare(`SELECT min(date) AS f, max(date) AS t FROM transactions t WHERE ${inBatch.sql}`).get(...inBatch.params) as { f: string | null; t: string | null };
  return r.f && r.t ? { from: r.f, to: r.t } : undefined;
}

const entry = (db: Db, id: number): LinkEntry =>
  db.prepare(`SELECT ${COLUMNS} FROM transactions t JOIN accounts a ON a.id = t.account_id WHERE t.id = ?`).get(id) as LinkEntry;
const mirrored = (db: Db, id: number): boolean => db.prepare('SELECT 1 FROM transactions WHERE mirror_of = ?').get(id) !== undefined;

function best(e: LinkEntry, candidates: LinkEntry[], score: (c: LinkEntry) => number): LinkEntry | undefined {
  return [...candidates].sort((a, b) => score(b) - score(a) || distance(e, a) - distance(e, b) || a.id - b.id)[0];
}

function pool(db: Db, r: { from: string; to: string }, days: number, where: string, args: unknown[]): LinkEntry[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM transactions t JOIN accounts a ON a.id = t.account_id
      WHERE t.date BETWEEN date(?, ?) AND date(?, ?) AND ${where} ORDER BY t.date, t.id`)
    .all(r.from, `-${days} days`, r.to, `+${days} days`, ...args) as LinkEntry[];
}

function near(db: Db, e: LinkEntry, days: number, where: string, args: unknown[], batchIds: readonly number[] | null): LinkEntry[] {
  const inBatch = batchFilter('t', batchIds);
  return db
    .prepare(`SELECT ${COLUMNS} FROM transactions t JOIN accounts a ON a.id = t.account_id
      WHERE t.date BETWEEN date(?, ?) AND date(?, ?) AND ${where} AND t.transfer_peer_id IS NULL AND t.mirror_of IS NULL
        AND NOT EXISTS (SELECT 1 FROM transactions m WHERE m.mirror_of = t.id) AND ${inBatch.sql} ORDER BY t.id`)
    .all(e.date, `-${days} days`, e.date, `+${days} days`, ...args, ...inBatch.params) as LinkEntry[];
}

/** linkAfterImport as it was: mirrors, then transfers, one query per pool row. */
export function linkPerRow(db: Db, batchIds: readonly number[]): { transfers: number; mirrors: number } {
  const r = range(db, batchIds);
  const accounts = db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
  if (!r || accounts < 2) return { transfers: 0, mirrors: 0 };
  const write = linkWriter(db);
  const isNew = (e: LinkEntry) => e.batchId !== null && batchIds.includes(e.batchId);
  let mirrors = 0;
  for (const card of pool(db, r, 1, `a.type <> 'wallet' AND t.mirror_of IS NULL AND t.transfer_peer_id IS NULL AND ${likeAny(PLATFORM_WORDS)}`, likeArgs(PLATFORM_WORDS))) {
    const fresh = entry(db, card.id);
    if (fresh.mirrorOf !== null || fresh.transferPeerId !== null || mirrored(db, card.id)) continue;
    const wallets = near(db, card, 1, `t.amount = ? AND t.currency = ? AND a.type = 'wallet' AND t.funding IS NOT NULL`, [card.amount, card.currency], isNew(card) ? null : batchIds)
      .filter((w) => w.funding !== null && fundedBy(w.funding, card));
    const wallet = best(card, wallets, () => 0);
    if (!wallet) continue;
    write.mirror(card.id, wallet.id);
    mirrors++;
  }
  let transfers = 0;
  const notManual = `ifnull(t.kind_source, '') <> 'manual'`;
  for (const e of pool(db, r, 3, `t.transfer_peer_id IS NULL AND t.mirror_of IS NULL AND ${notManual} AND (t.kind = 'transfer' OR ${likeAny(TRANSFER_HINTS)})`, likeArgs(TRANSFER_HINTS))) {
    if (entry(db, e.id).transferPeerId !== null) continue;
    const candidates = near(db, e, 3, `t.amount = ? AND t.currency = ? AND t.account_id <> ? AND ${notManual}`, [-e.amount, e.currency, e.accountId], isNew(e) ? null : batchIds);
    const peer = best(e, candidates, (c) => (c.kind === 'transfer' ? 2 : 0) + (hasTransferHint(c.description) ? 1 : 0));
    if (!peer) continue;
    write.pair(e.id, peer.id, 'link');
    transfers++;
  }
  return { transfers, mirrors };
}
