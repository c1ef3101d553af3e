/**
 * Entries as plain-text accounting journals: ledger/hledger and beancount. Pure: rows in, text out.
 * Each entry is one balanced transaction, dated on its own day:
 *  - spending/income (core/sides.ts decides which, from the kind): the account posting against
 *    Expenses:<category> or Income:<category>, one posting per split part;
 *  - a card row mirroring a wallet purchase: against the wallet (the wallet row is the spending);
 *  - a linked transfer leg: against Equity:Transfers:In-transit, so the two legs cancel there
 *    whichever export holds each (joined `--to`/`--from` exports count the pair once). When the two
 *    legs differ (a forced link), the leg with the higher id settles the difference: a same-currency
 *    gap goes to Equity:Transfers:Fees, another currency is converted through Equity:Conversion;
 *  - an unlinked transfer: against Equity:Transfers.
 */
import { sideOfEntry } from '../../core/sides.js';
import type { JournalRow } from '../../ledger/export-rows.js';
import { EQUITY, type JournalNames } from './journal-names.js';

export interface Posting {
  account: string;
  amount: number;
  currency: string;
}

export interface JournalTx {
  id: number;
  date: string;
  payee: string | null;
  narration: string;
  tags: string[];
  notes: string[];
  postings: Posting[];
}

/** Build one balanced transaction per entry. */
export function toJournalTx(r: JournalRow, names: JournalNames): JournalTx {
  const own: Posting = { account: names.asset(r.account_id), amount: r.amount, currency: r.currency };
  let counter: Posting[];
  const side = sideOfEntry(r.kind, r.mirror_account_id !== null);
  if (r.mirror_account_id !== null) {
    counter = [{ account: names.asset(r.mirror_account_id), amount: -r.amount, currency: r.currency }];
  } else if (side === 'none') {
    counter = r.peer_id !== null && r.peer_kind === 'transfer' ? linkedLeg(r) : [{ account: EQUITY.transfers, amount: -r.amount, currency: r.currency }];
  } else if (r.splits) {
    counter = r.splits.split(',').map((part) => {
      const [cat, amount] = part.split(':');
      return { account: names.counter(side, cat ? Number(cat) : null), amount: -Number(amount), currency: r.currency };
    });
  } else {
    counter = [{ account: names.counter(side, r.category_id), amount: -r.amount, currency: r.currency }];
  }
  return {
    id: r.id, date: r.date, payee: r.merchant, narration: r.description,
    tags: r.tags ? r.tags.split('\u001f') : [], notes: r.notes ? r.notes.split('\u001e') : [], postings: [...counter, own],
  };
}

/**
 * A linked transfer leg against In-transit. The leg with the higher id also settles a pair whose
 * legs differ: In-transit then holds exactly −(first leg) in every currency.
 */
function linkedLeg(r: JournalRow): Posting[] {
  const first = r.peer_amount === null || r.peer_currency === null || r.peer_id === null || r.id < r.peer_id;
  if (first) return [{ account: EQUITY.inTransit, amount: -r.amount, currency: r.currency }];
  const peer = { amount: r.peer_amount!, currency: r.peer_currency! };
  // In-transit takes back what the first leg put there.
  const out: Posting[] = [{ account: EQUITY.inTransit, amount: peer.amount, currency: peer.currency }];
  if (peer.currency === r.currency) {
    const gap = r.amount + peer.amount;
    if (gap !== 0) out.push({ account: EQUITY.fees, amount: -gap, currency: r.currency });
  } else {
    out.push({ account: EQUITY.conversion, amount: -peer.amount, currency: peer.currency }, { account: EQUITY.conversion, amount: -r.amount, currency: r.currency });
  }
  return out;
}
