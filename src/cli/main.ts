/**
 * Command-line wiring: global options, one module per command, one error boundary.
 * Command modules only declare options; their actions load the heavy parts lazily.
 */
import { Command, CommanderError } from 'commander';
import { reportError } from './runtime.js';
import { register as registerDemo } from './commands/demo.js';
import { register as registerAccount } from './commands/account.js';
import { register as registerImport } from './commands/import.js';
import { register as registerProfile } from './commands/profile.js';
import { register as registerTx } from './commands/tx.js';
import { register as registerTag } from './commands/tag.js';
import { register as registerCategory } from './commands/category.js';
import { register as registerMerchant } from './commands/merchant.js';
import { register as registerRules } from './commands/rules.js';
import { register as registerCategorize } from './commands/categorize.js';
import { register as registerReport } from './commands/report.js';
import { register as registerBudget } from './commands/budget.js';
import { register as registerBenefit } from './commands/benefit.js';
import { register as registerBadges } from './commands/badges.js';
import { register as registerExport } from './commands/export.js';
import { register as registerBackup } from './commands/backup.js';
import { register as registerConfig } from './commands/config.js';

export const VERSION = '0.1.0';

export function buildProgram(): Command {
  const program = new Command('pocketbook');
  program
    .description('Your bank, card and wallet statements in one private ledger: import, categorize, report.')
    .version(VERSION, '-V, --version')
    .option('--ledger <path>', 'ledger file (default: $POCKETBOOK_LEDGER, else ledger.db in the user data folder)')
    .option('--json', 'print data as JSON (same as --format json)')
    .option('--format <format>', 'table | json | csv | markdown (ndjson for tx list)')
    .option('--no-color', 'no ANSI colours')
    .option('--debug', 'print stack traces for unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of [
    registerDemo, registerAccount, registerImport, registerProfile, registerTx, registerTag, registerCategory,
    registerMerchant, registerRules, registerCategorize, registerReport, registerBudget, registerBenefit,
    registerBadges, registerExport, registerBackup, registerConfig,
  ]) {
    register(program);
  }
  program.addHelpText(
    'after',
    `
Examples:
  $ pocketbook demo
  $ pocketbook import ~/Downloads/statement.ofx ~/Downloads/cmb.csv
  $ pocketbook report month --previous --format markdown | mail -s "Spending" me@example.com
  $ pocketbook tx list --month 2026-09 --json | jq '.[] | select(.category == null)'

Data: the ledger is ledger.db in your user data folder (see README); POCKETBOOK_TODAY=YYYY-MM-DD fixes "today".`,
  );
  return program;
}

/** Run the CLI; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  // Subcommands inherit exitOverride only when set before they are added; apply it recursively.
  const walk = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.commands.forEach(walk);
  };
  walk(program);
  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      if (err.code === 'commander.executeSubCommandAsync') return 1;
      return 2;
    }
    return reportError(err, argv.includes('--debug'));
  }
}
