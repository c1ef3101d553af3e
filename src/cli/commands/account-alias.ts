import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { tEntriesAdd as t } from '../../core/messages/entries-add.js';

/** Registers `pocketbook account alias [NAME ACCOUNT]` (issue 28): without arguments, lists the aliases. */
export function registerAccountAlias(account: Command): void {
  account
    .command('alias [name] [account]')
    .description(t('aliasDescription'))
    .addHelpText('after', examples({ en: ['pocketbook account alias 招行 "CMB Card"', 'pocketbook account alias wx "WeChat Pay"', 'pocketbook account alias --json'], zh: ['pocketbook account alias 招行 "招行信用卡"', 'pocketbook account alias wx 微信零钱', 'pocketbook account alias --json'] }))
    .action(
      action(async (ctx, name: string | undefined, accountName: string | undefined) => {
        const { listAliases, setAlias } = await import('../../app/accounts/account-aliases.js');
        if (name !== undefined && accountName !== undefined) {
          const r = setAlias(ctx, name, accountName);
          if (ctx.format === 'json') ctx.io.out(JSON.stringify(r, null, 2));
          else ctx.io.out(t('aliasSet', r));
          return;
        }
        if (name !== undefined) throw Object.assign(new Error(t('aliasNeedsAccount', { alias: name })), { usage: true });
        const list = listAliases(ctx).map((a) => ({ alias: a.alias, account: a.account }));
        if (list.length === 0 && ctx.format === 'table') {
          ctx.io.out(t('aliasNone'));
          return;
        }
        await printTable(ctx, { columns: [{ key: 'alias', header: t('aliasList') }, { key: 'account', header: t('labelAccount') }], rows: list }, list);
      }),
    );
}
