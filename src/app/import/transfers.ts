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
 * Each entry keeps the kind it had before its link, which `tx unlink` gives back (migration 15).
 */
import type { Db } from '../../ledger/open.js';
import {
  accountCount, batchRange, catchUpLinkHints, getLinkEntry, hasWalletAccount, linkWriter, mirrorCardPool, mirrorsOf, setMirror, transferCandidates,
  transferPool, unlinkTransfer, walletPool, TRANSFER_HINTS, type DateRange, type LinkEntry, type LinkWriter,
} from '../../ledger/links.js';
import { PocketbookError } from '../../core/errors.js';
import { formatMoney } from '../../core/money.js';
import type { Context } from '../../core/context.js';
import { tAppLinks as tK } from '../../core/messages/app-links.js';

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

/** Does a wallet row's funding text name this card account (last four digits, else its institution)? */
export function fundedBy(funding: string, card: LinkEntry): boolean {
  const digits = funding.match(/\d{4}/g);
  if (card.numberSuffix && digits) return digits.includes(card.numberSuffix.slice(-4));
  if (digits) return false;
  const bank = /[\u4e00-\u9fff]{2,}银行/.exec(card.institution ?? '')?.[0];
  return bank !== undefined && funding.includes(bank);
}

interface Dated {
  entry: LinkEntry;
  day: number;
}

/**
 * Entries grouped by (currency, amount), each group in date then id order: the entries of one
 * amount within a few days of a date are a binary search and a short walk away.
 */
class AmountWindows {
  private readonly groups = new Map<string, Dated[]>();

  /** `entries` in date order (as the pools are read). */
  constructor(entries: readonly LinkEntry[]) {
    for (const entry of entries) {
      const key = `${entry.currency} ${entry.amount}`;
      let group = this.groups.get(key);
      if (!group) this.groups.set(key, (group = []));
      group.push({ entry, day: dayNumber(entry.date) });
    }
  }

  /** Entries of this currency and amount dated within `days` of `day`. */
  near(currency: string, amount: number, day: number, days: number): Dated[] {
    const group = this.groups.get(`${currency} ${amount}`);
    if (!group) return [];
    let lo = 0;
    let hi = group.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((group[mid] as Dated).day < day - days) lo = mid + 1;
      else hi = mid;
    }
    const out: Dated[] = [];
    for (let i = lo; i < group.length && (group[i] as Dated).day <= day + days; i++) out.push(group[i] as Dated);
    return out;
  }
}

/** The best candidate: highest score, then nearest in date, then lowest id. */
function best(day: number, candidates: readonly Dated[], score: (c: LinkEntry) => number): LinkEntry | undefined {
  let top: Dated | undefined;
  let topScore = 0;
  for (const c of candidates) {
    const s = score(c.entry);
    const better =
      !top || s > topScore || (s === topScore && (Math.abs(c.day - day) - Math.abs(top.day - day) || c.entry.id - top.entry.id) < 0);
    if (better) {
      top = c;
      topScore = s;
    }
  }
  return top?.entry;
}

/**
 * Step 1, mirrored payments: each card row naming a platform, oldest first, takes the nearest
 * wallet row of the same amount within a day, funded by that card and not taken yet. Either side
 * must be new: a new card row against any wallet row, an old card row against new wallet rows.
 */
function linkMirrors(db: Db, isNew: (e: LinkEntry) => boolean, range: DateRange, write: LinkWriter): number {
  if (!hasWalletAccount(db)) return 0;
  // A card row within a day of the range meets wallet rows within two days of it.
  const wallets = walletPool(db, range, 2 * MIRROR_DAYS);
  if (wallets.length === 0) return 0;
  const windows = new AmountWindows(wallets);
  const taken = new Set<number>();
  let count = 0;
  for (const card of mirrorCardPool(db, range, MIRROR_DAYS, wallets.map((w) => w.amount))) {
    const anyWallet = isNew(card);
    const day = dayNumber(card.date);
    const candidates = windows
      .near(card.currency, card.amount, day, MIRROR_DAYS)
      .filter(({ entry: w }) => !taken.has(w.id) && (anyWallet || isNew(w)) && w.funding !== null && fundedBy(w.funding, card));
    const wallet = best(day, candidates, () => 0);
    if (!wallet) continue;
    write.mirror(card.id, wallet.id);
    taken.add(wallet.id);
    count++;
  }
  return count;
}

/**
 * Step 2, transfer pairs: each entry that looks like a transfer, oldest first, takes the best
 * entry of another account with the opposite amount within 3 days (a transfer by kind, then by
 * its words, then the nearest, then the lowest id). Either side must be new, as above.
 */
function linkTransfers(db: Db, isNew: (e: LinkEntry) => boolean, range: DateRange, write: LinkWriter): number {
  const pool = transferPool(db, range, TRANSFER_DAYS);
  if (pool.length === 0) return 0;
  // A new entry meets others within 3 days of it; an old one (within 3 days of the range) only new ones.
  const windows = new AmountWindows(transferCandidates(db, range, TRANSFER_DAYS, pool.map((e) => -e.amount)));
  const linked = new Set<number>();
  const score = (c: LinkEntry) => (c.kind === 'transfer' ? 2 : 0) + (hasTransferHint(c.description) ? 1 : 0);
  let count = 0;
  for (const e of pool) {
    if (linked.has(e.id)) continue;
    const anyPeer = isNew(e);
    const day = dayNumber(e.date);
    const candidates = windows
      .near(e.currency, -e.amount, day, TRANSFER_DAYS)
      .filter(({ entry: c }) => c.accountId !== e.accountId && !linked.has(c.id) && (anyPeer || isNew(c)));
    const peer = best(day, candidates, score);
    if (!peer) continue;
    write.pair(e.id, peer.id, 'link');
    linked.add(e.id);
    linked.add(peer.id);
    count++;
  }
  return count;
}

/**
 * Match entries of the given batches against the rest of the ledger, so the result does not depend
 * on which file is imported first. Runs inside the import transaction. Each pool is read once over
 * the batches' dates and matched in memory: a fixed number of queries whatever the sizes.
 */
export function linkAfterImport(db: Db, batchIds: readonly number[]): LinkResult {
  // Links join two different accounts: with fewer there is nothing to look for (and nothing to scan).
  if (batchIds.length === 0 || accountCount(db) < 2) return { transfers: 0, mirrors: 0 };
  const range = batchRange(db, batchIds);
  if (!range) return { transfers: 0, mirrors: 0 };
  const batches = new Set(batchIds);
  const isNew = (e: LinkEntry) => e.batchId !== null && batches.has(e.batchId);
  const write = linkWriter(db);
  const mirrors = linkMirrors(db, isNew, range, write);
  catchUpLinkHints(db);
  const transfers = linkTransfers(db, isNew, range, write);
  return { transfers, mirrors };
}

/** "−100.00 CNY" as the person reads it. */
const money = (e: LinkEntry): string => `${e.amount > 0 ? '+' : ''}${formatMoney(e.amount, e.currency)} ${e.currency}`;

/**
 * Why two entries cannot be the two legs of one transfer (undefined: they can): a transfer moves
 * the same amount of the same currency out of one account and into the other.
 */
function legsDiffer(ea: LinkEntry, eb: LinkEntry): string | undefined {
  let what: 'differCurrency' | 'differAmount' | 'sameWay' | undefined;
  if (ea.currency !== eb.currency) what = 'differCurrency';
  else if (Math.abs(ea.amount) !== Math.abs(eb.amount)) what = 'differAmount';
  else if (ea.amount !== -eb.amount) what = 'sameWay';
  return what && tK(what, { a: ea.id, am: money(ea), b: eb.id, bm: money(eb) });
}

/**
 * `tx link A B`: mark two entries as one transfer, by hand (replacing links either had). Legs that
 * differ in currency or amount are refused unless `force` (an exchange, a fee taken on the way).
 */
export function linkByHand(db: Db, a: number, b: number, opts: { force?: boolean } = {}): { forced: boolean } {
  if (a === b) throw new PocketbookError('BAD_INPUT', tK('itself'), { hint: tK('itselfHint') });
  return db.transaction(() => {
    const ea = getLinkEntry(db, a);
    const eb = getLinkEntry(db, b);
    if (ea.accountId === eb.accountId) {
      throw new PocketbookError('BAD_INPUT', tK('sameAccount', { a, b, account: ea.accountName }), {
        hint: tK('sameAccountHint'),
      });
    }
    const differ = legsDiffer(ea, eb);
    if (differ && !opts.force) {
      throw new PocketbookError('BAD_INPUT', differ, { hint: tK('forceHint') });
    }
    for (const e of [ea, eb]) {
      if (e.transferPeerId !== null) unlinkTransfer(db, e.id);
      if (e.mirrorOf !== null) setMirror(db, e.id, null);
    }
    linkWriter(db).pair(a, b, 'manual');
    return { forced: differ !== undefined };
  }).immediate();
}

/** `tx unlink A`: undo A's transfer pair (both sides get back the kind they had before it) or its mirror link. */
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
      throw new PocketbookError('BAD_INPUT', tK('notLinked', { id }), { hint: tK('notLinkedHint') });
    }
    return { peer, mirrors };
  }).immediate();
}

function parseId(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new PocketbookError('USAGE', tK('notAnId', { text }), { hint: tK('notAnIdHint') });
  return Number(text);
}

/** `tx link A B` for the CLI: opens the ledger, links, closes. */
export async function linkCommand(ctx: Context, a: string, b: string, opts: { force?: boolean } = {}): Promise<{ linked: [number, number]; forced: boolean }> {
  const ids: [number, number] = [parseId(a), parseId(b)];
  const { openLedger } = await import('../../ledger/open.js');
  const db = openLedger(ctx.ledgerPath);
  try {
    const { forced } = linkByHand(db, ids[0], ids[1], opts);
    return { linked: ids, forced };
  } finally {
    db.close();
  }
}

/** `tx unlink A` for the CLI. */
export async function unlinkCommand(ctx: Context, a: string): Promise<{ id: number; peer: number | null; mirrors: number[] }> {
  const id = parseId(a);
  const { openLedger } = await import('../../ledger/open.js');
  const db = openLedger(ctx.ledgerPath);
  try {
    return { id, ...unlinkByHand(db, id) };
  } finally {
    db.close();
  }
}
