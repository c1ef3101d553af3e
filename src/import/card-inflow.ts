/**
 * Money arriving on a credit-card account (issue 22 point 1). On a card an inflow is either the
 * money of a purchase coming back — a refund, a return, a reversal, cashback or a rebate: kind
 * `refund`, so it reduces spending — or a payment of the card (还款, 自动还款, PAYMENT THANK YOU,
 * AUTOPAY, Zahlung, Paiement …, and any other inflow): kind `transfer`, never income, whether or
 * not the paying account's side has been imported yet. Only accounts known to be credit (their
 * type, set by `account add --type credit`, a card profile or an OFX CCSTMTRS) get this. Pure.
 */
import type { Kind } from '../core/types.js';

/** Words of money given back: refunds, returns, reversals, cashback and rebates (interest or fees given back too). */
const GIVEN_BACK = new RegExp(
  [
    '退款', '退货', '退票', '退费', '撤销', '冲正', '冲销', '返还', '返现', '返利', '返券', '立减', '优惠', '奖励', '赔付',
    'refund', 'return', 'reversal', 'reversed', 'credit voucher', 'cash ?back', 'rebate', 'reward', 'statement credit',
    'chargeback', 'dispute', 'waive', 'gutschrift', 'erstattung', 'storno', 'remboursement', 'avoir', 'annulation',
    'reembolso', 'devoluci[oó]n', 'rimborso', 'terugbetaling', '返金', '払戻', 'キャンセル',
  ].join('|'),
  'i',
);

/** The category a card payment gets when no rule names one. */
export const CARD_PAYMENT_CATEGORY = 'Transfer:Card repayment';

/** The kind of money arriving on a credit card: `refund` when it gives money back, else `transfer` (a payment). */
export function creditInflowKind(description: string): Extract<Kind, 'refund' | 'transfer'> {
  return GIVEN_BACK.test(description) ? 'refund' : 'transfer';
}

/** kind_source of a kind decided by the account being a credit card (beats shipped default rules, not the user's). */
export const ACCOUNT_KIND_SOURCE = 'account';
