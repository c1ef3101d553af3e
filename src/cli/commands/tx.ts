import type { Command } from 'commander';
import { examples } from '../runtime.js';
import { tCliHelp } from '../../core/messages/cli-help.js';
import { registerTxList } from './tx-list.js';
import { registerTxShow } from './tx-show.js';
import { registerTxEdit } from './tx-edit.js';
import { registerTxAnnotate } from './tx-annotate.js';
import { registerTxLink } from './tx-link.js';
import { registerTxAdd } from './tx-add.js';
import { registerTxReimburse } from './tx-reimburse.js';
import { tTx as t } from '../../core/messages/cli-tx.js';

/** Registers `pocketbook tx` and its subcommands (each family in its own module). */
export function register(program: Command): void {
  const tx = program
    .command('tx')
    .description(tCliHelp('tx'))
    .addHelpText(
      'after',
      examples({ en: ['pocketbook tx list --month 2026-09 --json',
        'pocketbook tx show 4812',
        'pocketbook tx edit 4812 --category Groceries',
        'pocketbook tx note 4812 "dinner with Li Wei, split later"',
        'pocketbook tx split 4812 "Dining=-120.00" "Gifts=-80.00"',
        'pocketbook tx link 4812 4907'], zh: ['pocketbook tx list --month 2026-09 --json', 'pocketbook tx show 4812', 'pocketbook tx edit 4812 --category 买菜超市', 'pocketbook tx note 4812 "和李伟吃饭，之后再分摊"', 'pocketbook tx split 4812 "餐饮=-120.00" "礼物红包:礼物=-80.00"', 'pocketbook tx link 4812 4907'] }),
    );
  registerTxList(tx);
  registerTxShow(tx);
  registerTxEdit(tx);
  registerTxAnnotate(tx);
  registerTxLink(tx);
  registerTxAdd(tx);
  registerTxReimburse(tx);
}
