/** Help texts of `report` and its month, year, rank, trend and networth subcommands. */
import { messages } from '../i18n.js';

export const tReportHelp = messages({
  reportAssetsLiabilitiesMoney: { en: 'assets, liabilities (money owed on credit accounts) and net worth at each month-end, per currency, with a chart', zh: '每个月末的资产、负债（信用账户欠款）和净资产，按币种，附图表' },
  reportCategoryMerchantChannel: { en: 'category | merchant | channel', zh: 'category（分类）| merchant（商户）| channel（渠道）' },
  reportCategorySharesBeside: { en: 'category shares beside a reference profile (e.g. examples/reference-household.yaml) and your 12-month average', zh: '各分类占比与参考家庭（如 examples/reference-household.yaml）及您近 12 个月平均值的对比' },
  reportDrillDownInto: { en: 'drill down into one category (its children, then merchants)', zh: '深入查看某个分类（先看子分类，再看商户）' },
  reportFirstDayYyyy: { en: 'first day (YYYY-MM-DD)', zh: '第一天（YYYY-MM-DD）' },
  reportHowManyMonth: { en: 'how many month-ends, ending this month (as of today)', zh: '月末个数（截至本月，以今天为准）' },
  reportHowManyMonths: { en: 'how many months, ending this month', zh: '月数（截至本月）' },
  reportLastDayYyyy: { en: 'last day (YYYY-MM-DD)', zh: '最后一天（YYYY-MM-DD）' },
  reportLastMonth: { en: 'last month', zh: '上个月' },
  reportLastMonthOf: { en: 'last month of the window (default this month)', zh: '统计区间的最后一个月（默认本月）' },
  reportOneMonthDefault: { en: 'one month (default this month)', zh: '某个月（默认本月）' },
  reportOneYear: { en: 'one year', zh: '某一年' },
  reportOnlyEntriesWith: { en: 'only entries with this tag', zh: '只看带有该标签的账目' },
  reportOnlyThisAccount: { en: 'only this account', zh: '只看该账户' },
  reportRankSpendingBy: { en: 'rank spending by category, merchant or channel over any period', zh: '按分类、商户或渠道对任意期间的支出排行' },
  reportReportThisCurrency: { en: 'report this currency (default: the currency setting); other currencies present are named', zh: '按该币种出报表（默认：currency 设置）；同时列出存在的其他币种' },
  reportRowsInMerchant: { en: 'rows in merchant rankings (default 10)', zh: '商户排行的行数（默认 10）' },
  reportRowsToShow: { en: 'rows to show (default 10)', zh: '显示的行数（默认 10）' },
  reportSeriesToShow: { en: 'series to show with --by (the rest is \"Other\", default 5)', zh: '与 --by 一起使用时显示的系列数（其余归入“其他”，默认 5）' },
  reportSpendingAndIncome: { en: 'spending and income month by month, optionally split by category, merchant or channel', zh: '逐月的支出和收入，可按分类、商户或渠道细分' },
  reportSpendingReportsMonth: { en: 'spending reports: month, year, rank, trend; net worth', zh: '收支报表：月度、年度、排行、趋势；净资产' },
  reportTheAnnualBill: { en: 'the annual bill (this year so far, or YYYY)', zh: '年度账单（今年至今，或指定 YYYY）' },
  reportTheMonthlySpending: { en: 'the monthly spending report (this month so far, or YYYY-MM)', zh: '月度收支报表（本月至今，或指定 YYYY-MM）' },
  reportWithByCategory: { en: 'with --by category: the children of this category', zh: '与 --by category 一起使用：该分类的子分类' },
});
