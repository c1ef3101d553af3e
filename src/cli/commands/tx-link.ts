import type { Command } from 'commander';
import { action, examples } from '../runtime.js';

/** Registers `tx link ID ID` and `tx unlink ID`: fix transfer pairs and mirrored payments by hand. */
export function registerTxLink(tx: Command): void {
  tx.command('link <id> <peer>')
    .description('mark two entries of different accounts as one transfer (never spending or income)')
    .addHelpText('after', examples('pocketbook tx link 120 348', 'pocketbook tx link 120 348 --json'))
    .action(
      action(async (ctx, id: string, peer: string) => {
        const { linkCommand } = await import('../../app/transfers.js');
        const result = await linkCommand(ctx, id, peer);
        if (ctx.format === 'json') ctx.io.out(JSON.stringify(result));
        else ctx.io.out(`linked ${result.linked[0]} ↔ ${result.linked[1]} as a transfer`);
      }),
    );
  tx.command('unlink <id>')
    .description("undo an entry's transfer pair (both sides count again) or its mirrored-payment link")
    .addHelpText('after', examples('pocketbook tx unlink 120', 'pocketbook tx unlink 120 --json'))
    .action(
      action(async (ctx, id: string) => {
        const { unlinkCommand } = await import('../../app/transfers.js');
        const result = await unlinkCommand(ctx, id);
        if (ctx.format === 'json') ctx.io.out(JSON.stringify(result));
        else {
          const parts = [
            ...(result.peer !== null ? [`transfer with ${result.peer}`] : []),
            ...result.mirrors.map((m) => `mirror link with ${m}`),
          ];
          ctx.io.out(`unlinked ${result.id}: ${parts.join(', ')}`);
        }
      }),
    );
}
