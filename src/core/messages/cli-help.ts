/**
 * The command overview (`pocketbook --help`) and the program's examples. Each command's own
 * options and examples live in its area file (cli-import.ts, cli-config.ts …).
 */
import { messages } from '../i18n.js';

export const tCliHelp = messages({
  demo: {
    en: 'import the bundled example statements into a temporary ledger and show what it holds',
    zh: '把自带的示例账单导入临时账本，并展示其中内容',
  },
  account: { en: 'add, list, show, rename and remove accounts', zh: '添加、列出、查看、重命名和删除账户' },
  import: {
    en: 'import statement files (OFX/QFX, CSV, wallet bills); `import list`, `import undo ID`',
    zh: '导入账单文件（OFX/QFX、CSV、支付宝/微信账单）；`import list` 查看导入记录，`import undo ID` 撤销',
  },
  profile: {
    en: 'CSV profiles: the layouts pocketbook reads (`profile list`, `profile show NAME`, `profile create --from FILE`)',
    zh: 'CSV 格式模板：pocketbook 能读取的账单版式（`profile list`、`profile show NAME`、`profile create --from FILE`）',
  },
  tx: {
    en: 'list, show, edit and annotate ledger entries (notes, tags, receipts, splits, links)',
    zh: '列出、查看、修改和标注账目（备注、标签、票据、拆分、关联）',
  },
  tag: { en: 'tags on entries (add them with `tx tag`)', zh: '账目标签（用 `tx tag` 添加）' },
  category: {
    en: 'the category tree (English and Chinese names; either is accepted anywhere)',
    zh: '分类树（中英文名称均可，任何地方都能用）',
  },
  merchant: { en: 'merchant names: list, rename, alias', zh: '商户名称：列出、重命名、设置别名' },
  rules: { en: 'categorization rules: list, add, edit, test and apply', zh: '分类规则：列出、添加、修改、测试和应用' },
  categorize: {
    en: 'review uncategorized entries interactively, merchant by merchant (needs a terminal)',
    zh: '逐个商户交互式整理未分类账目（需要终端）',
  },
  report: { en: 'spending reports: month, year, rank, trend', zh: '收支报表：月度、年度、排行、趋势' },
  budget: { en: 'monthly or yearly budgets per category, and how you are doing', zh: '按分类设置月度或年度预算，并查看执行情况' },
  benefit: {
    en: 'card perks: spend and count thresholds, cashback caps, and how close you are',
    zh: '卡片权益：消费金额与笔数门槛、返现上限，以及离达标还差多少',
  },
  points: { en: 'card points: earning rules, balance, what lapses when, what to redeem', zh: '信用卡积分：积分规则、余额、到期提醒、兑换建议' },
  cards: {
    en: 'credit-card bills: statement, due date, repaid, days left (`cards --exit-code` for a reminder); `cards best`: which card earns most where',
    zh: '信用卡账单：本期账单、还款日、已还、剩余天数（`cards --exit-code` 可作还款提醒）；`cards best`：哪张卡在哪类消费上最划算',
  },
  badges: { en: 'badges earned (and nearly earned) in a month, with why', zh: '本月获得（及即将获得）的徽章及原因' },
  offers: { en: 'offers that fit: what each offer in your file would have saved you in 3 months', zh: '适合你的优惠：按近 3 个月的消费算出每个优惠能省多少' },
  export: {
    en: 'every entry as CSV, JSON, a ledger/hledger journal or beancount',
    zh: '把全部账目导出为 CSV、JSON、ledger/hledger 日记账或 beancount',
  },
  backup: {
    en: 'copy the ledger and the attachment store into a new timestamped folder',
    zh: '把账本和附件库复制到一个带时间戳的新文件夹',
  },
  check: { en: 'verify a ledger, its attachments or a backup folder (read-only)', zh: '校验账本、附件或备份文件夹（只读）' },
  config: {
    en: 'show and change settings (currency, locale, colour, report defaults)',
    zh: '查看和修改设置（币种、语言、颜色、报表默认值）',
  },
});
