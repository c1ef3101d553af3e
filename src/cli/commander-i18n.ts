/**
 * Commander in the interface language: its headings (Usage, Options …), the help and version
 * options, `help [command]`, and its own error messages, which commander 14 writes in English
 * (lib/command.js) — they are recognised here by shape and said again from the catalogue.
 */
import { Help, type Command, type Option, type Argument } from 'commander';
import { getLocale, setLocale, localeFromEnv, type Locale } from '../core/i18n.js';
import { tCliMain as t } from '../core/messages/cli-main.js';

const TITLES: Record<string, () => string> = {
  'Usage:': () => t('titleUsage'),
  'Options:': () => t('titleOptions'),
  'Commands:': () => t('titleCommands'),
  'Arguments:': () => t('titleArguments'),
  'Global Options:': () => t('titleGlobalOptions'),
};

/** `(default: x)` and `(choices: …)` that commander appends to a description. */
function localizeExtras(text: string): string {
  if (getLocale() === 'en') return text;
  return text
    .replace(/\(default: ([^)]*)\)/g, (_, value: string) => `（${t('defaultIs', { value })}）`)
    .replace(/\(choices: ([^)]*)\)/g, (_, value: string) => `（${t('choicesAre', { value })}）`);
}

/** Commander's error lines (`error: …` and its suggestion) in the current locale. */
export function translateCommanderError(text: string): string {
  if (getLocale() === 'en') return text;
  const rules: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/^error: unknown option '(.*)'$/, (m) => t('errUnknownOption', { flag: m[1]! })],
    [/^error: unknown command '(.*)'$/, (m) => t('errUnknownCommand', { name: m[1]! })],
    [/^error: missing required argument '(.*)'$/, (m) => t('errMissingArgument', { name: m[1]! })],
    [/^error: option '(.*)' argument missing$/, (m) => t('errOptionArgumentMissing', { flags: m[1]! })],
    [/^error: required option '(.*)' not specified$/, (m) => t('errRequiredOption', { flags: m[1]! })],
    [/^error: option '(.*)' argument '(.*)' is invalid\.(.*)$/, (m) => `${t('errInvalidValue', { flags: m[1]!, value: m[2]! })}${m[3]!}`],
    [/^error: (.*) cannot be used with (.*)$/, (m) => t('errConflict', { a: m[1]!, b: m[2]! })],
    [
      /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
      (m) => t('errTooManyArguments', { rest: `${m[1] ? t('errTooManyFor', { name: m[1] }) : ''}${t('errExpected', { expected: m[2]!, got: m[3]! })}` }),
    ],
    [/^\(Did you mean one of (.*)\?\)$/, (m) => t('didYouMeanOneOf', { what: m[1]! })],
    [/^\(Did you mean (.*)\?\)$/, (m) => t('didYouMean', { what: m[1]! })],
  ];
  return text
    .split('\n')
    .map((line) => {
      for (const [re, say] of rules) {
        const m = line.match(re);
        if (m) return line.startsWith('error: ') ? `${t('errPrefix')}${say(m)}` : say(m);
      }
      return line.startsWith('error: ') ? `${t('errPrefix')}${line.slice('error: '.length)}` : line;
    })
    .join('\n');
}

/**
 * Set on the program before any command is added: subcommands made with `.command()` inherit
 * the help configuration, the output configuration, the help option and the help command.
 */
export function speakCommander(program: Command): void {
  program
    .configureHelp({
      styleTitle: (title: string) => (TITLES[title] ? TITLES[title]() : title),
      optionDescription(this: Help, option: Option) {
        return localizeExtras(Help.prototype.optionDescription.call(this, option));
      },
      argumentDescription(this: Help, argument: Argument) {
        return localizeExtras(Help.prototype.argumentDescription.call(this, argument));
      },
    })
    .configureOutput({ outputError: (text, write) => write(translateCommanderError(text)) })
    .helpOption('-h, --help', t('optHelp'))
    .helpCommand('help [command]', t('helpCommand'))
    .showHelpAfterError(t('afterError'));
}

/** `--lang zh`, `--lang=zh` anywhere in the arguments (before `--`); undefined when absent. */
export function langArgument(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return undefined;
    if (arg === '--lang') return args[i + 1] ?? '';
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

/**
 * The run's language: `--lang`, else the stored `locale` setting, else LC_ALL / LC_MESSAGES /
 * LANG, else en. An unknown `--lang` value is returned as `bad` for a usage error.
 */
export function chooseLocale(args: readonly string[], storedLocale: unknown, env: NodeJS.ProcessEnv = process.env): { locale: Locale; bad?: string } {
  const flag = langArgument(args);
  const stored = storedLocale === 'zh' || storedLocale === 'en' ? storedLocale : undefined;
  const fallback = stored ?? localeFromEnv(env);
  if (flag === undefined) return { locale: fallback };
  const chosen = flag === 'zh' || flag === 'en' ? flag : undefined;
  return chosen ? { locale: chosen } : { locale: fallback, bad: flag };
}

/** Choose and set the locale for this run; returns the bad `--lang` value, if any. */
export function applyLocale(args: readonly string[], storedLocale: unknown, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { locale, bad } = chooseLocale(args, storedLocale, env);
  setLocale(locale);
  return bad;
}
