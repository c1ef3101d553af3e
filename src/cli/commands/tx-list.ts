import type { Command } from 'commander';
import { action, examples } from '../runtime.js';

/** Registers `pocketbook tx list`. */
export function registerTxList(tx: Command): void {
  tx.command('list')
    .description('list entries, oldest first (every matching entry unless --limit)')
    .option('--month <YYYY-MM>', 'entries of one month')
    .option('--year <YYYY>', 'entries of one year')
    .option('--from <date>', 'from this date (YYYY-MM-DD)')
    .option('--to <date>', 'up to this date, inclusive')
    .option('--account <name>', 'one account')
    .option('--category <category>', 'a category (English or Chinese, Parent:Child), with its subcategories and split parts')
    .option('--merchant <text>', 'merchant name contains this')
    .option('--tag <tag>', 'entries with this tag')
    .option('--search <text>', 'description, merchant or notes contain this')
    .option('--min <amount>', 'amount at least this (signed: -500 means spending up to 500)')
    .option('--max <amount>', 'amount at most this (signed: -100 means spending of 100 or more)')
    .option('--kind <kind>', 'expense | income | transfer | refund')
    .option('--uncategorized', 'only entries without a category')
    .option('--sort <key>', 'date (default) or amount')
    .option('--limit <n>', 'at most n entries')
    .addHelpText(
      'after',
      examples(
        'pocketbook tx list --month 2026-09',
        'pocketbook tx list --month 2026-09 --json | jq \'.[] | select(.category == null)\'',
        'pocketbook tx list --month 2026-09 --json | jq \'.[] | select((.amount | tonumber) < -500)\'   # amounts are strings',
        'pocketbook tx list --year 2026 --category Dining --max -100 --sort amount --limit 10',
        'pocketbook tx list --search 星巴克 --format csv > coffee.csv',
        'pocketbook tx list --account "CMB Card" --uncategorized --format ndjson',
      ),
    )
    .action(
      action(async (ctx, opts: Record<string, string | boolean | undefined>) => {
        const { listTransactions } = await import('../../app/entries/tx-list.js');
        const format = ctx.format === 'table' || ctx.format === 'json' || ctx.format === 'csv' || ctx.format === 'ndjson' ? ctx.format : 'markdown';
        // Waiting on the event loop now and then lets a closed pipe (EPIPE, handled in main) end the
        // listing at once, and a slow reader's pipe drain instead of filling memory.
        const stdout = process.stdout;
        const pause = () => new Promise<void>((resolve) => (stdout.writableNeedDrain ? stdout.once('drain', resolve) : setImmediate(resolve)));
        await listTransactions(ctx, opts, format, (chunk) => void stdout.write(chunk), pause);
      }),
    );
}
