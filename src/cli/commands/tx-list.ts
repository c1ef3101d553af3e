import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tTx as t } from '../../core/messages/cli-tx.js';
import { tBills } from '../../core/messages/bills.js';

/** Registers `pocketbook tx list`. */
export function registerTxList(tx: Command): void {
  tx.command('list')
    .description(t('list'))
    .option('--month <YYYY-MM>', t('optMonth'))
    .option('--year <YYYY>', t('optYear'))
    .option('--from <date>', t('optFrom'))
    .option('--to <date>', t('optTo'))
    .option('--account <name>', t('optAccount'))
    .option('--category <category>', t('optCategory'))
    .option('--merchant <text>', t('optMerchant'))
    .option('--tag <tag>', t('optTag'))
    .option('--search <text>', t('optSearch'))
    .option('--min <amount>', t('optMin'))
    .option('--max <amount>', t('optMax'))
    .option('--kind <kind>', 'expense | income | transfer | refund')
    .option('--uncategorized', t('optUncategorized'))
    .option('--sort <key>', t('optSort'))
    .option('--limit <n>', t('optLimit'))
    .option('--instalments', tBills('optInstalments'))
    .addHelpText(
      'after',
      examples({ en: ['pocketbook tx list --month 2026-09',
        'pocketbook tx list --month 2026-09 --json | jq \'.[] | select(.category == null)\'',
        `pocketbook tx list --month 2026-09 --json | jq '.[] | select((.amount | tonumber) < -500)'   ${t('amountsAreStrings')}`,
        'pocketbook tx list --year 2026 --category Dining --max -100 --sort amount --limit 10',
        'pocketbook tx list --search 星巴克 --format csv > coffee.csv',
        'pocketbook tx list --account "CMB Card" --uncategorized --format ndjson',
        'pocketbook tx list --instalments --json'], zh: ['pocketbook tx list --month 2026-09', 'pocketbook tx list --month 2026-09 --json | jq \'.[] | select(.category == null)\'', `pocketbook tx list --month 2026-09 --json | jq '.[] | select((.amount | tonumber) < -500)'   ${t('amountsAreStrings')}`, 'pocketbook tx list --year 2026 --category 餐饮 --max -100 --sort amount --limit 10', 'pocketbook tx list --search 星巴克 --format csv > 咖啡.csv', 'pocketbook tx list --account "招行信用卡" --uncategorized --format ndjson', 'pocketbook tx list --instalments --account "招行信用卡"'] }),
    )
    .action(
      action(async (ctx, opts: Record<string, string | boolean | undefined>) => {
        if (opts.instalments) return (await import('../views/instalment-table.js')).printInstalmentPlans(ctx, opts);
        const { listTransactions } = await import('../../app/entries/tx-list.js');
        const format = ctx.format === 'table' || ctx.format === 'json' || ctx.format === 'csv' || ctx.format === 'ndjson' ? ctx.format : 'markdown';
        // Waiting on the event loop now and then lets a closed pipe (EPIPE, handled in main) end the
        // listing at once, and a slow reader's pipe drain instead of filling memory.
        const stdout = process.stdout;
        const pause = () => new Promise<void>((resolve) => (stdout.writableNeedDrain ? stdout.once('drain', resolve) : setImmediate(resolve)));
        const write = (chunk: string) => void stdout.write(chunk);
        const out =
          format === 'table' || format === 'markdown'
            ? (await import('../views/tx-table.js')).createTxTableWriter(format, write)
            : (await import('../../app/entries/tx-format.js')).createTxWriter(format, write);
        await listTransactions(ctx, opts, out, pause);
      }),
    );
}
