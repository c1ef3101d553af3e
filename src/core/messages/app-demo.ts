/**
 * Messages of `pocketbook demo` (its narration around the import summary and the month report) and
 * of `profile create` (its errors and the comments of the starter profile it writes).
 */
import { messages } from '../i18n.js';

export const tAppDemo = messages({
  noExamples: { en: 'no examples found in {dir}', zh: '在 {dir} 里没有找到示例' },
  importing: { en: "Importing the example household's statements ({n} files) into {where}\n", zh: '正在把示例家庭的账单（{n} 个文件）导入到：{where}\n' },
  temporaryLedger: { en: 'a temporary ledger', zh: '临时账本' },
  holds: { en: '\nThe ledger now holds {n} entries from {first} to {last}:', zh: '\n账本里现在有 {n} 笔记录，从 {first} 到 {last}：' },
  accountLine: { en: '{n} entries', zh: '{n} 笔' },
  monthReport: { en: '\nMonth report for {month}:\n', zh: '\n{month}月报：\n' },
  kept: {
    en: '\nThe demo ledger is {ledger}\nTry: pocketbook --ledger "{ledger}" tx list --month {month}',
    zh: '\n演示账本在 {ledger}\n试试：pocketbook --ledger "{ledger}" tx list --month {month}',
  },
  removed: {
    en: '\n(The temporary demo ledger was removed; run `pocketbook demo --keep` to keep it and explore.)',
    zh: '\n（临时演示账本已删除；运行 `pocketbook demo --keep` 可以保留它，慢慢探索。）',
  },
  typeChecking: { en: 'checking', zh: '活期' },
  typeSavings: { en: 'savings', zh: '储蓄' },
  typeCredit: { en: 'credit', zh: '信用卡' },
  typeWallet: { en: 'wallet', zh: '钱包' },
  typeCash: { en: 'cash', zh: '现金' },
  cannotRead: { en: 'cannot read {file}: {why}', zh: '无法读取 {file}：{why}' },
  notText: { en: '{file} is not a text (CSV) file', zh: '{file} 不是文本（CSV）文件' },
  notTextHint: { en: 'export it as CSV first', zh: '请先导出成 CSV' },
  layoutUnclear: { en: 'layout unclear: {question}', zh: '无法确定文件格式：{question}' },
  answerAtPrompt: { en: 'answer it at the prompt (a terminal), or take the defaults with --yes', zh: '请在提示处回答（需要终端），或者用 --yes 采用默认值' },
  byHand: { en: 'write that field of the profile by hand (see README, "CSV profiles")', zh: '请手动填写账单格式配置里的这个字段（见 README 的“CSV profiles”一节）' },
  noHeader: { en: '{file}: no header row found', zh: '{file}：没有找到表头' },
  profileByHand: { en: 'write the profile by hand (see README, "CSV profiles")', zh: '请手动编写账单格式配置（见 README 的“CSV profiles”一节）' },
  draftTitle: { en: '# Starter profile drafted from {file} by `pocketbook profile create`.', zh: '# 由 `pocketbook profile create` 根据 {file} 起草的初始账单格式。' },
  draftCheck: {
    en: '# Check every guessed column, then import with: pocketbook import FILE --profile THIS_FILE.yaml',
    zh: '# 请逐一核对猜测的列，然后这样导入：pocketbook import FILE --profile THIS_FILE.yaml',
  },
  draftHeader: { en: '# Header row found on line {line}: {header}', zh: '# 在第 {line} 行找到表头：{header}' },
  draftFormats: { en: 'e.g. YYYY-MM-DD, MM/DD/YYYY, DD.MM.YYYY', zh: '例如 YYYY-MM-DD、MM/DD/YYYY、DD.MM.YYYY' },
  draftOr: { en: ' or ', zh: ' 或 ' },
  draftDate: { en: 'date_format: "TODO"            # the dates could be {options}: pick one', zh: 'date_format: "TODO"            # 日期可能是 {options}：请选一个' },
  draftDateColumn: { en: '"TODO"            # the column holding the booking date', zh: '"TODO"            # 记账日期所在的列' },
  draftDescription: { en: '   # one or more text columns', zh: '   # 一个或多个文字列' },
  draftAmount: { en: '  amount: {column}              # signed: negative = money out', zh: '  amount: {column}              # 带正负号：负数 = 支出' },
  draftDebit: { en: '  debit: {column}              # money out', zh: '  debit: {column}              # 支出' },
  draftCredit: { en: '  credit: {column}             # money in', zh: '  credit: {column}             # 收入' },
  draftAmountTodo: {
    en: '  amount: "TODO"              # a signed amount column, or debit: and credit: columns',
    zh: '  amount: "TODO"              # 一个带正负号的金额列，或者 debit: 和 credit: 两列',
  },
  draftSign: {
    en: 'amount_sign: as-is              # invert for card exports that show purchases as positive',
    zh: 'amount_sign: as-is              # 信用卡导出文件把消费记为正数时，改为 invert',
  },
});
