/**
 * `export`: the CSV header of `export --format csv` (its cells stay data: ISO dates, enum values)
 * and the option errors. The journal formats (ledger, hledger, beancount) are not translated.
 */
import { messages } from '../i18n.js';

export const tExport = messages({
  csv_id: { en: 'id', zh: '编号' },
  csv_date: { en: 'date', zh: '日期' },
  csv_amount: { en: 'amount', zh: '金额' },
  csv_currency: { en: 'currency', zh: '币种' },
  csv_account: { en: 'account', zh: '账户' },
  csv_description: { en: 'description', zh: '摘要' },
  csv_merchant: { en: 'merchant', zh: '商户' },
  csv_category: { en: 'category', zh: '分类' },
  csv_kind: { en: 'kind', zh: '收支类型' },
  csv_channel: { en: 'channel', zh: '支付渠道' },
  csv_tags: { en: 'tags', zh: '标签' },
  csv_notes: { en: 'notes', zh: '备注' },
  csv_account_type: { en: 'account_type', zh: '账户类型' },
  csv_split_of: { en: 'split_of', zh: '拆分自' },
  csv_split_part: { en: 'split_part', zh: '拆分序号' },
  csv_link: { en: 'link', zh: '关联' },
  csv_mirror_of: { en: 'mirror_of', zh: '镜像自' },
  formatOneOf: { en: '--format must be one of {formats}', zh: '--format 只能是 {formats} 之一' },
  notADate: { en: '{flag} "{value}" must be a date like 2026-09-01', zh: '{flag}“{value}”必须是日期，例如 2026-09-01' },
  fromAfterTo: { en: '--from is after --to', zh: '--from 晚于 --to' },
  reimbursedInExport: {
    en: 'note: {n} entries are settled reimbursements (an expense paid back, and its payment): the export holds them as the money that moved, while reports leave them out of spending and income',
    zh: '注意：有 {n} 笔账目属于已结清的报销（已报销的支出及其还款）：导出文件按实际资金往来记录它们，而报表不把它们计入支出和收入',
  },
});
