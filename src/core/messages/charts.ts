/**
 * Terminal charts and the perk sections of `report month` (badges, card benefits) as sentences.
 */
import { messages } from '../i18n.js';

export const tCharts = messages({
  badgesTitle: { en: 'Badges', zh: '勋章' },
  benefitsTitle: { en: 'Card benefits', zh: '卡片权益' },
  badgeEarned: { en: 'earned: {reason}', zh: '已获得：{reason}' },
  badgeEarnedNew: { en: 'new this month: {reason}', zh: '本月新获得：{reason}' },
  statusMet: { en: 'met', zh: '已达成' },
  statusOnTrack: { en: 'on track', zh: '进度正常' },
  statusAtRisk: { en: 'at risk', zh: '有风险' },
  statusMissed: { en: 'missed', zh: '未达成' },
  benefitPeriod: { en: '{status} · {start} → {end}', zh: '{status} · {start} 至 {end}' },
  benefitSpend: { en: '{progress} of {target} spent', zh: '已消费 {progress} / {target}' },
  benefitCount: { en: '{progress} of {target} purchases', zh: '已消费 {progress} / {target} 笔' },
  benefitCashback: { en: '{progress} of {target} cashback', zh: '已返现 {progress} / {target}' },
  benefitBalance: { en: 'balance {progress} of {target}', zh: '余额 {progress} / {target}' },
  benefitToGo: { en: '{remaining} to go · {days} days left', zh: '还差 {remaining} · 剩 {days} 天' },
  benefitDone: { en: 'target reached', zh: '目标已达成' },
  budgetsTitle: { en: 'Budgets', zh: '预算' },
  budgetSpent: { en: '{spent} of {budget}', zh: '已花 {spent} / {budget}' },
  budgetLeft: { en: '{amount} left', zh: '剩余 {amount}' },
  budgetOver: { en: 'OVER by {amount}', zh: '超支 {amount}' },
  budgetHeadingOver: { en: 'heading over', zh: '照此会超支' },
});
