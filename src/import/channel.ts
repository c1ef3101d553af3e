/**
 * The payment channel of a row whose source did not name one, from the account it lands in and
 * the words of its description: card accounts pay by card, cash is cash, and a bank account's
 * row is a card payment, an ATM withdrawal, a wallet charge or otherwise a bank transfer.
 */
import type { AccountType, Channel } from '../core/types.js';

const ATM = /\batm\b|取现|取款|提现|cash withdrawal/i;
const ALIPAY = /支付宝|alipay/i;
const WECHAT = /财付通|微信|tenpay|wechat/i;
const CARD = /\bpos\b|消费|刷卡|快捷支付|card purchase|debit card|visa|mastercard|银联/i;
const DEBIT = /direct debit|autopay|auto-pay|代扣|扣款|lastschrift/i;

export function defaultChannel(accountType: AccountType, description: string): Channel {
  if (accountType === 'credit') return 'card';
  if (accountType === 'cash') return 'cash';
  if (ATM.test(description)) return 'atm';
  if (ALIPAY.test(description)) return 'alipay';
  if (WECHAT.test(description)) return 'wechat';
  if (CARD.test(description)) return 'card';
  if (DEBIT.test(description)) return 'direct_debit';
  return accountType === 'wallet' ? 'online' : 'bank_transfer';
}
