/**
 * Issue 23 point 9: a rejected `rules edit` leaves nothing in the temp folder (the file being edited
 * lives in a private mkdtemp folder that is removed), and the user's edit is not lost: it is kept
 * (0600) beside the ledger, named in the one error line, reopened by the next `rules edit`, and
 * removed once an edit is saved or that file is imported.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempLedger, tempLedger } from './helpers.js';

const BAD = 'rules:\n  - name: X\n    match: {amount: nope}\n    set: {category: Other}\n';
let t: TempLedger;
let tmp: string;
let kept: string;

function editor(name: string, body: string): string {
  const file = t.file(name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}
const edit = (script: string) => t.run(['rules', 'edit'], { env: { EDITOR: script, VISUAL: '', TMPDIR: tmp } });
const ruleNames = () => (JSON.parse(t.run(['rules', 'list', '--json']).stdout) as { name: string }[]).map((r) => r.name);

beforeAll(() => {
  t = tempLedger('pb-rules-edit-');
  tmp = t.file('tmp');
  mkdirSync(tmp);
  kept = `${t.ledger}.rules-rejected.yaml`;
  expect(t.run(['rules', 'add', 'Keep', '--match', 'keep', '--category', 'Other']).code).toBe(0);
});
afterAll(() => t.cleanup());

describe('a rejected rules edit', () => {
  it('is kept beside the ledger (0600), named with its line; nothing stays in the temp folder', () => {
    const r = edit(editor('bad.sh', `printf '${BAD}' > "$1"`));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${kept}:3: rule "X"`);
    expect(r.stderr).toMatch(/old rules were kept \(run `pocketbook rules edit` again/);
    expect(readdirSync(tmp)).toEqual([]);
    expect(readFileSync(kept, 'utf8')).toBe(BAD);
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    expect(ruleNames()).toEqual(['Keep']);
  });

  it('is reopened by the next rules edit; saving it removes the kept copy', () => {
    const seen = t.file('seen.yaml');
    const r = edit(editor('fix.sh', `cp "$1" '${seen}'; sed -i 's/nope/"< 0"/' "$1"`));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`continuing your rejected edit from ${kept}`);
    expect(readFileSync(seen, 'utf8')).toBe(BAD);
    expect(ruleNames()).toEqual(['X']);
    expect(existsSync(kept)).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('importing the kept file (as the hint says) removes it too', () => {
    expect(edit(editor('bad2.sh', `printf '${BAD.replace('X', 'Z')}' > "$1"`)).code).toBe(1);
    writeFileSync(kept, readFileSync(kept, 'utf8').replace('nope', '"< 0"'));
    const r = t.run(['rules', 'import', '--replace', kept]);
    expect(r.code, r.stderr).toBe(0);
    expect(ruleNames()).toEqual(['Z']);
    expect(existsSync(kept)).toBe(false);
  });
});
