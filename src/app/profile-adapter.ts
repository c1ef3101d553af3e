/**
 * `--profile NAME|PATH` → a Profile, through the CSV profile loader (src/import/profile-load.ts).
 * Kept behind this adapter so the import pipeline does not depend on the loader's module shape.
 */
import { PocketbookError } from '../core/errors.js';
import type { Profile } from '../import/profile.js';

type Loader = (nameOrPath: string) => Profile | Promise<Profile>;

export async function loadProfileFor(nameOrPath: string): Promise<Profile> {
  const specifier = '../import/profile-load.js';
  let loader: Loader | undefined;
  try {
    loader = ((await import(specifier)) as { loadProfile?: Loader }).loadProfile;
  } catch {
    loader = undefined;
  }
  if (!loader) throw new PocketbookError('PROFILE', 'CSV profiles are not available in this build');
  return await loader(nameOrPath);
}
