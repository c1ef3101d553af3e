/** The category map of moving in: the built-in table, the user's map first, unknown names kept, the map file's errors located. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPocketbookError } from '../../../src/core/errors.js';
import { categoryMapYaml, mapCategory, readCategoryMap } from '../../../src/app/import/move-in-categories.js';

describe('mapCategory', () => {
  it('maps the apps’ default names onto ours, the subcategory first', () => {
    expect(mapCategory(undefined, 'expense', '食品酒水', '早午晚餐')).toEqual({ path: '餐饮:餐厅' });
    expect(mapCategory(undefined, 'expense', '购物', '日用品')).toEqual({ path: '日用百货' });
    expect(mapCategory(undefined, 'income', '职业收入', '工资收入')).toEqual({ path: '工资' });
    expect(mapCategory(undefined, 'income', '红包')).toEqual({ path: '收红包' });
    expect(mapCategory(undefined, 'expense', '红包')).toEqual({ path: '礼物红包:发红包' });
  });
  it('a known 分类 with an unknown 子分类 goes to ours and keeps the app path; an unknown one becomes a new category', () => {
    expect(mapCategory(undefined, 'expense', '食品酒水', '夜宵')).toEqual({ path: '餐饮', dropped: '食品酒水/夜宵' });
    expect(mapCategory(undefined, 'expense', '装修', '瓷砖')).toEqual({ path: '装修:瓷砖', own: true });
    expect(mapCategory(undefined, 'expense')).toEqual({ path: '' });
  });
  it("the user's map wins over the built-in one", () => {
    const user = { expense: { '食品酒水/早午晚餐': '餐饮:食堂', 装修: 'Housing:Renovation' }, income: {} };
    expect(mapCategory(user, 'expense', '食品酒水', '早午晚餐')).toEqual({ path: '餐饮:食堂' });
    expect(mapCategory(user, 'expense', '装修', '瓷砖')).toEqual({ path: 'Housing:Renovation', dropped: '装修/瓷砖' });
  });
});

describe('the map file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pb-catmap-'));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  it('round-trips what an import writes', () => {
    const used = { expense: { '食品酒水/早午晚餐': '餐饮:餐厅' }, income: { 工资: 'Salary' } };
    expect(readCategoryMap(file('ok.yaml', categoryMapYaml(used)))).toEqual(used);
  });
  it('refuses anything else with one located line', () => {
    const refuse = (text: string) => {
      try {
        readCategoryMap(file('bad.yaml', text));
      } catch (err) {
        if (isPocketbookError(err)) return `${err.location?.line}: ${err.message}`;
        throw err;
      }
      return 'accepted';
    };
    expect(refuse('expense:\n  餐饮: Dining\nspending:\n  x: y\n')).toMatch(/^3: .*expense/);
    expect(refuse('expense:\n  餐饮: [Dining]\n')).toMatch(/^2: .*餐饮/);
    expect(refuse('expense:\n  餐饮: "Dining\n')).toMatch(/YAML/);
  });
});
