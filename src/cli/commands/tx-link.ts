import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tCmd } from '../../core/messages/cli-commands.js';
import { tOut as say } from '../../core/messages/cli-outputs.js';

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
        else ctx.io.out(say(result.forced ? 'linkedForced' : 'linked', { a: result.linked[0], b: result.linked[1] }));
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
            ...(result.peer !== null ? [say('transferWith', { id: result.peer })] : []),
            ...result.mirrors.map((m) => say('mirrorWith', { id: m })),
          ];
          ctx.io.out(say('unlinked', { id: result.id, parts: parts.join(', ') }));
        }
      }),
    );
}
