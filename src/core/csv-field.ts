/**
 * One CSV field as RFC 4180 writes it, safe to open in a spreadsheet: text starting with = + - @
 * (or tab/CR) is prefixed with a quote so it is never run as a formula; a plain number is never
 * prefixed (a negative number is not a formula), nor is any field of a numeric column. Shared by
 * the report renderers (render/table.ts) and `export --format csv`. Pure.
 */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvField(value: string | number | null | undefined, numeric = false): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (!numeric && !PLAIN_NUMBER.test(text) && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
