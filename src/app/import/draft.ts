/**
 * The entry an imported row becomes, before rules: shared by the importing thread and the
 * reading thread (which enriches rows itself once the file's account is settled).
 */
import type { EntryDraft, NormalizedRow } from '../../core/types.js';
import type { Account } from '../../ledger/accounts.js';
import { defaultChannel } from '../../import/channel.js';
import { ACCOUNT_KIND_SOURCE, CARD_PAYMENT_CATEGORY, creditInflowKind } from '../../core/card-inflow.js';

/** The part of an account a draft needs (plain data: it crosses to the reading thread). */
export type DraftAccount = Pick<Account, 'id' | 'name' | 'type'>;

export const draftAccount = (a: DraftAccount): DraftAccount => ({ id: a.id, name: a.name, type: a.type });

/**
 * The draft of one row, every field present in one fixed order: object spread (`{ ...row, … }`)
 * and adding fields later (the enricher does) cost several µs per row in V8; a literal of one
 * stable shape costs nothing.
 */
export function toDraft(row: NormalizedRow, account: DraftAccount): EntryDraft {
  // Money arriving on a credit card is a payment (a transfer) or money given back, never income.
  const cardInflow = row.kind === undefined && account.type === 'credit' && row.amount > 0 ? creditInflowKind(row.description) : undefined;
  const kind = row.kind ?? cardInflow;
  return {
    line: row.line,
    date: row.date,
    time: row.time,
    amount: row.amount,
    currency: row.currency,
    description: row.description,
    externalId: row.externalId,
    counterparty: row.counterparty,
    sourceCategory: row.sourceCategory ?? (cardInflow === 'transfer' ? CARD_PAYMENT_CATEGORY : undefined),
    funding: row.funding,
    account: row.account,
    accountId: account.id,
    accountName: account.name,
    merchant: undefined,
    merchantSource: undefined,
    categoryId: undefined,
    categorySource: undefined,
    kind: kind ?? (row.amount > 0 ? 'income' : 'expense'),
    kindSource: row.kind ? 'import' : cardInflow ? ACCOUNT_KIND_SOURCE : undefined,
    channel: row.channel ?? defaultChannel(account.type, row.description),
    channelSource: row.channel ? 'import' : undefined,
    tags: undefined,
  };
}
