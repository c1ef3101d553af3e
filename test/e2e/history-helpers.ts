/** A temp ledger holding the bundled wallet and bank examples, for the history e2e tests. */
import path from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT, tempLedger, type TempLedger } from './helpers.js';

export interface Seeded extends TempLedger {
  /** Ids of entries whose description contains the text (tx list --search). */
  ids(search: string): number[];
  json<T = unknown>(args: string[]): T;
}

export function seededLedger(): Seeded {
  const t = tempLedger('pb-history-');
  for (const f of ['wallet-wechat-2026-09-10.csv', 'wallet-alipay-2026-09-10.csv', 'cmb-checking-2026-09-10.ofx']) {
    const r = t.run(['import', path.join(REPO_ROOT, 'examples', f)]);
    expect(r.code, r.stderr).toBe(0);
  }
  const json = <T,>(args: string[]): T => {
    const r = t.run([...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
  return { ...t, json, ids: (search) => json<{ id: number }[]>(['tx', 'list', '--search', search]).map((e) => e.id) };
}
