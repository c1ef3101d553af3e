/**
 * Compiled code kept between runs. Node 20 parses and compiles every file of the bundle on every
 * run (about 15 ms of a 120 ms `report month`); its own compile cache (`module.enableCompileCache`)
 * came with Node 22. V8 can hand out the code it compiled for a script, including the functions a
 * run compiled on first call, and take it back next time. This does that for the bundle's files,
 * which the build writes as CommonJS for the purpose (a `vm.Script` takes cached code; an ES module
 * cannot without a flag).
 *
 * A file's cache is named by the content hash the build wrote beside it (`code-ids.json`), so an
 * edited or rebuilt file never meets old code; V8 itself refuses code made by another version or
 * with other flags, and the file is then compiled as usual and its cache written again. Caches are
 * written once, when the process exits, by write-then-rename. Anything that fails (no home
 * directory, a read-only disk, a damaged cache file) means only that the file is compiled as usual.
 *   POCKETBOOK_CODE_CACHE=off    neither read nor write compiled code
 *   POCKETBOOK_CODE_CACHE=DIR    keep it in DIR (default: `code` in the user cache folder, core/user-folders.ts:
 *                                ~/.cache/pocketbook-nodejs/ on Linux, $XDG_CACHE_HOME respected)
 */
import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { userFolder } from '../core/user-folders.js';

/** What the build writes beside the bundle: file name → content hash. */
export const CODE_IDS_FILE = 'code-ids.json';
/** A kept file starts with these 8 bytes: "PBc1", then the checksum of the rest. */
const MAGIC = 0x31634250;
const HEADER_BYTES = 8;
/** A build's folder of caches that has not been written to for this long is removed. */
const STALE_MS = 30 * 24 * 3600 * 1000;

type Compile = (module: NodeModule, filename: string) => void;
/** Which of the bundle's files this run compiled from kept code, and which afresh (file names). */
export interface CodeCacheUse {
  kept: string[];
  compiled: string[];
}

interface Unsaved {
  script: vm.Script;
  file: string;
}

/** Where compiled code is kept, or undefined when switched off or there is no home to keep it in. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homeOrEmpty()): string | undefined {
  const asked = env.POCKETBOOK_CODE_CACHE?.trim();
  if (asked === 'off' || asked === '0') return undefined;
  if (asked) return path.resolve(asked);
  if (home === '') return undefined; // never a folder relative to wherever the command runs
  return path.join(userFolder('cache', { env, platform, home }), 'code');
}

function homeOrEmpty(): string {
  try {
    return os.homedir();
  } catch {
    return '';
  }
}

/**
 * From now on, the bundle's files (those listed in `bundleDir`/code-ids.json) are compiled with
 * their kept code when there is some; the code of those compiled afresh is kept at exit.
 * Returns which files used it, filled in as they load; undefined (and nothing changed) when
 * there is no cache to use.
 */
export function installCodeCache(bundleDir: string = here(), env: NodeJS.ProcessEnv = process.env): CodeCacheUse | undefined {
  const root = codeCacheDir(env);
  if (root === undefined) return undefined;
  const ids = readIds(bundleDir);
  if (ids === undefined) return undefined;
  const use: CodeCacheUse = { kept: [], compiled: [] };
  // One folder per build and V8: a new build leaves the old folder to be cleared later.
  const dir = path.join(root, `${process.versions.v8}-${buildId(ids)}`);
  const extensions = (Module as unknown as { _extensions: Record<string, Compile> })._extensions;
  const plain = extensions['.js']!;
  const unsaved: Unsaved[] = [];
  extensions['.js'] = function compileWithCache(module, filename) {
    const id = path.dirname(filename) === bundleDir ? ids.get(path.basename(filename)) : undefined;
    if (id === undefined) return plain.call(this, module, filename);
    const file = path.join(dir, `${id}.bin`);
    const cachedData = readKept(file);
    const script = new vm.Script(Module.wrap(fs.readFileSync(filename, 'utf8')), { filename, cachedData });
    const fresh = cachedData === undefined || script.cachedDataRejected === true;
    if (fresh) unsaved.push({ script, file });
    (fresh ? use.compiled : use.kept).push(path.basename(filename));
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, Module.createRequire(filename), module, filename, path.dirname(filename));
  };
  process.once('exit', () => saveAll(root, dir, unsaved));
  return use;
}

function here(): string {
  return path.dirname(fileURLToPath(import.meta.url));
}

function readIds(bundleDir: string): Map<string, string> | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(bundleDir, CODE_IDS_FILE), 'utf8')) as Record<string, unknown>;
    const ids = new Map<string, string>();
    for (const [name, id] of Object.entries(parsed)) if (typeof id === 'string' && /^[0-9a-f]{8,64}$/.test(id)) ids.set(name, id);
    return ids;
  } catch {
    return undefined;
  }
}

/** A short name for a build: its files' hashes, folded (FNV-1a; no crypto module at start-up). */
function buildId(ids: Map<string, string>): string {
  let h = 0x811c9dc5;
  for (const id of [...ids.values()].sort()) {
    for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A kept file's code, or undefined when there is none or it is damaged. V8 checks that code was
 * made for this source, version and flags, but (in Node's builds) not that its bytes are intact,
 * and damaged code could crash every run: so each file carries a checksum of its own.
 */
function readKept(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < HEADER_BYTES || bytes.readUInt32LE(0) !== MAGIC) return undefined;
  const code = bytes.subarray(HEADER_BYTES);
  return bytes.readUInt32LE(4) === checksum(code) ? code : undefined;
}

/** What readKept takes back: magic, checksum, the code. */
function keptBytes(code: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(checksum(code), 4);
  return Buffer.concat([header, code]);
}

/** A 32-bit checksum of the bytes, a word at a time (a fraction of a millisecond for a big file). */
export function checksum(bytes: Uint8Array): number {
  const words = Math.floor(bytes.length / 4);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const view = new Uint32Array(aligned.buffer, aligned.byteOffset, words);
  let h = Math.imul(0x811c9dc5 ^ bytes.length, 0x01000193);
  for (let i = 0; i < words; i += 1) h = Math.imul(h ^ view[i]!, 0x01000193) ^ (h >>> 15);
  for (let i = words * 4; i < bytes.length; i += 1) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/** At exit: the code of every file compiled afresh, each written whole (temp file, then rename). */
function saveAll(root: string, dir: string, unsaved: Unsaved[]): void {
  if (unsaved.length === 0) return;
  try {
    const fresh = !fs.existsSync(dir);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const { script, file } of unsaved) {
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, keptBytes(script.createCachedData()), { mode: 0o600 });
      fs.renameSync(temp, file);
    }
    if (fresh) removeStale(root, dir);
  } catch {
    // No cache this time: the next run compiles as usual and tries again.
  }
}

/** Other builds' folders untouched for a month (an upgrade leaves the old one behind). */
function removeStale(root: string, keep: string): void {
  const now = Date.now();
  for (const name of fs.readdirSync(root)) {
    const dir = path.join(root, name);
    if (dir === keep) continue;
    try {
      if (now - fs.statSync(dir).mtimeMs > STALE_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another run removed it first.
    }
  }
}
