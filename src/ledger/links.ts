/**
 * SQL for linking entries across accounts: transfer pairs (transfer_peer_id, kind 'transfer') and
 * mirrored wallet/card payments (the card row's mirror_of = the wallet row). The decisions are made
 * in src/app/transfers.ts; this module only reads candidates and writes links.
 */
import type { Db } from './open.js';
import { batchFilter } from './batches.js';
import { PocketbookError } from '../core/errors.js';

export interface LinkEntry {
  id: number;
  accountId: number;
  accountType: string;
  numberSuffix: string | null;
  institution: string | null;
  accountName: string;
  batchId: number | null;
  date: string;
  amount: number;
  currency: string;
  description: string;
  kind: string;
  kindSource: string | null;
  funding: string | null;
  transferPeerId: number | null;
  mirrorOf: number | null;
}

const COLUMNS = `t.id, t.account_id AS accountId, a.type AS accountType, a.number_suffix AS numberSuffix,
  a.institution, a.name AS accountName, t.batch_id AS batchId, t.date, t.amount, t.currency, t.description,
  t.kind, t.kind_source AS kindSource, t.funding, t.transfer_peer_id AS transferPeerId, t.mirror_of AS mirrorOf`;

/** Words that say "this moves money between own accounts" (matched case-insensitively with LIKE). */
export const TRANSFER_HINTS = [
  '还款', '转账', '转帐', '充值', '提现', '转入', '转出', '转存', '汇款', '零钱通', '余额宝',
  'PAYMENT THANK YOU', 'AUTOPAY', 'AUTO PAY', 'AUTO-PAY', 'TOP-UP', 'TOPUP', 'TOP UP', 'TRANSFER',
] as const;

/** Words on a card row that name the wallet or platform that charged it. */
export const PLATFORM_WORDS = ['支付宝', '财付通', '微信', 'ALIPAY', 'TENPAY', 'WECHAT', '网银在线', '京东', '美团', '三快', '钱袋宝'] as const;

const likeAny = (words: readonly string[]): string => `(${words.map(() => 't.description LIKE ?').join(' OR ')})`;
const likeArgs = (words: readonly string[]): string[] => words.map((w) => `%${w}%`);

function batchRange(db: Db, batchIds: readonly number[]): { from: string; to: string } | undefined {
  if (batchIds.length === 0) return undefined;
  const inBatch = batchFilter('t', batchIds);
  const r = db.prepare(`SELECT min(date) AS f, max(date) AS t FROM transactions t WHERE ${inBatch.sql}`).get(...inBatch.params) as
    | { f: string | null; t: string | null }
    | undefined;
  return r?.f && r.t ? { from: r.f, to: r.t } : undefined;
}

/** Unlinked entries that look like transfers (hint words or kind transfer) within `days` of the batches' dates. */
export function transferPool(db: Db, batchIds: readonly number[], days: number): LinkEntry[] {
  const range = batchRange(db, batchIds);
  if (!range) return [];
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM transactions t JOIN accounts a ON a.id = t.account_id
       WHERE t.date BETWEEN date(?, ?) AND date(?, ?) AND t.transfer_peer_id IS NULL AND t.mirror_of IS NULL
         AND ifnull(t.kind_source, '') <> 'manual' AND (t.kind = 'transfer' OR ${likeAny(TRANSFER_HINTS)})
       ORDER BY t.date, t.id`,
    )
    .all(range.from, `-${days} days`, range.to, `+${days} days`, ...likeArgs(TRANSFER_HINTS)) as LinkEntry[];
}

/** Unlinked entries of another account with the opposite amount within `days`; `batchOnly` limits them to the batches. */
export function oppositeCandidates(db: Db, e: LinkEntry, days: number, batchIds: readonly number[] | null): LinkEntry[] {
  const inBatch = batchFilter('t', batchIds);
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM transactions t JOIN accounts a ON a.id = t.account_id
       WHERE t.date BETWEEN date(?, ?) AND date(?, ?) AND t.amount = ? AND t.currency = ? AND t.account_id <> ?
         AND t.transfer_peer_id IS NULL AND t.mirror_of IS NULL AND ifnull(t.kind_source, '') <> 'manual'
         AND NOT EXISTS (SELECT 1 FROM transactions m WHERE m.mirror_of = t.id) AND ${inBatch.sql}
       ORDER BY t.id`,
    )
    .all(e.date, `-${days} days`, e.date, `+${days} days`, -e.amount, e.currency, e.accountId, ...inBatch.params) as LinkEntry[];
}

/** Card rows naming a wallet/platform, not yet mirrored, within `days` of the batches' dates. */
export function mirrorCardPool(db: Db, batchIds: readonly number[], days: number): LinkEntry[] {
  const range = batchRange(db, batchIds);
  if (!range) return [];
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM transactions t JOIN accounts a ON a.id = t.account_id
       WHERE t.date BETWEEN date(?, ?) AND date(?, ?) AND a.type <> 'wallet' AND t.mirror_of IS NULL
         AND t.transfer_peer_id IS NULL AND ${likeAny(PLATFORM_WORDS)}
       ORDER BY t.date, t.id`,
    )
    .all(range.from, `-${days} days`, range.to, `+${days} days`, ...likeArgs(PLATFORM_WORDS)) as LinkEntry[];
}

/** Wallet rows funded by a card whose text holds `suffix`, same amount, within `days`, not mirrored yet. */
export function walletCandidates(db: Db, card: LinkEntry, days: number, batchIds: readonly number[] | null): LinkEntry[] {
  const inBatch = batchFilter('t', batchIds);
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM transactions t JOIN accounts a ON a.id = t.account_id
       WHERE t.date BETWEEN date(?, ?) AND date(?, ?) AND t.amount = ? AND t.currency = ? AND a.type = 'wallet'
         AND t.funding IS NOT NULL AND t.mirror_of IS NULL AND t.transfer_peer_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM transactions m WHERE m.mirror_of = t.id) AND ${inBatch.sql}
       ORDER BY t.id`,
    )
    .all(card.date, `-${days} days`, card.date, `+${days} days`, card.amount, card.currency, ...inBatch.params) as LinkEntry[];
}

export function linkTransferPair(db: Db, a: number, b: number, source: 'link' | 'manual'): void {
  const set = db.prepare(`UPDATE transactions SET transfer_peer_id = ?, kind = 'transfer', kind_source = ? WHERE id = ?`);
  set.run(b, source, a);
  set.run(a, source, b);
}

export function setMirror(db: Db, cardRowId: number, walletRowId: number | null): void {
  db.prepare('UPDATE transactions SET mirror_of = ? WHERE id = ?').run(walletRowId, cardRowId);
}

export function getLinkEntry(db: Db, id: number): LinkEntry {
  const row = db.prepare(`SELECT ${COLUMNS} FROM transactions t JOIN accounts a ON a.id = t.account_id WHERE t.id = ?`).get(id) as
    | LinkEntry
    | undefined;
  if (!row) throw new PocketbookError('NOT_FOUND', `no entry with id ${id}`, { hint: 'see `pocketbook tx list` for ids' });
  return row;
}

/** Entries whose mirror_of points at `id` (card rows mirrored by this wallet row). */
export function mirrorsOf(db: Db, id: number): number[] {
  return (db.prepare('SELECT id FROM transactions WHERE mirror_of = ? ORDER BY id').pluck().all(id) as number[]);
}

/** Undo a transfer pair: both sides lose the peer and get back a kind from their sign, set by hand. */
export function unlinkTransfer(db: Db, id: number): number | null {
  const e = getLinkEntry(db, id);
  if (e.transferPeerId === null) return null;
  const reset = db.prepare(
    `UPDATE transactions SET transfer_peer_id = NULL, kind = CASE WHEN amount < 0 THEN 'expense' ELSE 'income' END,
       kind_source = 'manual' WHERE id = ?`,
  );
  reset.run(e.id);
  reset.run(e.transferPeerId);
  return e.transferPeerId;
}

/** How many accounts the ledger has. */
export function accountCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
}
