/**
 * Shipped default rules about money moving: card repayments and own-account moves (kind
 * transfer), refunds (kind refund), money coming in (income.ts: category only), red packets sent,
 * interest and fees paid.
 */
import type { Rule } from '../model.js';
import { INCOME } from './income.js';

export const MONEY: Rule[] = [
  { name: 'Card repayment', match: { description: '信用卡还款|还信用卡|自动还款|掌上生活还款|银联转账还款|财付通还款|花呗还款|借呗还款|白条还款|payment - thank you|payment thank you|payment received|autopay payment|credit card payment|card payment received|american express ach pmt|amex epayment|ach pmt|crd autopay|crd epay|card epay|epayment|e-payment|card online pmt|cardmember serv|kreditkartenabrechnung|kreditkartenzahlung|remboursement carte|pago tarjeta|card repayment' }, set: { category: 'Transfer:Card repayment', kind: 'transfer' } },
  { name: 'Investments', match: { description: '购买理财通|理财通赎回|基金申购|基金赎回|买入基金|卖出至余额宝|理财产品|蚂蚁财富|证券转账|银证转账|brokerage|vanguard|fidelity investments|robinhood' }, set: { category: 'Transfer:Investments', kind: 'transfer' } },
  { name: 'Wallet top-up and withdrawal', match: { description: '余额宝|零钱通|理财通|零钱提现|零钱充值|转入零钱|转出到|充值-|提现|top-up|topup|top up' }, set: { category: 'Transfer:Top-up & withdrawal', kind: 'transfer' } },
  { name: 'Own account transfers', match: { description: '本人转账|本行转账-本人|同名转账|转入本人|sweep account|transfer to savings|transfer from savings|own account' }, set: { category: 'Transfer:Own accounts', kind: 'transfer' } },
  { name: 'Refunds', match: { description: '退款|退货|refund|rückerstattung|return:|returned item' }, set: { kind: 'refund' } },
  ...INCOME,
  { name: 'Red packets sent', match: { description: '红包|red packet|lucky money', direction: 'out' }, set: { category: 'Gifts & red packets:Red packets' } },
  { name: 'Interest charged', match: { description: '利息|interest charge|finance charge|purchase interest', direction: 'out' }, set: { category: 'Fees & interest:Interest paid' } },
  { name: 'Late fees', match: { description: '滞纳金|违约金|late fee|late payment fee', direction: 'out' }, set: { category: 'Fees & interest:Late fees' } },
  { name: 'Bank fees', match: { description: '手续费|年费|服务费|短信费|账户管理费|annual fee|service fee|monthly fee|maintenance fee|overdraft|atm fee|foreign transaction fee|returned check fee|wire fee|kontoführung', direction: 'out' }, set: { category: 'Fees & interest:Bank fees' } },
  { name: 'ATM withdrawal', match: { description: 'atm取款|atm 取款|取款|atm withdrawal|cash withdrawal|bargeldauszahlung', direction: 'out' }, set: { category: 'Transfer:Top-up & withdrawal', kind: 'transfer', channel: 'atm' } },
];

/** Generic words that need word boundaries ("rent", not "current"); real regular expressions, kept few. */
export const WORDS: Rule[] = [
  { name: 'Rent (word)', match: { description: '\\brent\\b|\\bmiete\\b|\\bloyer\\b', direction: 'out' }, set: { category: 'Housing:Rent' } },
  { name: 'Property management', match: { description: 'property (mgmt|management|mgt)|\\bhoa\\b|物业', direction: 'out' }, set: { category: 'Housing:Property fees' } },
  { name: 'Gas (word)', match: { description: '\\bgas\\b', direction: 'out' }, set: { category: 'Utilities:Gas' } },
  { name: 'Water (word)', match: { description: '\\bwater\\b', direction: 'out' }, set: { category: 'Utilities:Water' } },
];
