/**
 * Command-line wiring: global options, one module per command, one error boundary.
 * Command modules only declare options; their actions load the heavy parts lazily.
 */
import { Command, CommanderError } from 'commander';
import { tCliHelp } from '../core/messages/cli-help.js';
import { tCliMain as t } from '../core/messages/cli-main.js';
import { readStoredSettings } from '../app/setup/settings.js';
import { applyLocale, speakCommander } from './commander-i18n.js';
import { examples, reportError } from './runtime.js';

type Register = (program: Command) => void;

/**
 * Every command with its one-line description. Only the command being run is loaded (its module
 * declares its options and subcommands); the others appear in the overview by name, so
 * `pocketbook --help` and every command start without loading the rest.
 */
const COMMANDS: readonly { name: keyof typeof tCliHelp.catalogue & string; load: () => Promise<{ register: Register }> }[] = [
  { name: 'demo', load: () => import('./commands/demo.js') },
  { name: 'account', load: () => import('./commands/account.js') },
  { name: 'import', load: () => import('./commands/import.js') },
  { name: 'profile', load: () => import('./commands/profile.js') },
  { name: 'tx', load: () => import('./commands/tx.js') },
  { name: 'tag', load: () => import('./commands/tag.js') },
  { name: 'category', load: () => import('./commands/category.js') },
  { name: 'merchant', load: () => import('./commands/merchant.js') },
  { name: 'rules', load: () => import('./commands/rules.js') },
  { name: 'categorize', load: () => import('./commands/categorize.js') },
  { name: 'report', load: () => import('./commands/report.js') },
  { name: 'budget', load: () => import('./commands/budget.js') },
  { name: 'benefit', load: () => import('./commands/benefit.js') },
  { name: 'cards', load: () => import('./commands/cards.js') },
  { name: 'badges', load: () => import('./commands/badges.js') },
  { name: 'export', load: () => import('./commands/export.js') },
  { name: 'backup', load: () => import('./commands/backup.js') },
  { name: 'check', load: () => import('./commands/check.js') },
  { name: 'config', load: () => import('./commands/config.js') },
];

/** Global options that take a value (their value is not a command name). */
const VALUED_GLOBALS = new Set(['--ledger', '--format', '--lang']);

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
  speakCommander(program);
  program
    .description(t('program'))
    .version(VERSION, '-V, --version', t('optVersion'))
    .option('--ledger <path>', t('optLedger'))
    .option('--json', t('optJson'))
    .option('--format <format>', t('optFormat'))
    .option('--lang <lang>', t('optLang'))
    .option('--no-color', t('optNoColor'))
    .option('--debug', t('optDebug'))
    .exitOverride();
  const invoked = invokedCommand(args);
  for (const entry of COMMANDS) {
    if (entry.name === invoked) (await entry.load()).register(program);
    else program.addCommand(new Command(entry.name).description(tCliHelp(entry.name)));
  }
  program.addHelpText(
    'after',
    `${examples(
      'pocketbook demo',
      'pocketbook import ~/Downloads/statement.ofx ~/Downloads/cmb.csv',
      `pocketbook report month --previous --format markdown | mail -s "${t('mailSubject')}" me@example.com`,
      "pocketbook tx list --month 2026-09 --json | jq '.[] | select(.category == null)'",
    )}
${t('programFooter')}`,
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
      if (offered) process.stderr.write(`${t('readerClosed', { bytes: offered.bytes })}\n`);
      process.exit(0);
    }
    throw err;
  });
  // The language first, so every description commander registers below is in it.
  const badLang = applyLocale(argv.slice(2), readStoredSettings().locale);
  if (badLang !== undefined) {
    process.stderr.write(`${t('errorLine', { message: t('badLang', { value: badLang }) })}\n`);
    return 2;
  }
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
