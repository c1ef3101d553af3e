/**
 * SQL for linking entries across accounts: transfer pairs (transfer_peer_id, kind 'transfer') and
 * mirrored wallet/card payments (the card row's mirror_of = the wallet row). The decisions are made
 * in src/app/import/transfers.ts; this module only reads candidates and writes links.
 *
 * Linking after an import reads each pool once, over the batches' dates (± a few days), never one
 * query per row: a fixed number of statements whatever the ledger or the file holds. The entries
 * that may start a transfer are kept by date in link_hints, so their words are tested once each.
 */
import type { Db } from './open.js';
import { batchFilter } from './batches.js';
import { PocketbookError } from '../core/errors.js';
import { restoreBeforeLink } from './link-state.js';
import { tErrorsLedger as tL } from '../core/messages/errors-ledger.js';

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

/** The dates the batches' entries span (none: the batches added nothing). */
export interface DateRange {
  from: string;
  to: string;
}

const COLUMNS = `t.id, t.account_id AS accountId, a.type AS accountType, a.number_suffix AS numberSuffix,
  a.institution, a.name AS accountName, t.batch_id AS batchId, t.date, t.amount, t.currency, t.description,
  t.kind, t.kind_source AS kindSource, t.funding, t.transfer_peer_id AS transferPeerId, t.mirror_of AS mirrorOf`;

/** Words that say "this moves money between own accounts" (matched case-insensitively with LIKE). */
export const TRANSFER_HINTS = [
  '还款', '转账', '转帐', '充值', '提现', '转入', '转出', '转存', '汇款', '零钱通', '余额宝',
  'PAYMENT THANK YOU', 'AUTOPAY', 'AUTO PAY', 'AUTO-PAY', 'TOP-UP', 'TOPUP', 'TOP UP', 'TRANSFER',
] as const;

/**
 * A few parts that every hint contains (ASCII case aside): a cheap test that most descriptions
 * fail, made before the hints themselves on each entry of a range (test/unit/links checks them).
 */
export const HINT_PARTS = ['还款', '转', '充值', '提现', '汇款', '零钱通', '余额宝', 'PAY', 'TOP', 'TRANSFER'] as const;

/** Words on a card row that name the wallet or platform that charged it. */
export const PLATFORM_WORDS = ['支付宝', '财付通', '微信', 'ALIPAY', 'TENPAY', 'WECHAT', '网银在线', '京东', '美团', '三快', '钱袋宝'] as const;

const likeAny = (words: readonly string[]): string => `(${words.map(() => 't.description LIKE ?').join(' OR ')})`;
const likeArgs = (words: readonly string[]): string[] => words.map((w) => `%${w}%`);
/** Holds any of the words: LIKE (case-insensitive) for ASCII ones, instr (quicker) for the others. */
const ASCII = /^[\x20-\x7e]+$/;
const containsAny = (words: readonly string[]): string =>
  `(${words.map((w) => (ASCII.test(w) ? 't.description LIKE ?' : 'instr(t.description, ?) > 0')).join(' OR ')})`;
const containsArgs = (words: readonly string[]): string[] => words.map((w) => (ASCII.test(w) ? `%${w}%` : w));
/** Neither side of an existing link, nor a wallet row a card row already mirrors (tx_mirror_of answers it). */
const UNLINKED = 't.transfer_peer_id IS NULL AND t.mirror_of IS NULL';
const NOT_MIRRORED = 'NOT EXISTS (SELECT 1 FROM transactions m WHERE m.mirror_of = t.id)';
/** The amounts asked for, as one JSON parameter: `t.amount IN (SELECT value FROM json_each(?))`. */
const IN_AMOUNTS = 't.amount IN (SELECT value FROM json_each(?))';
const amountsParam = (amounts: Iterable<number>): string => JSON.stringify([...new Set(amounts)]);
const window = (range: DateRange, days: number): [string, string, string, string] => [range.from, `-${days} days`, range.to, `+${days} days`];

/** The dates the batches' entries span, read through their id range. */
export function batchRange(db: Db, batchIds: readonly number[]): DateRange | undefined {
  if (batchIds.length === 0) return undefined;
  const inBatch = batchFilter('t', batchIds);
  const r = db.prepare(`SELECT min(date) AS f, max(date) AS t FROM transactions t WHERE ${inBatch.sql}`).get(...inBatch.params) as
    | { f: string | null; t: string | null }
    | undefined;
  return r?.f && r.t ? { from: r.f, to: r.t } : undefined;
}

/** Looks like a transfer: kind transfer, or hint words in the description (a few parts tested first: quicker). */
const LOOKS_LIKE_TRANSFER = `(t.kind = 'transfer' OR (${containsAny(HINT_PARTS)} AND ${likeAny(TRANSFER_HINTS)}))`;
const looksLikeArgs = (): string[] => [...containsArgs(HINT_PARTS), ...likeArgs(TRANSFER_HINTS)];

/**
 * Bring link_hints (migration 15) up to date: the entries added since it was last (those of the
 * batches being linked, and of imports that had nothing to link) that look like transfers.
 */
export function catchUpLinkHints(db: Db): void {
  const upto = Number(db.prepare("SELECT value FROM meta WHERE key = 'link_hints_upto'").pluck().get() ?? 0);
  const top = db.prepare('SELECT ifnull(max(id), 0) FROM transactions').pluck().get() as number;
  if (top <= upto) return;
  db.prepare(`INSERT OR REPLACE INTO link_hints (tx_id, date) SELECT t.id, t.date FROM transactions t WHERE t.id > ? AND ${LOOKS_LIKE_TRANSFER}`)
    .run(upto, ...looksLikeArgs());
  db.prepare("INSERT INTO meta (key, value) VALUES ('link_hints_upto', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(top));
}

/**
 * Unlinked entries that look like transfers (hint words or kind transfer) within `days` of the
 * range, oldest first: found through link_hints (catchUpLinkHints first), each checked again.
 */
export function transferPool(db: Db, range: DateRange, days: number): LinkEntry[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM link_hints h CROSS JOIN transactions t ON t.id = h.tx_id JOIN accounts a ON a.id = t.account_id
       WHERE h.date BETWEEN date(?, ?) AND date(?, ?) AND t.date = h.date AND ${UNLINKED}
         AND ifnull(t.kind_source, '') <> 'manual' AND ${LOOKS_LIKE_TRANSFER}
       ORDER BY t.date, t.id`,
    )
    .all(...window(range, days), ...looksLikeArgs()) as LinkEntry[];
}

/**
 * Every entry within `days` of the range that may be the other side of a transfer: unlinked, not
 * set by hand, not mirrored by a card row, with one of the given amounts. One pass over the range.
 */
export function transferCandidates(db: Db, range: DateRange, days: number, amounts: Iterable<number>): LinkEntry[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM transactions t JOIN accounts a ON a.id = t.account_id
       WHERE t.date BETWEEN date(?, ?) AND date(?, ?) AND ${IN_AMOUNTS} AND ${UNLINKED}
         AND ifnull(t.kind_source, '') <> 'manual' AND ${NOT_MIRRORED}
       ORDER BY t.date, t.id`,
    )
    .all(...window(range, days), amountsParam(amounts)) as LinkEntry[];
}

/** Wallet rows funded by some card, within `days` of the range, not linked and not mirrored yet, oldest first. */
export function walletPool(db: Db, range: DateRange, days: number): LinkEntry[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM transactions t JOIN accounts a ON a.id = t.account_id
       WHERE a.type = 'wallet' AND t.date BETWEEN date(?, ?) AND date(?, ?) AND t.funding IS NOT NULL
         AND ${UNLINKED} AND ${NOT_MIRRORED}
       ORDER BY t.date, t.id`,
    )
    .all(...window(range, days)) as LinkEntry[];
}

/**
 * Card rows naming a wallet/platform within `days` of the range, with one of the given amounts, not
 * linked and mirrored by nothing, oldest first.
 */
export function mirrorCardPool(db: Db, range: DateRange, days: number, amounts: Iterable<number>): LinkEntry[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM transactions t JOIN accounts a ON a.id = t.account_id
       WHERE a.type <> 'wallet' AND t.date BETWEEN date(?, ?) AND date(?, ?) AND ${IN_AMOUNTS} AND ${UNLINKED}
         AND ${likeAny(PLATFORM_WORDS)} AND ${NOT_MIRRORED}
       ORDER BY t.date, t.id`,
    )
    .all(...window(range, days), amountsParam(amounts), ...likeArgs(PLATFORM_WORDS)) as LinkEntry[];
}

/** Does the ledger hold a wallet account? (No wallet: no mirrored payments to look for.) */
export function hasWalletAccount(db: Db): boolean {
  return db.prepare("SELECT 1 FROM accounts WHERE type = 'wallet' LIMIT 1").get() !== undefined;
}

/** Writers for many links, each statement prepared once. */
export interface LinkWriter {
  pair(a: number, b: number, source: 'link' | 'manual'): void;
  mirror(cardRowId: number, walletRowId: number | null): void;
}

export function linkWriter(db: Db): LinkWriter {
  // The kind an entry had before its first link is kept (migration 15), so unlinking gives it back.
  const pair = db.prepare(
    `UPDATE transactions SET
       kind_before_link = CASE WHEN transfer_peer_id IS NULL THEN kind ELSE kind_before_link END,
       kind_source_before_link = CASE WHEN transfer_peer_id IS NULL THEN kind_source ELSE kind_source_before_link END,
       transfer_peer_id = ?, kind = 'transfer', kind_source = ?
     WHERE id = ?`,
  );
  const mirror = db.prepare('UPDATE transactions SET mirror_of = ? WHERE id = ?');
  return {
    pair(a, b, source) {
      pair.run(b, source, a);
      pair.run(a, source, b);
    },
    mirror: (cardRowId, walletRowId) => void mirror.run(walletRowId, cardRowId),
  };
}

export function setMirror(db: Db, cardRowId: number, walletRowId: number | null): void {
  linkWriter(db).mirror(cardRowId, walletRowId);
}

export function getLinkEntry(db: Db, id: number): LinkEntry {
  const row = db.prepare(`SELECT ${COLUMNS} FROM transactions t JOIN accounts a ON a.id = t.account_id WHERE t.id = ?`).get(id) as
    | LinkEntry
    | undefined;
  if (!row) throw new PocketbookError('NOT_FOUND', tL('noEntry', { id }), { hint: tL('seeIds') });
  return row;
}

/** Entries whose mirror_of points at `id` (card rows mirrored by this wallet row). */
export function mirrorsOf(db: Db, id: number): number[] {
  return (db.prepare('SELECT id FROM transactions WHERE mirror_of = ? ORDER BY id').pluck().all(id) as number[]);
}

/** Undo a transfer pair: both sides lose the peer and get back the kind they had before it. */
export function unlinkTransfer(db: Db, id: number): number | null {
  const e = getLinkEntry(db, id);
  if (e.transferPeerId === null) return null;
  const reset = db.prepare(`UPDATE transactions SET ${restoreBeforeLink('sign')} WHERE id = ?`);
  reset.run(e.id);
  reset.run(e.transferPeerId);
  return e.transferPeerId;
}

/** How many accounts the ledger has. */
export function accountCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
}
