/**
 * Names a report shows for values that stay the same in JSON: payment channels, entry kinds, the
 * rows without a category or merchant, the "Other" series, weekdays, budget statuses. The English
 * texts are what the reports showed before (channel enum values as they are).
 */
import { messages } from '../i18n.js';

export const tTerms = messages({
  channel_card: { en: 'card', zh: '银行卡' },
  channel_alipay: { en: 'alipay', zh: '支付宝' },
  channel_wechat: { en: 'wechat', zh: '微信支付' },
  channel_unionpay: { en: 'unionpay', zh: '银联' },
  channel_bank_transfer: { en: 'bank_transfer', zh: '转账' },
  channel_cash: { en: 'cash', zh: '现金' },
  channel_atm: { en: 'atm', zh: 'ATM 取现' },
  channel_direct_debit: { en: 'direct_debit', zh: '自动扣款' },
  channel_online: { en: 'online', zh: '网上支付' },
  channel_unknown: { en: 'unknown', zh: '未知渠道' },
  kind_expense: { en: 'expense', zh: '支出' },
  kind_income: { en: 'income', zh: '收入' },
  kind_transfer: { en: 'transfer', zh: '转账' },
  kind_refund: { en: 'refund', zh: '退款' },
  uncategorized: { en: 'Uncategorized', zh: '未分类' },
  noMerchant: { en: '(no merchant)', zh: '（无商户）' },
  other: { en: 'Other', zh: '其他' },
  weekday_0: { en: 'Monday', zh: '周一' },
  weekday_1: { en: 'Tuesday', zh: '周二' },
  weekday_2: { en: 'Wednesday', zh: '周三' },
  weekday_3: { en: 'Thursday', zh: '周四' },
  weekday_4: { en: 'Friday', zh: '周五' },
  weekday_5: { en: 'Saturday', zh: '周六' },
  weekday_6: { en: 'Sunday', zh: '周日' },
  budget_ok: { en: 'ok', zh: '正常' },
  budget_over: { en: 'OVER by {amount}', zh: '超支 {amount}' },
  budget_heading_over: { en: 'heading over', zh: '预计超支' },
  period_month: { en: 'month', zh: '每月' },
  period_quarter: { en: 'quarter', zh: '每季度' },
  period_year: { en: 'year', zh: '每年' },
  period_cycle: { en: 'cycle', zh: '每个账单周期' },
  period_anniversary: { en: 'anniversary', zh: '周年' },
});
