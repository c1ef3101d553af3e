import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tEntry as say } from '../../core/messages/cli-tx-entry.js';

interface EditFlags {
  category?: string;
  merchant?: string;
  kind?: string;
  channel?: string;
  rule?: boolean;
}

/** Registers `pocketbook tx edit`. */
export function registerTxEdit(tx: Command): void {
  tx.command('edit <id>')
    .description(say('edit'))
    .option('--category <category>', say('optCategory'))
    .option('--merchant <name>', say('optMerchant'))
    .option('--kind <kind>', 'expense | income | transfer | refund')
    .option('--channel <channel>', 'card | alipay | wechat | unionpay | bank_transfer | cash | atm | direct_debit | online | unknown')
    .option('--no-rule', say('optNoRule'))
    .addHelpText('after', examples({ en: ['pocketbook tx edit 123 --category Groceries', 'pocketbook tx edit 123 --category 餐饮:咖啡茶饮 --merchant Starbucks', 'pocketbook tx edit 57 --kind transfer'], zh: ['pocketbook tx edit 123 --category 买菜超市', 'pocketbook tx edit 123 --category 餐饮:咖啡茶饮 --merchant 星巴克', 'pocketbook tx edit 57 --kind transfer'] }))
    .action(action(async (ctx, id: string, o: EditFlags) => {
      const { editEntry, ruleFromEdit } = await import('../../app/entries/tx-edit.js');
      const res = editEntry(ctx, Number(id), o);
      if (ctx.format === 'json') ctx.io.out(JSON.stringify(res));
      else ctx.io.out(res.category ? say('editedEntryCategory', { id: res.id, fields: res.changed.join(', '), category: res.category }) : say('editedEntry', { id: res.id, fields: res.changed.join(', ') }));
      if (o.category && res.category && res.merchant && o.rule !== false && ctx.interactive && process.stdin.isTTY) {
        const { confirm } = await import('@inquirer/prompts');
        if (await confirm({ message: say('makeRule', { merchant: res.merchant }), default: false })) {
          const name = ruleFromEdit(ctx, res.merchant, o.category);
          ctx.io.out(say('addedRule', { name }));
        }
      }
    }));
}
