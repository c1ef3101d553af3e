/** `pocketbook config`: its help, the settings' meanings, and its errors. */
import { messages } from '../i18n.js';

export const tConfig = messages({
  list: { en: 'every setting with its value', zh: '列出所有设置及其取值' },
  get: { en: 'print one setting', zh: '显示一项设置' },
  set: { en: 'change one setting', zh: '修改一项设置' },
  colSetting: { en: 'Setting', zh: '设置项' },
  colValue: { en: 'Value', zh: '当前值' },
  colDefault: { en: 'Default', zh: '默认值' },
  colMeaning: { en: 'Meaning', zh: '说明' },
  currency: { en: 'default currency for reports and new accounts (ISO 4217)', zh: '报表和新账户的默认币种（ISO 4217）' },
  locale: {
    en: 'language of category names and labels: en or zh',
    zh: '界面语言（分类名称、标题、提示）：en 或 zh；未设置时按 LANG',
  },
  color: { en: 'colour in terminal output: true or false', zh: '终端输出是否使用颜色：true 或 false' },
  reportTop: { en: 'rows in rankings', zh: '排行榜显示的行数' },
  name: { en: 'your name, shown on badge cards (`badges --card`)', zh: '你的名字，显示在勋章卡片上（`badges --card`）' },
  badgesFile: {
    en: 'custom badges YAML file used by `badges` and `report month`',
    zh: '`badges` 和 `report month` 使用的自定义徽章 YAML 文件',
  },
  unknownSetting: { en: 'unknown setting "{key}"', zh: '没有名为“{key}”的设置项' },
  settingsAre: { en: 'settings: {keys}', zh: '可用设置：{keys}' },
  notValid: { en: '"{value}" is not a valid {key}', zh: '“{value}”不是有效的 {key} 取值' },
  useCurrency: { en: 'use an ISO 4217 code such as CNY, USD, EUR', zh: '请使用 ISO 4217 代码，如 CNY、USD、EUR' },
  useLocale: { en: 'use en or zh', zh: '请使用 en 或 zh' },
  useBool: { en: 'use true or false', zh: '请使用 true 或 false' },
  usePositive: { en: 'use a positive whole number', zh: '请使用正整数' },
  helpNote: {
    en: 'locale: zh or en; without it, LC_ALL / LC_MESSAGES / LANG decide (zh_* → zh), and --lang overrides both for one run.',
    zh: 'locale：zh 或 en；未设置时由 LC_ALL / LC_MESSAGES / LANG 决定（zh_* 即中文），--lang 可对单次运行临时指定。',
  },
});
