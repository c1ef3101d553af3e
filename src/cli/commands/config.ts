import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { tCliHelp } from '../../core/messages/cli-help.js';
import { tConfig as t } from '../../core/messages/cli-config.js';

/** Registers `pocketbook config`. */
export function register(program: Command): void {
  const config = program
    .command('config')
    .description(tCliHelp('config'))
    .addHelpText('after', `${examples('pocketbook config list', 'pocketbook config set currency USD', 'pocketbook config set locale zh', 'pocketbook config get locale')}\n${t('helpNote')}\n`);

  config
    .command('list')
    .description(t('list'))
    .addHelpText('after', examples('pocketbook config list', 'pocketbook config list --json'))
    .action(
      action(async (ctx) => {
        const { listSettings } = await import('../../app/setup/config.js');
        const views = listSettings();
        await printTable(
          ctx,
          { columns: [{ key: 'key', header: t('colSetting') }, { key: 'value', header: t('colValue') }, { key: 'default', header: t('colDefault') }, { key: 'describe', header: t('colMeaning') }], rows: views.map((v) => ({ ...v })) },
          Object.fromEntries(views.map((v) => [v.key, v.value])),
        );
      }),
    );

  config
    .command('get <key>')
    .description(t('get'))
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
    .description(t('set'))
    .addHelpText('after', examples('pocketbook config set currency EUR', 'pocketbook config set locale zh', 'pocketbook config set color false'))
    .action(
      action(async (ctx, key: string, value: string) => {
        const { setSetting } = await import('../../app/setup/config.js');
        const r = await setSetting(ctx, key, value);
        ctx.io.out(`${r.key} = ${r.value}`);
      }),
    );
}
