/**
 * Money arriving on a credit-card account (issue 22 point 1). On a card an inflow is
 * 1. money given back — a refund, a return, a reversal, cashback or a rebate: kind `refund`, so it
 *    reduces spending (interest or a fee charged and then reversed is given back too);
 * 2. interest the bank pays on a credit balance (溢缴款利息, INTEREST EARNED): kind `income`;
 * 3. otherwise a payment of the card (还款, 自动还款, PAYMENT THANK YOU, AUTOPAY, Zahlung, Paiement …):
 *    kind `transfer`, never income, whether or not the paying account's side is imported yet.
 * Only accounts known to be credit (`account add --type credit`, a card layout or profile's
 * `account_type: credit`, an OFX CCSTMTRS) get this; other accounts' inflows are not guessed at. Pure.
 */
import type { Kind } from './types.js';
import { isInstalmentConversion } from './instalment.js';

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

/** Interest credited on a card (after GIVEN_BACK: "interest reversal" is money given back). */
const INTEREST = /利息|结息|interest|zinsen|intérêts|intereses/i;

/** The category a card payment gets when no rule names one. */
export const CARD_PAYMENT_CATEGORY = 'Transfer:Card repayment';

/** The kind of money arriving on a credit card: `refund`, `income` (interest) or `transfer` (a payment). */
export function creditInflowKind(description: string): Exclude<Kind, 'expense'> {
  // A purchase turned into an instalment plan (分期转出) is given back: the periods bill it month by month.
  if (GIVEN_BACK.test(description) || isInstalmentConversion(description)) return 'refund';
  return INTEREST.test(description) ? 'income' : 'transfer';
}

/** kind_source of a kind decided by the account being a credit card (beats shipped default rules, not the user's). */
export const ACCOUNT_KIND_SOURCE = 'account';
