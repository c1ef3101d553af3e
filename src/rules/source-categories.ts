/**
 * The sources' own categories (Alipay 交易分类, JD/Meituan types, bank MCC words) mapped onto
 * the default tree. Used only when no rule sets a category. Data; keys compared lower-case.
 */
export const SOURCE_CATEGORY_MAP: Record<string, string> = {
  餐饮美食: 'Dining', 美食: 'Dining', 餐饮: 'Dining', 外卖: 'Dining:Food delivery', 咖啡: 'Dining:Coffee & tea',
  日用百货: 'Shopping:Home goods', 超市: 'Groceries:Supermarkets', 生鲜: 'Groceries:Fresh produce', 买菜: 'Groceries:Fresh produce',
  交通出行: 'Transport', 交通: 'Transport', 打车: 'Transport:Taxi', 爱车养车: 'Transport:Car maintenance', 加油: 'Transport:Fuel',
  充值缴费: 'Utilities', 生活缴费: 'Utilities', 话费: 'Communication:Mobile', 通讯: 'Communication',
  服饰装扮: 'Shopping:Clothing', 服饰: 'Shopping:Clothing', 数码电器: 'Shopping:Electronics', 家居家装: 'Shopping:Home goods',
  网购: 'Shopping:Online shopping', 购物: 'Shopping', 美容美发: 'Personal care:Hair & beauty', 美妆: 'Personal care:Cosmetics',
  医疗健康: 'Health', 医疗: 'Health', 文化休闲: 'Entertainment', 休闲娱乐: 'Entertainment', 娱乐: 'Entertainment',
  运动户外: 'Entertainment:Sports & fitness', 酒店旅游: 'Travel', 旅游: 'Travel', 酒店: 'Travel:Hotels', 机票: 'Travel:Flights',
  教育培训: 'Education', 教育: 'Education', 母婴亲子: 'Children', 宠物: 'Pets', 住房物业: 'Housing', 住房: 'Housing',
  保险: 'Insurance', 公益捐赠: 'Charity', 生活服务: 'Other', 商业服务: 'Other', 其他: 'Other',
  投资理财: 'Transfer:Investments', 信用借还: 'Transfer:Card repayment', 账户存取: 'Transfer:Top-up & withdrawal',
  转账红包: 'Gifts & red packets', 红包: 'Gifts & red packets:Red packets', 亲友代付: 'Gifts & red packets:Gifts',
  收入: 'Income:Other income', 工资: 'Income:Salary',
  restaurants: 'Dining:Restaurants', dining: 'Dining', groceries: 'Groceries', 'gas/automotive': 'Transport:Fuel', gas: 'Transport:Fuel',
  travel: 'Travel', entertainment: 'Entertainment', merchandise: 'Shopping', shopping: 'Shopping', health: 'Health',
  'health care': 'Health', education: 'Education', utilities: 'Utilities', insurance: 'Insurance', 'fees & adjustments': 'Fees & interest',
};
