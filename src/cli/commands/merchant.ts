import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { tMerchants } from '../../core/messages/merchants.js';
import { tCmd } from '../../core/messages/cli-commands.js';
import { tOut as say } from '../../core/messages/cli-outputs.js';

/** Registers `pocketbook merchant`. */
export function register(program: Command): void {
  const merchant = program
    .command('merchant')
    .description(tCmd('merchantMerchantNamesList'))
    .addHelpText('after', examples({ en: ['pocketbook merchant list --search coffee', 'pocketbook merchant rename "Wholefds Hou" "Whole Foods"', 'pocketbook merchant alias "云膳过桥米线" "Yunshan Noodles"'], zh: ['pocketbook merchant list --search 咖啡', 'pocketbook merchant rename "星巴克咖啡(国贸店)" 星巴克', 'pocketbook merchant alias "云膳过桥米线" "Yunshan Noodles"'] }));

  merchant.command('list').description(tCmd('merchantMerchantsWithEntry'))
    .option('--search <text>', tMerchants('optSearch'))
    .option('--limit <n>', tCmd('merchantAtMostThis'))
    .addHelpText('after', examples('pocketbook merchant list', 'pocketbook merchant list --search 星巴克 --json', 'pocketbook merchant list --search xbk', 'pocketbook merchant list --search 麥當勞'))
    .action(action(async (ctx, o: { search?: string; limit?: string }) => {
      const { listMerchantViews, searchMerchantViews } = await import('../../app/rules/merchants.js');
      const { parseWholeNumber } = await import('../../core/options.js');
      const limit = o.limit === undefined ? undefined : parseWholeNumber(o.limit, '--limit', { min: 0 });
      const views = o.search === undefined ? listMerchantViews(ctx, { limit }) : await searchMerchantViews(ctx, { search: o.search, limit });
      if (views.length === 0 && ctx.format === 'table') ctx.io.out(say('noMerchants'));
      await printTable(ctx, {
        columns: [{ key: 'merchant', header: say('colMerchant') }, { key: 'count', header: say('colEntries'), numeric: true }, { key: 'total', header: say('colTotal'), numeric: true }, { key: 'currency', header: say('colCur') }, { key: 'aliases', header: say('colAliases') }],
        rows: views.map((v) => ({ ...v, aliases: v.aliases.join(', ') })),
      }, views);
    }));

  merchant.command('rename <from> <to>').description(tCmd('merchantRenameAMerchant'))
    .addHelpText('after', examples({ en: ['pocketbook merchant rename "Amazon Mktplace" Amazon'], zh: ['pocketbook merchant rename "星巴克咖啡(国贸店)" 星巴克'] }))
    .action(action(async (ctx, from: string, to: string) => {
      const { renameMerchant } = await import('../../app/rules/merchants.js');
      const n = renameMerchant(ctx, from, to);
      ctx.io.out(say(n === 1 ? 'merchantRenamed1' : 'merchantRenamedN', { from, to, n }));
    }));

  merchant.command('alias <alias> [merchant]').description(tCmd('merchantMakeASpelling'))
    .option('--en <name>', tMerchants('optEn'))
    .option('--zh <name>', tMerchants('optZh'))
    .addHelpText('after', examples('pocketbook merchant alias "STARBUCKS COFFEE" Starbucks', 'pocketbook merchant alias 云膳过桥米线 "Yunshan Noodles"', 'pocketbook merchant alias --en "Yunshan Noodles" 云膳过桥米线', 'pocketbook merchant alias --zh 云膳过桥米线 "Yunshan Noodles"'))
    .action(action(async (ctx, alias: string, name: string | undefined, o: { en?: string; zh?: string }) => {
      const { aliasMerchant, nameMerchant } = await import('../../app/rules/merchants.js');
      const { usageError } = await import('../../core/errors.js');
      if (o.en !== undefined || o.zh !== undefined) {
        if (name !== undefined) throw usageError(tMerchants('oneName'));
        const pair = nameMerchant(ctx, alias, o);
        ctx.io.out(tMerchants('named', pair));
        return;
      }
      if (name === undefined) throw usageError(tMerchants('twoNames'));
      const res = aliasMerchant(ctx, alias, name);
      ctx.io.out(say(res.updated === 1 ? 'aliasSet1' : 'aliasSetN', { alias, name, n: res.updated }));
    }));
}
