/**
 * Which command (and subcommand) the arguments name, read before commander parses them, so that
 * only the modules of the command being run are loaded.
 */

/** Global options that take a value (their value is not a command name). */
const VALUED_GLOBALS = new Set(['--ledger', '--format', '--lang']);

/** The words of the arguments that are not options or their values, `help` left out. */
function commandWords(args: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (VALUED_GLOBALS.has(arg)) {
      i++;
      continue;
    }
    if (arg === '--') break;
    if (arg.startsWith('-') || arg === 'help') continue;
    words.push(arg);
  }
  return words;
}

/** The command the arguments name (`help X` names X), if any. */
export function invokedCommand(args: readonly string[]): string | undefined {
  return commandWords(args)[0];
}

/**
 * The subcommand the arguments name after `command` (`tx list` → list), if any. A subcommand's own
 * option values may look like words, so only the word right after the command counts.
 */
export function invokedSubcommand(args: readonly string[], command: string): string | undefined {
  const words = commandWords(args);
  return words[0] === command ? words[1] : undefined;
}
