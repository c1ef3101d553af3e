/**
 * Errors of the report commands (report month/year/rank/trend/networth, budget status, badges): the
 * option values and names they could not use, each with a hint.
 */
import { messages } from '../i18n.js';

export const tReportErrors = messages({
  noLedger: { en: 'no ledger here yet', zh: '这里还没有账本' },
  noLedgerHint: { en: 'import a statement first, or try `pocketbook demo`', zh: '请先导入一份账单，或者试试 `pocketbook demo`' },
  notAMonth: { en: '"{text}" is not a month', zh: '“{text}”不是月份' },
  monthHint: { en: 'write it as YYYY-MM, e.g. 2026-09', zh: '请写成 YYYY-MM，例如 2026-09' },
  monthTooEarly: { en: '"{text}" is before the first month a report covers (0001-01)', zh: '“{text}”早于报表能统计的第一个月（0001-01）' },
  notAYear: { en: '"{text}" is not a year', zh: '“{text}”不是年份' },
  yearHint: { en: 'write it as YYYY, e.g. 2025', zh: '请写成 YYYY，例如 2025' },
  yearTooEarly: { en: '"0000" is before the first year a report covers (0001)', zh: '“0000”早于报表能统计的第一年（0001）' },
  topSetting: { en: 'the report.top setting', zh: 'report.top 设置' },
  notADay: { en: '{option} "{text}" is not a date', zh: '{option}“{text}”不是日期' },
  dayHint: { en: 'write it as YYYY-MM-DD', zh: '请写成 YYYY-MM-DD' },
  noAccount: { en: 'no account named "{name}"', zh: '没有名为“{name}”的账户' },
  seeAccounts: { en: 'see `pocketbook account list`', zh: '查看 `pocketbook account list`' },
  noCategory: { en: 'no category named "{name}"', zh: '没有名为“{name}”的分类' },
  seeCategories: { en: 'see `pocketbook category list`', zh: '查看 `pocketbook category list`' },
  notCurrency: { en: '"{text}" is not a currency code', zh: '“{text}”不是货币代码' },
  currencyHint: { en: 'use an ISO 4217 code such as CNY or USD', zh: '请使用 ISO 4217 货币代码，例如 CNY 或 USD' },
  byRequired: { en: '--by is required', zh: '需要 --by' },
  byHint: { en: 'one of category, merchant, channel', zh: '可选 category、merchant、channel' },
  byOneOf: { en: '--by must be one of {values}', zh: '--by 只能是 {values} 之一' },
  onePeriod: { en: 'give one of --month, --year or --from/--to', zh: '--month、--year、--from/--to 只能选一种' },
  fromAfterTo: { en: '--from {from} is after --to {to}', zh: '--from {from} 晚于 --to {to}' },
  profileUnreadable: { en: 'cannot read reference profile ({code})', zh: '无法读取参考资料（{code}）' },
  profileHint: { en: 'see examples/reference-household.yaml', zh: '参见 examples/reference-household.yaml' },
  notYaml: { en: 'not valid YAML: {detail}', zh: '不是有效的 YAML：{detail}' },
  profileTop: { en: 'expected name, source and groups at the top', zh: '文件开头应为 name、source 和 groups' },
  groupsList: { en: 'expected a "groups:" list', zh: '应为 "groups:" 列表' },
  groupFields: { en: 'each group needs id, name, share and categories', zh: '每个类别都需要 id、name、share 和 categories' },
  shareRange: { en: '"share" must be a percentage between 0 and 100', zh: '"share" 必须是 0 到 100 之间的百分比' },
  categoriesList: { en: '"categories" must list at least one category', zh: '"categories" 至少要列出一个分类' },
  groupNoId: { en: 'group is missing "id"', zh: '类别缺少 "id"' },
  sharesTotal: { en: 'group shares add up to {total}%, not 100%', zh: '各类别占比合计 {total}%，不是 100%' },
  groupNoCategory: { en: 'group "{group}": no category named "{name}"', zh: '类别“{group}”：没有名为“{name}”的分类' },
});
