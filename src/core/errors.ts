/**
 * User-facing errors: typed, coded, located, with a hint. Anything that is not a
 * PocketbookError is a bug and shows a stack only under --debug.
 */
import { tCliMain } from './messages/cli-main.js';
export type ErrorCode =
  | 'USAGE'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'BAD_INPUT'
  | 'CSV_DATE'
  | 'CSV_AMOUNT'
  | 'CSV_LAYOUT'
  | 'CSV_COLUMN'
  | 'OFX_PARSE'
  | 'OFX_DATE'
  | 'OFX_AMOUNT'
  | 'OFX_ERROR'
  | 'XLS_FORMAT'
  | 'XLSX_FORMAT'
  | 'UNKNOWN_FORMAT'
  | 'AMBIGUOUS_FORMAT'
  | 'ENCODING'
  | 'ACCOUNT_REQUIRED'
  | 'PROFILE'
  | 'RULES'
  | 'LEDGER_NEWER'
  | 'LEDGER_IO'
  | 'LEDGER_BUSY'
  | 'SPLIT'
  | 'ATTACHMENT'
  | 'NO_TTY';

export interface ErrorLocation {
  file?: string;
  line?: number;
}

export class PocketbookError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly location?: ErrorLocation;
  /** Process exit code: 1 for failures, 2 for usage errors. */
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, opts: { hint?: string; location?: ErrorLocation; exitCode?: number } = {}) {
    super(message);
    this.name = 'PocketbookError';
    this.code = code;
    this.hint = opts.hint;
    this.location = opts.location;
    this.exitCode = opts.exitCode ?? (code === 'USAGE' ? 2 : 1);
  }

  /** A copy of this error located in a file (and line, when known). */
  at(location: ErrorLocation): PocketbookError {
    const merged = { ...this.location, ...location };
    const err = new PocketbookError(this.code, this.message, { hint: this.hint, location: merged, exitCode: this.exitCode });
    err.stack = this.stack;
    return err;
  }
}

/** `FILE:LINE: message (hint)` — the one line a user sees (`FILE:LINE: 消息（提示：…）` in zh). */
export function formatError(err: PocketbookError): string {
  const where = err.location?.file
    ? `${err.location.file}${err.location.line !== undefined ? `:${err.location.line}` : ''}: `
    : '';
  const hint = err.hint ? tCliMain('hint', { hint: err.hint }) : '';
  return `${where}${err.message}${hint}`;
}

export function isPocketbookError(err: unknown): err is PocketbookError {
  return err instanceof PocketbookError;
}

export function usageError(message: string, hint?: string): PocketbookError {
  return new PocketbookError('USAGE', message, { hint, exitCode: 2 });
}

export function notFound(message: string, hint?: string): PocketbookError {
  return new PocketbookError('NOT_FOUND', message, { hint });
}
