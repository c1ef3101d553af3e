/**
 * What the two second-thread paths (import parsing, `rules apply`) share: where a compiled
 * worker script is, and the size from which a second thread pays for its start-up.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A worker script beside the compiled modules (dist/app or dist/bundle), or undefined when
 * running from the TypeScript sources (unit tests), where the work then stays in-thread.
 */
export function workerScript(name: string): URL | undefined {
  const url = new URL(`./${name}`, import.meta.url);
  return fs.existsSync(fileURLToPath(url)) ? url : undefined;
}

/** A threshold from the environment (tests force the worker on small inputs), else the default. */
export function threshold(envName: string, fallback: number): number {
  return Number(process.env[envName]) || fallback;
}
