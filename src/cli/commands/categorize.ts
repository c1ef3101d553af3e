import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tEntry as say } from '../../core/messages/cli-tx-entry.js';

/** Registers `pocketbook categorize`. */
export function register(program: Command): void {
  program
    .command('categorize')
    .description(say('categorize'))
    .addHelpText('after', examples('pocketbook categorize', `pocketbook tx list --uncategorized   ${say('withoutTerminal')}`))
    .action(action(async (ctx) => {
      const { runCategorize } = await import('../../app/rules/categorize.js');
      const res = await runCategorize(ctx);
      ctx.io.out(say(res.filed === 1 ? (res.rules === 1 ? 'filed1Rule1' : 'filed1') : res.rules === 1 ? 'filedNRule1' : 'filedN', { n: res.filed, rules: res.rules }));
    }));
}
