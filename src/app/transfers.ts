/**
 * Linking across accounts after an import (SPEC "Transfers are not spending", issue 6):
 * 1. mirrored payments — a card row like `支付宝-美团外卖 -35.00` and the wallet row paid with that
 *    card (its funding names the card's last four digits), same amount, dates within a day: the card
 *    row gets mirror_of = wallet row, so reports count the purchase once, with the wallet's merchant;
 * 2. transfer pairs — opposite amounts on two accounts within 3 days, where at least one side is a
 *    transfer by its words (还款, 转账, 充值, PAYMENT THANK YOU, AUTOPAY …) or by its source (不计收支):
 *    both become kind 'transfer' and point at each other.
 * Both steps look at pairs with at least one side in the new batches, against the whole ledger, so
 * the result does not depend on which file is imported first. Entries set by hand are never touched.
 */
import type { Db } from '../ledger/open.js';
import {
  accountCount, getLinkEntry, linkTransferPair, mirrorCardPool, mirrorsOf, oppositeCandidates, setMirror, transferPool,
  unlinkTransfer, walletCandidates, TRANSFER_HINTS, type LinkEntry,
} from '../ledger/links.js';
import { PocketbookError } from '../core/errors.js';
import type { Context } from '../core/context.js';

export interface LinkResult {
  transfers: number;
  mirrors: number;
}

const TRANSFER_DAYS = 3;
const MIRROR_DAYS = 1;

const HINT_RE = new RegExp(TRANSFER_HINTS.map((h) => h.replace(/[-\s]/g, '[-\\s]?')).join('|'), 'i');

export function hasTransferHint(description: string): boolean {
  return HINT_RE.test(description);
}

const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const distance = (a: LinkEntry, b: LinkEntry): number => Math.abs(dayNumber(a.date) - dayNumber(b.date));

/** Does a wallet row's funding text name this card account (last four digits, else its institution)? */
export function fundedBy(funding: string, card: LinkEntry): boolean {
  const digits = funding.match(/\d{4}/g);
  if (card.numberSuffix && digits) return digits.includes(card.numberSuffix.slice(-4));
  if (digits) return false;
  const bank = /[\u4e00-\u9fff]{2,}银行/.exec(card.institution ?? '')?.[0];
  return bank !== undefined && funding.includes(bank);
}

function best(e: LinkEntry, candidates: LinkEntry[], score: (c: LinkEntry) => number): LinkEntry | undefined {
  return [...candidates].sort((a, b) => score(b) - score(a) || distance(e, a) - distance(e, b) || a.id - b.id)[0];
}

function linkMirrors(db: Db, batchIds: readonly number[]): number {
  const inBatch = new Set(batchIds);
  let count = 0;
  for (const card of mirrorCardPool(db, batchIds, MIRROR_DAYS)) {
    // Either side must be new: a new card row against any wallet row, an old card row against new wallet rows.
    const scope = card.batchId !== null && inBatch.has(card.batchId) ? null : batchIds;
    const fresh = getLinkEntry(db, card.id);
    if (fresh.mirrorOf !== null || fresh.transferPeerId !== null || mirrorsOf(db, card.id).length > 0) continue;
    const wallets = walletCandidates(db, card, MIRROR_DAYS, scope).filter((w) => w.funding !== null && fundedBy(w.funding, card));
    const wallet = best(card, wallets, () => 0);
    if (!wallet) continue;
    setMirror(db, card.id, wallet.id);
    count++;
  }
  return count;
}

function linkTransfers(db: Db, batchIds: readonly number[]): number {
  const inBatch = new Set(batchIds);
  let count = 0;
  for (const e of transferPool(db, batchIds, TRANSFER_DAYS)) {
    const fresh = getLinkEntry(db, e.id);
    if (fresh.transferPeerId !== null) continue;
    const scope = e.batchId !== null && inBatch.has(e.batchId) ? null : batchIds;
    const candidates = oppositeCandidates(db, e, TRANSFER_DAYS, scope);
    const peer = best(e, candidates, (c) => (c.kind === 'transfer' ? 2 : 0) + (hasTransferHint(c.description) ? 1 : 0));
    if (!peer) continue;
    linkTransferPair(db, e.id, peer.id, 'link');
    count++;
  }
  return count;
}

/** Match entries of the given batches against the rest of the ledger. Runs inside the import transaction. */
export function linkAfterImport(db: Db, batchIds: readonly number[]): LinkResult {
  // Links join two different accounts: with fewer there is nothing to look for (and nothing to scan).
  if (batchIds.length === 0 || accountCount(db) < 2) return { transfers: 0, mirrors: 0 };
  const mirrors = linkMirrors(db, batchIds);
  const transfers = linkTransfers(db, batchIds);
  return { transfers, mirrors };
}

/** `tx link A B`: mark two entries as one transfer, by hand (replacing links either had). */
export function linkByHand(db: Db, a: number, b: number): void {
  if (a === b) throw new PocketbookError('BAD_INPUT', 'an entry cannot be linked to itself', { hint: 'give two different ids' });
  db.transaction(() => {
    const ea = getLinkEntry(db, a);
    const eb = getLinkEntry(db, b);
    if (ea.accountId === eb.accountId) {
      throw new PocketbookError('BAD_INPUT', `entries ${a} and ${b} are in the same account (${ea.accountName})`, {
        hint: 'a transfer links entries of two different accounts',
      });
    }
    for (const e of [ea, eb]) {
      if (e.transferPeerId !== null) unlinkTransfer(db, e.id);
      if (e.mirrorOf !== null) setMirror(db, e.id, null);
    }
    linkTransferPair(db, a, b, 'manual');
  }).immediate();
}

/** `tx unlink A`: undo A's transfer pair (both sides become expense/income again, by hand) or its mirror link. */
export function unlinkByHand(db: Db, id: number): { peer: number | null; mirrors: number[] } {
  return db.transaction(() => {
    const e = getLinkEntry(db, id);
    const peer = unlinkTransfer(db, id);
    const mirrors: number[] = [];
    if (e.mirrorOf !== null) {
      setMirror(db, id, null);
      mirrors.push(e.mirrorOf);
    }
    for (const m of mirrorsOf(db, id)) {
      setMirror(db, m, null);
      mirrors.push(m);
    }
    if (peer === null && mirrors.length === 0) {
      throw new PocketbookError('BAD_INPUT', `entry ${id} is not linked to anything`, { hint: 'see `pocketbook tx show ID`' });
    }
    return { peer, mirrors };
  }).immediate();
}

function parseId(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new PocketbookError('USAGE', `"${text}" is not an entry id`, { hint: 'ids are the numbers `pocketbook tx list` shows' });
  return Number(text);
}

/** `tx link A B` for the CLI: opens the ledger, links, closes. */
export async function linkCommand(ctx: Context, a: string, b: string): Promise<{ linked: [number, number] }> {
  const ids: [number, number] = [parseId(a), parseId(b)];
  const { openLedger } = await import('../ledger/open.js');
  const db = openLedger(ctx.ledgerPath);
  try {
    linkByHand(db, ids[0], ids[1]);
    return { linked: ids };
  } finally {
    db.close();
  }
}

/** `tx unlink A` for the CLI. */
export async function unlinkCommand(ctx: Context, a: string): Promise<{ id: number; peer: number | null; mirrors: number[] }> {
  const id = parseId(a);
  const { openLedger } = await import('../ledger/open.js');
  const db = openLedger(ctx.ledgerPath);
  try {
    return { id, ...unlinkByHand(db, id) };
  } finally {
    db.close();
  }
}
