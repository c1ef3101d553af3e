import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { tCmd } from '../../core/messages/cli-commands.js';
import { tOut as say } from '../../core/messages/cli-outputs.js';
import { tAppRules } from '../../core/messages/app-rules.js';

/** Registers `pocketbook category`. */
export function register(program: Command): void {
  const category = program
    .command('category')
    .description(tCmd('categoryTheCategoryTree'))
    .addHelpText('after', examples({ en: ['pocketbook category list', 'pocketbook category add "Dining:Hot pot" --zh 火锅', 'pocketbook category remove Bars --to Dining:Restaurants'], zh: ['pocketbook category list', 'pocketbook category add "餐饮:火锅" --en "Hot pot"', 'pocketbook category remove 酒吧 --to 餐饮:餐厅'] }));

  category.command('list').description(tCmd('categoryTheTreeNamed'))
    .addHelpText('after', examples('pocketbook category list', 'pocketbook category list --json'))
    .action(action(async (ctx) => {
      const { listCategoryViews } = await import('../../app/rules/categories.js');
      const views = listCategoryViews(ctx);
      const zh = ctx.settings.locale === 'zh';
      await printTable(ctx, {
        columns: [{ key: 'name', header: tAppRules('colCategory') }, { key: 'other', header: tAppRules('colOtherName') }, { key: 'kind', header: tAppRules('colKind') }, { key: 'entries', header: tAppRules('colEntries'), numeric: true }],
        rows: views.map((v) => ({ name: v.parent ? `  ${zh ? v.name_zh : v.name_en}` : zh ? v.name_zh : v.name_en, other: zh ? v.name_en : v.name_zh, kind: v.kind, entries: v.entries })),
      }, views);
    }));

  category.command('add <path>').description(tCmd('categoryAddACategory'))
    .option('--zh <name>', tCmd('categoryChineseNameDefault'))
    .option('--en <name>', tCmd('categoryEnglishNameDefault'))
    .option('--kind <kind>', tCmd('categoryForANew'), 'expense')
    .addHelpText('after', examples({ en: ['pocketbook category add "Dining:Hot pot" --zh 火锅', 'pocketbook category add Hobbies --zh 爱好'], zh: ['pocketbook category add "餐饮:火锅" --en "Hot pot"', 'pocketbook category add 宠物 --en Pets'] }))
    .action(action(async (ctx, path: string, o: { zh?: string; en?: string; kind?: string }) => {
      const { addCategory } = await import('../../app/rules/categories.js');
      const v = addCategory(ctx, path, o);
      ctx.io.out(say('catAdded', { path: v.path, en: v.name_en, zh: v.name_zh }));
    }));

  category.command('rename <category> [new-name]').description(tCmd('categoryRenameAChinese'))
    .option('--en <name>', tCmd('categoryNewEnglishName'))
    .option('--zh <name>', tCmd('categoryNewChineseName'))
    .addHelpText('after', examples({ en: ['pocketbook category rename "Coffee & tea" Coffee', 'pocketbook category rename Dining --zh 吃饭'], zh: ['pocketbook category rename 咖啡茶饮 --zh 咖啡', 'pocketbook category rename 餐饮 --zh 吃饭'] }))
    .action(action(async (ctx, name: string, to: string | undefined, o: { en?: string; zh?: string }) => {
      const { renameCategoryUseCase } = await import('../../app/rules/categories.js');
      ctx.io.out(say('catRenamed', { name: renameCategoryUseCase(ctx, name, { ...o, to }) }));
    }));

  category.command('move <category> <parent>').description(tCmd('categoryMoveUnderAnother'))
    .addHelpText('after', examples({ en: ['pocketbook category move Bars Entertainment', 'pocketbook category move "Pet food" top'], zh: ['pocketbook category move 酒吧 娱乐', 'pocketbook category move "宠物食品" top'] }))
    .action(action(async (ctx, name: string, parent: string) => {
      const { moveCategoryUseCase } = await import('../../app/rules/categories.js');
      ctx.io.out(say('catMoved', { path: moveCategoryUseCase(ctx, name, parent) }));
    }));

  category.command('remove <category>').description(tCmd('categoryRemoveACategory'))
    .option('--to <category>', tCmd('categoryWhereItsEntries'))
    .addHelpText('after', examples({ en: ['pocketbook category remove Bars --to Dining:Restaurants', 'pocketbook category remove Hobbies --to none'], zh: ['pocketbook category remove 酒吧 --to 餐饮:餐厅', 'pocketbook category remove 兴趣爱好 --to none'] }))
    .action(action(async (ctx, name: string, o: { to?: string }) => {
      const { categoryEntryCount, removeCategoryUseCase } = await import('../../app/rules/categories.js');
      let to = o.to;
      if (to === undefined && ctx.interactive && process.stdin.isTTY) {
        const { entries, path } = categoryEntryCount(ctx, name);
        if (entries > 0) {
          const { listCategoryViews } = await import('../../app/rules/categories.js');
          const { search } = await import('@inquirer/prompts');
          const choices = [{ name: say('catLeave'), value: 'none' }, ...listCategoryViews(ctx).filter((v) => v.path !== path && !v.path.startsWith(`${path}:`)).map((v) => ({ name: v.path, value: v.path }))];
          to = await search<string>({ message: say('catHolds', { path, n: entries }), source: (t) => choices.filter((c) => c.name.toLowerCase().includes((t ?? '').toLowerCase())) });
        }
      }
      const res = removeCategoryUseCase(ctx, name, to);
      const one = res.moved === 1;
      ctx.io.out(res.to ? say(one ? 'catRemovedMoved1' : 'catRemovedMovedN', { path: res.path, n: res.moved, to: res.to }) : say(one ? 'catRemovedLeft1' : 'catRemovedLeftN', { path: res.path, n: res.moved }));
    }));
}
