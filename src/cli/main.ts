/**
 * Command-line wiring: global options, one module per command, one error boundary.
 * Command modules only declare options; their actions load the heavy parts lazily.
 */
import { Command, CommanderError } from 'commander';
import { reportError } from './runtime.js';

type Register = (program: Command) => void;

/**
 * Every command with its one-line description. Only the command being run is loaded (its module
 * declares its options and subcommands); the others appear in the overview by name, so
 * `pocketbook --help` and every command start without loading the rest.
 */
const COMMANDS: readonly { name: string; description: string; load: () => Promise<{ register: Register }> }[] = [
  { name: 'demo', description: 'import the bundled example statements into a temporary ledger and show what it holds', load: () => import('./commands/demo.js') },
  { name: 'account', description: 'add, list, show, rename and remove accounts', load: () => import('./commands/account.js') },
  { name: 'import', description: 'import statement files (OFX/QFX, CSV, wallet bills); `import list`, `import undo ID`', load: () => import('./commands/import.js') },
  { name: 'profile', description: 'CSV profiles: the layouts pocketbook reads (`profile list`, `profile show NAME`, `profile create --from FILE`)', load: () => import('./commands/profile.js') },
  { name: 'tx', description: 'list, show, edit and annotate ledger entries (notes, tags, receipts, splits, links)', load: () => import('./commands/tx.js') },
  { name: 'tag', description: 'tags on entries (add them with `tx tag`)', load: () => import('./commands/tag.js') },
  { name: 'category', description: 'the category tree (English and Chinese names; either is accepted anywhere)', load: () => import('./commands/category.js') },
  { name: 'merchant', description: 'merchant names: list, rename, alias', load: () => import('./commands/merchant.js') },
  { name: 'rules', description: 'categorization rules: list, add, edit, test and apply', load: () => import('./commands/rules.js') },
  { name: 'categorize', description: 'review uncategorized entries interactively, merchant by merchant (needs a terminal)', load: () => import('./commands/categorize.js') },
  { name: 'report', description: 'spending reports: month, year, rank, trend', load: () => import('./commands/report.js') },
  { name: 'budget', description: 'monthly or yearly budgets per category, and how you are doing', load: () => import('./commands/budget.js') },
  { name: 'benefit', description: 'card perks: spend and count thresholds, cashback caps, and how close you are', load: () => import('./commands/benefit.js') },
  { name: 'badges', description: 'badges earned (and nearly earned) in a month, with why', load: () => import('./commands/badges.js') },
  { name: 'export', description: 'every entry as CSV, JSON, a ledger/hledger journal or beancount', load: () => import('./commands/export.js') },
  { name: 'backup', description: 'copy the ledger and the attachment store into a new timestamped folder', load: () => import('./commands/backup.js') },
  { name: 'check', description: 'verify a ledger, its attachments or a backup folder (read-only)', load: () => import('./commands/check.js') },
  { name: 'config', description: 'show and change settings (currency, locale, colour, report defaults)', load: () => import('./commands/config.js') },
];

/** Global options that take a value (their value is not a command name). */
const VALUED_GLOBALS = new Set(['--ledger', '--format']);

/** The command the arguments name (`help X` names X), if any. */
export function invokedCommand(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (VALUED_GLOBALS.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    if (arg === 'help') continue;
    return arg;
  }
  return undefined;
}

export const VERSION = '0.1.0';

export async function buildProgram(args: readonly string[] = []): Promise<Command> {
  const program = new Command('pocketbook');
  program
    .description('Your bank, card and wallet statements in one private ledger: import, categorize, report.')
    .version(VERSION, '-V, --version')
    .option('--ledger <path>', 'ledger file (default: $POCKETBOOK_LEDGER, else ledger.db in the user data folder)')
    .option('--json', 'print data as JSON (same as --format json)')
    .option('--format <format>', 'table | json | csv | markdown (ndjson for tx list, html for report month|year, svg|html for badges --card)')
    .option('--no-color', 'no ANSI colours')
    .option('--debug', 'print stack traces for unexpected errors, and what runs on a second thread')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const invoked = invokedCommand(args);
  for (const entry of COMMANDS) {
    if (entry.name === invoked) (await entry.load()).register(program);
    else program.addCommand(new Command(entry.name).description(entry.description));
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

/** Count the bytes handed to process.stdout.write from now on (for --debug). */
function countStdout(): { bytes: number } {
  const counter = { bytes: 0 };
  const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    counter.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : (chunk as Uint8Array).byteLength;
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  return counter;
}

/** Run the CLI; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  // `pocketbook tx list | head`: a reader that stops early is not an error.
  // Under --debug, count what was offered to stdout and say it when the reader goes away: a test
  // proves by it that a listing stops at once instead of writing on into a closed pipe.
  const offered = argv.includes('--debug') ? countStdout() : undefined;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') {
      if (offered) process.stderr.write(`pocketbook: the reader closed the output after ${offered.bytes} bytes were offered\n`);
      process.exit(0);
    }
    throw err;
  });
  const program = await buildProgram(argv.slice(2));
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
