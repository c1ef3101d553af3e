import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';

/** Registers `pocketbook config`. */
export function register(program: Command): void {
  const config = program
    .command('config')
    .description('show and change settings (currency, locale, colour, report defaults)')
    .addHelpText('after', examples('pocketbook config list', 'pocketbook config set currency USD', 'pocketbook config get locale'));

  config
    .command('list')
    .description('every setting with its value')
    .addHelpText('after', examples('pocketbook config list', 'pocketbook config list --json'))
    .action(
      action(async (ctx) => {
        const { listSettings } = await import('../../app/setup/config.js');
        const views = listSettings();
        await printTable(
          ctx,
          { columns: [{ key: 'key', header: 'Setting' }, { key: 'value', header: 'Value' }, { key: 'default', header: 'Default' }, { key: 'describe', header: 'Meaning' }], rows: views.map((v) => ({ ...v })) },
          Object.fromEntries(views.map((v) => [v.key, v.value])),
        );
      }),
    );

  config
    .command('get <key>')
    .description('print one setting')
    .addHelpText('after', examples('pocketbook config get currency'))
    .action(
      action(async (ctx, key: string) => {
        const { getSetting } = await import('../../app/setup/config.js');
        const value = getSetting(key);
        ctx.io.out(ctx.format === 'json' ? JSON.stringify({ [key]: value }) : value);
      }),
    );

  config
    .command('set <key> <value>')
    .description('change one setting')
    .addHelpText('after', examples('pocketbook config set currency EUR', 'pocketbook config set locale zh', 'pocketbook config set color false'))
    .action(
      action(async (ctx, key: string, value: string) => {
        const { setSetting } = await import('../../app/setup/config.js');
        const r = await setSetting(ctx, key, value);
        ctx.io.out(`${r.key} = ${r.value}`);
      }),
    );
}
