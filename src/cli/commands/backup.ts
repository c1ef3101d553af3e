import type { Command } from 'commander';
import { action, examples } from '../runtime.js';

/** Registers `pocketbook backup`. */
export function register(program: Command): void {
  program
    .command('backup')
    .description('copy the ledger (SQLite online backup) and the attachment store into a new timestamped folder')
    .argument('[dir]', 'where to put the backup folder (default: backups/ beside the ledger)')
    .addHelpText(
      'after',
      examples('pocketbook backup', 'pocketbook backup /media/usb/pocketbook-backups') +
        '\nRestore: copy the backed-up ledger file and its attachments/ folder back beside each other\n(e.g. to where `--ledger` points) while no pocketbook command runs.\n',
    )
    .action(
      action(async (ctx, dir: string | undefined) => {
        const { backupLedger } = await import('../../app/backup.js');
        const r = await backupLedger(ctx, dir);
        if (ctx.format === 'json') return ctx.io.out(JSON.stringify(r, null, 2));
        ctx.io.out(`backed up to ${r.path}\n  ledger: ${r.ledger}\n  attachments: ${r.attachments} file${r.attachments === 1 ? '' : 's'}`);
      }),
    );
}
