import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { tCmd } from '../../core/messages/cli-commands.js';
import { tOut as say } from '../../core/messages/cli-outputs.js';

/** Registers `pocketbook merchant`. */
export function register(program: Command): void {
  const merchant = program
    .command('merchant')
    .description(tCmd('merchantMerchantNamesList'))
    .addHelpText('after', examples('pocketbook merchant list --search coffee', 'pocketbook merchant rename "Wholefds Hou" "Whole Foods"', 'pocketbook merchant alias "云膳过桥米线" "Yunshan Noodles"'));

  merchant.command('list').description(tCmd('merchantMerchantsWithEntry'))
    .option('--search <text>', tCmd('merchantOnlyMerchantsContaining'))
    .option('--limit <n>', tCmd('merchantAtMostThis'))
    .addHelpText('after', examples('pocketbook merchant list', 'pocketbook merchant list --search 星巴克 --json'))
    .action(action(async (ctx, o: { search?: string; limit?: string }) => {
      const { listMerchantViews } = await import('../../app/rules/merchants.js');
      const { parseWholeNumber } = await import('../../core/options.js');
      const limit = o.limit === undefined ? undefined : parseWholeNumber(o.limit, '--limit', { min: 0 });
      const views = listMerchantViews(ctx, { search: o.search, limit });
      if (views.length === 0 && ctx.format === 'table') ctx.io.out(say('noMerchants'));
      await printTable(ctx, {
        columns: [{ key: 'merchant', header: say('colMerchant') }, { key: 'count', header: say('colEntries'), numeric: true }, { key: 'total', header: say('colTotal'), numeric: true }, { key: 'currency', header: say('colCur') }, { key: 'aliases', header: say('colAliases') }],
        rows: views.map((v) => ({ ...v, aliases: v.aliases.join(', ') })),
      }, views);
    }));

  merchant.command('rename <from> <to>').description(tCmd('merchantRenameAMerchant'))
    .addHelpText('after', examples('pocketbook merchant rename "Amazon Mktplace" Amazon'))
    .action(action(async (ctx, from: string, to: string) => {
      const { renameMerchant } = await import('../../app/rules/merchants.js');
      const n = renameMerchant(ctx, from, to);
      ctx.io.out(say(n === 1 ? 'merchantRenamed1' : 'merchantRenamedN', { from, to, n }));
    }));

  merchant.command('alias <alias> <merchant>').description(tCmd('merchantMakeASpelling'))
    .addHelpText('after', examples('pocketbook merchant alias "STARBUCKS COFFEE" Starbucks', 'pocketbook merchant alias 云膳过桥米线 "Yunshan Noodles"'))
    .action(action(async (ctx, alias: string, name: string) => {
      const { aliasMerchant } = await import('../../app/rules/merchants.js');
      const res = aliasMerchant(ctx, alias, name);
      ctx.io.out(say(res.updated === 1 ? 'aliasSet1' : 'aliasSetN', { alias, name, n: res.updated }));
    }));
}
