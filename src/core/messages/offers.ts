/**
 * `pocketbook offers`: the offers file's errors, the ranking's headings and columns, and the
 * command's help (issue 26 point 5, the local 口袋优惠).
 */
import { messages } from '../i18n.js';

export const tOffers = messages({
  // command and options (cli/commands/offers.ts)
  command: { en: 'offers that fit: rank the offers in a YAML file by what they would have saved you', zh: '适合你的优惠：按近 3 个月的实际消费，算出 YAML 文件里每个优惠能省多少并排序' },
  optFile: { en: 'the offers file (YAML, `offers:` list; see the format below)', zh: '优惠文件（YAML，`offers:` 列表；格式见下文）' },
  optAll: { en: 'also list expired offers', zh: '同时列出已过期的优惠' },
  optExpiring: { en: 'only offers ending within 7 days', zh: '只列出 7 天内到期的优惠' },
  optDate: { en: 'evaluate as of this date (YYYY-MM-DD; default today)', zh: '以这一天为“今天”计算（YYYY-MM-DD，默认今天）' },
  format: {
    en: 'Offers file:\n  offers:\n    - name: Luckin 20% off          # required\n      account: CMB Credit Card       # optional: only purchases on this account\n      merchant: luckin               # merchant or description text, or\n      category: Coffee & tea         # a category (and its subcategories)\n      rule: { percent_off: 20, max_off: 10 }   # or { spend: 100, off: 20 } or { off: 5 }\n      days: [sat, sun]               # optional: mon..sun, 周一..周日 or 1..7 (1 = Monday)\n      valid: { from: 2026-10-01, to: 2026-12-31 }\nSaving per matching purchase of the last 3 months: percent_off of it (at most max_off);\nspend/off: off for each purchase of at least spend; off: off for each purchase.\nAmounts are in the ledger currency (config currency), in yuan/dollars.',
    zh: '优惠文件格式：\n  offers:\n    - name: 瑞幸8折                  # 必填\n      account: 招行信用卡            # 可选：只算这张卡/账户的消费\n      merchant: 瑞幸                 # 商户或摘要里的文字，或\n      category: 咖啡茶饮             # 分类（含子分类）\n      rule: { percent_off: 20, max_off: 10 }   # 或 { spend: 100, off: 20 }（满100减20）或 { off: 5 }（立减5元）\n      days: [周六, 周日]             # 可选：周一..周日、mon..sun 或 1..7（1 = 周一）\n      valid: { from: 2026-10-01, to: 2026-12-31 }\n近 3 个月每笔符合条件的消费可省：percent_off 按比例减（每笔最多 max_off）；\nspend/off：每笔满 spend 减 off；off：每笔立减 off。\n金额单位为元，按账本币种（config currency）计算。',
  },
  // errors of the offers file (reports/perks/offers-file.ts, app/perks/offers.ts)
  unreadable: { en: 'cannot read the offers file ({code})', zh: '无法读取优惠文件（{code}）' },
  fileHint: { en: 'see `pocketbook offers --help` for the format', zh: '格式见 `pocketbook offers --help`' },
  notYaml: { en: 'not valid YAML: {detail}', zh: '不是有效的 YAML：{detail}' },
  offersList: { en: 'expected an "offers:" list at the top', zh: '文件开头应为 "offers:" 列表' },
  offerWhere: { en: 'offer {index} "{name}": {problem}', zh: '第 {index} 个优惠“{name}”：{problem}' },
  notMapping: { en: 'each offer must be a mapping with name, rule and merchant or category', zh: '每个优惠都必须包含 name、rule 以及 merchant 或 category' },
  unknownField: { en: 'unknown field "{key}" (allowed: {allowed})', zh: '未知字段“{key}”（可用：{allowed}）' },
  missingName: { en: 'needs a name', zh: '缺少 name（优惠名称）' },
  fieldText: { en: '"{key}" must be a text', zh: '“{key}”必须是文字' },
  needsTarget: { en: 'needs a merchant or a category', zh: '需要指定 merchant（商户）或 category（分类）' },
  missingRule: { en: 'needs a rule: {percent_off, max_off}, {spend, off} or {off}', zh: '缺少 rule：{percent_off, max_off}、{spend, off} 或 {off}' },
  badRule: { en: 'rule must be {percent_off, max_off}, {spend, off} or {off}, not {given}', zh: 'rule 必须是 {percent_off, max_off}、{spend, off} 或 {off}，而不是 {given}' },
  badPercent: { en: 'percent_off "{value}" must be a number above 0 and at most 100', zh: 'percent_off“{value}”必须是大于 0、不超过 100 的数' },
  badAmount: { en: '{key} "{value}" must be an amount above zero', zh: '{key}“{value}”必须是大于零的金额' },
  badDay: { en: 'days: "{value}" is not a day of the week (mon..sun, 周一..周日 or 1..7)', zh: 'days：“{value}”不是星期几（可写 周一..周日、mon..sun 或 1..7）' },
  badValid: { en: 'valid must be {from: YYYY-MM-DD, to: YYYY-MM-DD} (either may be left out)', zh: 'valid 必须写成 {from: YYYY-MM-DD, to: YYYY-MM-DD}（可只写其一）' },
  badDate: { en: 'valid.{key} "{value}" is not a date (YYYY-MM-DD)', zh: 'valid.{key}“{value}”不是日期（YYYY-MM-DD）' },
  validOrder: { en: 'valid.from {from} is after valid.to {to}', zh: 'valid.from {from} 晚于 valid.to {to}' },
  noAccount: { en: 'no account named "{name}"', zh: '没有名为“{name}”的账户' },
  noCategory: { en: 'no category named "{name}"', zh: '没有名为“{name}”的分类' },
  nameTwice: { en: 'the name is used by an earlier offer', zh: '前面已有同名的优惠' },
  fileRequired: { en: 'give the offers file with --file FILE', zh: '请用 --file FILE 指定优惠文件' },
  badAsOf: { en: '--date "{value}" is not a date (YYYY-MM-DD)', zh: '--date“{value}”不是日期（YYYY-MM-DD）' },
  // output (cli/commands/offers.ts)
  heading: { en: 'Offers ranked by what they would have saved you, {from} to {to} ({currency})', zh: '按 {from} 至 {to} 的实际消费，优惠可省金额排行（{currency}）' },
  headingExpiring: { en: 'Offers ending within 7 days of {date}', zh: '{date} 起 7 天内到期的优惠' },
  none: { en: 'no offers to show (expired offers are hidden; --all shows them)', zh: '没有可显示的优惠（已过期的优惠不显示，加 --all 可查看）' },
  noneExpiring: { en: 'no offer ends within 7 days', zh: '没有 7 天内到期的优惠' },
  colOffer: { en: 'Offer', zh: '优惠' },
  colMatches: { en: 'Purchases', zh: '符合笔数' },
  colSpend: { en: 'Spend', zh: '消费金额' },
  colSaving: { en: 'Saving (3 months)', zh: '近3个月可省' },
  colValidTo: { en: 'Valid to', zh: '有效期至' },
  colDaysLeft: { en: 'Days left', zh: '剩余天数' },
  expired: { en: 'expired', zh: '已过期' },
  noEnd: { en: 'no end', zh: '长期有效' },
  best: { en: 'Best fit: {name}, {saving} saved on {n} purchases over the last 3 months.', zh: '最划算：{name}，近 3 个月 {n} 笔消费可省 {saving}。' },
});
