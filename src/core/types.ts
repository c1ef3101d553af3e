/** Shared domain types. No IO here. */

export const KINDS = ['expense', 'income', 'transfer', 'refund'] as const;
export type Kind = (typeof KINDS)[number];

export const CHANNELS = [
  'card', 'alipay', 'wechat', 'unionpay', 'bank_transfer', 'cash', 'atm', 'direct_debit', 'online', 'unknown',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const ACCOUNT_TYPES = ['checking', 'savings', 'credit', 'wallet', 'cash'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}
export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}
export function isAccountType(value: string): value is AccountType {
  return (ACCOUNT_TYPES as readonly string[]).includes(value);
}

/** What a statement says about the account it belongs to. */
export interface AccountHint {
  /** Full or partial account/card number as printed; only the last 4 digits are ever shown. */
  number?: string;
  type?: AccountType;
  institution?: string;
  currency?: string;
  /** A display name suggested by the source (e.g. "Alipay"). */
  name?: string;
}

/**
 * One entry as a reader produced it, already in pocketbook's conventions:
 * amount in integer minor units from the holder's view (negative = money out),
 * date as YYYY-MM-DD, optional time as HH:mm:ss.
 */
export interface NormalizedRow {
  /** 1-based line (or sheet row) in the source file, for provenance and errors. */
  line: number;
  date: string;
  time?: string;
  amount: number;
  currency: string;
  description: string;
  /** A source transaction id (OFX FITID, wallet order number). */
  externalId?: string;
  /** Set by the reader when the source decides it (neutral wallet rows → transfer, refunds). */
  kind?: Kind;
  channel?: Channel;
  counterparty?: string;
  /** The source's own category (Alipay 交易分类), a suggestion only. */
  sourceCategory?: string;
  /** The funding instrument named by a wallet row (e.g. "招商银行信用卡(8842)"). */
  funding?: string;
  /** A per-row account hint (card-number column). */
  account?: AccountHint;
}

/** A row in the file that is deliberately not imported (pending, closed trade, notice). */
export interface SkippedRow {
  line: number;
  reason: string;
}

/**
 * A row on its way into the ledger: the reader's row plus the account it lands in and
 * what enrichment (merchant normalization, rules) decided. `*Source` records provenance:
 * 'import' (the source said so), 'rule:<name>', 'manual'.
 */
export interface EntryDraft extends NormalizedRow {
  accountId: number;
  accountName: string;
  merchant?: string;
  merchantSource?: string;
  categoryId?: number;
  categorySource?: string;
  kind: Kind;
  kindSource?: string;
  channel: Channel;
  channelSource?: string;
  tags?: string[];
}
