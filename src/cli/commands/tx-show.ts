import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tEntry as say } from '../../core/messages/cli-tx-entry.js';

/** Registers `pocketbook tx show`. */
export function registerTxShow(tx: Command): void {
  tx.command('show')
    .description(say('show'))
    .argument('<id>', say('argId'))
    .addHelpText('after', examples('pocketbook tx show 4812', 'pocketbook tx show 4812 --json | jq .notes'))
    .action(
      action(async (ctx, id: string) => {
        const { showTx, txDetailJson, txDetailLines } = await import('../../app/entries/tx-show.js');
        const { escapeControls } = await import('../../render/safe-text.js');
        const { textWidth } = await import('../../render/width.js');
        const detail = showTx(ctx, id);
        ctx.io.out(ctx.format === 'json' ? JSON.stringify(txDetailJson(detail), null, 2) : txDetailLines(detail, textWidth).map(escapeControls).join('\n'));
      }),
    );
}
