/**
 * The CSV reader's use of layout inference: when no built-in bank profile matches a file, the
 * layout inferred from the file is taken when its evidence is clear (said on stderr), or the
 * file is claimed with the one question that decides it. A generic built-in layout keeps a file
 * unless the file's evidence contradicts it (an inverted sign, a type column it would ignore). Pure.
 */
import type { Detection, ParseContext } from '../types.js';
import type { Profile } from '../profile.js';
import { inferLayout } from './layout.js';

/** Scores: below every bank profile; a question only claims a file nothing else does. */
const INFERRED_SCORE = 8;
const QUESTION_SCORE = 2;

function contradicts(generic: Profile, inferred: Profile): boolean {
  if (inferred.amount_sign === 'invert') return true;
  return Boolean(inferred.columns.direction) && !generic.columns.direction;
}

export function inferredDetection(lines: readonly string[], ctx: ParseContext, generic?: Profile, genericScore?: number): Detection | undefined {
  const inference = inferLayout(lines, { card: ctx.profile?.account_type === 'credit' });
  if (!inference) return undefined;
  const { profile, question } = inference;
  if (profile) {
    if (generic && !contradicts(generic, profile)) return undefined;
    const currency = profile.currency || profile.columns.currency ? '' : `; currency assumed ${ctx.defaultCurrency} (none in the file: set currency in a profile, or import into an account of another currency)`;
    const note = `layout inferred: ${inference.evidence.join('; ')}${currency} (see it with import --explain)`;
    return { score: genericScore ?? INFERRED_SCORE, profile: 'inferred', inferred: profile, note };
  }
  if (generic || !question) return undefined;
  return {
    score: QUESTION_SCORE,
    profile: 'inferred',
    question: { line: inference.headerIndex + 1, text: question, header: inference.header.join(', ') },
  };
}
