/**
 * Errors of src/core: dates and amounts a statement or a person wrote, whole-number options, the
 * calendar's edges, ambiguous category names, YAML aliases, regular expressions that backtrack.
 */
import { messages } from '../i18n.js';

export const tErrorsCore = messages({
  dateNoMatch: { en: '"{raw}" does not match {format}', zh: '“{raw}”与日期格式 {format} 不符' },
  dateNoMonth: { en: '"{raw}" names no month', zh: '“{raw}”里没有月份' },
  dateNoYear: { en: '"{raw}" has no year and none could be inferred', zh: '“{raw}”没有年份，也推断不出年份' },
  dateNotReal: { en: '"{raw}" is not a real date', zh: '“{raw}”不是一个真实存在的日期' },
  dateBadTime: { en: '"{raw}" has an impossible time', zh: '“{raw}”的时间不可能存在' },
  dateHint: { en: 'set date_format in the profile', zh: '请在账单格式配置（profile）里设置 date_format' },
  dateOrder: {
    en: 'no date in the file has a day above 12, so "{raw}" could be day-first or month-first: which is it?',
    zh: '文件里没有一个日期的日数大于 12，所以“{raw}”既可能是日在前，也可能是月在前：到底是哪一种？',
  },
  dateOrderHint: {
    en: 'set date_format: "{dayFirst}" (day first) or "{monthFirst}" (month first) in the profile',
    zh: '请在账单格式配置里设置 date_format：“{dayFirst}”（日在前）或“{monthFirst}”（月在前）',
  },
  dateUnknown: { en: 'cannot tell the date format of "{raw}"', zh: '无法判断“{raw}”的日期格式' },
  dateReadsAs: { en: 'cannot tell the date format of "{raw}" (it reads as {formats})', zh: '无法判断“{raw}”的日期格式（可读作 {formats}）' },
  dateOr: { en: ' or ', zh: ' 或 ' },
  dateUnknownHint: {
    en: 'set date_format in the profile (e.g. DD/MM/YYYY, DD MMM YYYY or YYYY-MM-DD)',
    zh: '请在账单格式配置里设置 date_format（例如 DD/MM/YYYY、DD MMM YYYY 或 YYYY-MM-DD）',
  },
  outOfCalendar: {
    en: 'the period reaches beyond the calendar pocketbook handles ({first} to {last})',
    zh: '这个时间段超出了 pocketbook 能处理的日期范围（{first} 至 {last}）',
  },
  outOfCalendarHint: { en: 'pick a later or earlier month', zh: '请换一个更晚或更早的月份' },
  amountEmpty: { en: '"{raw}" is empty, expected an amount', zh: '“{raw}”是空的，这里应当是金额' },
  amountSigns: { en: '"{raw}" has conflicting signs', zh: '“{raw}”的正负号互相矛盾' },
  amountNot: { en: '"{raw}" is not an amount', zh: '“{raw}”不是金额' },
  amountDecimals: { en: '"{raw}" has more decimals than {currency} allows ({exponent})', zh: '“{raw}”的小数位多于 {currency} 允许的位数（{exponent} 位）' },
  amountTooLarge: { en: '"{raw}" is too large (one entry holds at most {max} {currency})', zh: '“{raw}”太大了（一笔最多 {max} {currency}）' },
  totalTooLarge: {
    en: 'a total in {currency} is beyond {max} and cannot be computed exactly',
    zh: '{currency} 的合计超过 {max}，无法精确计算',
  },
  totalTooLargeHint: { en: 'look at one account or a shorter period at a time', zh: '请一次只看一个账户，或者缩短时间段' },
  userAmount: { en: '"{text}" is not an amount', zh: '“{text}”不是金额' },
  userAmountHint: { en: 'write it like 1234.56 or -35.50', zh: '请写成 1234.56 或 -35.50 这样的形式' },
  wholeNumber: { en: '{option} "{text}" must be a whole number from {min} to {max}', zh: '{option}“{text}”必须是 {min} 到 {max} 之间的整数' },
  searchTooLong: {
    en: '{option} is {length} characters long; at most {max} are searched for',
    zh: '{option} 有 {length} 个字符，最多只能搜索 {max} 个字符',
  },
  searchTooLongHint: { en: 'search for a shorter part of the text', zh: '请搜索其中较短的一段文字' },
  categoryAmbiguous: { en: 'category "{name}" is ambiguous', zh: '分类“{name}”有歧义' },
  categoryAmbiguousHint: { en: 'write it as Parent:Child, e.g. {choices}', zh: '请写成“上级分类:子分类”，例如 {choices}' },
  yamlAliases: {
    en: 'its aliases (*name) expand too far (more than {max} copies); refused',
    zh: '其中的别名（*name）展开得太多（超过 {max} 份），已拒绝读取',
  },
  yamlAliasesHint: { en: 'write the values out instead of repeating aliases', zh: '请直接写出这些值，不要重复使用别名' },
  regexExponential: {
    en: '"{part}" repeats a part that can match the same text in more than one way, so the ways multiply with every repetition (exponential time)',
    zh: '“{part}”重复的部分能以不止一种方式匹配同一段文字，每多重复一次，匹配方式就成倍增加（指数级耗时）',
  },
  regexInvalid: { en: 'is not a valid regular expression ({why})', zh: '不是有效的正则表达式（{why}）' },
  regexTooLong: { en: 'is longer than {max} characters; split it into several rules', zh: '超过 {max} 个字符，请拆成几条规则' },
  regexUncheckable: {
    en: 'cannot be checked for catastrophic backtracking ({why}); write it more simply',
    zh: '无法检查是否会灾难性回溯（{why}），请写得简单一些',
  },
  regexCatastrophic: {
    en: 'can backtrack catastrophically: {why}; rewrite it without the nested or overlapping repetition',
    zh: '可能发生灾难性回溯：{why}；请改写，去掉嵌套或相互重叠的重复',
  },
  regexTooDeep: { en: 'cannot be checked (nested more than {max} deep)', zh: '无法检查（嵌套超过 {max} 层）' },
  regexPolynomial: {
    en: 'can backtrack for a long time: {parts} can take the same characters, so their ways multiply (polynomial time on a {limit}-character text); {fix}',
    zh: '可能长时间回溯：{parts} 能匹配同样的字符，匹配方式相乘（对 {limit} 个字符的文字是多项式级耗时）；{fix}',
  },
  regexThen: { en: ' then ', zh: ' 之后是 ' },
  regexFix: {
    en: 'use a bounded repeat like .{0,40}, keep a single .* between words, or match a plain word',
    zh: '请用有上限的重复（如 .{0,40}），词与词之间只留一个 .*，或者直接匹配普通词语',
  },
  decimalBoth: {
    en: 'the amounts use both "." and "," as decimal separator: which is it? (set decimal: "." or "," in the profile)',
    zh: '金额里既用“.”也用“,”作小数点：到底是哪一个？（请在账单格式配置里设置 decimal: "." 或 ","）',
  },
  decimalWhich: {
    en: 'does "{sep}" in "{raw}" separate thousands or decimals? (set decimal: "{other}" or "{sep}" in the profile)',
    zh: '“{raw}”里的“{sep}”是千位分隔符还是小数点？（请在账单格式配置里设置 decimal: "{other}" 或 "{sep}"）',
  },
});
