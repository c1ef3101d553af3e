/**
 * The CSV reader's use of layout inference: when no built-in bank profile matches a file, the
 * layout inferred from the file is taken when its evidence is clear (said on stderr), or the
 * file is claimed with the one question that decides it. A generic built-in layout keeps a file
 * unless the file's evidence contradicts it (an inverted sign, a type column it would ignore). Pure.
 */
import type { Detection, ParseContext } from '../types.js';
import type { Profile } from '../profile.js';
import { inferLayout } from './layout.js';
import { resolveColumn } from '../formats/csv-header.js';
import { tErrorsImport as tI } from '../../core/messages/errors-import.js';

/** Scores: below every bank profile; a question only claims a file nothing else does. */
const INFERRED_SCORE = 8;
const QUESTION_SCORE = 2;

function contradicts(generic: Profile, inferred: Profile, datesByOrder: boolean): boolean {
  if (inferred.amount_sign === 'invert' || (datesByOrder && !generic.date_format)) return true;
  return Boolean(inferred.columns.direction) && !generic.columns.direction;
}

export function inferredDetection(lines: readonly string[], ctx: ParseContext, generic?: Profile, genericScore?: number): Detection | undefined {
  const inference = inferLayout(lines, { card: ctx.accountType === 'credit', ...(ctx.dateFormat ? { answers: { date_format: ctx.dateFormat } } : {}) });
  if (!inference) return undefined;
  const { profile, question } = inference;
  if (profile) {
    if (generic && !contradicts(generic, profile, inference.datesByOrder === true)) return undefined;
    const currency = currencyAssumed(profile, inference.header, ctx.defaultCurrency);
    const note = `${tI('layoutInferred', { evidence: inference.evidence.join('; ') })}${currency ? `; ${currency}` : ''}`;
    return { score: genericScore ?? INFERRED_SCORE, profile: 'inferred', inferred: profile, note };
  }
  if (generic && inference.choice?.field === 'amount_sign') {
    // Kept, as before, but not silently: the file has no evidence of which sign its amounts use.
    const note = tI('allPositive');
    return { score: genericScore!, profile: generic.name, note };
  }
  if (generic || !question) return undefined;
  return {
    score: QUESTION_SCORE,
    profile: 'inferred',
    question: { line: inference.headerIndex + 1, text: question, header: inference.header.join(', ') },
  };
}

/** The line saying which currency was assumed for a layout that names none, or undefined when the file or profile names one. */
export function currencyAssumed(profile: Profile, header: readonly string[] | undefined, currency: string): string | undefined {
  const column = profile.columns.currency;
  if (profile.currency || (column !== undefined && column !== null && resolveColumn(column, header) !== undefined)) return undefined;
  return tI('currencyAssumed', { currency });
}
