import { cpSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { seededLedger } from './history-helpers.js';

describe('backup and restore (e2e)', () => {
  const t = seededLedger();
  afterAll(() => t.cleanup());

  it('writes a private timestamped copy of ledger and attachments that restores', () => {
    const id = String(t.ids('瑞幸')[0]);
    writeFileSync(t.file('r.pdf'), 'receipt');
    t.run(['tx', 'note', id, 'before backup']);
    expect(t.run(['tx', 'attach', id, t.file('r.pdf')]).code).toBe(0);
    const r = t.run(['backup', t.file('backups'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout) as { path: string; ledger: string; attachments: number };
    expect(path.basename(info.path)).toMatch(/^pocketbook-backup-\d{8}-\d{6}$/);
    expect(statSync(info.path).mode & 0o777).toBe(0o700);
    expect(statSync(info.ledger).mode & 0o777).toBe(0o600);
    expect(info.attachments).toBe(1);

    // Changes after the backup are gone once it is restored.
    t.run(['tx', 'note', id, 'after backup']);
    const restored = t.file('restored');
    cpSync(info.path, restored, { recursive: true });
    const ledger = path.join(restored, path.basename(info.ledger));
    const run = (args: string[]) => runCli(['--ledger', ledger, ...args], { env: { POCKETBOOK_CONFIG_DIR: t.configDir } });
    const show = JSON.parse(run(['tx', 'show', id, '--json']).stdout) as { notes: { text: string }[]; attachments: { id: number }[] };
    expect(show.notes.map((n) => n.text)).toEqual(['before backup']);
    const out = t.file('exported');
    expect(run(['tx', 'attachment', 'export', id, out]).code).toBe(0);
    expect(readdirSync(out)).toEqual(['r.pdf']);
    expect(JSON.parse(run(['tx', 'list', '--json']).stdout)).toHaveLength(
      (JSON.parse(t.run(['tx', 'list', '--json']).stdout) as unknown[]).length,
    );
  });
});
