/**
 * The category map of moving in: an app's category (`分类` or `分类/子分类`) → a pocketbook category
 * path. Built in: the default categories of 随手记, 钱迹 and 挖财 onto ours; the user's own map
 * (`import --category-map FILE`, YAML with `expense:` and `income:`) comes first. An app category
 * neither knows keeps its name as a new category (`分类:子分类`); a known 分类 with an unknown 子分类
 * goes to our category for the 分类, and the app's path is kept as a note.
 */
import fs from 'node:fs';
import { LineCounter, isMap, parseDocument, stringify, type Node as YamlNode, type Pair } from 'yaml';
import { PocketbookError } from '../../core/errors.js';
import { yamlToData } from '../../core/yaml-data.js';
import { tMoveIn as t } from '../../core/messages/movein.js';

export type MapSide = 'expense' | 'income';
export type CategoryMap = Record<MapSide, Record<string, string>>;

/** The apps' default expense categories (and common subcategories) → ours (English paths; either language resolves). */
const EXPENSE: Record<string, string> = {
  餐饮: 'Dining', 食品酒水: 'Dining', 餐饮美食: 'Dining', 早午晚餐: 'Dining:Restaurants', 早餐: 'Dining:Restaurants', 午餐: 'Dining:Restaurants', 晚餐: 'Dining:Restaurants', 三餐: 'Dining:Restaurants', 外卖: 'Dining:Food delivery',
  水果零食: 'Dining:Snacks & bakery', 零食: 'Dining:Snacks & bakery', 烟酒茶: 'Dining:Coffee & tea', 饮料: 'Dining:Coffee & tea', 咖啡: 'Dining:Coffee & tea',
  买菜: 'Groceries', 蔬菜: 'Groceries:Fresh produce', 水果: 'Groceries:Fresh produce', 超市: 'Groceries:Supermarkets',
  交通: 'Transport', 行车交通: 'Transport', 交通出行: 'Transport', 公共交通: 'Transport:Public transit', 地铁: 'Transport:Public transit',
  公交: 'Transport:Public transit', 打车: 'Transport:Taxi', 打车租车: 'Transport:Taxi', 加油: 'Transport:Fuel', 停车: 'Transport:Parking & tolls',
  停车费: 'Transport:Parking & tolls', 私家车费用: 'Car', 汽车: 'Car',
  购物: 'Shopping', 购物消费: 'Shopping', 衣服饰品: 'Shopping:Clothing', 衣服裤子: 'Shopping:Clothing', 服饰: 'Shopping:Clothing', 数码: 'Shopping:Electronics',
  电器数码: 'Shopping:Electronics', 日用品: 'Daily necessities', 日常用品: 'Daily necessities', 居家: 'Housing', 居家物业: 'Housing', 住房: 'Housing',
  房租: 'Housing:Rent', 房贷: 'Housing:Mortgage', 物业管理: 'Housing:Property fees', 物业: 'Housing:Property fees', 维修保养: 'Housing:Repairs',
  水电煤气: 'Utilities', 水电: 'Utilities', 电费: 'Utilities:Electricity', 水费: 'Utilities:Water', 燃气费: 'Utilities:Gas',
  交流通讯: 'Communication', 通讯: 'Communication', 话费: 'Communication:Mobile', 手机费: 'Communication:Mobile', 上网费: 'Communication:Internet',
  休闲娱乐: 'Entertainment', 娱乐: 'Entertainment', 电影: 'Entertainment:Movies', 游戏: 'Entertainment:Games', 运动健身: 'Entertainment:Sports & fitness',
  旅游: 'Travel', 旅行: 'Travel', 旅游度假: 'Travel', 医疗保健: 'Health', 医疗: 'Health', 药品费: 'Health:Pharmacy', 治疗费: 'Health:Hospital',
  学习进修: 'Education', 教育: 'Education', 书报杂志: 'Entertainment:Books & magazines', 培训进修: 'Education:Courses',
  人情往来: 'Gifts & red packets', 人情: 'Gifts & red packets', 送礼请客: 'Gifts & red packets:Treats', 红包: 'Gifts & red packets:Red packets',
  孝敬家长: 'Gifts & red packets:Support for parents', 宠物: 'Pets', 美容: 'Personal care', 美容美发: 'Personal care:Hair & beauty',
  保险: 'Insurance', 金融保险: 'Insurance', 手续费: 'Fees & interest:Bank fees', 利息支出: 'Fees & interest:Interest paid', 税费: 'Taxes',
  捐赠: 'Charity', 慈善捐助: 'Charity', 育儿: 'Children', 孩子: 'Children', 宝宝: 'Children', 其他: 'Other', 其它: 'Other', 其他杂项: 'Other',
  意外丢失: 'Other:Lost & fines', 烂账损失: 'Other',
};

const INCOME: Record<string, string> = {
  工资: 'Salary', 工资收入: 'Salary', 薪资: 'Salary', 职业收入: 'Salary', 加班收入: 'Salary:Overtime', 奖金: 'Bonus', 奖金收入: 'Bonus', 年终奖: 'Bonus:Year-end bonus',
  兼职: 'Part-time', 兼职收入: 'Part-time', 经营所得: 'Business income', 生意: 'Business income', 投资: 'Investment returns', 投资收入: 'Investment returns',
  理财: 'Investment returns', 理财收益: 'Investment returns', 利息: 'Interest', 利息收入: 'Interest', 分红: 'Dividends', 租金: 'Rental income',
  报销: 'Reimbursement', 红包: 'Red packets received', 收红包: 'Red packets received', 礼金: 'Gifts received', 礼金收入: 'Gifts received',
  退款: 'Refunds', 中奖: 'Prizes', 中奖收入: 'Prizes', 意外来钱: 'Other income', 其他收入: 'Other income', 其他: 'Other income', 其它: 'Other income',
};

export const BUILTIN_MAP: CategoryMap = { expense: EXPENSE, income: INCOME };

export interface Mapped {
  /** Our category path ('' = none). */
  path: string;
  /** The app's path, when only its 分类 was mapped (kept as a note). */
  dropped?: string;
}

/** The category an app's (分类, 子分类) goes to on `side`; `user` first, then the built-in map, else the app's own names. */
export function mapCategory(user: CategoryMap | undefined, side: MapSide, category?: string, subcategory?: string): Mapped {
  if (!category && !subcategory) return { path: '' };
  const full = category && subcategory ? `${category}/${subcategory}` : (category ?? subcategory)!;
  for (const map of [user?.[side], BUILTIN_MAP[side]]) {
    if (!map) continue;
    const hit = map[full] ?? (subcategory ? map[subcategory] : undefined);
    if (hit !== undefined) return { path: hit };
  }
  for (const map of [user?.[side], BUILTIN_MAP[side]]) {
    const hit = category ? map?.[category] : undefined;
    if (hit !== undefined) return subcategory ? { path: hit, dropped: full } : { path: hit };
  }
  return { path: [category, subcategory].filter(Boolean).join(':') };
}

/** A user's map file: `expense:`/`income:` maps of text to text. One located line for anything else. */
export function readCategoryMap(file: string): CategoryMap {
  const text = fs.readFileSync(file, 'utf8');
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? (first.pos ? counter.linePos(first.pos[0]).line : undefined);
    throw new PocketbookError('BAD_INPUT', t('mapYaml', { why: first.message.split('\n')[0]! }), { location: { file, ...(line !== undefined ? { line } : {}) } });
  }
  const lineOf = (node: unknown) => {
    const range = (node as YamlNode | null)?.range;
    return range ? counter.linePos(range[0]).line : undefined;
  };
  const shape = (node: unknown) => new PocketbookError('BAD_INPUT', t('mapShape'), { location: { file, ...(lineOf(node) !== undefined ? { line: lineOf(node)! } : {}) } });
  const root = doc.contents;
  const map: CategoryMap = { expense: {}, income: {} };
  if (root === null || root === undefined) return map;
  if (!isMap(root)) throw shape(root);
  for (const pair of root.items as Pair[]) {
    const side = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    if (side !== 'expense' && side !== 'income') throw shape(pair.key);
    if (pair.value === null || (pair.value as { value?: unknown }).value === null) continue;
    if (!isMap(pair.value)) throw shape(pair.value);
    for (const item of pair.value.items as Pair[]) {
      const key = String((item.key as { value?: unknown } | null)?.value ?? '');
      const value = (item.value as { value?: unknown } | null)?.value;
      if (typeof value !== 'string' || value.trim() === '') {
        throw new PocketbookError('BAD_INPUT', t('mapValue', { key, value: String(value ?? '') }), { location: { file, ...(lineOf(item.key) !== undefined ? { line: lineOf(item.key)! } : {}) } });
      }
      map[side][key] = value.trim();
    }
  }
  yamlToData(doc, file, 'BAD_INPUT'); // refuses alias bombs
  return map;
}

/** The map file written after an import: what this file's categories went to, ready to edit. */
export function categoryMapYaml(used: CategoryMap): string {
  return `${t('mapHeader')}\n${stringify(used, { lineWidth: 0 })}`;
}
