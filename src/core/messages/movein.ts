/**
 * Moving in (issue 28 point 2): reading the exports of 随手记, 钱迹 and 挖财, the category map
 * (`import --category-map FILE`), and re-importing pocketbook's own `export --format json`.
 */
import { messages } from '../i18n.js';

export const tMoveIn = messages({
  onSheet: { en: 'sheet {sheet}: {message}', zh: '工作表“{sheet}”：{message}' },
  noTypeColumn: {
    en: 'no type column ({names}) and the sheet name is no type: cannot tell spending from income',
    zh: '没有类型列（{names}），工作表名也不是类型：分不清支出和收入',
  },
  noTypeHint: { en: 'import the workbook the app exported (its sheets are named 支出, 收入, 转账), or add a column {name}', zh: '请导入 App 导出的原始工作簿（工作表名为 支出、收入、转账），或加上“{name}”列' },
  unknownType: { en: 'type "{value}" is not one this importer knows ({known})', zh: '类型“{value}”无法识别（可识别：{known}）' },
  skipType: { en: '{value}: not money moved between accounts, left out', zh: '{value}：不是账户间的资金往来，未导入' },
  badDate: { en: 'date "{value}" is not a date like 2026-09-03', zh: '日期“{value}”不是 2026-09-03 这样的日期' },
  badAmount: { en: 'amount "{value}" is not an amount', zh: '金额“{value}”不是有效金额' },
  noAccount: { en: 'the row names no account', zh: '这一行没有写账户' },
  noToAccount: { en: 'a transfer without the account it goes to', zh: '转账没有写转入账户' },
  sameAccount: { en: 'a transfer from account "{account}" to itself', zh: '转账的转出和转入都是账户“{account}”' },
  optCategoryMap: {
    en: "YAML file mapping the app's categories onto yours (read if it exists, else written with the mapping used)",
    zh: '把记账 App 的分类对应到本账本分类的 YAML 文件（文件存在则按它对应，不存在则写入本次所用的对应关系）',
  },
  mapHead: { en: '  categories (app → pocketbook):', zh: '  分类对应（App → 本账本）：' },
  mapLine: { en: '    {from} → {to} (entries: {n})', zh: '    {from} → {to}（{n} 笔）' },
  mapLineNew: { en: '    {from} → {to} (new category, entries: {n})', zh: '    {from} → {to}（新建分类，{n} 笔）' },
  mapWritten: { en: '  category map written to {file}: edit it and import again with --category-map {file}', zh: '  分类对应已写入 {file}：修改后可用 --category-map {file} 重新导入' },
  mapRead: { en: '  category map read from {file}', zh: '  分类对应读取自 {file}' },
  mapWrite: { en: 'cannot write the category map ({why})', zh: '无法写入分类对应文件（{why}）' },
  mapYaml: { en: 'not valid YAML: {why}', zh: '不是有效的 YAML：{why}' },
  mapShape: {
    en: 'a category map holds "expense:" and "income:", each mapping an app category (分类 or 分类/子分类) to one of yours',
    zh: '分类对应文件只能包含 “expense:” 和 “income:”，每项把 App 的分类（分类 或 分类/子分类）对应到本账本的一个分类',
  },
  mapValue: { en: 'category "{key}" maps to "{value}", which is not a category name', zh: '分类“{key}”对应到“{value}”，这不是分类名称' },
  mapHeader: {
    en: '# pocketbook category map: app category (分类 or 分类/子分类) → pocketbook category (Parent:Child, either language).\n# A name pocketbook lacks becomes a new category. Edit, then: pocketbook import FILE --category-map THIS-FILE',
    zh: '# pocketbook 分类对应：App 分类（分类 或 分类/子分类）→ 本账本分类（父类:子类，中英文均可）。\n# 本账本没有的名称会新建为分类。修改后运行：pocketbook import 文件 --category-map 本文件',
  },
  sourceCategory: { en: 'app category: {path}', zh: '原分类：{path}' },
  transferFee: { en: 'transfer fee', zh: '转账手续费' },
  jsonNotArray: { en: 'a pocketbook JSON export is a list of entries', zh: 'pocketbook 的 JSON 导出应是一个记录列表' },
  jsonBad: { en: 'not valid JSON: {why}', zh: '不是有效的 JSON：{why}' },
  jsonField: { en: 'entry {n}: field "{field}" is missing or not {what}', zh: '第 {n} 条记录：字段“{field}”缺失或不是{what}' },
  whatText: { en: 'text', zh: '文本' },
  whatList: { en: 'a list of texts', zh: '文本列表' },
  whatDate: { en: 'a date like 2026-09-01', zh: '2026-09-01 这样的日期' },
  whatTime: { en: 'a time of day like 08:30, or null', zh: '08:30 这样的时刻，或 null' },
  whatKind: { en: 'one of expense, income, transfer, refund', zh: 'expense、income、transfer、refund 之一' },
  whatCurrency: { en: 'a currency code', zh: '币种代码' },
  whatAmount: { en: 'an amount', zh: '金额' },
  whatId: { en: 'an entry id', zh: '记录编号' },
});
