import type { Command } from 'commander';
import { action, examples } from '../runtime.js';

/** Registers `pocketbook tx show`. */
export function registerTxShow(tx: Command): void {
  tx.command('show')
    .description('everything about one entry: raw description, how it was categorized, notes, tags, splits, receipts, source')
    .argument('<id>', 'entry id (see tx list)')
    .addHelpText('after', examples('pocketbook tx show 4812', 'pocketbook tx show 4812 --json | jq .notes'))
    .action(
      action(async (ctx, id: string) => {
        const { showTx, txDetailJson, txDetailLines } = await import('../../app/entries/tx-show.js');
        const { escapeControls } = await import('../../render/safe-text.js');
        const detail = showTx(ctx, id);
        ctx.io.out(ctx.format === 'json' ? JSON.stringify(txDetailJson(detail), null, 2) : txDetailLines(detail).map(escapeControls).join('\n'));
      }),
    );
}
