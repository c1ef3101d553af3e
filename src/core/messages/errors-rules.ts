/**
 * Errors of the categorization rules (src/rules): the rules file, each rule's fields, amount
 * conditions and patterns that would backtrack for too long.
 */
import { messages } from '../i18n.js';

export const tErrorsRules = messages({
  notMapping: { en: 'rule {n} must be a mapping with name, match and set', zh: '第 {n} 条规则必须是包含 name、match 和 set 的映射' },
  needsName: { en: 'rule {n} needs a name', zh: '第 {n} 条规则需要一个名称（name）' },
  label: { en: 'rule "{name}"', zh: '规则“{name}”' },
  unknownKey: { en: '{label}: unknown key "{key}" (expected name, match, set)', zh: '{label}：未知的键“{key}”（应为 name、match、set）' },
  matchMapping: { en: '{label}: match must be a mapping', zh: '{label}：match 必须是映射' },
  setMapping: { en: '{label}: set must be a mapping', zh: '{label}：set 必须是映射' },
  unknownCondition: { en: '{label}: unknown match condition "{key}" (expected {fields})', zh: '{label}：未知的匹配条件“{key}”（应为 {fields}）' },
  matchText: { en: '{label}: match.{key} must be text', zh: '{label}：match.{key} 必须是文字' },
  matchPattern: { en: '{label}: match.{key} "{text}" {problem}', zh: '{label}：match.{key}“{text}”{problem}' },
  inLabel: { en: '{label}: {message}', zh: '{label}：{message}' },
  matchChannel: { en: '{label}: match.channel "{text}" is not a channel', zh: '{label}：match.channel“{text}”不是支付渠道' },
  matchDirection: { en: '{label}: match.direction must be in or out', zh: '{label}：match.direction 必须是 in（收入）或 out（支出）' },
  unknownSet: { en: '{label}: unknown set field "{key}" (expected {fields})', zh: '{label}：未知的 set 字段“{key}”（应为 {fields}）' },
  setTags: { en: '{label}: set.tags must be a list of words', zh: '{label}：set.tags 必须是词语列表' },
  setText: { en: '{label}: set.{key} must be text', zh: '{label}：set.{key} 必须是文字' },
  setKind: {
    en: '{label}: set.kind "{value}" must be expense, income, transfer or refund',
    zh: '{label}：set.kind“{value}”必须是 expense（支出）、income（收入）、transfer（转账）或 refund（退款）',
  },
  setChannel: { en: '{label}: set.channel "{value}" is not a channel', zh: '{label}：set.channel“{value}”不是支付渠道' },
  noCondition: { en: '{label}: match needs at least one condition', zh: '{label}：match 至少需要一个条件' },
  noField: { en: '{label}: set needs at least one field', zh: '{label}：set 至少需要一个字段' },
  twice: { en: 'rule "{name}" is defined twice; names must be unique', zh: '规则“{name}”定义了两次；规则名不能重复' },
  badStored: { en: 'rule "{name}": match.{field} "{pattern}" {problem}', zh: '规则“{name}”：match.{field}“{pattern}”{problem}' },
  badStoredHint: {
    en: 'fix it with `pocketbook rules edit` or remove it with `pocketbook rules remove "{name}"`',
    zh: '请用 `pocketbook rules edit` 修改，或用 `pocketbook rules remove "{name}"` 删除',
  },
  amountNumber: {
    en: 'amount condition "{whole}": "{text}" is not a number (use e.g. "< 0", ">= 100", "-500..-100")',
    zh: '金额条件“{whole}”：“{text}”不是数字（可写成 "< 0"、">= 100"、"-500..-100" 等）',
  },
  amountBounds: { en: 'amount condition "{whole}": the first bound must not exceed the second', zh: '金额条件“{whole}”：下限不能大于上限' },
  invalidYaml: { en: 'invalid YAML: {why}', zh: 'YAML 格式有误：{why}' },
  startRules: { en: 'the file must start with "rules:"', zh: '文件必须以“rules:”开头' },
  topKey: { en: 'unknown top-level key "{key}" (expected "rules")', zh: '未知的顶层键“{key}”（应为“rules”）' },
  rulesList: { en: '"rules" must be a list', zh: '“rules”必须是列表' },
});
