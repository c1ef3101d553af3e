/**
 * The profile YAML `profile create --from FILE` writes and `import --explain` prints: the layout
 * inferred from the file, with what settled each part as comments. Pure: decoded text in.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import { headLines } from '../formats/csv-header.js';
import { type Choice, type InferOptions, inferLayout } from './layout.js';
import { tEvidence as tV } from '../../core/messages/import-evidence.js';

export interface Draft {
  /** The profile as YAML, when the file (and the answers) settle it. */
  yaml?: string;
  /** Otherwise the one question, its 1-based line (the header's) and, when a field's value answers it, the choices. */
  question?: string;
  line?: number;
  choice?: Choice;
  /** No table found at all. */
  none?: boolean;
}

/** A profile name from a file name: `Export 2024-03.csv` → `export-2024-03`. */
export function profileName(file: string): string {
  const base = path.basename(file).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return base || 'my-bank';
}

/** `sheet`: the workbook sheet the text came from, written as `sheet:` (when it is not the first tab). */
export function draftFromText(text: string, file: string, opts: InferOptions = {}, sheet?: string | number): Draft {
  const inference = inferLayout(headLines(text.replace(/^\uFEFF/, ''), true), opts);
  if (!inference) return { none: true };
  if (!inference.profile) {
    return { question: inference.question!, line: inference.headerIndex + 1, ...(inference.choice ? { choice: inference.choice } : {}) };
  }
  const { name: _name, describe: _describe, ...rest } = inference.profile;
  const profile = { name: profileName(file), describe: tV('draftDescribe', { file: path.basename(file) }), ...(sheet !== undefined ? { sheet } : {}), ...rest };
  const header = [
    tV('draftTitle', { file: path.basename(file) }),
    ...inference.evidence.map((e) => `#   ${e}`),
    tV('draftImport'),
  ];
  return { yaml: `${header.join('\n')}\n${stringify(profile, { lineWidth: 0 })}` };
}
