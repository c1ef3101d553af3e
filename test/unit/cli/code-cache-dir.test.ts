import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksum, codeCacheDir } from '../../../src/cli/code-cache.js';

describe('where compiled code is kept', () => {
  it('is switched off by POCKETBOOK_CODE_CACHE=off or 0', () => {
    expect(codeCacheDir({ POCKETBOOK_CODE_CACHE: 'off', HOME: '/home/a' }, 'linux')).toBeUndefined();
    expect(codeCacheDir({ POCKETBOOK_CODE_CACHE: '0', HOME: '/home/a' }, 'linux')).toBeUndefined();
  });

  it('is the folder POCKETBOOK_CODE_CACHE names, made absolute', () => {
    expect(codeCacheDir({ POCKETBOOK_CODE_CACHE: '/var/tmp/pb', HOME: '/home/a' }, 'linux')).toBe('/var/tmp/pb');
    expect(codeCacheDir({ POCKETBOOK_CODE_CACHE: 'rel/dir' }, 'linux')).toBe(path.resolve('rel/dir'));
  });

  it('follows XDG_CACHE_HOME, else the platform cache folder in the home', () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/a' }, 'linux')).toBe(path.join('/x/cache', 'pocketbook', 'code'));
    expect(codeCacheDir({ HOME: '/home/a' }, 'linux')).toBe(path.join('/home/a', '.cache', 'pocketbook', 'code'));
    expect(codeCacheDir({ HOME: '/Users/a' }, 'darwin')).toBe(path.join('/Users/a', 'Library/Caches', 'pocketbook', 'code'));
    expect(codeCacheDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local', USERPROFILE: 'C:\\Users\\a' }, 'win32')).toBe(
      path.join('C:\\Users\\a\\AppData\\Local', 'pocketbook', 'code'),
    );
  });

  it('is nowhere without a home (the CLI then compiles as usual)', () => {
    expect(codeCacheDir({}, 'linux')).toBeUndefined();
    expect(codeCacheDir({ POCKETBOOK_CODE_CACHE: '   ' }, 'linux')).toBeUndefined();
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
