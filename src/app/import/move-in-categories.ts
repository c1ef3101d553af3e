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

/** The apps' default expense categories (and common subcategories) → ours (by their Chinese names; either language resolves). */
const EXPENSE: Record<string, string> = {
  餐饮: '餐饮', 食品酒水: '餐饮', 餐饮美食: '餐饮', 早午晚餐: '餐饮:餐厅', 早餐: '餐饮:餐厅', 午餐: '餐饮:餐厅', 晚餐: '餐饮:餐厅', 三餐: '餐饮:餐厅', 外卖: '餐饮:外卖',
  水果零食: '餐饮:零食烘焙', 零食: '餐饮:零食烘焙', 烟酒茶: '餐饮:咖啡茶饮', 饮料: '餐饮:咖啡茶饮', 咖啡: '餐饮:咖啡茶饮',
  买菜: '买菜超市', 蔬菜: '买菜超市:生鲜果蔬', 水果: '买菜超市:生鲜果蔬', 超市: '买菜超市:超市',
  交通: '交通', 行车交通: '交通', 交通出行: '交通', 公共交通: '交通:公共交通', 地铁: '交通:公共交通',
  公交: '交通:公共交通', 打车: '交通:打车', 打车租车: '交通:打车', 加油: '交通:加油', 停车: '交通:停车过路',
  停车费: '交通:停车过路', 私家车费用: '汽车', 汽车: '汽车',
  购物: '购物', 购物消费: '购物', 衣服饰品: '购物:服饰', 衣服裤子: '购物:服饰', 服饰: '购物:服饰', 数码: '购物:数码电器',
  电器数码: '购物:数码电器', 日用品: '日用百货', 日常用品: '日用百货', 居家: '住房', 居家物业: '住房', 住房: '住房',
  房租: '住房:房租', 房贷: '住房:房贷', 物业管理: '住房:物业费', 物业: '住房:物业费', 维修保养: '住房:维修',
  水电煤气: '水电燃气', 水电: '水电燃气', 电费: '水电燃气:电费', 水费: '水电燃气:水费', 燃气费: '水电燃气:燃气费',
  交流通讯: '通讯', 通讯: '通讯', 话费: '通讯:手机话费', 手机费: '通讯:手机话费', 上网费: '通讯:宽带',
  休闲娱乐: '娱乐', 娱乐: '娱乐', 电影: '娱乐:电影', 游戏: '娱乐:游戏', 运动健身: '娱乐:运动健身',
  旅游: '旅行', 旅行: '旅行', 旅游度假: '旅行', 医疗保健: '医疗健康', 医疗: '医疗健康', 药品费: '医疗健康:药店', 治疗费: '医疗健康:医院',
  学习进修: '教育', 教育: '教育', 书报杂志: '娱乐:书报杂志', 培训进修: '教育:培训课程',
  人情往来: '礼物红包', 人情: '礼物红包', 送礼请客: '礼物红包:请客', 红包: '礼物红包:发红包',
  孝敬家长: '礼物红包:孝敬长辈', 宠物: '宠物', 美容: '个人护理', 美容美发: '个人护理:美容美发',
  保险: '保险', 金融保险: '保险', 手续费: '手续费利息:银行手续费', 利息支出: '手续费利息:利息支出', 税费: '税费',
  捐赠: '公益捐赠', 慈善捐助: '公益捐赠', 育儿: '子女', 孩子: '子女', 宝宝: '子女', 其他: '其他', 其它: '其他', 其他杂项: '其他',
  意外丢失: '其他:丢失罚款', 烂账损失: '其他',
};

const INCOME: Record<string, string> = {
  工资: '工资', 工资收入: '工资', 薪资: '工资', 职业收入: '工资', 加班收入: '工资:加班费', 奖金: '奖金', 奖金收入: '奖金', 年终奖: '奖金:年终奖',
  兼职: '兼职', 兼职收入: '兼职', 经营所得: '经营所得', 生意: '经营所得', 投资: '投资收益', 投资收入: '投资收益',
  理财: '投资收益', 理财收益: '投资收益', 利息: '利息收入', 利息收入: '利息收入', 分红: '股息分红', 租金: '租金收入',
  报销: '报销', 红包: '收红包', 收红包: '收红包', 礼金: '礼金收入', 礼金收入: '礼金收入',
  退款: '退款', 中奖: '中奖奖励', 中奖收入: '中奖奖励', 意外来钱: '其他收入', 其他收入: '其他收入', 其他: '其他收入', 其它: '其他收入',
};

export const BUILTIN_MAP: CategoryMap = { expense: EXPENSE, income: INCOME };

export interface Mapped {
  /** Our category path ('' = none). */
  path: string;
  /** The app's path, when only its 分类 was mapped (kept as a note). */
  dropped?: string;
  /** Neither map knows it: the app's own names (the import looks them up among ours first). */
  own?: boolean;
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
  return { path: [category, subcategory].filter(Boolean).join(':'), own: true };
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
