/**
 * Identify a file: its text encoding and the reader that understands it. The legacy encodings
 * (GB18030, Shift_JIS, Windows-1252) cannot be told apart from bytes, so each candidate is
 * decoded and every reader asked; the best (encoding, reader) pair wins. Pure: gets the head bytes.
 */
import { PocketbookError } from '../core/errors.js';
import type { Detection, ParseContext, Reader, Sniff } from './types.js';
import {
  LEGACY_CANDIDATES, bomEncoding, declaredEncoding, decode, implausibility, isBinaryContainer, isValidUtf8,
} from './encoding.js';
import { tErrorsImport as tI } from '../core/messages/errors-import.js';

export const HEAD_BYTES = 64 * 1024;

export interface Identified {
  sniff: Sniff;
  reader: Reader;
  detection: Detection;
}

export interface IdentifyOptions {
  /** --encoding (already normalized): decode with this and nothing else. */
  encoding?: string;
  /** --profile: this reader (csv) is used whatever the scores say. */
  forcedReader?: Reader;
  /** Whether `head` is only the beginning of the file. */
  truncated: boolean;
}

/** The encodings worth trying for these bytes, most certain first. */
export function candidateEncodings(head: Buffer, truncated: boolean): string[] {
  if (isBinaryContainer(head)) return ['binary'];
  const bom = bomEncoding(head);
  if (bom) return [bom];
  const declared = declaredEncoding(head);
  if (declared) return [declared];
  if (isValidUtf8(head, truncated)) return ['utf-8'];
  return [...LEGACY_CANDIDATES];
}

interface Scored {
  sniff: Sniff;
  penalty: number;
  top: number;
  best: { reader: Reader; detection: Detection }[];
}

function score(sniff: Sniff, readers: readonly Reader[], ctx: ParseContext): Scored {
  let top = 0;
  let best: Scored['best'] = [];
  for (const reader of readers) {
    const detection = reader.detect(sniff, ctx);
    if (detection.score <= 0) continue;
    if (detection.score > top) {
      top = detection.score;
      best = [{ reader, detection }];
    } else if (detection.score === top) {
      best.push({ reader, detection });
    }
  }
  const penalty = sniff.encoding === 'binary' || sniff.encoding.startsWith('utf') ? 0 : implausibility(sniff.head, sniff.encoding);
  return { sniff, penalty, top, best };
}

/** Decide encoding and reader for a file head. Throws UNKNOWN_FORMAT or AMBIGUOUS_FORMAT. */
export function identify(
  fileName: string,
  head: Buffer,
  readers: readonly Reader[],
  ctx: ParseContext,
  opts: IdentifyOptions,
): Identified {
  const encodings = opts.encoding ? [opts.encoding] : candidateEncodings(head, opts.truncated);
  const asked = opts.forcedReader ? [opts.forcedReader] : readers;
  const scored = encodings.map((encoding) =>
    score({ fileName, head, encoding, text: safeDecode(head, encoding, opts.truncated) }, asked, ctx),
  );
  // Highest reader score first; between equal scores, the most plausible decoding; then candidate order.
  const ranked = [...scored].sort((a, b) => b.top - a.top || a.penalty - b.penalty);
  const winner = ranked[0]!;
  if (opts.forcedReader) {
    const chosen = opts.encoding ? winner : [...scored].sort((a, b) => a.penalty - b.penalty)[0]!;
    const detection = chosen.best[0]?.detection ?? { score: 1, ...(ctx.profile ? { profile: ctx.profile.name } : {}) };
    return { sniff: chosen.sniff, reader: opts.forcedReader, detection };
  }
  if (winner.top <= 0) throw unknownFormat(fileName, ranked.sort((a, b) => a.penalty - b.penalty)[0]!.sniff);
  if (winner.best.length > 1) {
    const names = winner.best.map((b) => (b.detection.profile ? `${b.reader.id} (${b.detection.profile})` : b.reader.id));
    throw new PocketbookError('AMBIGUOUS_FORMAT', tI('ambiguous', { names: names.join(', ') }), {
      location: { file: fileName },
      hint: tI('ambiguousHint'),
    });
  }
  const pick = winner.best[0]!;
  return { sniff: winner.sniff, reader: pick.reader, detection: pick.detection };
}

/** Decode a head; a truncated head may end inside a character, which is dropped. */
function safeDecode(head: Buffer, encoding: string, truncated: boolean): string {
  const text = decode(head, encoding);
  return truncated ? text.replace(/\uFFFD$/, '') : text;
}

function unknownFormat(fileName: string, sniff: Sniff): PocketbookError {
  if (sniff.encoding === 'binary') {
    return new PocketbookError('UNKNOWN_FORMAT', tI('binary'), {
      location: { file: fileName },
      hint: tI('binaryHint'),
    });
  }
  const header = headerRow(sniff.text);
  const message = header ? tI('unknownLayout', { header: header.length > 120 ? `${header.slice(0, 120)}…` : header }) : tI('unknownLayoutNoHeader');
  return new PocketbookError('UNKNOWN_FORMAT', message, {
    location: { file: fileName },
    hint: tI('unknownLayoutHint', { file: fileName }),
  });
}

/** The first line that looks like a CSV header (several fields), else the first non-empty line. */
export function headerRow(text: string): string | undefined {
  const lines = text.split(/\r?\n/, 50).map((l) => l.trim()).filter((l) => l !== '');
  return lines.find((l) => /[,;\t|].*[,;\t|]/.test(l)) ?? lines[0];
}
