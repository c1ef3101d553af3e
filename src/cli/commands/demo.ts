import type { Command } from 'commander';
import { action, examples } from '../runtime.js';

/** Registers `pocketbook demo`. */
export function register(program: Command): void {
  program
    .command('demo')
    .description('import the bundled example statements into a temporary ledger and show what it holds')
    .option('--keep', 'keep the temporary ledger and print where it is')
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
