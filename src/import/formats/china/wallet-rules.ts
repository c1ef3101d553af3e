/**
 * What a wallet bill row means (SPEC "Wallet bills"): direction words, closed trades, refunds,
 * neutral (不计收支) moves, funding cards and channels. Shared by Alipay, WeChat Pay, JD and Meituan.
 */
import type { Channel, Kind, NormalizedRow } from '../../../core/types.js';
import type { ReaderEvent } from '../../types.js';
import { located, type Row } from './grid.js';
import { fullDate } from './layout.js';

/** Trades that never moved money: skipped and counted as skipped. */
const CLOSED = /关闭|失败|已取消|撤销|未付款|等待付款|待付款/;

export function isClosed(status: string): boolean {
  return CLOSED.test(status);
}

export function isRefundText(...texts: string[]): boolean {
  return texts.some((t) => /退款/.test(t));
}

/** A neutral move's direction from the words describing it, most specific text first: top-ups and incoming moves are +. */
export function neutralSign(...texts: string[]): 1 | -1 {
  for (const t of texts) {
    if (/卖出至|充值|收益|转入|来自|退回|退款|赎回/.test(t)) return 1;
    if (/提现|转出|还款|买入|购买|转账/.test(t)) return -1;
  }
  return -1;
}

/** The payment-method text when it names a bank card (`招商银行信用卡(8842)`), else undefined. */
export function fundingCard(method: string): string | undefined {
  const m = method.trim();
  return /银行|信用卡|储蓄卡|借记卡|\(\d{4}\)/.test(m) ? m : undefined;
}

/** A platform's row (JD, Meituan) names the wallet it was paid through. */
export function platformChannel(method: string): Channel {
  if (/微信|财付通/.test(method)) return 'wechat';
  if (/支付宝/.test(method)) return 'alipay';
  return 'online';
}

export function present(text: string): string | undefined {
  const t = text.trim();
  return t === '' || t === '/' ? undefined : t;
}

export function describe(...parts: string[]): string {
  const seen: string[] = [];
  for (const p of parts.map(present)) if (p && !seen.includes(p)) seen.push(p);
  return seen.join(' / ');
}

export interface WalletRow {
  row: Row;
  when: string;
  /** Unsigned, minor units. */
  amount: number;
  kind: Kind;
  /** For transfers: +1 money in, -1 money out. */
  sign: 1 | -1;
  description: string;
  externalId?: string;
  counterparty?: string;
  sourceCategory?: string;
  method: string;
  channel: Channel;
}

/** One wallet row as a NormalizedRow event (time kept, sign from kind/direction). */
export function walletEvent(w: WalletRow, currency: string, fileName: string): ReaderEvent {
  try {
    const { date, time } = fullDate(w.when);
    const sign = w.kind === 'expense' ? -1 : w.kind === 'income' || w.kind === 'refund' ? 1 : w.sign;
    const row: NormalizedRow = {
      line: w.row.line,
      date,
      ...(time ? { time } : {}),
      amount: w.amount === 0 ? 0 : sign * w.amount,
      currency,
      description: w.description,
      kind: w.kind,
      channel: w.channel,
      ...(w.externalId ? { externalId: w.externalId } : {}),
      ...(w.counterparty ? { counterparty: w.counterparty } : {}),
      ...(w.sourceCategory ? { sourceCategory: w.sourceCategory } : {}),
    };
    const funding = fundingCard(w.method);
    if (funding) row.funding = funding;
    return { type: 'row', row };
  } catch (err) {
    throw located(err, fileName, w.row.line);
  }
}

/** Kind from a direction word: 收入 income, 支出 expense, anything else (不计收支, /) a transfer. */
export function kindOf(direction: string): Kind {
  if (direction === '收入') return 'income';
  if (direction === '支出') return 'expense';
  return 'transfer';
}

/**
 * Closed trades are skipped; a refund whose trade id is a closed trade's id plus `_…` returned
 * that closed trade's money, so it is skipped too (nothing happened).
 */
export function settle(
  rows: readonly { w: WalletRow; status: string }[],
  currency: string,
  fileName: string,
): ReaderEvent[] {
  const closed = new Set<string>();
  for (const { w, status } of rows) if (isClosed(status) && w.externalId) closed.add(w.externalId);
  return rows.map(({ w, status }): ReaderEvent => {
    if (isClosed(status)) return { type: 'skip', skipped: { line: w.row.line, reason: `closed trade (${status})` } };
    const base = w.externalId?.split('_')[0];
    if (w.kind === 'refund' && w.externalId?.includes('_') && base && closed.has(base)) {
      return { type: 'skip', skipped: { line: w.row.line, reason: 'refund of a closed trade' } };
    }
    return walletEvent(w, currency, fileName);
  });
}
