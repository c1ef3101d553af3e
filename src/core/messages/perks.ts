/**
 * Budgets, card benefits and badges: the `budget status` lines, the rules `benefit list` shows,
 * the reasons badges give, and the errors of budget and benefit commands.
 */
import { messages } from '../i18n.js';

export const tPerks = messages({
  // budget status (cli/views/budgets-view.ts)
  noBudgets: { en: 'no budgets yet (set one with `pocketbook budget set Dining 2000`)', zh: '还没有预算（设置方法：`pocketbook budget set 餐饮 2000`）' },
  budgetsHeading: { en: 'Budgets {month}', zh: '预算 {month}' },
  budgetYear: { en: '{category} (year {year})', zh: '{category}（{year}年度）' },
  budgetLeft: { en: '{amount} left', zh: '剩余 {amount}' },
  budgetOver: { en: 'OVER BUDGET by {amount}', zh: '已超支 {amount}' },
  budgetSpentOf: { en: '{spent} of {budget} {currency}', zh: '已花 {spent} / 预算 {budget} {currency}' },
  paceMonth: { en: 'at this rate you will spend {amount} by month end', zh: '按目前的速度，月底将花 {amount}' },
  paceYear: { en: 'at this rate you will spend {amount} by year end', zh: '按目前的速度，年底将花 {amount}' },
  paceOver: { en: '{pace} (over budget)', zh: '{pace}（将超支）' },
  // budget errors (app/perks/budgets.ts)
  noCategory: { en: 'no category named "{name}"', zh: '没有名为“{name}”的分类' },
  seeCategories: { en: 'see `pocketbook category list`', zh: '查看 `pocketbook category list`' },
  notSpendingCategory: { en: '"{name}" is not a spending category', zh: '“{name}”不是支出分类' },
  budgetsApply: { en: 'budgets apply to spending categories such as Dining', zh: '预算只适用于支出分类，比如餐饮' },
  notCurrency: { en: '"{code}" is not a currency code', zh: '“{code}”不是货币代码' },
  budgetPositive: { en: 'budget "{amount}" must be more than zero', zh: '预算“{amount}”必须大于零' },
  noBudgetFor: { en: 'no budget for "{name}"', zh: '“{name}”没有预算' },
  seeBudgets: { en: 'see `pocketbook budget list`', zh: '查看 `pocketbook budget list`' },
  // badges (reports/perks/badges.ts)
  badgeNoEntries: { en: 'no entries this month', zh: '本月没有记录' },
  badgeDining: { en: '{n} dining purchases (needs {min})', zh: '餐饮消费 {n} 笔（需要 {min} 笔）' },
  badgeExplorer: { en: '{n} new merchants (needs {min})', zh: '新商户 {n} 家（需要 {min} 家）' },
  badgeNeedsHistory: { en: 'needs entries in each of the 3 previous months', zh: '前 3 个月每个月都需要有记录' },
  badgeSavvy: { en: 'spent {spent} vs 3-month average {average}', zh: '本月支出 {spent}，前 3 个月平均 {average}' },
  badgePocketStar: { en: 'statements imported for {n} of the last 3 months', zh: '近 3 个月中有 {n} 个月导入了账单' },
  badgesFileUnreadable: { en: 'cannot read badges file ({code})', zh: '无法读取徽章文件（{code}）' },
  // benefit list (app/perks/benefits.ts describeSpec)
  ruleBalanceEnd: { en: 'balance at the period end ≥ {amount}', zh: '期末余额 ≥ {amount}' },
  ruleBalanceAverage: { en: 'average daily balance ≥ {amount}', zh: '日均余额 ≥ {amount}' },
  ruleSpend: { en: 'spend ≥ {amount}', zh: '消费 ≥ {amount}' },
  ruleCount: { en: '{n} purchases', zh: '消费 {n} 笔' },
  ruleCountMin: { en: '{n} purchases of ≥ {amount}', zh: '单笔 ≥ {amount} 的消费 {n} 笔' },
  ruleCashback: { en: '{rate}% cashback, cap {cap}', zh: '{rate}% 返现，上限 {cap}' },
  whereCategory: { en: 'category {name}', zh: '分类 {name}' },
  whereMerchant: { en: 'merchant ~ {name}', zh: '商户含 {name}' },
  whereChannel: { en: 'channel {name}', zh: '渠道 {name}' },
  ruleWhere: { en: '{rule} ({where})', zh: '{rule}（{where}）' },
  yearFrom: { en: 'year from {date}', zh: '自 {date} 起一年' },
});
