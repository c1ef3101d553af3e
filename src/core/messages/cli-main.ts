/**
 * The program itself: its description, global options, the command overview, commander's own
 * words (headings, help and version options, its error messages) and the error boundary's lines.
 */
import { messages } from '../i18n.js';

export const tCliMain = messages({
  program: {
    en: 'Your bank, card and wallet statements in one private ledger: import, categorize, report.',
    zh: '把银行卡、信用卡和钱包账单汇总到一本私密账本：导入、分类、报表。',
  },
  optLedger: {
    en: 'ledger file (default: $POCKETBOOK_LEDGER, else ledger.db in the user data folder)',
    zh: '账本文件（默认：$POCKETBOOK_LEDGER，否则为用户数据目录中的 ledger.db）',
  },
  optJson: { en: 'print data as JSON (same as --format json)', zh: '以 JSON 输出数据（同 --format json）' },
  optFormat: {
    en: 'table | json | csv | markdown (ndjson for tx list, html for report month|year, svg|html for badges --card)',
    zh: 'table | json | csv | markdown（`tx list` 还可用 ndjson；`report month|year` 可用 html；`badges --card` 可用 svg|html）',
  },
  optNoColor: { en: 'no ANSI colours', zh: '不使用 ANSI 颜色' },
  optDebug: {
    en: 'print stack traces for unexpected errors, and what runs on a second thread',
    zh: '意外错误时打印调用栈，并显示在后台线程运行的内容',
  },
  optLang: { en: 'interface language: zh or en (default: the locale setting, else LANG)', zh: '界面语言：zh 或 en（默认：locale 设置，否则按 LANG）' },
  optVersion: { en: 'output the version number', zh: '显示版本号' },
  optHelp: { en: 'display help for command', zh: '显示命令帮助' },
  helpCommand: { en: 'display help for command', zh: '显示命令帮助' },
  afterError: { en: '(run with --help for usage)', zh: '（加 --help 查看用法）' },
  examplesTitle: { en: 'Examples:', zh: '示例：' },
  programFooter: {
    en: 'Data: the ledger is ledger.db in your user data folder (see README); POCKETBOOK_TODAY=YYYY-MM-DD fixes "today".',
    zh: '数据：账本是用户数据目录中的 ledger.db（见 README）；POCKETBOOK_TODAY=YYYY-MM-DD 可固定“今天”的日期。',
  },
  mailSubject: { en: 'Spending', zh: '本月支出' },
  badLang: { en: '--lang must be zh or en, not "{value}"', zh: '--lang 只能是 zh 或 en，不能是“{value}”' },
  badFormat: { en: '--format must be one of {choices}', zh: '--format 只能是以下之一：{choices}' },
  readerClosed: {
    en: 'pocketbook: the reader closed the output after {bytes} bytes were offered',
    zh: 'pocketbook: 读取方已关闭输出，此前已提供 {bytes} 字节',
  },
  // commander's headings
  titleUsage: { en: 'Usage:', zh: '用法：' },
  titleOptions: { en: 'Options:', zh: '选项：' },
  titleCommands: { en: 'Commands:', zh: '命令：' },
  titleArguments: { en: 'Arguments:', zh: '参数：' },
  titleGlobalOptions: { en: 'Global Options:', zh: '全局选项：' },
  defaultIs: { en: 'default: {value}', zh: '默认：{value}' },
  choicesAre: { en: 'choices: {value}', zh: '可选：{value}' },
  // commander's error messages (commander 14 phrases them in lib/command.js)
  errPrefix: { en: 'error: ', zh: '错误：' },
  errUnknownOption: { en: "unknown option '{flag}'", zh: '未知选项“{flag}”' },
  errUnknownCommand: { en: "unknown command '{name}'", zh: '未知命令“{name}”' },
  errMissingArgument: { en: "missing required argument '{name}'", zh: '缺少必需参数“{name}”' },
  errOptionArgumentMissing: { en: "option '{flags}' argument missing", zh: '选项“{flags}”缺少取值' },
  errRequiredOption: { en: "required option '{flags}' not specified", zh: '未指定必需选项“{flags}”' },
  errTooManyArguments: { en: 'too many arguments{rest}', zh: '参数过多{rest}' },
  errTooManyFor: { en: " for '{name}'", zh: '（命令“{name}”）' },
  errExpected: { en: '. Expected {expected} arguments but got {got}.', zh: '：应为 {expected} 个，实际 {got} 个。' },
  errInvalidValue: { en: "option '{flags}' argument '{value}' is invalid.", zh: '选项“{flags}”的取值“{value}”无效。' },
  errConflict: { en: '{a} cannot be used with {b}', zh: '{a} 不能与 {b} 同时使用' },
  didYouMean: { en: '(Did you mean {what}?)', zh: '（您是不是要输入 {what}？）' },
  didYouMeanOneOf: { en: '(Did you mean one of {what}?)', zh: '（您是不是要输入以下之一：{what}？）' },
  // the error boundary
  errorLine: { en: 'pocketbook: {message}', zh: 'pocketbook: 错误：{message}' },
  hint: { en: ' ({hint})', zh: '（提示：{hint}）' },
  tooLarge: {
    en: 'pocketbook: a total in the ledger is too large to compute exactly (look at one account or a shorter period at a time)',
    zh: 'pocketbook: 错误：账本中的某个合计过大，无法精确计算（请一次只看一个账户或更短的期间）',
  },
  readOnly: {
    en: 'pocketbook: the ledger cannot be written here (read-only media or no write permission): only commands that read it work',
    zh: 'pocketbook: 错误：此处无法写入账本（只读介质或没有写权限）：只能使用读取账本的命令',
  },
  busy: {
    en: 'pocketbook: the ledger is busy with another pocketbook command; try again in a moment',
    zh: 'pocketbook: 错误：账本正被另一个 pocketbook 命令使用，请稍后再试',
  },
  internal: { en: 'pocketbook: internal error: {message}', zh: 'pocketbook: 内部错误：{message}' },
  reportIt: {
    en: 'pocketbook: run again with --debug for details, and please report it',
    zh: 'pocketbook: 请加 --debug 重新运行查看详情，并向我们报告此问题',
  },
});
