/**
 * 挖财 export: a workbook (.xlsx; a CSV reads the same when it has a 交易类型 column) with sheets 支出, 收入,
 * 转账, 借入借出, 收款还款. The sheet names the type: 支出/收入 columns 类别, 子类别, 账户, 币种,
 * 金额, 时间, 成员, 商家, 项目, 报销, 标签, 备注; 转账 columns 转出账户, 转入账户, 金额, 时间, 备注.
 * Loans (借入借出, 收款还款) are left out, each row counted as skipped.
 */
import { type AppSpec, appReader } from './app-table.js';

export const WACAI: AppSpec = {
  id: 'wacai',
  describe: '挖财 export (XLSX, CSV)',
  header: ['类别', '子类别', '账户', '金额', '时间'],
  columns: {
    type: ['交易类型'],
    date: ['时间', '日期'],
    category: ['类别'],
    subcategory: ['子类别'],
    account: ['账户', '转出账户'],
    toAccount: ['转入账户'],
    amount: ['金额'],
    currency: ['币种'],
    merchant: ['商家'],
    note: ['备注'],
    tags: ['标签'],
    reimbursed: ['报销'],
    extras: ['成员', '项目'],
  },
  types: { 支出: 'expense', 收入: 'income', 转账: 'transfer', 退款: 'refund', 报销: 'income', 借入借出: 'skip', 收款还款: 'skip', 余额调整: 'skip' },
};

export const wacaiReader = appReader(WACAI);
