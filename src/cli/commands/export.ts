import type { Command } from 'commander';
import { requireLedgerFor } from '../../app/setup/settings.js';
import { buildContext, examples, reportError, type GlobalOptions } from '../runtime.js';
import { tCmd } from '../../core/messages/cli-commands.js';

/** Registers `pocketbook export`. */
export function register(program: Command): void {
  program
    .command('export')
    .description(tCmd('exportEveryEntryAs'))
    .option('--from <date>', tCmd('exportFromThisDate'))
    .option('--to <date>', tCmd('exportUpToThis'))
    .option('--no-balances', tCmd('exportJournalsLeaveOut'))
    .addHelpText(
      'after',
      examples({ en: ['pocketbook export --format csv > ledger.csv',
        'pocketbook export --format json --from 2026-01-01 --to 2026-12-31 > 2026.json',
        'pocketbook export --format ledger > pocketbook.journal && hledger -f pocketbook.journal balance',
        'pocketbook export --format beancount > pocketbook.beancount && bean-check pocketbook.beancount   # checks the balances too',
        'pocketbook export --format ledger --to 2026-09-30 > sept.journal   # a transfer crossing the end is counted once with the next period',
        'pocketbook export --format ledger --from 2026-10-01 --no-balances >> sept.journal   # join periods: no openings or assertions',
        'pocketbook --ledger restored.db import all.csv                       # pocketbook reads its own CSV export back'], zh: ['pocketbook export --format csv > 账本.csv', 'pocketbook export --format json --from 2026-01-01 --to 2026-12-31 > 2026.json', 'pocketbook export --format ledger > pocketbook.journal && hledger -f pocketbook.journal balance', 'pocketbook export --format beancount > pocketbook.beancount && bean-check pocketbook.beancount   # 同时核对余额', 'pocketbook export --format ledger --to 2026-09-30 > 9月.journal   # 跨过期末的转账只在下一期计一次', 'pocketbook export --format ledger --from 2026-10-01 --no-balances >> 9月.journal   # 拼接各期：不写期初余额和余额断言', 'pocketbook --ledger restored.db import all.csv                       # pocketbook 能读回自己导出的 CSV'] }),
    )
    // Not wrapped in action(): --format here also takes ledger and beancount, which the shared
    // boundary (table|json|csv|markdown|ndjson) would refuse. Same error handling otherwise.
    .action(async (opts: { from?: string; to?: string; balances?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals() as GlobalOptions;
      try {
        const format = globals.json ? 'json' : (globals.format ?? 'csv');
        const ctx = buildContext({ ...globals, json: false, format: undefined });
        requireLedgerFor('export', ctx.ledgerPath);
        const { exportLedger } = await import('../../app/export/export.js');
        await exportLedger(ctx, { ...opts, format }, (chunk) => void process.stdout.write(chunk));
      } catch (err) {
        process.exitCode = reportError(err, Boolean(globals.debug));
      }
    });
}
