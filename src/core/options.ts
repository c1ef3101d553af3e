/**
 * Checks for command options that reach SQL: whole numbers (`--limit`, `--top`, `--months`) only
 * within stated bounds, and search text of a bounded length, so a huge or odd value is one clear
 * line instead of a float or a 50,000-character LIKE pattern reaching SQLite.
 */
import { PocketbookError, usageError } from './errors.js';
import { tErrorsCore as tE } from './messages/errors-core.js';

export interface WholeNumberRange {
  min: number;
  /** Default Number.MAX_SAFE_INTEGER: the largest count JavaScript holds exactly. */
  max?: number;
  /** USAGE (exit 2, the default) or BAD_INPUT (exit 1). */
  code?: 'USAGE' | 'BAD_INPUT';
}

/** `value` as a whole number from `min` to `max`; throws one line naming `option` otherwise. */
export function parseWholeNumber(value: string | number, option: string, range: WholeNumberRange): number {
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  const text = String(value).trim();
  const n = /^\d{1,16}$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(n) && n >= range.min && n <= max) return n;
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const message = tE('wholeNumber', { option, text: shown, min: range.min, max });
  return (range.code ?? 'USAGE') === 'USAGE' ? fail(usageError(message)) : fail(new PocketbookError('BAD_INPUT', message));
}

function fail(err: PocketbookError): never {
  throw err;
}

/** The longest `--search` text (characters): far beyond any statement description. */
export const MAX_SEARCH_LENGTH = 1000;

/** `text` when it is at most MAX_SEARCH_LENGTH characters; throws a usage error otherwise. */
export function checkSearchText(text: string, option = '--search'): string {
  const length = [...text].length;
  if (length > MAX_SEARCH_LENGTH) throw usageError(tE('searchTooLong', { option, length, max: MAX_SEARCH_LENGTH }), tE('searchTooLongHint'));
  return text;
}
