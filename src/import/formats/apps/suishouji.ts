/**
 * 随手记 (Feidee) export: a workbook (.xls, newer versions .xlsx) with a sheet per kind — 支出,
 * 收入, 转账, 余额变更, 负债变更, 债权变更 — under a title row; columns 交易类型, 日期, 分类, 子分类,
 * 账户1 (支出账户/收入账户), 账户2 (a transfer's other account), 金额, 成员, 商家, 项目, 记账人, 备注.
 * A CSV saved from it reads the same.
 */
import { type AppSpec, appReader } from './app-table.js';

export const SUISHOUJI: AppSpec = {
  id: 'suishouji',
  describe: '随手记 Feidee export (XLS, XLSX, CSV)',
  header: ['交易类型', '日期', '分类', '子分类', '金额'],
  columns: {
    type: ['交易类型'],
    date: ['日期'],
    category: ['分类'],
    subcategory: ['子分类'],
    account: ['账户1', '账户', '支出账户', '收入账户', '转出账户'],
    toAccount: ['账户2', '转入账户'],
    amount: ['金额'],
    currency: ['账户币种', '币种'],
    merchant: ['商家'],
    note: ['备注'],
    tags: ['标签', '项目'],
    reimbursed: ['报销'],
    extras: ['成员', '项目分类', '记账人'],
  },
  types: { 支出: 'expense', 收入: 'income', 转账: 'transfer', 退款: 'refund', 报销: 'income', 余额变更: 'skip', 负债变更: 'skip', 债权变更: 'skip' },
};

export const suishoujiReader = appReader(SUISHOUJI);
