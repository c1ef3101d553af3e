/**
 * `rules edit`: the rules as YAML in $EDITOR, saved when valid. The file being edited lives in a
 * private temp folder (mkdtemp, 0700) that is always removed. A rejected edit is not lost: it is
 * kept (0600) beside the ledger, named in the error, and the next `rules edit` opens it again;
 * saving an edit (or importing that file) removes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { parseRulesYaml } from '../../rules/yaml.js';
import type { Rule } from '../../rules/model.js';
import { exportRules, rejectedEditPath, reportCreated, storeRules, withDb } from './rules.js';
import { tAppRules as say } from '../../core/messages/app-rules.js';


/** Open $EDITOR on the rules (or on the last rejected edit); save them when valid, keep the old ones otherwise. */
export function editRules(ctx: Context, env: NodeJS.ProcessEnv = process.env): { total: number; created: string[]; unchanged: boolean } {
  const editor = env.VISUAL || env.EDITOR || (process.platform === 'win32' ? 'notepad' : 'vi');
  const kept = rejectedEditPath(ctx.ledgerPath);
  const resumed = readIfPresent(kept);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketbook-rules-'));
  const file = path.join(dir, 'rules.yaml');
  let keepDir = false;
  try {
    const before = resumed ?? say('editHeader') + exportRules(ctx);
    if (resumed !== undefined) ctx.io.err(say('continuing', { file: kept }));
    fs.writeFileSync(file, before, { mode: 0o600, flag: 'wx' });
    const res = spawnSync(`${editor} "${file}"`, { stdio: 'inherit', shell: true });
    if (res.status !== 0) throw new PocketbookError('RULES', say('editorFailed', { editor, status: String(res.status ?? res.signal) }));
    const after = fs.readFileSync(file, 'utf8');
    if (after === before && resumed === undefined) return { total: 0, created: [], unchanged: true };
    let rules: Rule[];
    try {
      rules = parseRulesYaml(after, file);
    } catch (err) {
      if (!(err instanceof PocketbookError)) throw err;
      let where = keepRejected(after, kept);
      if (where === undefined) {
        keepDir = true; // the folder beside the ledger is not writable: the private copy is the one kept
        where = file;
      }
      throw new PocketbookError('RULES', say('oldKept', { message: err.message }), {
        location: { file: where, ...(err.location?.line !== undefined ? { line: err.location.line } : {}) },
        hint: say('editAgain'),
      });
    }
    const saved = withDb(ctx, (db) => {
      const created = storeRules(db, rules);
      reportCreated(ctx, created);
      return { total: rules.length, created, unchanged: false };
    });
    fs.rmSync(kept, { force: true });
    return saved;
  } finally {
    if (!keepDir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Keep the rejected text at `kept` (written beside it, then renamed: a link there is replaced, never
 * followed); undefined when that folder cannot be written (the private temp copy is kept instead).
 */
function keepRejected(text: string, kept: string): string | undefined {
  const temp = `${kept}.tmp-${process.pid}`;
  try {
    fs.writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
    fs.renameSync(temp, kept);
    return kept;
  } catch {
    fs.rmSync(temp, { force: true });
    return undefined;
  }
}
