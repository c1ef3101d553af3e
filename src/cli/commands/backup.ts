import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tCmd } from '../../core/messages/cli-commands.js';
import { tOut as say } from '../../core/messages/cli-outputs.js';
import { tNotes } from '../../core/messages/cli-help-notes.js';

/** Registers `pocketbook backup`. */
export function register(program: Command): void {
  program
    .command('backup')
    .description(tCmd('backupCopyTheLedger'))
    .argument('[dir]', tCmd('backupWhereToPut'))
    .addHelpText(
      'after',
      examples('pocketbook backup', 'pocketbook backup /media/usb/pocketbook-backups') +
        tNotes('backup'),
    )
    .action(
      action(async (ctx, dir: string | undefined) => {
        const { backupLedger } = await import('../../app/safety/backup.js');
        const r = await backupLedger(ctx, dir);
        if (ctx.format === 'json') return ctx.io.out(JSON.stringify(r, null, 2));
        for (const d of r.damaged) ctx.io.err(say('damaged', { file: d }));
        ctx.io.out(say(r.attachments === 1 ? 'backedUp1' : 'backedUpN', { path: r.path, ledger: r.ledger, n: r.attachments }));
      }),
    );
}
