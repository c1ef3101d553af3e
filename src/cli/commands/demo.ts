import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tCmd } from '../../core/messages/cli-commands.js';

/** Registers `pocketbook demo`. */
export function register(program: Command): void {
  program
    .command('demo')
    .description(tCmd('demoImportTheBundled'))
    .option('--keep', tCmd('demoKeepTheTemporary'))
    .addHelpText('after', examples('pocketbook demo', 'pocketbook demo --keep', 'pocketbook --ledger /tmp/try.db demo'))
    .action(
      action(async (ctx, opts: { keep?: boolean }) => {
        const { runDemo } = await import('../../app/setup/demo.js');
        const explicitLedger = Boolean((program.opts() as { ledger?: string }).ledger);
        const { printMonthReport } = await import('../report-output.js');
        return runDemo(ctx, { keep: Boolean(opts.keep), explicitLedger, printMonthReport });
      }),
    );
}
