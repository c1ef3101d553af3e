/**
 * The one error boundary and the context every command action gets.
 */
import type { Command } from 'commander';
import type { Context } from '../core/context.js';
import { formatError, isPocketbookError } from '../core/errors.js';
import { isIsoDate } from '../core/dates.js';
import { getLocale } from '../core/i18n.js';
import { tCliMain as t } from '../core/messages/cli-main.js';
import { readSettings, requireLedgerFor, resolveLedgerPath } from '../app/setup/settings.js';
import { escapeControls, safeOutput } from '../render/safe-text.js';

export type OutputFormat = 'table' | 'json' | 'csv' | 'markdown' | 'ndjson' | 'html' | 'svg';

export interface GlobalOptions {
  ledger?: string;
  json?: boolean;
  format?: string;
  color?: boolean;
  debug?: boolean;
  lang?: string;
}

export interface CliContext extends Context {
  format: OutputFormat;
  /** Colour allowed on stdout (TTY, no NO_COLOR, no --no-color, setting on). */
  color: boolean;
}

export function buildContext(globals: GlobalOptions, env: NodeJS.ProcessEnv = process.env): CliContext {
  // main() chose the run's language (--lang, the setting, the environment); the settings say the same.
  const settings = { ...readSettings(env), locale: getLocale() };
  const today = env.POCKETBOOK_TODAY && isIsoDate(env.POCKETBOOK_TODAY) ? env.POCKETBOOK_TODAY : localToday();
  const format = (globals.json ? 'json' : (globals.format ?? 'table')) as OutputFormat;
  const interactive = Boolean(process.stdout.isTTY) && env.CI !== 'true';
  const color =
    Boolean(process.stdout.isTTY) && globals.color !== false && !('NO_COLOR' in env) && settings.color !== false && format === 'table';
  // Text for people never carries a statement's control characters to the terminal; data formats are exact.
  const shown = format === 'json' || format === 'ndjson' || format === 'csv' ? (t: string) => t : (t: string) => safeOutput(t, color);
  return {
    ledgerPath: resolveLedgerPath(globals.ledger, env),
    today,
    settings,
    io: {
      out: (text) => void process.stdout.write(shown(text.endsWith('\n') ? text : `${text}\n`)),
      err: (text) => void process.stderr.write(safeOutput(text.endsWith('\n') ? text : `${text}\n`)),
    },
    interactive,
    debug: Boolean(globals.debug),
    format,
    color,
  };
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => n.toString().padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv', 'markdown', 'ndjson', 'html', 'svg'];

/** The commands that write a page or a card (`--format html|svg`); every other one refuses those formats. */
const PAGE_COMMANDS: ReadonlySet<string> = new Set(['report month', 'report year', 'badges']);

/**
 * Wrap a command action: build the context, run, turn errors into one line on stderr and an
 * exit code. The handler returns an exit code (default 0).
 */
export function action<A extends unknown[]>(
  handler: (ctx: CliContext, ...args: A) => Promise<number | void> | number | void,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const globals = command.optsWithGlobals() as GlobalOptions;
    let code = 0;
    try {
      if (globals.format && !FORMATS.includes(globals.format as OutputFormat)) {
        throw Object.assign(new Error(t('badFormat', { choices: FORMATS.join(', ') })), { usage: true });
      }
      if ((globals.format === 'html' || globals.format === 'svg') && !PAGE_COMMANDS.has(commandPath(command))) {
        const { tHtml } = await import('../core/messages/html.js');
        throw Object.assign(new Error(tHtml('formatHtmlOnly', { format: globals.format })), { usage: true });
      }
      const ctx = buildContext(globals);
      requireLedgerFor(commandPath(command), ctx.ledgerPath);
      code = (await handler(ctx, ...(args.slice(0, -1) as A))) ?? 0;
    } catch (err) {
      code = reportError(err, Boolean(globals.debug));
    }
    process.exitCode = code;
  };
}

/** A command's words below the program: "report month". */
function commandPath(command: Command): string {
  const words: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) words.unshift(c.name());
  return words.join(' ');
}

/** Print an error the way users should see it; return the exit code. */
export function reportError(err: unknown, debug: boolean): number {
  if (isPocketbookError(err)) {
    process.stderr.write(`${t('errorLine', { message: escapeControls(formatError(err)) })}\n`);
    if (debug && err.stack) process.stderr.write(`${safeOutput(err.stack)}\n`);
    return err.exitCode;
  }
  if (err instanceof Error && 'usage' in err) {
    process.stderr.write(`${t('errorLine', { message: escapeControls(err.message) })}\n`);
    return 2;
  }
  const message = err instanceof Error ? err.message : String(err);
  if (message === 'integer overflow') {
    // SQLite's SUM beyond ±2^63: a total no report could show exactly anyway.
    process.stderr.write(`${t('tooLarge')}\n`);
    return 1;
  }
  if (/SQLITE_READONLY|readonly database/.test(`${(err as { code?: string }).code ?? ''} ${message}`)) {
    process.stderr.write(`${t('readOnly')}\n`);
    return 1;
  }
  if (/database is locked|SQLITE_BUSY/.test(message)) {
    process.stderr.write(`${t('busy')}\n`);
    return 1;
  }
  process.stderr.write(`${t('internal', { message: escapeControls(message) })}\n`);
  if (debug && err instanceof Error && err.stack) process.stderr.write(`${safeOutput(err.stack)}\n`);
  else process.stderr.write(`${t('reportIt')}\n`);
  return 1;
}

/** Example command lines in each language, where their data differs (账户 "招行信用卡" / "CMB Card"). */
export interface LocalExamples {
  readonly en: readonly string[];
  readonly zh: readonly string[];
}

/**
 * "Examples:" block for --help, one per line: the same lines in every language, or one list per
 * language whose sample data (accounts, descriptions, categories) reads naturally in it. Commands
 * and flags are the same in both lists.
 */
export function examples(...lines: string[] | [LocalExamples]): string {
  const first = lines[0];
  const shown: readonly string[] = typeof first === 'object' ? first[getLocale()] : (lines as string[]);
  return `\n${t('examplesTitle')}\n${shown.map((l) => `  $ ${l}`).join('\n')}\n`;
}
