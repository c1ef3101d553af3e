/**
 * What an inferred CSV layout rests on (src/import/infer): the evidence `import` names on stderr
 * and `--explain` lists, the sign verdicts, and the comments of a profile `profile create` drafts.
 */
import { messages } from '../i18n.js';

export const tEvidence = messages({
  headerLine: { en: 'header on line {line}', zh: '表头在第 {line} 行' },
  date: { en: 'date {column} ({format})', zh: '日期 {column}（{format}）' },
  amount: { en: 'amount {column}', zh: '金额 {column}' },
  debitCredit: { en: 'debit {debit} / credit {credit}', zh: '支出 {debit} / 收入 {credit}' },
  description: { en: 'description {columns}', zh: '摘要 {columns}' },
  balance: { en: 'balance {column}', zh: '余额 {column}' },
  signFrom: { en: 'sign from {column} ({out} out, {in} in)', zh: '收支方向取自 {column}（{out} 为支出，{in} 为收入）' },
  typeColumn: { en: 'the type column gives each sign', zh: '类型列给出每一行的收支方向' },
  ownColumns: { en: 'money out and in have columns of their own', zh: '支出和收入各有一列' },
  answered: { en: 'amount_sign {sign} as answered', zh: '按回答采用 amount_sign {sign}' },
  currencyColumn: { en: 'currency from "{column}"', zh: '币种取自“{column}”' },
  currencyHeader: { en: 'currency {code} from the header', zh: '币种 {code} 取自表头' },
  currencyCells: { en: 'currency {code} printed beside the amounts', zh: '币种 {code} 印在金额旁边' },
  balanceFollows: { en: 'the balance column follows the amounts on {n} of {steps} rows', zh: '{steps} 行中有 {n} 行的余额变化与金额一致' },
  balanceAgainst: { en: 'the balance column moves against the amounts on {n} of {steps} rows', zh: '{steps} 行中有 {n} 行的余额变化与金额相反' },
  noAmount: { en: 'no amount could be read', zh: '读不出任何金额' },
  cardPayments: {
    en: '{positive} positive rows and {negative} negative ones, payments or refunds among them: purchases are printed positive',
    zh: '{positive} 行正数、{negative} 行负数，负数中有还款或退款：消费记为正数',
  },
  cardAllPositive: { en: 'a card account whose amounts are all positive: purchases are printed positive', zh: '信用卡账户的金额全是正数：消费记为正数' },
  allPositivePayments: { en: 'every amount is positive, payments included', zh: '所有金额都是正数，包括还款' },
  allPositive: { en: 'every amount is positive', zh: '所有金额都是正数' },
  allNegative: { en: 'every amount is negative (money out)', zh: '所有金额都是负数（支出）' },
  mixed: { en: '{negative} negative and {positive} positive amounts', zh: '{negative} 个负数金额和 {positive} 个正数金额' },
  draftDescribe: { en: '{file} layout (drafted by profile create)', zh: '{file} 的格式（由 profile create 起草）' },
  draftTitle: {
    en: '# Profile drafted from {file} by `pocketbook profile create`: every field below is settled by the file.',
    zh: '# 由 `pocketbook profile create` 根据 {file} 起草的账单格式：下面每个字段都由文件本身确定。',
  },
  draftImport: { en: '# Import with: pocketbook import FILE --profile THIS_FILE.yaml', zh: '# 这样导入：pocketbook import FILE --profile THIS_FILE.yaml' },
});
