/**
 * 钱迹 export: CSV (or XLSX) with one table — ID, 时间, 分类, 二级分类, 类型, 金额, 币种, 账户1,
 * 账户2, 备注, 已报销, 手续费, 优惠券, 记账者, 账单标记, 标签, 账单图片. 类型 is 支出, 收入, 转账,
 * 还款/信用卡还款 (a transfer onto a card), 退款 or 报销; a transfer's fee is its own expense.
 */
import { type AppSpec, appReader } from './app-table.js';

export const QIANJI: AppSpec = {
  id: 'qianji',
  describe: '钱迹 export (CSV, XLSX)',
  header: ['时间', '分类', '二级分类', '类型', '金额'],
  columns: {
    type: ['类型'],
    date: ['时间'],
    category: ['分类'],
    subcategory: ['二级分类'],
    account: ['账户1'],
    toAccount: ['账户2'],
    amount: ['金额'],
    currency: ['币种'],
    merchant: [],
    note: ['备注'],
    tags: ['标签'],
    fee: ['手续费'],
    reimbursed: ['已报销'],
    extras: ['优惠券', '记账者', '账单标记'],
  },
  types: {
    支出: 'expense', 收入: 'income', 转账: 'transfer', 还款: 'transfer', 信用卡还款: 'transfer', 退款: 'refund', 报销: 'income',
    余额变更: 'skip', 余额调整: 'skip',
  },
};

export const qianjiReader = appReader(QIANJI);
