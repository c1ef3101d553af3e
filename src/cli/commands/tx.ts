import type { Command } from 'commander';
import { examples } from '../runtime.js';
import { tCliHelp } from '../../core/messages/cli-help.js';
import { invokedSubcommand } from '../invoked.js';

type RegisterFamily = (tx: Command) => void;

/**
 * Each family of subcommands, in the order `tx --help` lists them, with the names it registers.
 * `tx list` loads only its own module (with its help texts), not the other families': a listing
 * is run from shells and scripts many times a day. `tx --help` and unknown names load them all.
 */
const FAMILIES: readonly { names: readonly string[]; load: () => Promise<RegisterFamily> }[] = [
  { names: ['list'], load: async () => (await import('./tx-list.js')).registerTxList },
  { names: ['show'], load: async () => (await import('./tx-show.js')).registerTxShow },
  { names: ['edit'], load: async () => (await import('./tx-edit.js')).registerTxEdit },
  { names: ['tag', 'untag', 'attachment', 'note', 'attach', 'split'], load: async () => (await import('./tx-annotate.js')).registerTxAnnotate },
  { names: ['link', 'unlink'], load: async () => (await import('./tx-link.js')).registerTxLink },
  { names: ['add'], load: async () => (await import('./tx-add.js')).registerTxAdd },
  { names: ['reimburse'], load: async () => (await import('./tx-reimburse.js')).registerTxReimburse },
];

/** The subcommand names each family registers (a test checks them against what is registered). */
export const TX_SUBCOMMANDS: readonly string[] = FAMILIES.flatMap((f) => f.names);

/** Registers `pocketbook tx` and its subcommands (each family in its own module). */
export async function register(program: Command, args: readonly string[] = []): Promise<void> {
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
  const sub = invokedSubcommand(args, 'tx');
  const invoked = FAMILIES.find((f) => sub !== undefined && f.names.includes(sub));
  const families = invoked ? [invoked] : FAMILIES;
  for (const registerFamily of await Promise.all(families.map((f) => f.load()))) registerFamily(tx);
}
