/** `--profile NAME|PATH` → a Profile, through the CSV profile loader (loaded lazily). */
import type { Profile } from '../../import/profile.js';

export async function loadProfileFor(nameOrPath: string): Promise<Profile> {
  const { loadProfile } = await import('../../import/profile-load.js');
  return loadProfile(nameOrPath);
}
