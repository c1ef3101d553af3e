/**
 * Use cases behind `pocketbook profile`: list and show the saved and built-in CSV profiles, and
 * draft a profile from a CSV file (or a workbook's sheet), optionally saved for `--profile NAME`.
 */
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { tInfer } from '../../core/messages/import-infer.js';
import { loadProfileFor, profilesDir, savedProfiles } from './profile-adapter.js';
import { PocketbookError } from '../../core/errors.js';
import { inferDateFormat } from '../../core/dates.js';
import type { Profile } from '../../import/profile.js';
import { tAppDemo as tD } from '../../core/messages/app-demo.js';

export interface ProfileSummary {
  name: string;
  describe: string;
}

/** The saved profiles (`profile create --save`), then every built-in profile, one line each. */
export async function listProfiles(): Promise<ProfileSummary[]> {
  const { builtinProfiles } = await import('../../import/profiles/index.js');
  const saved = savedProfiles().map((p) => ({ name: p.name, describe: `${tInfer('savedHeading')}: ${p.file}` }));
  return [...saved, ...builtinProfiles.map((p) => ({ name: p.name, describe: p.describe ?? '' }))];
}

/** A profile (saved name, built-in name or file) as YAML, ready to copy and edit. */
export async function showProfile(nameOrPath: string): Promise<{ profile: Profile; yaml: string }> {
  const { stringify } = await import('yaml');
  const profile = await loadProfileFor(nameOrPath);
  return { profile, yaml: stringify(profile, { lineWidth: 0 }) };
}

/**
 * Save a drafted profile in the profiles folder as NAME.yaml (`name:` set to NAME), for
 * `import --profile NAME`. An existing saved profile of that name is never overwritten.
 */
export function saveProfile(yaml: string, name?: string): { file: string; name: string } {
  const chosen = (name ?? /^name: "?([^"\n]+)"?$/m.exec(yaml)?.[1] ?? 'my-bank').trim();
  const dir = profilesDir();
  const file = path.join(dir, `${chosen}.yaml`);
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(chosen)) throw new PocketbookError('BAD_INPUT', tInfer('profileNameBad', { name: chosen }));
  if (fs.existsSync(file)) throw new PocketbookError('BAD_INPUT', tInfer('profileExists', { name: chosen, file }), { hint: tInfer('profileExistsHint') });
  fs.mkdirSync(dir, { recursive: true });
  const text = /^name: .*$/m.test(yaml) ? yaml.replace(/^name: .*$/m, `name: ${JSON.stringify(chosen)}`) : `name: ${JSON.stringify(chosen)}\n${yaml}`;
  fs.writeFileSync(file, text, { flag: 'wx' });
  return { file, name: chosen };
}

/** A workbook's sheet (`--sheet`, else the first with data) as CSV text, and the sheet to name in the profile when it is not the first tab. */
async function workbookText(bytes: Buffer, file: string, sheet?: string): Promise<{ text: string; sheet?: string | number }> {
  const { chooseSheet, sheetCsv } = await import('../../import/infer/workbook.js');
  let chosen;
  try {
    chosen = chooseSheet(bytes, false, sheet);
  } catch (err) {
    throw err instanceof PocketbookError ? err.at({ file }) : err;
  }
  return { text: sheetCsv(chosen), ...(chosen.index > 0 ? { sheet: chosen.name || chosen.index + 1 } : {}) };
}

/** Decode a file head the way import does (BOM, UTF-8, else the most plausible legacy encoding); a workbook's sheet as CSV. */
async function readHead(file: string, encoding?: string, sheet?: string): Promise<{ text: string; sheet?: string | number }> {
  const enc = await import('../../import/encoding.js');
  const { candidateEncodings } = await import('../../import/sniff.js');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new PocketbookError('NOT_FOUND', tD('cannotRead', { file, why: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
  const head = bytes.subarray(0, 64 * 1024);
  const truncated = bytes.length > head.length;
  const candidates = encoding ? [enc.normalizeEncoding(encoding)] : candidateEncodings(head, truncated);
  const best = candidates
    .map((e) => ({ e, penalty: e.startsWith('utf') || e === 'binary' ? 0 : enc.implausibility(head, e) }))
    .sort((a, b) => a.penalty - b.penalty)[0]!.e;
  if (best === 'binary') {
    const { isWorkbook } = await import('../../import/infer/workbook.js');
    if (isWorkbook(bytes)) return workbookText(bytes, file, sheet);
    throw new PocketbookError('BAD_INPUT', tD('notText', { file }), { hint: tD('notTextHint') });
  }
  return { text: enc.decode(head, best) };
}

const DATE_LIKE = /^\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}|^\d{8}$/;

/**
 * A starter profile for `file`: the header row it found, the columns it guessed and the date
 * format and decimal mark its first rows show. Returns YAML with comments.
 */
export async function draftProfile(
  file: string, encoding?: string, ask?: (question: string, choices: string[]) => Promise<string>, sheetWanted?: string,
): Promise<string> {
  const { text, sheet } = await readHead(file, encoding, sheetWanted);
  // Issue 30: the layout inferred from the file (src/import/infer); a prompt only for what it cannot tell.
  const { draftFromText } = await import('../../import/infer/draft.js');
  const answers: Record<string, string> = {};
  for (;;) {
    const draft = draftFromText(text, file, { answers }, sheet);
    if (draft.yaml) return draft.yaml;
    if (draft.none) break;
    if (!draft.choice || !ask || answers[draft.choice.field] !== undefined) {
      throw new PocketbookError('CSV_LAYOUT', tD('layoutUnclear', { question: draft.question ?? '' }), {
        location: { file, ...(draft.line !== undefined ? { line: draft.line } : {}) },
        hint: draft.choice ? tD('answerAtPrompt') : tD('byHand'),
      });
    }
    answers[draft.choice.field] = await ask(draft.question!, draft.choice.choices);
  }
  return legacyDraft(file, text);
}

/** The header-word draft, for a file whose table the inference could not find. */
async function legacyDraft(file: string, text: string): Promise<string> {
  const { headLines, splitLine, guessDelimiter, resolveColumn } = await import('../../import/formats/csv-header.js');
  const generic = await import('../../import/profiles/generic.js');
  const lines = headLines(text, true);
  const rows = lines.map((line) => {
    const delimiter = guessDelimiter(line);
    return { delimiter, cells: splitLine(line, delimiter) };
  });
  const isData = (i: number) => rows[i]?.cells.some((c) => DATE_LIKE.test(c)) ?? false;
  let headerIndex = rows.findIndex((r, i) => r.cells.length >= 2 && !isData(i) && isData(i + 1) || (isData(i + 2) && r.cells.length >= 2 && !isData(i) && rows[i + 1]!.cells.every((c) => c === '')));
  if (headerIndex < 0) headerIndex = rows.findIndex((r) => r.cells.length >= 2);
  if (headerIndex < 0) throw new PocketbookError('CSV_LAYOUT', tD('noHeader', { file }), { hint: tD('profileByHand') });
  const { delimiter, cells: header } = rows[headerIndex]!;
  const data = rows.slice(headerIndex + 1).filter((r) => r.cells.length >= 2 && r.cells.some((c) => c !== '')).slice(0, 200);
  const find = (aliases: string) => {
    const i = resolveColumn(aliases, header);
    return i === undefined ? undefined : header[i];
  };
  const column = (name: string | undefined) => (name === undefined ? -1 : header.indexOf(name));
  let date = find(generic.DATE);
  if (date === undefined) {
    const i = header.findIndex((_, k) => data.length > 0 && data.every((r) => DATE_LIKE.test(r.cells[k] ?? '')));
    date = i >= 0 ? header[i] : undefined;
  }
  const description = find(generic.DESCRIPTION);
  const amount = find(generic.AMOUNT);
  const debit = find(generic.DEBIT);
  const credit = find(generic.CREDIT);
  const currency = find(generic.CURRENCY);
  const samples = (name: string | undefined) => data.map((r) => r.cells[column(name)] ?? '').filter((c) => c !== '');
  const dateGuess = date ? inferDateFormat(samples(date)) : undefined;
  const amountSamples = [amount, debit, credit].flatMap((n) => (n ? samples(n) : []));
  const decimal = amountSamples.some((s) => /\d,\d{1,2}$/.test(s)) && !amountSamples.some((s) => /\d\.\d{1,2}$/.test(s)) ? ',' : '.';

  const q = (s: string) => JSON.stringify(s);
  const out: string[] = [
    tD('draftTitle', { file: path.basename(file) }),
    tD('draftCheck'),
    tD('draftHeader', { line: headerIndex + 1, header: header.map((h) => q(h)).join(', ') }),
    `name: ${q(path.basename(file).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'my-bank')}`,
    `delimiter: ${q(delimiter)}`,
    `skip_lines: ${headerIndex}`,
    `header_contains: [${header.filter((h) => h !== '').slice(0, 4).map(q).join(', ')}]`,
  ];
  if (dateGuess && 'format' in dateGuess) out.push(`date_format: ${q(dateGuess.format)}`);
  else {
    const options = dateGuess?.candidates.length ? dateGuess.candidates.join(tD('draftOr')) : tD('draftFormats');
    out.push(tD('draftDate', { options }));
  }
  out.push(`decimal: ${q(decimal)}`, 'columns:');
  out.push(`  date: ${date ? q(date) : tD('draftDateColumn')}`);
  out.push(`  description: [${description ? q(description) : '"TODO"'}]${description ? '' : tD('draftDescription')}`);
  if (amount) out.push(tD('draftAmount', { column: q(amount) }));
  else if (debit || credit) {
    out.push(tD('draftDebit', { column: debit ? q(debit) : 'null' }));
    out.push(tD('draftCredit', { column: credit ? q(credit) : 'null' }));
  } else out.push(tD('draftAmountTodo'));
  if (currency) out.push(`  currency: ${q(currency)}`);
  out.push(tD('draftSign'));
  return `${out.join('\n')}\n`;
}
