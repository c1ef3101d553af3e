import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksum, codeCacheDir } from '../../../src/cli/code-cache.js';
import { userFolder } from '../../../src/core/user-folders.js';

describe('where compiled code is kept', () => {
  it('is switched off by POCKETBOOK_CODE_CACHE=off or 0', () => {
    expect(codeCacheDir({ POCKETBOOK_CODE_CACHE: 'off' }, 'linux', '/home/a')).toBeUndefined();
    expect(codeCacheDir({ POCKETBOOK_CODE_CACHE: '0' }, 'linux', '/home/a')).toBeUndefined();
  });

  it('is the folder POCKETBOOK_CODE_CACHE names, made absolute', () => {
    expect(codeCacheDir({ POCKETBOOK_CODE_CACHE: '/var/tmp/pb' }, 'linux', '/home/a')).toBe('/var/tmp/pb');
    expect(codeCacheDir({ POCKETBOOK_CODE_CACHE: 'rel/dir' }, 'linux', '/home/a')).toBe(path.resolve('rel/dir'));
  });

  it('is `code` in the user cache folder, named as the config and data folders are (XDG_CACHE_HOME respected)', () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/a')).toBe(path.join('/x/cache', 'pocketbook-nodejs', 'code'));
    expect(codeCacheDir({}, 'linux', '/home/a')).toBe(path.join('/home/a', '.cache', 'pocketbook-nodejs', 'code'));
    expect(codeCacheDir({ POCKETBOOK_CODE_CACHE: '   ' }, 'linux', '/home/a')).toBe(path.join('/home/a', '.cache', 'pocketbook-nodejs', 'code'));
    expect(codeCacheDir({}, 'darwin', '/Users/a')).toBe(path.join('/Users/a', 'Library', 'Caches', 'pocketbook-nodejs', 'code'));
    expect(codeCacheDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32', 'C:\\Users\\a')).toBe(
      path.join('C:\\Users\\a\\AppData\\Local', 'pocketbook-nodejs', 'Cache', 'code'),
    );
  });

  it('is nowhere without a home (the CLI then compiles as usual)', () => {
    expect(codeCacheDir({}, 'linux', '')).toBeUndefined();
  });
});

describe('the user folders (core/user-folders.ts), as conf names them', () => {
  it('config, data and cache on Linux, macOS and Windows', () => {
    const linux = { env: {}, platform: 'linux' as const, home: '/home/a' };
    expect(userFolder('config', linux)).toBe(path.join('/home/a', '.config', 'pocketbook-nodejs'));
    expect(userFolder('data', { ...linux, env: { XDG_DATA_HOME: '/d' } })).toBe(path.join('/d', 'pocketbook-nodejs'));
    expect(userFolder('data', { env: {}, platform: 'darwin', home: '/Users/a' })).toBe(path.join('/Users/a', 'Library', 'Application Support', 'pocketbook-nodejs'));
    expect(userFolder('config', { env: { APPDATA: 'R' }, platform: 'win32', home: 'H' })).toBe(path.join('R', 'pocketbook-nodejs', 'Config'));
    expect(userFolder('data', { env: { LOCALAPPDATA: 'L' }, platform: 'win32', home: 'H' })).toBe(path.join('L', 'pocketbook-nodejs', 'Data'));
  });
});

describe('the checksum of kept code', () => {
  const bytes = Buffer.from(Array.from({ length: 1027 }, (_, i) => (i * 37) % 256));

  it('is the same wherever the bytes sit in memory (aligned or not)', () => {
    const shifted = Buffer.alloc(bytes.length + 3);
    bytes.copy(shifted, 3);
    expect(checksum(shifted.subarray(3))).toBe(checksum(bytes));
  });

  it('changes with any one flipped bit, the last odd bytes and the length included', () => {
    const base = checksum(bytes);
    for (const at of [0, 1, 511, 1023, 1024, 1026]) {
      const copy = Buffer.from(bytes);
      copy[at]! ^= 1;
      expect(checksum(copy), `byte ${at}`).not.toBe(base);
    }
    expect(checksum(bytes.subarray(0, 1026))).not.toBe(base);
  });
});
