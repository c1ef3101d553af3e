/** Categories and merchants end to end (built CLI). */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempLedger, type TempLedger } from './helpers.js';

let t: TempLedger;
function ok(args: string[], env?: Record<string, string>) {
  const r = t.run(args, { env });
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}
const tx = () => JSON.parse(t.run(['tx', 'list', '--json']).stdout) as { id: number; description: string; merchant: string; category: string | null }[];

beforeEach(() => {
  t = tempLedger('pb-cat-');
  ok(['import', path.join(REPO_ROOT, 'test', 'fixtures', 'rules', 'card.csv'), '--account', 'Card']);
});
afterEach(() => t.cleanup());

describe('category', () => {
  it('lists the tree in the locale', () => {
    expect(ok(['category', 'list']).stdout).toMatch(/Coffee & tea\s+咖啡茶饮/);
    ok(['config', 'set', 'locale', 'zh']);
    expect(ok(['category', 'list']).stdout).toMatch(/咖啡茶饮\s+Coffee & tea/);
  });

  it('accepts either language wherever a category is named', () => {
    const id = tx()[0]!.id;
    ok(['tx', 'edit', String(id), '--category', '餐饮:咖啡茶饮']);
    expect(tx()[0]!.category).toBe('Dining:Coffee & tea');
    ok(['tx', 'edit', String(id), '--category', 'groceries']);
    expect(tx()[0]!.category).toBe('Groceries');
    expect(t.run(['tx', 'edit', String(id), '--category', 'Nowhere']).code).toBe(1);
  });

  it('adds, renames, moves and removes; remove asks where entries go', () => {
    ok(['category', 'add', 'Dining:Hot pot', '--zh', '火锅']);
    ok(['category', 'rename', '火锅', 'Hotpot']);
    ok(['rules', 'add', 'Hotpot', '--match', 'bakery', '--category', 'Dining:Hotpot']);
    ok(['category', 'move', 'Hotpot', 'Entertainment']);
    expect(ok(['rules', 'export']).stdout).toMatch(/category: Entertainment:Hotpot/);
    ok(['rules', 'apply']);
    expect(tx().filter((x) => x.category === 'Entertainment:Hotpot')).toHaveLength(2);
    const refused = t.run(['category', 'remove', 'Hotpot']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--to/);
    expect(ok(['category', 'remove', '火锅', '--to', 'Dining:Restaurants']).stdout).toMatch(/2 entries moved to Dining:Restaurants/);
    expect(tx().filter((x) => x.category === 'Dining:Restaurants')).toHaveLength(2);
    expect(ok(['rules', 'export']).stdout).toMatch(/category: Dining:Restaurants/);
  });
});

describe('merchant', () => {
  it('lists, renames and aliases; aliases hold on later imports', () => {
    expect(ok(['merchant', 'list']).stdout).toMatch(/Starbucks/);
    ok(['merchant', 'alias', 'Local Bakery', 'Corner Bakery']);
    expect(tx().filter((x) => x.merchant === 'Corner Bakery')).toHaveLength(2);
    ok(['merchant', 'rename', 'Starbucks', '星巴克']);
    expect(tx().filter((x) => x.merchant === '星巴克')).toHaveLength(1);
    t.cleanup();
    t = tempLedger('pb-cat-');
    ok(['merchant', 'alias', 'LOCAL BAKERY 77', 'Corner Bakery']);
    ok(['import', path.join(REPO_ROOT, 'test', 'fixtures', 'rules', 'card.csv'), '--account', 'Card']);
    expect(tx().filter((x) => x.merchant === 'Corner Bakery')).toHaveLength(2);
  });
});
