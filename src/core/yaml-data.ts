/**
 * A parsed YAML document as plain data, with alias expansion bounded: a "billion laughs" file of a
 * few hundred bytes (`&a [*b, *b, …]` nested) is refused with one line naming the file instead of
 * the `yaml` package's internal "Excessive alias count" error.
 */
import type { Document } from 'yaml';
import { type ErrorCode, PocketbookError } from './errors.js';
import { tErrorsCore as tE } from './messages/errors-core.js';

/** How many alias expansions a document may make: hand-written files use a handful. */
export const MAX_YAML_ALIASES = 100;

export function yamlToData(doc: Document, file: string, code: ErrorCode): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    if (!(err instanceof ReferenceError) || !/alias/i.test(err.message)) throw err;
    throw new PocketbookError(code, tE('yamlAliases', { max: MAX_YAML_ALIASES }), {
      location: { file },
      hint: tE('yamlAliasesHint'),
    });
  }
}
