/**
 * Benefits with several conditions, money rewards with a yearly cap, and entitlements (issue 26
 * points 2 and 3): `benefit add` flags and errors, `benefit use`, and the `benefit status` lines.
 */
import { messages } from '../i18n.js';

export const tBenefits2 = messages({
  // benefit add: help and errors (cli/commands/benefit.ts, app/perks/benefit-spec.ts)
  addDescription: {
    en: 'track a benefit: --min-spend and/or --min-count (all must hold), or --cashback (with --cap), --min-balance or --entitlement',
    zh: '跟踪一项权益：--min-spend 和/或 --min-count（须全部达成），或者 --cashback（配 --cap）、--min-balance、--entitlement',
  },
  optRewardFixed: { en: 'a fixed reward for each period whose conditions all hold, e.g. 56', zh: '每个达标周期的固定奖励，例如 56' },
  optRewardCapYear: { en: 'the most the reward (fixed or cashback) pays in a year, e.g. 672', zh: '奖励（固定奖励或返现）每年最多多少，例如 672' },
  optEntitlement: { en: 'N free uses per period (car washes, coffees, lounge visits)', zh: '每个周期可免费使用 N 次（洗车、咖啡、贵宾厅等）' },
  optStatusDate: { en: 'the status as it stands on this day (YYYY-MM-DD; default today)', zh: '按这一天的情况显示（YYYY-MM-DD，默认今天）' },
  notCombined: { en: '{flag} does not go with {other}', zh: '{flag} 不能和 {other} 一起用' },
  needKind: {
    en: 'give --min-spend and/or --min-count, or one of --cashback, --min-balance, --entitlement',
    zh: '请给出 --min-spend 和/或 --min-count，或者 --cashback、--min-balance、--entitlement 之一',
  },
  capYearNeedsReward: { en: '--reward-cap-year needs --reward-fixed or --cashback (the reward it caps)', zh: '--reward-cap-year 需要 --reward-fixed 或 --cashback（要封顶的奖励）' },
  entitlementNotWhole: { en: '--entitlement "{text}" is not a positive whole number', zh: '--entitlement“{text}”不是正整数' },
  // benefit list (describeSpec)
  ruleBoth: { en: '{a} and {b}', zh: '{a}，且{b}' },
  ruleEntitlement: { en: '{n} free uses', zh: '免费 {n} 次' },
  rewardFixed: { en: '{amount} per period met', zh: '每个达标周期奖励 {amount}' },
  rewardCapYear: { en: '{reward}, at most {cap} a year', zh: '{reward}，每年最多 {cap}' },
  // benefit use (app/perks/benefit-use.ts)
  useDescription: { en: 'record one use of an entitlement (one not already in your statements)', zh: '登记一次权益使用（账单里没有的那次）' },
  useDate: { en: 'the day of the use (YYYY-MM-DD; default today)', zh: '使用日期（YYYY-MM-DD，默认今天）' },
  notEntitlement: { en: '"{name}" is not an entitlement: only benefits added with --entitlement have uses', zh: '“{name}”不是免费次数权益：只有用 --entitlement 添加的权益才能登记使用' },
  badDate: { en: '--date "{text}" is not a date (YYYY-MM-DD)', zh: '--date“{text}”不是日期（YYYY-MM-DD）' },
  useRecorded: {
    en: 'recorded a use of "{name}" on {date}: {used} of {allowed} used from {start} to {end}, {left} left',
    zh: '已登记“{name}”在 {date} 使用一次：{start} 至 {end} 已用 {used} / {allowed} 次，还剩 {left} 次',
  },
  // benefit status text (cli/views/benefit-lines2.ts)
  thisMonth: { en: 'this month', zh: '本月' },
  thisQuarter: { en: 'this quarter', zh: '本季度' },
  thisYear: { en: 'this year', zh: '本年' },
  thisCycle: { en: 'this statement cycle', zh: '本账单周期' },
  thisCardYear: { en: 'this card year', zh: '本卡片年度' },
  needMore: { en: '  {parts} by {end}', zh: '  还差 {parts}，截至 {end}' },
  partsJoin: { en: '{a} and {b}', zh: '{a}和{b}' },
  partCountMin: { en: '{n} more purchases of at least {amount}', zh: '{n} 笔满 {amount} 元的消费' },
  partCountMinOne: { en: '1 more purchase of at least {amount}', zh: '1 笔满 {amount} 元的消费' },
  partCount: { en: '{n} more purchases', zh: '{n} 笔消费' },
  partCountOne: { en: '1 more purchase', zh: '1 笔消费' },
  partSpend: { en: '{amount} more spend', zh: '{amount} 元消费' },
  allConditionsMet: { en: '  every condition met {when}', zh: '  {when}所有条件均已达成' },
  rewardEarned: { en: '  reward: {period} {when} · {year} this year', zh: '  奖励：{when} {period} 元 · 本年 {year} 元' },
  rewardEarnedCap: { en: '  reward: {period} {when} · {year} of the {cap} yearly cap', zh: '  奖励：{when} {period} 元 · 本年 {year} 元，年度上限 {cap} 元' },
  entUsed: { en: '{used} of {allowed} free uses taken ({entries} from entries, {recorded} recorded)', zh: '已使用 {used} / {allowed} 次免费权益（账单 {entries} 次，手动登记 {recorded} 次）' },
  entLeft: { en: '  {left} free uses of {name} left {when}, lapsing after {end}', zh: '  {when}还可免费使用 {left} 次{name}，{end} 到期' },
  entLeftOne: { en: '  1 free use of {name} left {when}, lapsing after {end}', zh: '  {when}还可免费使用 1 次{name}，{end} 到期' },
  entAllUsed: { en: '  all {allowed} free uses of {name} taken {when}', zh: '  {when}的 {allowed} 次免费{name}已全部用完' },
  // report month's Card benefits section (render/perk-views.ts)
  monthUses: { en: '{progress} of {target} free uses taken', zh: '已用免费 {progress} / {target} 次' },
  statusNote: {
    en: '\nSeveral conditions (--min-spend with --min-count) must all hold; the top-level metric, target,\nprogress and remaining are those of the condition furthest from done, and conditions lists each.\n--reward-fixed pays a fixed amount for each period whose conditions all hold; --reward-cap-year caps it\n(or cashback) over the calendar year the period starts in. An entitlement (--entitlement N) is N free\nuses per period: a use is a purchase entry of any amount (0.00 included) matching --merchant,\n--category or --channel, or one recorded with `benefit use`; without those filters only recorded uses\ncount. Unused uses are at_risk once the period ends within 7 days (--exit-code then exits 3).\n',
    zh: '\n多个条件（--min-spend 与 --min-count 同时给出）必须全部满足；顶层的 metric、target、progress、remaining\n取离达成最远的那个条件，conditions 逐条列出。--reward-fixed 为每个达标周期给固定奖励；--reward-cap-year\n为它（或返现）设置按自然年计算的年度上限（以周期开始的年份为准）。免费次数权益（--entitlement N）为每个周期\n免费 N 次：一次使用是一笔匹配 --merchant、--category 或 --channel 的消费（任何金额，含 0.00），或用\n`benefit use` 登记的一次；没有这些筛选条件时只计手动登记。周期在 7 天内结束而仍有未用次数时为 at_risk\n（--exit-code 此时返回 3）。\n',
  },
});
