import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tEntriesAdd as t } from '../../core/messages/entries-add.js';

interface AddFlags {
  date?: string;
  amount?: string;
  account?: string;
  description?: string;
  category?: string;
  tag?: string[];
  note?: string;
  yes?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Registers `pocketbook tx add` (issue 28): by flags or quick text. */
export function registerTxAdd(tx: Command): void {
  tx.command('add')
    .argument('[text]', t('addText'))
    .description(t('addDescription'))
    .option('--date <date>', t('optDate'))
    .option('--amount <amount>', t('optAmount'))
    .option('--account <account>', t('optAccount'))
    .option('--description <text>', t('optDescription'))
    .option('--category <category>', t('optCategory'))
    .option('--tag <tag>', t('optTag'), collect)
    .option('--note <text>', t('optNote'))
    .option('-y, --yes', t('optYes'))
    .addHelpText(
      'after',
      examples(
        'pocketbook tx add "昨天 加油 50 招行"',
        'pocketbook tx add "lunch 13.2 cmb" --yes',
        'pocketbook tx add "9月3日 工资 +5200 工行" --yes --json',
        'pocketbook tx add --date 2026-09-03 --amount -50 --account 现金 --description 加油 --tag car --note "full tank"',
        'pocketbook account alias 招行 "CMB Card"',
      ),
    )
    .action(
      action(async (ctx, text: string | undefined, o: AddFlags) => {
        const { addEntry } = await import('../../app/entries/tx-add.js');
        const json = ctx.format === 'json';
        const entry = await addEntry(
          ctx,
          { ...o, ...(text !== undefined ? { text } : {}), ...(o.tag ? { tags: o.tag } : {}) },
          (lines) => (json ? ctx.io.err(lines.join('\n')) : ctx.io.out(lines.join('\n'))),
        );
        if (!entry) {
          ctx.io.err(t('notAdded'));
          return 1;
        }
        if (json) ctx.io.out(JSON.stringify(entry, null, 2));
        else ctx.io.out(t('added', { id: entry.id, date: entry.date, amount: entry.amount, currency: entry.currency, account: entry.account, description: entry.description }));
      }),
    );
}
