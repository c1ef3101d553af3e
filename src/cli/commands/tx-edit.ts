import type { Command } from 'commander';
import { action, examples } from '../runtime.js';

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
    .description('set category, merchant, kind or channel by hand (rules never change them afterwards)')
    .option('--category <category>', 'category, English or Chinese, Parent:Child or a unique name ("none" to clear)')
    .option('--merchant <name>', 'merchant name')
    .option('--kind <kind>', 'expense | income | transfer | refund')
    .option('--channel <channel>', 'card | alipay | wechat | unionpay | bank_transfer | cash | atm | direct_debit | online | unknown')
    .option('--no-rule', 'do not offer to make a rule')
    .addHelpText('after', examples('pocketbook tx edit 123 --category Groceries', 'pocketbook tx edit 123 --category 餐饮:咖啡茶饮 --merchant Starbucks', 'pocketbook tx edit 57 --kind transfer'))
    .action(action(async (ctx, id: string, o: EditFlags) => {
      const { editEntry, ruleFromEdit } = await import('../../app/entries/tx-edit.js');
      const res = editEntry(ctx, Number(id), o);
      if (ctx.format === 'json') ctx.io.out(JSON.stringify(res));
      else ctx.io.out(`entry ${res.id}: ${res.changed.join(', ')} set by hand${res.category ? ` (category ${res.category})` : ''}`);
      if (o.category && res.category && res.merchant && o.rule !== false && ctx.interactive && process.stdin.isTTY) {
        const { confirm } = await import('@inquirer/prompts');
        if (await confirm({ message: `Make this a rule for ${res.merchant}?`, default: false })) {
          const name = ruleFromEdit(ctx, res.merchant, o.category);
          ctx.io.out(`added rule "${name}"`);
        }
      }
    }));
}
