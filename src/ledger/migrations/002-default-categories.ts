/**
 * Migration 2: the default bilingual category tree (two levels), seeded for every ledger.
 * Data only; shipped migrations are never edited — a later tree change is a new migration.
 */
import type { Database } from 'better-sqlite3';

export const version = 2;
export const name = 'default categories';

type Kind = 'expense' | 'income' | 'transfer';
/** [English, Chinese, children as [English, Chinese]] */
type Group = [string, string, [string, string][]];

const EXPENSE: Group[] = [
  ['Dining', '餐饮', [['Restaurants', '餐厅'], ['Coffee & tea', '咖啡茶饮'], ['Fast food', '快餐'], ['Food delivery', '外卖'], ['Snacks & bakery', '零食烘焙'], ['Bars', '酒吧']]],
  ['Groceries', '买菜超市', [['Supermarkets', '超市'], ['Fresh produce', '生鲜果蔬'], ['Convenience stores', '便利店']]],
  ['Transport', '交通', [['Public transit', '公共交通'], ['Taxi', '打车'], ['Fuel', '加油'], ['Parking & tolls', '停车过路'], ['Car maintenance', '汽车保养'], ['Bike sharing', '共享单车']]],
  ['Shopping', '购物', [['Online shopping', '网购'], ['Clothing', '服饰'], ['Electronics', '数码电器'], ['Home goods', '家居日用'], ['Books', '书籍']]],
  ['Housing', '住房', [['Rent', '房租'], ['Mortgage', '房贷'], ['Property fees', '物业费'], ['Repairs', '维修']]],
  ['Utilities', '水电燃气', [['Electricity', '电费'], ['Water', '水费'], ['Gas', '燃气费'], ['Heating', '供暖']]],
  ['Communication', '通讯', [['Mobile', '手机话费'], ['Internet', '宽带']]],
  ['Subscriptions', '订阅会员', [['Streaming', '影音会员'], ['Software', '软件服务'], ['Cloud storage', '云存储']]],
  ['Entertainment', '娱乐', [['Movies', '电影'], ['Games', '游戏'], ['Events', '演出展览'], ['Sports & fitness', '运动健身']]],
  ['Travel', '旅行', [['Flights', '机票'], ['Hotels', '酒店'], ['Trains', '火车票'], ['Attractions', '景点门票'], ['Travel booking', '旅行预订']]],
  ['Health', '医疗健康', [['Hospital', '医院'], ['Pharmacy', '药店'], ['Dental', '牙科']]],
  ['Education', '教育', [['Tuition', '学费'], ['Courses', '培训课程'], ['Study materials', '学习资料']]],
  ['Pets', '宠物', [['Pet food', '宠物食品'], ['Vet', '宠物医疗']]],
  ['Personal care', '个人护理', [['Hair & beauty', '美容美发'], ['Cosmetics', '化妆品']]],
  ['Gifts & red packets', '礼物红包', [['Gifts', '礼物'], ['Red packets', '发红包']]],
  ['Insurance', '保险', [['Health insurance', '健康险'], ['Car insurance', '车险'], ['Life insurance', '寿险']]],
  ['Fees & interest', '手续费利息', [['Bank fees', '银行手续费'], ['Interest paid', '利息支出'], ['Late fees', '滞纳金']]],
  ['Taxes', '税费', [['Income tax', '个人所得税'], ['Property tax', '房产税']]],
  ['Charity', '公益捐赠', []],
  ['Children', '子女', [['Childcare', '托育'], ['Toys', '玩具'], ['Kids clothing', '童装']]],
  ['Other', '其他', []],
];

const INCOME: Group = [
  'Income', '收入',
  [['Salary', '工资'], ['Bonus', '奖金'], ['Investment', '投资收益'], ['Interest', '利息收入'], ['Reimbursement', '报销'],
    ['Red packets received', '收红包'], ['Side business', '副业'], ['Rental income', '租金收入'], ['Refunds', '退款'], ['Other income', '其他收入']],
];

const TRANSFER: Group = [
  'Transfer', '转账',
  [['Card repayment', '信用卡还款'], ['Top-up & withdrawal', '充值提现'], ['Own accounts', '账户互转'], ['Investments', '理财申赎']],
];

export const DEFAULT_TREE: readonly { kind: Kind; group: Group }[] = [
  ...EXPENSE.map((group) => ({ kind: 'expense' as const, group })),
  { kind: 'income', group: INCOME },
  { kind: 'transfer', group: TRANSFER },
];

export function up(db: Database): void {
  const insert = db.prepare('INSERT INTO categories (parent_id, name_en, name_zh, kind, position) VALUES (?, ?, ?, ?, ?)');
  const exists = db.prepare('SELECT id FROM categories WHERE parent_id IS ? AND name_en = ? COLLATE NOCASE');
  let position = 0;
  const add = (parent: number | null, en: string, zh: string, kind: Kind): number => {
    const found = exists.get(parent, en) as { id: number } | undefined;
    if (found) return found.id;
    return Number(insert.run(parent, en, zh, kind, position++).lastInsertRowid);
  };
  for (const { kind, group } of DEFAULT_TREE) {
    const [en, zh, children] = group;
    const parent = add(null, en, zh, kind);
    for (const [cen, czh] of children) add(parent, cen, czh, kind);
  }
}
