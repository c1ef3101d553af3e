import type { Command } from 'commander';
import { action, examples } from '../runtime.js';

/** Registers `pocketbook categorize`. */
export function register(program: Command): void {
  program
    .command('categorize')
    .description('review uncategorized entries interactively, merchant by merchant (needs a terminal)')
    .addHelpText('after', examples('pocketbook categorize', 'pocketbook tx list --uncategorized   # without a terminal'))
    .action(action(async (ctx) => {
      const { runCategorize } = await import('../../app/rules/categorize.js');
      const res = await runCategorize(ctx);
      ctx.io.out(`filed ${res.filed} entr${res.filed === 1 ? 'y' : 'ies'}; ${res.rules} new rule${res.rules === 1 ? '' : 's'}`);
    }));
}
