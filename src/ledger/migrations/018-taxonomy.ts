/**
 * Migration 18: the taxonomy of issue 24 — 23 top-level expense and 19 top-level income
 * categories, bilingual, with subcategories (ICBC 我的明细 style).
 *
 * Data only, and frozen: it imports nothing but its own tables. New ledgers get 002's tree and then
 * this; existing ledgers are mapped the same way:
 * - the income children of 002's `Income 收入` become top-level income categories, ids kept (so
 *   entries, splits, budgets and the report cache keep pointing at them); two are renamed
 *   (Investment → Investment returns, Side business → Business income) unless the user renamed
 *   them already; `Income` itself is removed only when nothing uses it any more;
 * - missing categories are inserted; a category whose name is taken is skipped, never merged;
 * - user-created categories and the user's own names are left as they are;
 * - user rules naming a renamed category follow it.
 */
import type { Database } from 'better-sqlite3';

export const version = 18;
export const name = 'taxonomy: 23 expense and 19 income categories';

type Kind = 'expense' | 'income' | 'transfer';
/** [English, Chinese, children as [English, Chinese]] */
type Group = readonly [string, string, readonly (readonly [string, string])[]];

/** New children for 002's expense groups, and the two new expense groups (in tree order). */
const EXPENSE: readonly Group[] = [
  ['Dining', '餐饮', [['Canteen', '食堂']]],
  ['Groceries', '买菜超市', [['Meat & seafood', '肉禽水产'], ['Grains & oils', '粮油调味']]],
  ['Daily necessities', '日用百货', [['Toiletries', '洗护用品'], ['Cleaning supplies', '清洁用品'], ['Kitchenware', '厨房用品'], ['Paper goods', '纸品']]],
  ['Transport', '交通', [['Long-distance coach', '长途汽车'], ['Ferry', '轮渡']]],
  ['Car', '汽车', [['Car purchase', '购车'], ['Car loan', '车贷'], ['Car rental', '租车'], ['Traffic fines', '违章罚款'], ['Car accessories', '汽车用品']]],
  ['Shopping', '购物', [['Accessories', '饰品配件'], ['Jewellery', '珠宝首饰']]],
  ['Housing', '住房', [['Furniture', '家具'], ['Renovation', '装修']]],
  ['Utilities', '水电燃气', [['Other utility bills', '生活缴费']]],
  ['Communication', '通讯', [['Postage', '邮寄快递']]],
  ['Subscriptions', '订阅会员', []],
  ['Entertainment', '娱乐', [['KTV', 'K歌'], ['Books & magazines', '书报杂志'], ['Hobbies', '兴趣爱好']]],
  ['Travel', '旅行', [['Car hire abroad', '境外租车'], ['Visas', '签证']]],
  ['Health', '医疗健康', [['Checkups', '体检'], ['Eye care', '眼科眼镜'], ['Supplements', '保健品']]],
  ['Education', '教育', [['Exams', '考试报名']]],
  ['Pets', '宠物', [['Pet supplies', '宠物用品'], ['Pet grooming', '宠物美容']]],
  ['Personal care', '个人护理', [['Spa & massage', '按摩足疗'], ['Skincare', '护肤']]],
  ['Gifts & red packets', '礼物红包', [['Wedding & funeral gifts', '婚丧礼金'], ['Treats', '请客'], ['Support for parents', '孝敬长辈']]],
  ['Insurance', '保险', [['Property insurance', '财产险'], ['Accident insurance', '意外险']]],
  ['Fees & interest', '手续费利息', [['Loan repayment interest', '贷款利息'], ['Transfer fees', '转账手续费']]],
  ['Taxes', '税费', [['Other taxes', '其他税费']]],
  ['Charity', '公益捐赠', [['Donations', '捐款'], ['Volunteering', '志愿活动']]],
  ['Children', '子女', [['Baby products', '母婴用品'], ['Kids activities', '亲子活动'], ['Pocket money', '零花钱']]],
  ['Other', '其他', [['Lost & fines', '丢失罚款'], ['Miscellaneous', '杂项']]],
];

/** The 19 top-level income categories: [English, Chinese, children, 002's child it takes over]. */
const INCOME: readonly (readonly [string, string, readonly (readonly [string, string])[], string?])[] = [
  ['Salary', '工资', [['Base pay', '基本工资'], ['Overtime', '加班费']], 'Salary'],
  ['Bonus', '奖金', [['Year-end bonus', '年终奖'], ['Performance bonus', '绩效奖金']], 'Bonus'],
  ['Part-time', '兼职', []],
  ['Freelance', '劳务报酬', [['Consulting', '咨询'], ['Royalties', '稿费版税']]],
  ['Business income', '经营所得', [['Sales', '销售收入'], ['Online shop', '网店收入']], 'Side business'],
  ['Investment returns', '投资收益', [['Funds', '基金收益'], ['Stocks', '股票收益'], ['Wealth management', '理财收益']], 'Investment'],
  ['Interest', '利息收入', [['Deposit interest', '存款利息'], ['Loan interest received', '借出利息']], 'Interest'],
  ['Dividends', '股息分红', []],
  ['Rental income', '租金收入', [], 'Rental income'],
  ['Reimbursement', '报销', [['Work expenses', '差旅报销'], ['Medical reimbursement', '医保报销']], 'Reimbursement'],
  ['Red packets received', '收红包', [], 'Red packets received'],
  ['Gifts received', '礼金收入', []],
  ['Deposit refunds', '押金退还', []],
  ['Refunds', '退款', [], 'Refunds'],
  ['Pension', '养老金', []],
  ['Benefits', '补贴福利', [['Subsidies', '补贴'], ['Allowances', '津贴'], ['Social benefits', '社保福利']]],
  ['Prizes', '中奖奖励', [['Lottery', '彩票中奖'], ['Cashback', '返现奖励']]],
  ['Housing fund', '公积金提取', []],
  ['Other income', '其他收入', [], 'Other income'],
];

/** 002's names of the children this migration renames: new English → [old English, old Chinese]. */
const RENAMED: Readonly<Record<string, readonly [string, string]>> = {
  'Investment returns': ['Investment', '投资收益'],
  'Business income': ['Side business', '副业'],
};

interface Row {
  id: number;
  parent_id: number | null;
  name_en: string;
  name_zh: string;
  kind: Kind;
}

export function up(db: Database): void {
  const rows = () => db.prepare('SELECT id, parent_id, name_en, name_zh, kind FROM categories').all() as Row[];
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const find = (parent: number | null, en: string, zh: string) =>
    rows().find((r) => r.parent_id === parent && (same(r.name_en, en) || r.name_zh === zh));
  const taken = (parent: number | null, en: string, zh: string, except?: number) =>
    rows().some((r) => r.id !== except && r.parent_id === parent && (same(r.name_en, en) || r.name_zh === zh));
  const insert = db.prepare('INSERT INTO categories (parent_id, name_en, name_zh, kind, position) VALUES (?, ?, ?, ?, 0)');
  const add = (parent: number | null, en: string, zh: string, kind: Kind): number | undefined => {
    const found = find(parent, en, zh);
    if (found) return found.id;
    return Number(insert.run(parent, en, zh, kind).lastInsertRowid);
  };
  const order: number[] = [];
  const ruleRenames = new Map<string, string>();

  for (const [en, zh, children] of EXPENSE) {
    const top = add(null, en, zh, 'expense');
    if (top === undefined) continue;
    order.push(top);
    for (const [cen, czh] of children) {
      const child = add(top, cen, czh, 'expense');
      if (child !== undefined) order.push(child);
    }
  }

  const oldIncome = rows().find((r) => r.parent_id === null && r.kind === 'income' && (same(r.name_en, 'Income') || r.name_zh === '收入'));
  for (const [en, zh, children, takesOver] of INCOME) {
    let top: number | undefined;
    const [oldEn, oldZh] = RENAMED[en] ?? [takesOver, zh];
    const old = oldEn && oldIncome ? rows().find((r) => r.parent_id === oldIncome.id && (same(r.name_en, oldEn) || r.name_zh === oldZh)) : undefined;
    if (old && !taken(null, old.name_en, old.name_zh, old.id)) {
      db.prepare('UPDATE categories SET parent_id = NULL WHERE id = ?').run(old.id);
      const was = RENAMED[en];
      // The shipped names only: a user's own renaming stays.
      if (was && old.name_en === was[0] && old.name_zh === was[1] && !taken(null, en, zh, old.id)) {
        db.prepare('UPDATE categories SET name_en = ?, name_zh = ? WHERE id = ?').run(en, zh, old.id);
        for (const p of [was[0], was[1], `Income:${was[0]}`, `收入:${was[1]}`, `Income:${was[1]}`, `收入:${was[0]}`]) ruleRenames.set(p.toLowerCase(), en);
      }
      top = old.id;
    } else {
      top = find(null, en, zh)?.id ?? (taken(null, en, zh) ? undefined : add(null, en, zh, 'income'));
    }
    if (top === undefined) continue;
    order.push(top);
    for (const [cen, czh] of children) {
      const child = add(top, cen, czh, 'income');
      if (child !== undefined) order.push(child);
    }
  }

  if (oldIncome && unused(db, oldIncome.id)) {
    db.prepare('DELETE FROM categories WHERE id = ?').run(oldIncome.id);
    for (const p of ['income', '收入']) ruleRenames.set(p, 'Other income');
  }
  followInRules(db, ruleRenames);
  reorder(db, order);
}

/** Nothing points at the category: no child, entry, split part or budget. */
function unused(db: Database, id: number): boolean {
  const n = (sql: string) => db.prepare(sql).pluck().get(id) as number;
  return (
    n('SELECT count(*) FROM categories WHERE parent_id = ?') === 0 &&
    n('SELECT count(*) FROM transactions WHERE category_id = ?') === 0 &&
    n('SELECT count(*) FROM splits WHERE category_id = ?') === 0 &&
    n('SELECT count(*) FROM budgets WHERE category_id = ?') === 0
  );
}

/** User rules naming a renamed category (as a path or bare name, either language) name its new one. */
function followInRules(db: Database, renames: ReadonlyMap<string, string>): void {
  if (renames.size === 0) return;
  const update = db.prepare('UPDATE rules SET set_json = ? WHERE id = ?');
  for (const r of db.prepare('SELECT id, set_json FROM rules').all() as { id: number; set_json: string }[]) {
    const set = JSON.parse(r.set_json) as { category?: unknown };
    if (typeof set.category !== 'string') continue;
    const to = renames.get(set.category.trim().replace('：', ':').toLowerCase());
    if (to !== undefined) update.run(JSON.stringify({ ...set, category: to }), r.id);
  }
}

/**
 * Shipped categories in the new tree's order, then the rest (transfers, the user's own) after
 * them in their previous order.
 */
function reorder(db: Database, order: readonly number[]): void {
  const rest = (db.prepare('SELECT id FROM categories ORDER BY position, id').pluck().all() as number[]).filter((id) => !order.includes(id));
  const set = db.prepare('UPDATE categories SET position = ? WHERE id = ?');
  [...order, ...rest].forEach((id, i) => set.run(i, id));
}
