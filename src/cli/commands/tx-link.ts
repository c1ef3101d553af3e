import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tCmd } from '../../core/messages/cli-commands.js';

/** Registers `tx link ID ID` and `tx unlink ID`: fix transfer pairs and mirrored payments by hand. */
export function registerTxLink(tx: Command): void {
  tx.command('link <id> <peer>')
    .description(tCmd('linkMarkTwoEntries'))
    .option('--force', tCmd('linkLinkLegsThat'))
    .addHelpText('after', examples('pocketbook tx link 120 348', 'pocketbook tx link 120 348 --json', 'pocketbook tx link 120 351 --force   # −100.00 CNY ↔ +13.80 USD'))
    .action(
      action(async (ctx, id: string, peer: string, opts: { force?: boolean }) => {
        const { linkCommand } = await import('../../app/import/transfers.js');
        const result = await linkCommand(ctx, id, peer, { force: opts.force === true });
        if (ctx.format === 'json') ctx.io.out(JSON.stringify(result));
        else ctx.io.out(`linked ${result.linked[0]} ↔ ${result.linked[1]} as a transfer${result.forced ? ' (legs of different amounts: --force)' : ''}`);
      }),
    );
  tx.command('unlink <id>')
    .description(tCmd('linkUndoAnEntry'))
    .addHelpText('after', examples('pocketbook tx unlink 120', 'pocketbook tx unlink 120 --json'))
    .action(
      action(async (ctx, id: string) => {
        const { unlinkCommand } = await import('../../app/import/transfers.js');
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
