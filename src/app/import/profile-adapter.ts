/**
 * What `import` is told about how to read a file: `--profile NAME|PATH` (a saved profile in the
 * profiles folder, a built-in, or a YAML/JSON file), `--type` (force a reader) and `--date-format`.
 * Profiles are saved by `profile create --save` in `<config dir>/profiles/NAME.yaml`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PocketbookError } from '../../core/errors.js';
import { tInfer } from '../../core/messages/import-infer.js';
import type { Profile } from '../../import/profile.js';
import { configDir } from '../setup/settings.js';

/** The folder saved profiles live in. */
export function profilesDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configDir(env), 'profiles');
}

/** The saved profiles (file name without extension = the name `--profile` takes), sorted by name. */
export function savedProfiles(env: NodeJS.ProcessEnv = process.env): { name: string; file: string }[] {
  const dir = profilesDir(env);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((f) => /\.(ya?ml|json)$/i.test(f))
    .map((f) => ({ name: f.replace(/\.(ya?ml|json)$/i, ''), file: path.join(dir, f) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const looksLikePath = (value: string): boolean => /[\\/]|\.(ya?ml|json)$/i.test(value);

/** `--profile NAME|PATH` → a Profile: a saved profile by name first (the user's own wins), then a built-in, then a file. */
export async function loadProfileFor(nameOrPath: string, env: NodeJS.ProcessEnv = process.env): Promise<Profile> {
  const { loadProfile } = await import('../../import/profile-load.js');
  if (looksLikePath(nameOrPath)) return loadProfile(nameOrPath);
  const saved = savedProfiles(env).find((p) => p.name === nameOrPath);
  if (saved) return loadProfile(saved.file);
  const { builtinProfiles, findProfile } = await import('../../import/profiles/index.js');
  const builtin = findProfile(nameOrPath);
  if (builtin) return builtin;
  if (fs.existsSync(nameOrPath)) return loadProfile(`./${nameOrPath}`);
  const list = savedProfiles(env).map((p) => p.name);
  throw new PocketbookError('PROFILE', tInfer('profileUnknown', { name: nameOrPath }), {
    hint: tInfer('profileUnknownHint', { saved: list.length > 0 ? list.join(', ') : tInfer('noneSaved'), builtin: builtinProfiles.map((p) => p.name).join(', ') }),
  });
}

/** `--type` values: the readers' ids, and `xlsx`/`xls` (a workbook read like CSV). */
export async function importTypes(): Promise<string[]> {
  const { READERS } = await import('../../import/registry.js');
  return [...READERS.map((r) => r.id), 'xlsx', 'xls'];
}

/** The id of the reader `--type TYPE` forces; an unknown type lists the known ones. */
export async function readerIdForType(type: string): Promise<string> {
  const t = type.trim().toLowerCase();
  const known = await importTypes();
  if (!known.includes(t)) {
    throw new PocketbookError('BAD_INPUT', tInfer('typeUnknown', { type }), { hint: tInfer('typeHint', { types: known.join(', ') }) });
  }
  return t === 'xlsx' || t === 'xls' ? 'csv' : t;
}

/** `--date-format`: a format with a day and a month (DD/MM/YY, MM/DD/YYYY …). */
export async function checkedDateFormat(format: string): Promise<string> {
  const { checkDateFormat } = await import('../../import/profile-load.js');
  if (checkDateFormat(format) !== undefined) {
    throw new PocketbookError('BAD_INPUT', tInfer('dateFormatBad', { format }), { hint: tInfer('dateFormatHint') });
  }
  return format;
}
