import type { Command } from 'commander';
import { registerTxList } from './tx-list.js';
import { registerTxShow } from './tx-show.js';
import { registerTxEdit } from './tx-edit.js';
import { registerTxAnnotate } from './tx-annotate.js';
import { registerTxLink } from './tx-link.js';

/** Registers `pocketbook tx` and its subcommands (each family in its own module). */
export function register(program: Command): void {
  const tx = program.command('tx').description('list, show and annotate ledger entries');
  registerTxList(tx);
  registerTxShow(tx);
  registerTxEdit(tx);
  registerTxAnnotate(tx);
  registerTxLink(tx);
}
