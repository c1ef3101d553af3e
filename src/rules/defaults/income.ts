/**
 * Shipped default rules for money coming in: they file incoming rows under the 19 income
 * categories (migration 18). They decide the category only, never the kind: an incoming
 * transfer or card repayment stays what it is (the transfer rules in money.ts come first, and
 * the first rule to decide a field wins). Plain words, matched on incoming rows only.
 */
import type { Rule } from '../model.js';

/** [rule name, literal alternatives on the description, category] */
type IncomeRow = readonly [name: string, pattern: string, category: string];

const ROWS: readonly IncomeRow[] = [
  ['Bonus', '年终奖|奖金|绩效奖|13薪|bonus|prämie', 'Bonus'],
  ['Part-time', '兼职|part-time|part time', 'Part-time'],
  ['Salary', '代发工资|工资|薪资|薪金|薪酬|salary|payroll|wages|gehalt|lohn|direct dep|salaris|salaire', 'Salary'],
  ['Housing fund', '公积金', 'Housing fund'],
  ['Pension', '养老金|退休金|pension|ssa treas|soc sec|retirement benefit', 'Pension'],
  ['Freelance', '劳务费|劳务报酬|稿费|稿酬|讲课费|咨询费|freelance|upwork|fiverr|royalt', 'Freelance'],
  ['Business income', '经营收入|营业收入|营业款|商家收款|经营所得|货款|sales proceeds|stripe payout|shopify payout', 'Business income'],
  ['Dividends', '分红|股息|红利发放|现金红利|dividend|dividende', 'Dividends'],
  ['Investment returns', '基金收益|理财收益|收益发放|投资收益|到期收益|capital gain|investment income|distribution', 'Investment returns'],
  ['Interest earned', '结息|利息|存息|interest|zinsen', 'Interest'],
  ['Rental income', '租金收入|收房租|房租收入|租金收款|rent received|rental income|mieteinnahme', 'Rental income'],
  ['Reimbursement', '报销|差旅费|reimbursement|expense claim|expensify', 'Reimbursement'],
  ['Red packets received', '红包|压岁钱|red packet|lucky money', 'Red packets received'],
  ['Gifts received', '礼金|份子钱|贺礼|gift received|wedding gift', 'Gifts received'],
  // Not "押金退款" or "deposit refund": the refund rule makes those kind refund (a purchase given back).
  ['Deposit refunds', '退押金|退还押金|押金退还|押金退回|押金返还|deposit return|deposit released|kaution', 'Deposit refunds'],
  ['Benefits', '补贴|津贴|补助|福利|失业金|生育金|child benefit|subsidy|allowance|benefit payment', 'Benefits'],
  ['Prizes', '中奖|奖励金|返现|彩票|抽奖|cashback|cash back|prize|lottery', 'Prizes'],
];

export const INCOME: readonly Rule[] = ROWS.map(([name, description, category]) => ({ name, match: { description, direction: 'in' as const }, set: { category } }));
