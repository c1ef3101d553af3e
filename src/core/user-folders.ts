/**
 * The user's folders for pocketbook, named as `conf` names them (env-paths, project
 * "pocketbook-nodejs"): settings, data (the default ledger) and cache (compiled code kept between
 * runs). Pure: the environment, platform and home directory come in.
 */
import path from 'node:path';

export type UserFolder = 'config' | 'data' | 'cache';

export interface UserPlace {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
}

const PROJECT = 'pocketbook-nodejs';

export function userFolder(kind: UserFolder, { env, platform, home }: UserPlace): string {
  if (platform === 'darwin') {
    const under = { config: 'Preferences', data: 'Application Support', cache: 'Caches' }[kind];
    return path.join(home, 'Library', under, PROJECT);
  }
  if (platform === 'win32') {
    const roaming = env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
    const local = env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local');
    if (kind === 'config') return path.join(roaming, PROJECT, 'Config');
    return path.join(local, PROJECT, kind === 'data' ? 'Data' : 'Cache');
  }
  if (kind === 'config') return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PROJECT);
  if (kind === 'data') return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), PROJECT);
  return path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), PROJECT);
}
